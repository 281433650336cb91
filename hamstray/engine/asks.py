"""What the user asks of the break engine, from the menu, the command line or the control
socket: the events the tray needs before its icon shows (the rest are in ``events``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the menu's asks name the stretch without building the catalogue's dataclasses
    from hamstray.engine.catalogue import Stretch


@dataclass(frozen=True, slots=True)
class Snooze:
    """Put the due break off (by ``seconds``, or by ``breaks.snooze``)."""

    seconds: int | None = None


@dataclass(frozen=True, slots=True)
class Skip:
    """Skip this break: the sitting timer restarts."""


@dataclass(frozen=True, slots=True)
class StartStretch:
    """Start a stretch now (``stretch``, or the suggested one)."""

    stretch: Stretch | None = None


@dataclass(frozen=True, slots=True)
class Pause:
    """No reminders until ``until``, or for ``seconds`` (neither: until Resume)."""

    until: float | None = None
    seconds: float | None = None


@dataclass(frozen=True, slots=True)
class Resume:
    """End a pause."""


@dataclass(frozen=True, slots=True)
class Stand:
    """Standing-desk mode on (``True``) or off."""

    on: bool


@dataclass(frozen=True, slots=True)
class StartRoutine:
    """Start the morning or evening floor routine now."""

    name: str


@dataclass(frozen=True, slots=True)
class StartCheckin:
    """Open the flexibility check-in now."""


Ask = Snooze | Skip | StartStretch | Pause | Resume | Stand | StartRoutine | StartCheckin
