"""The events the break engine takes: what a user asks (``asks``, from the tray, the command line
or the control socket) and what happened, posted by the guide, the probes or the timer."""

from dataclasses import dataclass

from hamstray.engine.asks import Ask
from hamstray.engine.catalogue import Stretch
from hamstray.engine.reasons import Reason
from hamstray.engine.settings import Config
from hamstray.engine.vocabulary import Condition


@dataclass(frozen=True, slots=True)
class Tick:
    """The loop woke up because something was due."""


@dataclass(frozen=True, slots=True)
class StretchEnded:
    """The guide reported back: ``stretch`` (default: the suggested one) was ``done``, held for
    ``held_s``, or not. A finished stretch is a break, so the sitting timer restarts; a
    ``brief`` one does not count towards the hold's progress."""

    done: bool
    held_s: int = 0
    stretch: Stretch | None = None
    brief: bool = False  # done, but most of its dose did not run: no step of progress


@dataclass(frozen=True, slots=True)
class Idle:
    """The idle probe says the user has not touched the computer for ``seconds``."""

    seconds: float


@dataclass(frozen=True, slots=True)
class ConfigChanged:
    """The settings were read (again): ``config`` is in force from now on. The sitting time
    already sat is kept, the next break follows the new values, a snooze keeps its end."""

    config: Config


@dataclass(frozen=True, slots=True)
class Suggest:
    """The rotation picked ``stretch`` as the next one to suggest."""

    stretch: Stretch


@dataclass(frozen=True, slots=True)
class Shutdown:
    """The app is about to stop: the current sitting period ends here."""


@dataclass(frozen=True, slots=True)
class Quiet:
    """The quiet probes say why now is a bad moment for a reminder (None: it is not)."""

    reason: Reason | None


@dataclass(frozen=True, slots=True)
class Feedback:
    """The user marked ``stretch`` easy, hard, favourite or never (or reset it)."""

    stretch: Stretch
    word: str


@dataclass(frozen=True, slots=True)
class ScheduleRoutine:
    """The next routine reminder is ``name`` at ``at`` (None: no routine is set)."""

    name: str
    at: float | None


@dataclass(frozen=True, slots=True)
class GuideMissing:
    """The guide window cannot open here (``reason``, for the user), or can again (None)."""

    reason: str | None


@dataclass(frozen=True, slots=True)
class GuideClosed:
    """The guide window closed: a routine in it is over, and with it the break."""


@dataclass(frozen=True, slots=True)
class Avoid:
    """In the guide the user said ``stretch`` is not right for them, because of ``conditions``."""

    stretch: Stretch
    conditions: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class RulesSeen:
    """The user read and closed the rules for every stretch, before a routine or a stretch."""

    routine: bool


@dataclass(frozen=True, slots=True)
class CheckedIn:
    """The user answered the flexibility self-test ``test`` with ``answer``."""

    test: str
    answer: str


@dataclass(frozen=True, slots=True)
class ScheduleCheckin:
    """The flexibility check-in is next offered at ``at`` (None: it is not due)."""

    at: float | None


Event = (
    Ask
    | Tick
    | StretchEnded
    | Idle
    | ConfigChanged
    | Suggest
    | Feedback
    | Quiet
    | Shutdown
    | ScheduleRoutine
    | GuideClosed
    | GuideMissing
    | Avoid
    | RulesSeen
    | CheckedIn
    | ScheduleCheckin
)
USER_EVENTS = Ask | StretchEnded  # only a person makes these: they end an absence
