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
    RULES_SHOWN = "rules_shown"  # ``detail``: "stretch" or "routine", the guide it was read in
    CONDITION = "condition"  # ``detail``: a condition named in the guide ("": setup took them over)
    TIP_SHOWN = "tip_shown"  # ``detail``: the tip's id
    CHECKIN = "checkin"  # ``detail``: "test:answer", e.g. "chair-reach:mid-shin"
    CHECKIN_OFFERED = "checkin_offered"  # the one prompt when a check-in is due
    APP_STARTED = "app_started"  # ``detail``: the version
    APP_STOPPED = "app_stopped"


# The detail of a STRETCH_DONE whose dose mostly did not run: it is no step of progress.
BRIEF = "brief"
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
