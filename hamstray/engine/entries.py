"""What the history keeps: the kinds of event, and one event as a value.

Apart from the engine's other values so that reading the history (``hamstray stats``) need not
build them all.
"""

from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    """What the history records."""

    REMINDER = "reminder"
    REMINDER_HELD = "reminder_held"  # ``detail``: the cause (``reasons.Cause``'s value)
    SNOOZED = "snoozed"
    SKIPPED = "skipped"
    STRETCH_STARTED = "stretch_started"
    STRETCH_DONE = "stretch_done"
    STRETCH_SKIPPED = "stretch_skipped"
    NATURAL_BREAK = "natural_break"
    PAUSED = "paused"
    RESUMED = "resumed"
    SITTING = "sitting"  # a sitting period ended; ``seconds`` is its length
    STANDING_ON = "standing_on"
    STANDING_OFF = "standing_off"  # ``seconds``: how long the user stood
    FEEDBACK = "feedback"
    ROUTINE_REMINDER = "routine_reminder"
    ROUTINE_STARTED = "routine_started"
    HELLO = "hello"  # the first start said what hamstray will do
    APP_STARTED = "app_started"  # ``detail``: the version
    APP_STOPPED = "app_stopped"


# The kinds that end a break and so move the rotation on.
BREAK_ENDINGS = (Kind.STRETCH_DONE, Kind.STRETCH_SKIPPED, Kind.SKIPPED, Kind.NATURAL_BREAK)


@dataclass(frozen=True, slots=True)
class Entry:
    """One event as the history keeps it: when, what, and for which stretch and groups."""

    at: float
    kind: Kind
    stretch: str | None = None
    groups: tuple[str, ...] = ()
    seconds: float | None = None
    detail: str = ""
