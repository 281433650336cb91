"""Both ends of the settings window's protocol: what the app hands the window, what the window
reports, and what the app answers.

The app starts ``python -m hamstray.ui.settings SPEC`` (SPEC: JSON with the file and the state
of this computer) and reads one JSON object per line from its stdout::

    {"event": "saved", "written": true, "changes": ["breaks.interval"],
     "autostart": true | null, "standing": false | null}      (null: not changed)
    {"event": "open", "path": "/home/me/.config/hamstray/config.toml"}
    {"event": "closed"}

and may write one line to its stdin: ``{"event": "open-failed", "why": "No program opened …"}``.
"""

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hamstray.store import assets


def spec(path: Path, autostart: bool | None, standing: bool | None) -> dict[str, Any]:
    """The JSON the window needs: the file, and start at login and standing (None: not shown)."""
    return {
        "path": str(path),
        "icon": str(assets.app_icon()),
        "autostart": autostart,
        "standing": standing,
    }


@dataclass(frozen=True, slots=True)
class Saved:
    """Save was pressed: the file was ``written`` with ``changes``; start at login and standing
    are to be set as given (None: leave them)."""

    written: bool
    changes: tuple[str, ...] = ()
    autostart: bool | None = None
    standing: bool | None = None


@dataclass(frozen=True, slots=True)
class OpenFile:
    """Open the file in the desktop's program for it."""

    path: str


@dataclass(frozen=True, slots=True)
class Closed:
    """The window closed without saving."""


@dataclass(frozen=True, slots=True)
class OpenFailed:
    """(app to window) No program opened the file; ``why`` is one sentence for the user."""

    why: str


Report = Saved | OpenFile | Closed
Message = Report | OpenFailed


def encode(message: Message) -> str:
    """One line of the protocol."""
    match message:
        case Saved(written, changes, autostart, standing):
            found: dict[str, Any] = {
                "event": "saved",
                "written": written,
                "changes": list(changes),
                "autostart": autostart,
                "standing": standing,
            }
        case OpenFile(path):
            found = {"event": "open", "path": path}
        case Closed():
            found = {"event": "closed"}
        case OpenFailed(why):
            found = {"event": "open-failed", "why": why}
    return json.dumps(found)


def _flag(value: object) -> bool | None:
    return value if isinstance(value, bool) else None


def decode(line: str) -> Message | None:
    """The message in one line, or None when it is not one."""
    try:
        found = json.loads(line)
    except json.JSONDecodeError:
        return None
    if not isinstance(found, dict):
        return None
    changes = found.get("changes")
    match found.get("event"):
        case "saved" if isinstance(changes, list) and all(isinstance(c, str) for c in changes):
            return Saved(
                found.get("written") is True,
                tuple(changes),
                _flag(found.get("autostart")),
                _flag(found.get("standing")),
            )
        case "open" if isinstance(found.get("path"), str):
            return OpenFile(found["path"])
        case "closed":
            return Closed()
        case "open-failed" if isinstance(found.get("why"), str):
            return OpenFailed(found["why"])
    return None
