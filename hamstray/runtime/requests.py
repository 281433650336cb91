"""One typed request model for the control channel: what the command line sends, the app reads.

Every argument is checked here, by both ends: lengths are whole seconds from 1 s to a year, a
pause ends at a finite time within a year of now, a routine is morning or evening, and a
stretch id names a stretch of the catalogue. NaN, infinities and huge numbers never get through.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from hamstray.engine import durations
from hamstray.engine.asks import (
    Ask,
    Pause,
    Resume,
    Skip,
    Snooze,
    Stand,
    StartCheckin,
    StartRoutine,
    StartStretch,
)
from hamstray.store.translations import _, pgettext, said

if TYPE_CHECKING:  # requests name the stretch without building the catalogue's dataclasses
    from hamstray.engine.catalogue import Stretch

YEAR = 366 * 24 * 3600  # no snooze or pause is longer than this
ROUTINES = ("morning", "evening")


class Command(Enum):
    """What a request asks the running app."""

    STATUS = "status"
    SNOOZE = "snooze"
    PAUSE = "pause"
    RESUME = "resume"
    STRETCH = "stretch"
    SKIP = "skip"
    ROUTINE = "routine"
    CHECKIN = "checkin"
    STAND = "stand"
    SIT = "sit"
    RELOAD = "reload"
    SETTINGS = "settings"
    QUIT = "quit"


# The argument each command may carry, by its name on the wire.
_ARGUMENT = {
    Command.SNOOZE: "seconds",
    Command.PAUSE: "until",
    Command.STRETCH: "id",
    Command.ROUTINE: "name",
}


class RequestError(ValueError):
    """A request that cannot be carried out as given; the message says why, for the user."""


@dataclass(frozen=True, slots=True)
class Request:
    """One checked request: a command and its one optional argument."""

    command: Command
    seconds: int | None = None  # SNOOZE: how long (None: breaks.snooze)
    until: float | None = None  # PAUSE: when it ends, epoch seconds (None: until resume)
    name: str | None = None  # STRETCH: the stretch id (None: the suggested one); ROUTINE

    def as_json(self) -> tuple[str, dict[str, Any]]:
        """The command and the arguments as the wire carries them."""
        wire = _ARGUMENT.get(self.command)
        value = {Command.SNOOZE: self.seconds, Command.PAUSE: self.until}.get(
            self.command, self.name
        )
        return self.command.value, {} if wire is None or value is None else {wire: value}

    @classmethod
    def from_json(cls, command: object, args: object, now: float) -> Request:
        """The request a client sent, checked; RequestError when anything is off."""
        try:
            chosen = Command(command)
        except ValueError:
            raise RequestError(f"unknown command {command!r}") from None
        if not isinstance(args, dict) or set(args) - {_ARGUMENT.get(chosen)}:
            raise RequestError(f"bad arguments for {chosen.value}: {args!r}")
        value = args.get(_ARGUMENT.get(chosen, ""))
        match chosen:
            case Command.SNOOZE:
                return snooze(value)
            case Command.PAUSE:
                return pause(value, now)
            case Command.STRETCH:
                return stretch(value)
            case Command.ROUTINE:
                return routine(value)
        return cls(chosen)


def snooze(seconds: object = None) -> Request:
    """Snooze for ``seconds`` (None: the configured snooze)."""
    return Request(Command.SNOOZE, seconds=None if seconds is None else _length(seconds, "snooze"))


def pause(until: object, now: float) -> Request:
    """Pause until the epoch time ``until`` (None: until resume)."""
    if until is None:
        return Request(Command.PAUSE)
    if isinstance(until, bool) or not isinstance(until, int | float) or not math.isfinite(until):
        raise RequestError("pause until must be a time in seconds since the epoch")
    if until - now > YEAR:
        raise RequestError("a pause can last a year at most")
    return Request(Command.PAUSE, until=float(until))


def stretch(stretch_id: object = None) -> Request:
    """Start ``stretch_id`` (None: the suggested stretch)."""
    if stretch_id is not None and not isinstance(stretch_id, str):
        raise RequestError(f"a stretch id is a word, not {stretch_id!r}")
    return Request(Command.STRETCH, name=stretch_id)


def routine(name: object) -> Request:
    """Start the morning or evening routine."""
    if name not in ROUTINES:
        raise RequestError(f"routine must be morning or evening, not {name!r}")
    return Request(Command.ROUTINE, name=str(name))


def checkin() -> Request:
    """Open the flexibility check-in."""
    return Request(Command.CHECKIN)


def length(text: str, what: str = "snooze") -> int:
    """A ``what`` (snooze or pause) length as a person types it ("10m"), in seconds."""
    try:
        seconds = durations.parse(text)
    except durations.DurationError as error:
        raise RequestError(said(error)) from error
    if seconds <= 0:
        wrong = _("expected a duration longer than 0 like {example}, got {got}")
        raise RequestError(wrong.format(example='"5m"', got=f'"{text}"'))
    if seconds > YEAR:
        named = pgettext("request", "pause") if what == "pause" else pgettext("request", "snooze")
        wrong = _("{got} is too long: a {what} lasts a year at most")
        raise RequestError(wrong.format(got=f'"{text}"', what=named))
    return seconds


def _length(seconds: object, what: str) -> int:
    if isinstance(seconds, bool) or not isinstance(seconds, int) or seconds <= 0:
        raise RequestError(f"{what} seconds must be a positive whole number")
    if seconds > YEAR:
        raise RequestError(f"{seconds} s is too long: a {what} lasts a year at most")
    return seconds


def find_stretch(stretch_id: str, find: Callable[[str], Stretch | None]) -> Stretch:
    """The stretch called ``stretch_id``, found with ``find``; RequestError when none is."""
    found = find(stretch_id)
    if found is None:
        unknown = _("unknown stretch {id} (see: hamstray stretches)")
        raise RequestError(unknown.format(id=repr(stretch_id)))
    return found


def to_event(request: Request, find: Callable[[str], Stretch | None]) -> Ask | None:
    """The engine event ``request`` stands for (None for STATUS, RELOAD, SETTINGS and QUIT, which
    the app answers without one)."""
    match request.command:
        case Command.SNOOZE:
            return Snooze(request.seconds)
        case Command.PAUSE:
            return Pause(request.until)
        case Command.RESUME:
            return Resume()
        case Command.SKIP:
            return Skip()
        case Command.STAND | Command.SIT:
            return Stand(request.command is Command.STAND)
        case Command.ROUTINE:
            return StartRoutine(str(request.name))
        case Command.CHECKIN:
            return StartCheckin()
        case Command.STRETCH if request.name is not None:
            return StartStretch(find_stretch(request.name, find))
        case Command.STRETCH:
            return StartStretch()
    return None
