"""The guided stretch window: picture, cues and a countdown per side, in a process of its own.

The app starts ``python -m hamstray.guide SPEC`` (SPEC: JSON with the stretches to do) and reads
one JSON object per line from its stdout::

    {"event": "stretch", "id": "desk-calf", "done": true, "held_s": 60}
    {"event": "feedback", "id": "desk-calf", "word": "hard"}
    {"event": "end", "action": "done" | "skip" | "snooze"}

Tk runs only in that process, so a slow window never blocks the tray.
"""

import json
import logging
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from hamstray import assets
from hamstray.catalogue import Stretch

log = logging.getLogger(__name__)

SWITCH_S = 3  # seconds to change sides
TITLE = "hamstray"


def spec(stretches: Sequence[Stretch], title: str, can_snooze: bool) -> dict[str, Any]:
    """The JSON the window needs for ``stretches``."""
    return {
        "title": title,
        "can_snooze": can_snooze,
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


def sides(per_side: bool) -> list[str]:
    """The labels of the holds of one stretch."""
    return ["Left side", "Right side"] if per_side else ["Hold"]


def clock(seconds: int) -> str:
    """A countdown as people read it: 0:25."""
    return f"{seconds // 60}:{seconds % 60:02d}"


@dataclass
class Session:
    """A running guide window; ``on_event`` gets each reported event (in a reader thread)."""

    process: subprocess.Popen[str]
    done: threading.Event  # set when every event has been reported

    @property
    def running(self) -> bool:
        """Whether the window is still open."""
        return self.process.poll() is None


def start(
    stretches: Sequence[Stretch],
    title: str,
    can_snooze: bool,
    on_event: Callable[[dict[str, Any]], None],
) -> Session:
    """Open the window for ``stretches``; report its events to ``on_event``."""
    process = subprocess.Popen(
        [sys.executable, "-m", "hamstray.guide", json.dumps(spec(stretches, title, can_snooze))],
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )

    def read() -> None:
        assert process.stdout is not None  # noqa: S101 - Popen was given stdout=PIPE
        ended = False
        for line in process.stdout:
            try:
                event = json.loads(line)
            except json.JSONDecodeError:
                log.warning("The guide window wrote something unexpected: %r", line[:200])
                continue
            ended = ended or event.get("event") == "end"
            on_event(event)
        process.wait()
        if not ended:  # closed by the window manager or crashed: the stretch was not finished
            on_event({"event": "end", "action": "skip"})
        done.set()

    done = threading.Event()
    threading.Thread(target=read, name="hamstray-guide", daemon=True).start()
    return Session(process, done)


def main(argv: list[str]) -> int:
    """Show the window described by the JSON in ``argv[0]``."""
    from hamstray.guide_window import GuideWindow  # noqa: PLC0415 - Tk only in this process

    return GuideWindow(json.loads(argv[0])).run()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
