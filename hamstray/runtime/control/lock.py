"""One running hamstray per user: an advisory lock the OS drops on any exit, in a private dir."""

import os
import sys
from pathlib import Path
from typing import TextIO

from hamstray.runtime.control.errors import ControlError


def private_dir(path: Path) -> Path:
    """Create ``path`` as a 0700 directory of this user, or refuse one that others can enter."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = path.stat()
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        from hamstray.store.translations import _  # noqa: PLC0415 - said only when it happens

        raise ControlError(
            _("{path} belongs to another user; refusing to use it").format(path=path)
        )
    if info.st_mode & 0o077:
        path.chmod(0o700)
    return path


def _lock(handle: TextIO) -> None:
    """Lock ``handle`` without waiting; OSError if another process holds it."""
    if sys.platform == "win32":
        import msvcrt  # noqa: PLC0415

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl  # noqa: PLC0415

        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)


class InstanceLock:
    """An advisory lock that only one running app per user holds; the OS drops it on any exit."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: TextIO | None = None

    def acquire(self) -> bool:
        """Take the lock; False when another instance holds it."""
        private_dir(self.path.parent)
        handle = self.path.open("a+", encoding="ascii")
        try:
            _lock(handle)
        except OSError:
            handle.close()
            return False
        handle.truncate(0)
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._file = handle
        return True

    def holder(self) -> int | None:
        """The pid written by the instance that holds the lock, if it can be read."""
        try:
            return int(self.path.read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            return None

    def release(self) -> None:
        """Give the lock up."""
        if self._file is not None:
            self._file.close()
            self._file = None
