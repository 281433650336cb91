"""Open a file the way the desktop would (the user's image viewer, text editor), and say so when
nothing opens it."""

import logging
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from hamstray.store.translations import N_, _

log = logging.getLogger(__name__)

Failed = Callable[[str], None]  # gets why no program opened the file, in a few words
# What xdg-open's exit codes mean (its manual), as a person reads them.
XDG_OPEN_EXITS = {
    2: N_("the file is not there"),
    3: N_("a tool it needs is missing"),
    4: N_("no program for this kind of file"),
}


def _logged(why: str) -> None:
    log.warning("No program opened the file (%s).", why)


def open_file(path: Path, failed: Failed = _logged) -> None:
    """Open ``path`` with the desktop's default application (never through a shell).

    When no program opens it, ``failed`` gets why (later, from a thread of its own: xdg-open
    may wait for the program it started). The opener is always waited for, so it never lingers
    as a defunct process.
    """
    if sys.platform == "win32":
        try:
            os.startfile(path)  # type: ignore[attr-defined]  # noqa: S606 - the Windows way
        except OSError as error:
            failed(str(error.strerror or error))
        return
    opener = "open" if sys.platform == "darwin" else "xdg-open"
    import shutil  # noqa: PLC0415 - shutil brings bz2 and lzma: only when asked

    if shutil.which(opener) is None:
        failed(_("{program} is not installed").format(program=opener))
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
        failed(str(error.strerror or error))
        return

    def wait() -> None:
        said = process.communicate()[1]
        if process.returncode != 0:
            log.info("%s %s said: %s", opener, path, said.strip()[-500:])
            code = process.returncode
            why = XDG_OPEN_EXITS.get(code)
            said_why = _(why) if why else _("exit status {code}").format(code=code)
            failed(f"{opener}: {said_why}")

    threading.Thread(target=wait, name="hamstray-opener", daemon=True).start()
