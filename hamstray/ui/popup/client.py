"""The app's end of the popup menu: open it in a short-lived process, read back the choice.

The menu goes in as JSON entries (label, enabled, checked, submenu); the process prints the
path of the chosen entry ("3.1": the second entry of the fourth one's submenu) and exits.
"""

import json
import logging
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hamstray.ui import child

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of the menu ("-": a separator)."""

    label: str
    enabled: bool = True
    checked: bool | None = None  # None: not a check item
    submenu: tuple["Entry", ...] = ()

    def as_json(self) -> dict[str, Any]:
        """The entry as the popup process reads it."""
        return {
            "label": self.label,
            "enabled": self.enabled,
            "checked": self.checked,
            "submenu": [e.as_json() for e in self.submenu],
        }


class Popup:
    """At most one popup menu at a time, each in a process of its own, closed with ``close``.

    The process reads its standard input only to see it end: it closes itself when this
    process ends, however it ends.
    """

    def __init__(self, on_crash: Callable[[str], None] = lambda _: None) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[str] | None = None
        self._on_crash = on_crash  # gets one sentence; the traceback goes to the log

    def open(
        self, entries: tuple[Entry, ...], x: int, y: int, on_choice: Callable[[str], None]
    ) -> None:
        """Show ``entries`` at (x, y), unless a menu is open; ``on_choice`` gets the chosen
        path, from a reader thread."""
        with self._lock:
            if self._process is not None and self._process.poll() is None:
                return
            self._process = process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "hamstray.ui.popup",
                    json.dumps([e.as_json() for e in entries]),
                    str(x),
                    str(y),
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        stderr = child.errors(process)

        def wait() -> None:
            assert process.stdout is not None  # noqa: S101 - Popen was given stdout=PIPE
            chosen = process.stdout.read().strip()
            code = process.wait()
            with self._lock:
                closed = self._process is not process  # closed by close(): no crash
            if code > 0 and not closed:
                output = stderr()
                log.error("The menu failed:\n%s", output.rstrip() or f"exit status {code}")
                self._on_crash(f"hamstray's menu closed unexpectedly: {child.last_line(output)}")
            if chosen:
                on_choice(chosen)

        threading.Thread(target=wait, name="hamstray-menu", daemon=True).start()

    def close(self) -> None:
        """Close the open menu, if any, without a choice."""
        with self._lock:
            process, self._process = self._process, None
        if process is not None and process.poll() is None:
            assert process.stdin is not None  # noqa: S101 - Popen was given stdin=PIPE
            process.stdin.close()  # the menu sees its input end and closes itself
            process.terminate()  # and if Tk is stuck, the signal ends it
