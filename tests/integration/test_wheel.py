"""The built wheel installs into a fresh venv and carries its icons and compiled translations
inside the package."""

import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_wheel_ships_the_icons_and_runs(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--wheel-dir",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        check=True,
        timeout=300,
    )
    (wheel,) = (tmp_path / "dist").glob("hamstray-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        check=True,
        timeout=600,
    )
    code = (
        "import hamstray, hamstray.store.assets as i; print(hamstray.__version__); "
        "print(i.app_icon()); print(i.app_icon().is_file())"
    )
    out = subprocess.run(
        [python, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout.split()
    assert out[0] == "0.1.0"
    assert out[1].startswith(str(env_dir))  # found through the installed package
    assert out[1].endswith("site-packages/hamstray/icons/hamstray.png")
    assert out[2] == "True"
    version = subprocess.run(
        [env_dir / "bin" / "hamstray", "--version"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert version.stdout.strip() == "hamstray 0.1.0"
    german = "from hamstray.store import translations as t; t.use('de'); print(t._('Quit'))"
    spoken = subprocess.run(
        [python, "-c", german], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert spoken.stdout.strip() == "Beenden"  # the .mo the build hook compiled
