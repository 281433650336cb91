"""Open a file the way the desktop would (the user's image viewer, text editor), and say so when
nothing opens it."""

import logging
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

Failed = Callable[[str], None]  # gets one sentence for the user


def _logged(sentence: str) -> None:
    log.warning("%s", sentence)


def open_file(path: Path, failed: Failed = _logged) -> None:
    """Open ``path`` with the desktop's default application (never through a shell).

    When no program opens it, ``failed`` gets one sentence (later, from a thread of its own:
    xdg-open may wait for the program it started). The opener is always waited for, so it never
    lingers as a defunct process.
    """
    if sys.platform == "win32":
        try:
            os.startfile(path)  # type: ignore[attr-defined]  # noqa: S606 - the Windows way
        except OSError as error:
            failed(f"No program opened {path} ({error.strerror or error}).")
        return
    opener = "open" if sys.platform == "darwin" else "xdg-open"
    if shutil.which(opener) is None:
        failed(f"No program opened {path}: {opener} is not installed.")
        return
    try:
        process = subprocess.Popen(
            [opener, str(path)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
            text=True,
            errors="replace",
        )
    except OSError as error:
        failed(f"No program opened {path} ({error.strerror or error}).")
        return

    def wait() -> None:
        _, said = process.communicate()
        if process.returncode != 0:
            lines = [line.strip() for line in said.splitlines() if line.strip()]
            why = lines[-1] if lines else f"{opener} exited with {process.returncode}"
            failed(f"No program opened {path} ({why}).")

    threading.Thread(target=wait, name="hamstray-opener", daemon=True).start()
