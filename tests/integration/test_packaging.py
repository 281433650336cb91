"""The release artefacts: a wheel and an sdist that twine accepts, installable with pipx."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return out


def test_build_makes_a_wheel_and_an_sdist_that_twine_accepts(dist: Path) -> None:
    files = sorted(p.name for p in dist.iterdir())
    assert files == ["hamstray-0.1.0-py3-none-any.whl", "hamstray-0.1.0.tar.gz"]
    check = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, dist.iterdir())],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_the_wheel_holds_the_icons_the_catalogue_and_the_license(dist: Path) -> None:
    with zipfile.ZipFile(dist / "hamstray-0.1.0-py3-none-any.whl") as wheel:
        names = set(wheel.namelist())
        metadata = wheel.read("hamstray-0.1.0.dist-info/METADATA").decode()
    assert "hamstray/icons/hamstray.png" in names
    assert "hamstray/icons/stretches/legs-up-the-wall.png" in names
    assert "hamstray/icons/stretches/manifest.json" in names  # the guide finds the frames here
    assert "hamstray/icons/stretches/seated-cat-cow/round-side1@2x.png" in names
    assert "hamstray/icons/stretches/desk-calf/hold-side2@1x.png" in names
    assert "hamstray/store/stretches.toml" in names
    assert "hamstray/store/guidance.toml" in names
    assert not any(n.startswith("tools/") for n in names)  # build-time only
    assert any(n.endswith("licenses/LICENSE") for n in names)
    for field in (
        "License-Expression: MIT",
        "Project-URL: Changelog",
        "Keywords:",
        "Requires-Dist: jeepney>=0.8; sys_platform == 'linux'",
        "Requires-Dist: python-xlib>=0.33; sys_platform == 'linux'",  # we import it ourselves
        "Requires-Dist: pulsectl>=22.3.2; sys_platform == 'linux'",
        "Classifier: Operating System :: Microsoft :: Windows",
    ):
        assert field in metadata


def test_pipx_installs_it_and_the_commands_run(dist: Path, tmp_path: Path) -> None:
    env = dict(
        os.environ,
        PIPX_HOME=str(tmp_path / "pipx"),
        PIPX_BIN_DIR=str(tmp_path / "bin"),
        PIPX_MAN_DIR=str(tmp_path / "man"),
        HOME=str(tmp_path),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    wheel = dist / "hamstray-0.1.0-py3-none-any.whl"
    subprocess.run(
        [sys.executable, "-m", "pipx", "install", "--python", sys.executable, str(wheel)],
        env=env,
        check=True,
        capture_output=True,
        timeout=600,
    )
    command = tmp_path / "bin" / "hamstray"
    version = subprocess.run(
        [command, "--version"], env=env, capture_output=True, text=True, check=True
    )
    assert version.stdout.strip() == "hamstray 0.1.0"
    listing = subprocess.run(
        [command, "stretches"], env=env, capture_output=True, text=True, check=True
    )
    assert listing.stdout.startswith("Hamstrings\n")
    assert "legs-up-the-wall" in listing.stdout
