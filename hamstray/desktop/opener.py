"""Open a file the way the desktop would (the user's image viewer, text editor)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path


def open_file(path: Path) -> None:
    """Open ``path`` with the desktop's default application (never through a shell)."""
    if sys.platform == "win32":
        os.startfile(path)  # type: ignore[attr-defined]  # noqa: S606 - the Windows way
        return
    opener = "open" if sys.platform == "darwin" else "xdg-open"
    if shutil.which(opener) is None:
        raise OSError(f"{opener} is not installed; the file is {path}")
    subprocess.Popen(
        [opener, str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
