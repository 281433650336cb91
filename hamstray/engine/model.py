"""The break engine's values: its state, the events it takes, the effects it asks for, its view.

All plain frozen data; the rules that move between them are in ``rules`` and ``timing``.
"""

from dataclasses import dataclass
from enum import Enum

from hamstray.engine.catalogue import Stretch
from hamstray.engine.entries import Entry, Kind
from hamstray.engine.reasons import Reason


class Phase(Enum):
    """What the user is doing, as far as hamstray knows."""

    SITTING = "sitting"
    DUE = "due"
    SNOOZED = "snoozed"
    PAUSED = "paused"
    STRETCHING = "stretching"
    AWAY = "away"


SITTING_PHASES = (Phase.SITTING, Phase.DUE, Phase.SNOOZED)  # sitting time grows in these


@dataclass(frozen=True, slots=True)
class State:
    """Everything the engine remembers. ``since`` is when the current phase's clock started:
    the start of sitting (SITTING, DUE, SNOOZED), of being away, of the stretch, or of the pause."""

    phase: Phase
    since: float
    seen: float
    stretch: Stretch | None = None
    reminded_at: float | None = None
    reminders: int = 0
    snoozed_until: float | None = None
    snoozes: int = 0
    paused_until: float | None = None
    routine: str = ""
    routine_at: float | None = None
    in_routine: bool = False  # STRETCHING: a routine is open, so the break lasts until it closes
    checkin_at: float | None = None  # when the flexibility check-in is next offered
    quiet: Reason | None = None  # why now is a bad moment (a call, do not disturb), if it is
    call_ended: float | None = None  # when the probes last saw a call end: no absence before
    held: bool = False  # a due reminder waits for the quiet to end
    standing: bool = False  # standing-desk mode: sitting time does not grow
    standing_since: float = 0.0
    # When the last natural break ended, until input is seen after it: an idle period that began
    # before then is the same absence going on, never a second break.
    break_ended: float | None = None
    continued: bool = False  # AWAY: this absence was already recorded as a break
    no_guide: str | None = None  # why the guide window cannot open here, if it cannot


def initial(now: float, stretch: Stretch | None = None) -> State:
    """Return the state of a fresh start: sitting from ``now``."""
    return State(Phase.SITTING, since=now, seen=now, stretch=stretch)


@dataclass(frozen=True, slots=True)
class View:
    """What the tray and ``status`` show: a pure summary of the state at one moment."""

    phase: Phase
    progress: int  # twelfths of the interval sat so far, 0..RING_STEPS
    sitting_s: float
    next_break_in: float | None  # seconds; 0 when a break is due, None when none is coming
    snoozes_left: int
    can_snooze: bool
    stretch: Stretch | None
    paused_until: float | None
    standing: bool = False
    held_back: Reason | None = None  # why the due reminder waits, while it does
    can_start: bool = True  # a stretch can be started now (there is one, and the guide opens)


# Effects: what the outside world should do.
@dataclass(frozen=True, slots=True)
class Remind:
    """Tell the user a break is due: they have sat ``sat_s``; ``stretch`` is suggested."""

    sat_s: float
    stretch: Stretch | None
    can_start: bool = True  # False: the guide cannot open, so the reminder offers no Start


@dataclass(frozen=True, slots=True)
class Withdraw:
    """Take the break's reminder down: the break was handled another way (snoozed, started,
    skipped, paused, or a natural break)."""


@dataclass(frozen=True, slots=True)
class RemindRoutine:
    """Tell the user it is time for the ``name`` floor routine of ``length_s``."""

    name: str
    length_s: int


@dataclass(frozen=True, slots=True)
class Render:
    """Show ``view`` in the tray."""

    view: View


@dataclass(frozen=True, slots=True)
class Record:
    """Append an event to the history."""

    kind: Kind
    at: float
    stretch: Stretch | None = None
    seconds: float | None = None
    detail: str = ""

    def entry(self) -> Entry:
        """The event as the history keeps it."""
        stretch = self.stretch
        return Entry(
            self.at,
            self.kind,
            None if stretch is None else stretch.id,
            () if stretch is None else stretch.groups,
            self.seconds,
            self.detail,
        )


@dataclass(frozen=True, slots=True)
class Guide:
    """Open the guided stretch window for ``stretch`` (with Snooze if it answers a reminder)."""

    stretch: Stretch
    snooze: bool = False


@dataclass(frozen=True, slots=True)
class CloseGuide:
    """Close the guide window without a report: its stretch ended another way (skipped,
    snoozed, timed out) or the app stops."""


@dataclass(frozen=True, slots=True)
class OpenRoutine:
    """Open the guide with the ``name`` (morning or evening) floor routine."""

    name: str


@dataclass(frozen=True, slots=True)
class OpenCheckin:
    """Open the guide with the flexibility check-in."""


@dataclass(frozen=True, slots=True)
class RemindCheckin:
    """Tell the user, once, that the flexibility check-in is due."""


@dataclass(frozen=True, slots=True)
class Refuse:
    """A request could not be carried out; ``reason`` says why, for the user."""

    reason: str


Effect = (
    Remind
    | Withdraw
    | RemindRoutine
    | RemindCheckin
    | Render
    | Record
    | Guide
    | CloseGuide
    | OpenRoutine
    | OpenCheckin
    | Refuse
)
