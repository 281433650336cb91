"""The Debian package: built with Debian's own tools, lintian-clean, installed with apt into a
clean Debian 12, where it runs and docks its icon in a real tray, and removed again.

The clean Debian 12 is a debootstrap'd minbase chroot (about 30 s; cached under .cache/ of the
source, or $HAMSTRAY_CHROOT_CACHE), copied fresh twice: once to build in with only the
Build-Depends (as sbuild would, so a missing one fails), once to install into, where apt brings
every dependency from Debian alone. Only apt's downloaded .debs are kept between runs.
"""

import os
import re
import subprocess
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from hamstray.desktop.tray import icons
from tests.desktop.stack import desktop, missing_tools, wait_for
from tests.pixels import pixels

from .chroot import Chroot, cached_base, fresh_copy
from .conftest import ROOT, apt_install, copy_source, needs_root

# Downloads and installs from Debian's and PyPI's mirrors: minutes, not the default 120 s.
pytestmark = pytest.mark.timeout(1800)

CONTROL = (ROOT / "packaging" / "debian" / "control").read_text()
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
DEB = f"hamstray_{VERSION}-1_all.deb"
CACHE = Path(os.environ.get("HAMSTRAY_CHROOT_CACHE", ROOT / ".cache" / "debian"))
# The files the package puts outside Python's own directory.
INSTALLED = (
    "/usr/bin/hamstray",
    "/usr/share/applications/hamstray.desktop",
    "/usr/share/icons/hicolor/48x48/apps/hamstray.png",
    "/usr/share/icons/hicolor/256x256/apps/hamstray.png",
    "/usr/share/metainfo/io.github.hamstray.hamstray.metainfo.xml",
    "/usr/share/man/man1/hamstray.1.gz",
    "/usr/lib/python3/dist-packages/hamstray/icons/hamstray.png",
)
# What the issue asks apt to bring from Debian itself.
FROM_DEBIAN = (
    "python3-pystray",
    "python3-pil",
    "python3-plyer",
    "python3-jeepney",
    "python3-platformdirs",
    "python3-pulsectl",
    "python3-tomlkit",
    "python3-tk",
    "python3-xlib",
)
TRAY_ICON = {"xorg": ("--classname", "^hamstraySystemTrayIcon$"), "gtk": ("--class", "^Hamstray$")}


def close(pixel: tuple[int, ...], colour: tuple[int, ...]) -> bool:
    return all(abs(a - b) <= 40 for a, b in zip(pixel[:3], colour[:3], strict=True))


def build_depends() -> list[str]:
    """The package names in debian/control's Build-Depends."""
    field = re.search(r"^Build-Depends:(.*?)^\S", CONTROL, re.M | re.S)
    assert field
    names = [re.split(r"[\s(<]", entry.strip())[0] for entry in field[1].split(",")]
    return [n.replace("debhelper-compat", "debhelper") for n in names if n]


@pytest.fixture(scope="module")
def bookworm() -> Path:
    """The cached clean Debian 12 tree (debootstrap'd now if missing)."""
    needs_root()
    apt_install("debootstrap", "lintian")
    base, spent = cached_base(CACHE)
    print(f"debootstrap: {spent:.1f} s" if spent else f"debootstrap: cached in {base}")
    return base


@pytest.fixture(scope="module")
def built(bookworm: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """packaging/build-deb, run as sbuild would: in a clean Debian 12 with only build-essential
    and the Build-Depends; then lintian. The output directory."""
    out = tmp_path_factory.mktemp("deb")
    where = tmp_path_factory.mktemp("build-chroot") / "bookworm"
    started = time.monotonic()
    with fresh_copy(bookworm, where, CACHE / "apt-archives") as box:
        needs = ["build-essential", *build_depends()]
        for step in (
            ["apt-get", "update", "-qq"],
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *needs],
        ):
            result = box.run(*step, DEBIAN_FRONTEND="noninteractive")
            assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
        copy_source(where / "src" / "hamstray")
        box.bind(out, "/out")
        build = box.run("/src/hamstray/packaging/build-deb", "/out", timeout=900)
        assert build.returncode == 0, build.stdout[-4000:] + build.stderr[-4000:]
    print(f"build-deb in a clean chroot took {time.monotonic() - started:.1f} s")
    (out / "build.log").write_text(build.stdout + build.stderr)
    lintian = subprocess.run(
        ["lintian", "--pedantic", *map(str, out.glob(f"hamstray_{VERSION}-1_*.changes"))],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    (out / "lintian.log").write_text(lintian.stdout + lintian.stderr)
    return out


@pytest.fixture(scope="module")
def debian12(bookworm: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chroot]:
    """A fresh copy of the clean Debian 12, with its package lists updated."""
    where = tmp_path_factory.mktemp("chroot") / "bookworm"
    with fresh_copy(bookworm, where, CACHE / "apt-archives") as box:
        update = box.run("apt-get", "update", "-qq")
        assert update.returncode == 0, update.stdout + update.stderr
        yield box


def test_lintian_finds_no_errors_and_no_unexplained_warnings(built: Path) -> None:
    """With --pedantic: the one tag left is a pedantic one (which also shows lintian ran)."""
    log = (built / "lintian.log").read_text()
    tags = re.findall(r"^([EWIPXO]): hamstray(?: source)?: (\S+)", log, re.M)
    assert [t for t in tags if t[0] in "EW"] == [], tags
    # The pictures are package data read through importlib.resources, so they sit in usr/lib.
    assert {name for _, name in tags} == {"image-file-in-usr-lib"}, tags


def test_the_package_holds_the_launcher_the_icons_the_metainfo_and_the_program(
    built: Path, tmp_path: Path
) -> None:
    subprocess.run(["dpkg-deb", "-x", str(built / DEB), str(tmp_path)], check=True)
    for path in INSTALLED:
        assert (tmp_path / path.lstrip("/")).is_file(), path
    entry = (tmp_path / "usr/share/applications/hamstray.desktop").read_text()
    assert "Exec=hamstray run\n" in entry
    assert "StartupWMClass=hamstray\n" in entry
    for check in (
        ["desktop-file-validate", str(tmp_path / "usr/share/applications/hamstray.desktop")],
        ["appstreamcli", "validate-tree", "--no-net", str(tmp_path)],
    ):
        result = subprocess.run(check, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr
    depends = subprocess.run(
        ["dpkg-deb", "--field", str(built / DEB), "Depends"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for package in FROM_DEBIAN:
        assert re.search(rf"(^|, ){package}( |,|$)", depends), (package, depends)


def test_apt_installs_it_in_a_clean_debian_12_where_it_runs_and_docks_its_icon(
    built: Path, debian12: Chroot, tmp_path: Path
) -> None:
    assert not debian12.exists("/usr/bin/python3")  # clean: not even Python yet
    (debian12.root / "tmp" / DEB).write_bytes((built / DEB).read_bytes())
    started = time.monotonic()
    command = f"cd /tmp && apt install -y -q ./{DEB}"  # as the README says
    install = subprocess.run(
        debian12.argv("sh", "-c", command, DEBIAN_FRONTEND="noninteractive"),
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert install.returncode == 0, install.stdout[-4000:] + install.stderr[-4000:]
    print(f"apt install in the chroot took {time.monotonic() - started:.1f} s")
    for path in INSTALLED:
        assert debian12.exists(path), path

    version = debian12.run("hamstray", "--version")
    assert version.stdout.strip() == f"hamstray {VERSION}", version.stdout + version.stderr
    alone = debian12.run("hamstray", "doctor")
    assert alone.returncode == 1, alone.stdout + alone.stderr
    assert re.search(r"^PROBLEM\s+tray\s+no graphical session", alone.stdout, re.M), alone.stdout

    if missing_tools():
        pytest.fail(f"the desktop check needs {', '.join(missing_tools())}: run tests/run as root")
    with desktop(tmp_path / "desktop") as session:
        debian12.bind(Path("/tmp/.X11-unix"))
        debian12.bind(session.root)  # the user's home and the session bus socket, same paths
        env = {k: v for k, v in session.env.items() if k != "PATH"}
        doctor = debian12.run("hamstray", "doctor", **env)
        tray = re.search(r"^(OK|PROBLEM)\s+tray\s+(\w+)", doctor.stdout, re.M)
        assert tray, doctor.stdout + doctor.stderr
        assert tray[1] == "OK", doctor.stdout
        backend = tray[2]
        print(f"tray backend in the chroot: {backend}")
        assert backend in TRAY_ICON, doctor.stdout
        assert re.search(r"^OK\s+notifications", doctor.stdout, re.M), doctor.stdout

        app = session.start("hamstray", *debian12.argv("hamstray", "--verbose", **env))

        def docked() -> int | None:
            found = session.run("xdotool", "search", *TRAY_ICON[backend], check=False).stdout
            return next((int(w) for w in found.split() if session.docked(int(w))), None)

        try:
            icon = wait_for(docked, 30, f"the installed hamstray's {backend} icon in the tray")

            def painted() -> bool:
                picture = Image.open(session.screenshot(tmp_path / "tray.png", str(icon)))
                return any(close(p, icons.TEAL) for p in pixels(picture))

            wait_for(painted, 10, "the icon's teal dot (sitting) in the tray", every=0.5)
            status = debian12.run("hamstray", "status", **env)
            assert status.returncode == 0, status.stdout + status.stderr
        finally:
            session.stop(app)
            debian12.unmount_all()

    remove = debian12.run("apt", "remove", "-y", "-q", "hamstray", DEBIAN_FRONTEND="noninteractive")
    assert remove.returncode == 0, remove.stdout + remove.stderr
    for path in INSTALLED:
        assert not debian12.exists(path), path
    assert not debian12.exists("/usr/lib/python3/dist-packages/hamstray")
    state = debian12.run("dpkg-query", "-W", "-f=${db:Status-Status}", "hamstray")
    forgotten = state.returncode == 1 and "no packages found" in state.stderr
    assert forgotten or state.stdout == "not-installed", state.stdout + state.stderr
