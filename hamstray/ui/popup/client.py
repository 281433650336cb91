"""The app's end of the popup menu: open it in a short-lived process, read back the choice.

The menu goes in as JSON entries (label, enabled, checked, submenu); the process prints the
path of the chosen entry ("3.1": the second entry of the fourth one's submenu) and exits.
"""

import json
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


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


def open_menu(
    entries: tuple[Entry, ...], x: int, y: int, on_choice: Callable[[str], None]
) -> "subprocess.Popen[str]":
    """Show ``entries`` at (x, y); ``on_choice`` gets the chosen path, from a reader thread."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "hamstray.ui.popup",
            json.dumps([e.as_json() for e in entries]),
            str(x),
            str(y),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )

    def wait() -> None:
        assert process.stdout is not None  # noqa: S101 - Popen was given stdout=PIPE
        chosen = process.stdout.read().strip()
        process.wait()
        if chosen:
            on_choice(chosen)

    threading.Thread(target=wait, name="hamstray-menu", daemon=True).start()
    return process
