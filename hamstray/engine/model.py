"""The break engine's state and its view: plain frozen data, moved by ``rules`` and ``timing``
(its phases are in ``phase``, the events it takes in ``events``, the effects it asks for in
``effects``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from hamstray.engine.phase import Phase
from hamstray.engine.reasons import Reason

if TYPE_CHECKING:  # the tray's view names the stretch without building the catalogue's dataclasses
    from hamstray.engine.catalogue import Stretch


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
