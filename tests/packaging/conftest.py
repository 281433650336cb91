"""Helpers for the packaging tests: root-only steps, Debian packages, a new user's shell."""

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# What a new user's terminal has on Debian: no pyenv, no virtualenv, Debian's /usr/bin/python3.
USER_PATH = "/usr/local/bin:/usr/bin:/bin:/usr/games"


def needs_root() -> None:
    """Skip the calling test unless it runs as root on Debian (it installs packages, adds users)."""
    if os.geteuid() != 0:
        pytest.skip("needs root on Debian (apt-get, useradd, mount): run tests/run as root")
    if not shutil.which("apt-get") or not Path("/etc/debian_version").is_file():
        pytest.skip("needs a Debian system with apt-get")


def apt_install(*packages: str) -> None:
    """Install Debian packages (as root), waiting for another apt run to finish first."""
    subprocess.run(
        ["apt-get", "-o", "DPkg::Lock::Timeout=600", "install", "-y", "-qq", *packages],
        env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"),
        check=True,
        capture_output=True,
        timeout=900,
    )


def source_files() -> list[str]:
    """The files of the source tree as it is now (tracked and new, not ignored)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return sorted(name for name in listed.split("\0") if name and (ROOT / name).is_file())


def copy_source(target: Path) -> Path:
    """Copy the source tree as it is now into ``target`` (made), and return it."""
    target.mkdir(parents=True)
    for name in source_files():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target / name)
    return target


@dataclass(frozen=True)
class User:
    """A fresh non-root user with an empty home."""

    name: str
    home: Path

    def shell(self, line: str, cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess[str]:
        """Run ``line`` in a new interactive bash (a new terminal) as this user, in ``cwd``."""
        environment = [
            f"HOME={self.home}",
            f"USER={self.name}",
            f"LOGNAME={self.name}",
            "SHELL=/bin/bash",
            f"PATH={USER_PATH}",
            "LANG=C.UTF-8",
            "TERM=dumb",
        ]
        return subprocess.run(
            ["runuser", "-u", self.name, "--", "env", "-i", *environment, "bash", "-i", "-c", line],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            stdin=subprocess.DEVNULL,
        )

    def chown(self, path: Path) -> None:
        """Give ``path`` (recursively) to this user."""
        subprocess.run(["chown", "-R", f"{self.name}:", str(path)], check=True)


@pytest.fixture
def new_user() -> Iterator[User]:
    """A non-root user made for this test, with a fresh home under /tmp; removed after."""
    needs_root()
    name = "hamstray-newcomer"
    if subprocess.run(["id", name], capture_output=True, check=False).returncode == 0:
        subprocess.run(["userdel", "-r", name], capture_output=True, check=False)
    base = Path(tempfile.mkdtemp(prefix="hamstray-user-"))
    base.chmod(0o755)
    home = base / name
    subprocess.run(
        ["useradd", "--create-home", "--home-dir", str(home), "--shell", "/bin/bash", name],
        check=True,
    )
    try:
        yield User(name, home)
    finally:
        subprocess.run(["userdel", "-r", name], capture_output=True, check=False)
        shutil.rmtree(base, ignore_errors=True)
