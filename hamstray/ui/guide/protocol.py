"""Both ends of the guide's protocol: what the app hands the window, and what the window reports.

The app starts ``python -m hamstray.ui.guide SPEC`` (SPEC: JSON with the stretches to do) and
reads one JSON object per line from its stdout::

    {"event": "stretch", "id": "desk-calf", "done": true, "held_s": 60}
    {"event": "feedback", "id": "desk-calf", "word": "hard"}
    {"event": "end", "action": "done" | "skip" | "snooze"}
"""

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from hamstray.engine.catalogue import Stretch
from hamstray.engine.rotation import FEEDBACK
from hamstray.store import assets

ENDINGS = ("done", "skip", "snooze")


def spec(stretches: Sequence[Stretch], title: str, can_snooze: bool) -> dict[str, Any]:
    """The JSON the window needs for ``stretches``."""
    return {
        "title": title,
        "can_snooze": can_snooze,
        "icon": str(assets.app_icon()),
        "stretches": [
            {
                "id": s.id,
                "name": s.name,
                "cues": list(s.cues),
                "caution": s.caution,
                "hold_s": s.hold_s,
                "per_side": s.per_side,
                "picture": str(assets.picture(s.picture)),
            }
            for s in stretches
        ],
    }


@dataclass(frozen=True, slots=True)
class Held:
    """A stretch was finished (``done``) or skipped after ``held_s`` seconds of holding."""

    stretch: str
    done: bool
    held_s: int


@dataclass(frozen=True, slots=True)
class Marked:
    """The user marked a stretch: one of rotation.FEEDBACK."""

    stretch: str
    word: str


@dataclass(frozen=True, slots=True)
class Ended:
    """The window closed: everything done, skipped, or the break snoozed."""

    action: str


Report = Held | Marked | Ended


def encode(report: Report) -> str:
    """One line of the window's output."""
    match report:
        case Held(stretch, done, held_s):
            message: dict[str, Any] = {
                "event": "stretch",
                "id": stretch,
                "done": done,
                "held_s": held_s,
            }
        case Marked(stretch, word):
            message = {"event": "feedback", "id": stretch, "word": word}
        case Ended(action):
            message = {"event": "end", "action": action}
    return json.dumps(message)


def decode(line: str) -> Report | None:
    """The report in one line of the window's output, or None when it is not one."""
    try:
        message = json.loads(line)
    except json.JSONDecodeError:
        return None
    if not isinstance(message, dict):
        return None
    stretch, held = message.get("id"), message.get("held_s")
    match message.get("event"):
        case "stretch" if isinstance(stretch, str):
            seconds = held if isinstance(held, int) and not isinstance(held, bool) else 0
            return Held(stretch, message.get("done") is True, max(0, seconds))
        case "feedback" if isinstance(stretch, str) and message.get("word") in FEEDBACK:
            return Marked(stretch, str(message["word"]))
        case "end" if message.get("action") in ENDINGS:
            return Ended(str(message["action"]))
    return None
