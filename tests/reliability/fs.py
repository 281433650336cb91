"""Real file-system faults for tests: a directory that is read-only, or on a disk that is full.

As root (CI) these are real mounts (a tmpfs remounted read-only, a tiny tmpfs filled up); as a
normal user a read-only directory is its permissions, and a full disk cannot be made.
"""

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(*argv: str) -> None:
    subprocess.run(["mount", *argv], check=True, capture_output=True, text=True)


@contextlib.contextmanager
def tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """A fresh tmpfs of ``size`` on ``folder`` (root only)."""
    if os.geteuid() != 0:
        pytest.skip("a tmpfs mount needs root (CI runs as root)")
    folder.mkdir(parents=True, exist_ok=True)
    try:
        _mount("-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder))
    except subprocess.CalledProcessError as error:  # e.g. a container without CAP_SYS_ADMIN
        pytest.skip(f"cannot mount a tmpfs here: {error.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


class ReadOnly:
    """``folder`` made read-only, and writable again with ``release``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.mounted = os.geteuid() == 0
        if self.mounted:
            _mount("-o", "remount,ro", str(folder))
        else:
            folder.chmod(0o500)

    def release(self) -> None:
        if self.mounted:
            _mount("-o", "remount,rw", str(self.folder))
        else:
            self.folder.chmod(0o700)


@contextlib.contextmanager
def data_dir(root: Path) -> Iterator[Path]:
    """An ``XDG_DATA_HOME`` whose ``hamstray`` folder can be made read-only for real (its own
    tmpfs as root, else plain permissions)."""
    folder = root / "data"
    if os.geteuid() == 0:
        with tmpfs(folder / "hamstray", "8m"):
            yield folder
    else:
        (folder / "hamstray").mkdir(parents=True, exist_ok=True)
        yield folder


def fill(folder: Path) -> Path:
    """Fill the disk under ``folder`` to the last byte; delete the returned file to free it."""
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (1 << 16, 4096, 1):  # big blocks, then the last bytes
            with contextlib.suppress(OSError):
                while os.write(descriptor, b"\0" * size):
                    pass
    finally:
        os.close(descriptor)
    return filler
