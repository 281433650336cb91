"""A clean Debian 12 to install into: a debootstrap'd minbase chroot, made once and cached.

Each test gets a fresh copy of the cached tree (``cp -a``, about 2 s), so nothing one run
installs is there for the next. Bind mounts into the copy are listed and undone in reverse, and
the copy is deleted only once nothing is mounted below it.
"""

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MIRROR = os.environ.get("HAMSTRAY_DEBIAN_MIRROR", "http://deb.debian.org/debian")
SECURITY = os.environ.get("HAMSTRAY_DEBIAN_SECURITY", "http://deb.debian.org/debian-security")
SOURCES = f"""Types: deb
URIs: {MIRROR}
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: {SECURITY}
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
"""
# A plain environment inside: Debian's PATH, no virtualenv, no host variables.
BASE_ENV = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8", "HOME": "/root"}


def cached_base(cache: Path) -> tuple[Path, float]:
    """The pristine Debian 12 tree under ``cache`` (made now if missing), and seconds spent."""
    base = cache / "bookworm"
    if (base / ".hamstray-complete").is_file():
        return base, 0.0
    started = time.monotonic()
    partial = cache / "bookworm.partial"
    shutil.rmtree(partial, ignore_errors=True)
    cache.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["debootstrap", "--variant=minbase", "bookworm", str(partial), MIRROR],
        check=True,
        capture_output=True,
        timeout=1200,
    )
    (partial / "etc" / "apt" / "sources.list").write_text("")
    (partial / "etc" / "apt" / "sources.list.d" / "debian.sources").write_text(SOURCES)
    (partial / "var" / "lib" / "apt" / "lists").mkdir(parents=True, exist_ok=True)
    shutil.rmtree(base, ignore_errors=True)
    partial.rename(base)
    (base / ".hamstray-complete").write_text("debootstrap --variant=minbase bookworm\n")
    return base, time.monotonic() - started


def _mounted_below(path: Path) -> list[str]:
    prefix = str(path.resolve()) + "/"
    mounts = Path("/proc/self/mounts").read_text().splitlines()
    return [line.split()[1] for line in mounts if (line.split()[1] + "/").startswith(prefix)]


class Chroot:
    """A running copy of the clean tree, with a few host directories bound into it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._mounts: list[Path] = []

    def bind(self, host: Path, inside: str | None = None) -> None:
        """Make host directory ``host`` visible at ``inside`` (default: the same path)."""
        target = self.root / (inside or str(host)).lstrip("/")
        target.mkdir(parents=True, exist_ok=True)
        subprocess.run(["mount", "--bind", str(host), str(target)], check=True)
        self._mounts.append(target)

    def mount_proc(self) -> None:
        """A /proc inside, which apt and Python need."""
        target = self.root / "proc"
        target.mkdir(exist_ok=True)
        subprocess.run(["mount", "-t", "proc", "proc", str(target)], check=True)
        self._mounts.append(target)

    def argv(self, *command: str, **env: str) -> list[str]:
        """The command line that runs ``command`` inside, in a plain environment."""
        variables = [f"{k}={v}" for k, v in {**BASE_ENV, **env}.items()]
        return ["chroot", str(self.root), "/usr/bin/env", "-i", *variables, *command]

    def run(
        self, *command: str, timeout: float = 600, **env: str
    ) -> subprocess.CompletedProcess[str]:
        """Run ``command`` inside and return what it printed (never raises on failure)."""
        return subprocess.run(
            self.argv(*command, **env),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            stdin=subprocess.DEVNULL,
        )

    def exists(self, path: str) -> bool:
        return (self.root / path.lstrip("/")).exists()

    def unmount_all(self) -> None:
        for target in reversed(self._mounts):
            subprocess.run(["umount", str(target)], check=False, capture_output=True)
        self._mounts.clear()


@contextmanager
def fresh_copy(base: Path, where: Path, apt_cache: Path) -> Iterator[Chroot]:
    """A throwaway copy of ``base`` at ``where``, with /proc, /dev/pts and apt's download cache."""
    subprocess.run(["cp", "-a", str(base), str(where)], check=True)
    shutil.copy("/etc/resolv.conf", where / "etc" / "resolv.conf")
    box = Chroot(where)
    try:
        box.mount_proc()
        box.bind(Path("/dev/pts"), "/dev/pts")
        apt_cache.mkdir(parents=True, exist_ok=True)
        # Only the downloaded .debs are kept between runs; apt still resolves and installs.
        box.bind(apt_cache, "/var/cache/apt/archives")
        yield box
    finally:
        box.unmount_all()
        left = _mounted_below(where)
        if left:
            raise RuntimeError(f"still mounted, {where} left in place: {left}")
        shutil.rmtree(where)
