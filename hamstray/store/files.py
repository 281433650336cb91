"""Writing files so that a crash never leaves half of one."""

import contextlib
import os
import stat
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a new temp file beside ``path``, flush it to disk, rename it into place
    and flush the directory, so that ``path`` is always either the old file or the new one.

    A file that is replaced keeps its permissions; a new one gets the user's umask. The temp
    file has a unique name (two writers never share one) and is removed if anything fails.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary, handle = _create_beside(path)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if path.exists():
            temporary.chmod(stat.S_IMODE(path.stat().st_mode))
        temporary.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _sync_directory(path.parent)


def _create_beside(path: Path) -> tuple[Path, int]:
    """A new file with a name of its own next to ``path``, mode 0666 less the umask."""
    while True:
        temporary = path.with_name(f".{path.name}.{os.urandom(6).hex()}.tmp")
        try:
            return temporary, os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue


def _sync_directory(folder: Path) -> None:
    """Flush the rename itself to disk (POSIX; Windows has no directory handles to sync)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
