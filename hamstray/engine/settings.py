"""The settings the rules read, each key declared once: type, default, allowed values and help.

A key is a dataclass field made with ``setting(default, check, help)``. The config loader reads a
file through the checks, the writer renders the defaults file from the same declarations, and
``declared()`` lists them for anything that shows or edits settings.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, replace
from datetime import time
from typing import Any, Generic, Literal, Protocol, TypeVar, cast, get_args

from hamstray.engine import durations
from hamstray.engine.vocabulary import CONDITIONS, CONTEXTS, NEEDS, Condition, Context, Need

Progression = Literal["gentle", "steady", "off"]
PROGRESSIONS: tuple[Progression, ...] = get_args(Progression)
DAY = 24 * 3600

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
W = TypeVar("W", bound=str)


class Check(Protocol[T_co]):
    """How one key's value is read from TOML and written back."""

    def read(self, raw: object) -> T_co:
        """The value ``raw`` (as tomllib gives it) stands for; ValueError says what was expected."""
        ...

    def toml(self, value: Any) -> str:
        """``value`` as TOML text that ``read`` takes back."""
        ...


def show(value: object) -> str:
    """A value as the TOML file spells it, for messages."""
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)


def _quoted(options: tuple[str, ...]) -> str:
    return ", ".join(f'"{o}"' for o in options)


@dataclass(frozen=True, slots=True)
class Duration:
    """A duration from ``low`` to ``high`` seconds, written like "5m"."""

    low: int
    high: int

    def read(self, raw: object) -> int:
        seconds = durations.parse(raw)
        if not self.low <= seconds <= self.high:
            raise ValueError(
                f"expected a duration from {durations.compact(self.low)} to "
                f"{durations.compact(self.high)}, got {show(raw)}"
            )
        return seconds

    def toml(self, value: Any) -> str:
        return f'"{durations.compact(value)}"'


@dataclass(frozen=True, slots=True)
class Whole:
    """A whole number from ``low`` to ``high``."""

    low: int
    high: int

    def read(self, raw: object) -> int:
        wanted = f"expected a whole number from {self.low} to {self.high}"
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ValueError(f"{wanted}, got {show(raw)}")
        if not self.low <= raw <= self.high:
            raise ValueError(f"{wanted}, got {raw}")
        return raw

    def toml(self, value: Any) -> str:
        return str(value)


@dataclass(frozen=True, slots=True)
class OneOf(Generic[W]):
    """One of a few words."""

    options: tuple[W, ...]

    def read(self, raw: object) -> W:
        if raw not in self.options:
            raise ValueError(f"expected one of {_quoted(self.options)}, got {show(raw)}")
        return raw

    def toml(self, value: Any) -> str:
        return f'"{value}"'


@dataclass(frozen=True, slots=True)
class Words(Generic[W]):
    """A list of words: from ``options`` when given (else any ``what``), duplicates dropped."""

    what: str
    options: tuple[W, ...] = ()
    allow_empty: bool = True

    def read(self, raw: object) -> tuple[W, ...]:
        wanted = f"a list of {_quoted(self.options)}" if self.options else f"a list of {self.what}"
        if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
            raise ValueError(f"expected {wanted}, got {show(raw)}")
        bad = [v for v in raw if self.options and v not in self.options]
        if bad:
            raise ValueError(f"expected {wanted}, got {show(bad[0])}")
        if not raw and not self.allow_empty:
            raise ValueError(f"expected {wanted}, got an empty list")
        return tuple(cast(list[W], list(dict.fromkeys(raw))))

    def toml(self, value: Any) -> str:
        return "[" + ", ".join(f'"{v}"' for v in value) + "]"


_CLOCK = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


@dataclass(frozen=True, slots=True)
class Clock:
    """A time of day like "07:30", or "" for none."""

    def read(self, raw: object) -> time | None:
        if raw == "":
            return None
        found = _CLOCK.fullmatch(raw) if isinstance(raw, str) else None
        if found is None:
            raise ValueError(f'expected a time like "07:30" (or "" for none), got {show(raw)}')
        return time(int(found.group(1)), int(found.group(2)))

    def toml(self, value: Any) -> str:
        return '""' if value is None else f'"{value:%H:%M}"'


@dataclass(frozen=True, slots=True)
class Flag:
    """true or false."""

    def read(self, raw: object) -> bool:
        if not isinstance(raw, bool):
            raise ValueError(f"expected true or false, got {show(raw)}")
        return raw

    def toml(self, value: Any) -> str:
        return "true" if value else "false"


def setting(default: T, check: Check[T], about: str) -> T:
    """Declare one key: its default, how it is checked, and one line that says what it does."""
    declared: T = field(default=default, metadata={"check": check, "about": about})
    return declared


@dataclass(frozen=True, slots=True)
class Breaks:
    """When reminders come and how often they may be put off."""

    interval: int = setting(30 * 60, Duration(1, DAY), "sitting time before a reminder")
    snooze: int = setting(5 * 60, Duration(1, DAY), "how long Snooze puts a break off")
    max_snoozes: int = setting(3, Whole(0, 20), "then only Start or Skip are offered")
    remind_again: int = setting(10 * 60, Duration(1, DAY), "an ignored reminder repeats after this")
    idle_reset: int = setting(
        5 * 60, Duration(1, DAY), "idle (or locked, or suspended) this long counts as a break"
    )


STRETCH_IDS: Words[str] = Words("stretch ids")


@dataclass(frozen=True, slots=True)
class Stretches:
    """Which stretches daytime reminders may suggest and how long they are held."""

    contexts: tuple[Context, ...] = setting(
        ("desk", "standing"),
        Words("contexts", CONTEXTS, allow_empty=False),
        'what daytime reminders may suggest ("floor" too, if you like)',
    )
    exclude: tuple[str, ...] = setting(
        (), STRETCH_IDS, "stretch ids never suggested (see: hamstray stretches)"
    )
    avoid: tuple[Condition, ...] = setting(
        (),
        Words("conditions", CONDITIONS),
        "conditions to spare: risky stretches are swapped or left out",
    )
    have: tuple[Need, ...] = setting(
        (), Words("things", NEEDS), '["step"]: a step with a rail, for the heel drop'
    )
    hold: int = setting(
        30, Duration(5, 10 * 60), "starting hold, per side where a stretch has sides"
    )
    max_hold: int = setting(
        60, Duration(5, 10 * 60), "holds grow slowly up to this (ACSM: 30-60 s per muscle group)"
    )
    progression: Progression = setting("gentle", OneOf(PROGRESSIONS), '"gentle" | "steady" | "off"')


@dataclass(frozen=True, slots=True)
class Routines:
    """The longer floor routine in the morning and evening (None: no reminder)."""

    morning: time | None = setting(
        time(7, 30), Clock(), 'a reminder for the longer floor routine; "" for none'
    )
    evening: time | None = setting(time(21, 0), Clock(), 'the evening one; "" for none')
    length: int = setting(10 * 60, Duration(60, 2 * 3600), "how long a routine takes")


@dataclass(frozen=True, slots=True)
class Notifications:
    """Whether reminders pop up as desktop notifications."""

    enabled: bool = setting(True, Flag(), "reminders as desktop notifications")
    tips: bool = setting(True, Flag(), "at most one posture or movement tip a day in a reminder")


# Longer notes the defaults file puts above a section.
NOTES = {
    "breaks": (
        "Five minutes of light movement every 30 minutes lowered both blood sugar and blood\n"
        "pressure in a crossover trial (Diaz et al., MSSE 2023); breaks every 60 minutes did\n"
        "not help blood sugar."
    ),
    "stretches": (
        "avoid takes any of: "
        + ", ".join(f'"{c}"' for c in CONDITIONS[:4])
        + ",\n"
        + ", ".join(f'"{c}"' for c in CONDITIONS[4:])
        + ".\nWith any of them, ask a doctor or physiotherapist first."
    ),
}


@dataclass(frozen=True, slots=True)
class Config:
    """Every setting hamstray reads, with the defaults of INTERFACE.md."""

    breaks: Breaks = field(default_factory=Breaks)
    stretches: Stretches = field(default_factory=Stretches)
    routines: Routines = field(default_factory=Routines)
    notifications: Notifications = field(default_factory=Notifications)


@dataclass(frozen=True, slots=True)
class Key:
    """One declared key, as ``declared()`` lists it."""

    section: str
    name: str
    check: Check[Any]
    about: str
    default: Any

    @property
    def dotted(self) -> str:
        """``section.name``, as messages name it."""
        return f"{self.section}.{self.name}"


def declared() -> Iterator[Key]:
    """Every key, section by section, in declaration order."""
    for section in fields(Config):
        defaults = getattr(Config(), section.name)
        for item in fields(defaults):
            yield Key(
                section.name,
                item.name,
                item.metadata["check"],
                item.metadata["about"],
                getattr(defaults, item.name),
            )


def sections() -> tuple[str, ...]:
    """The section names, in order."""
    return tuple(f.name for f in fields(Config))


def value(config: Config, key: Key) -> Any:
    """The value ``config`` has for ``key``."""
    return getattr(getattr(config, key.section), key.name)


def reconcile(config: Config) -> tuple[Config, list[tuple[str, str]]]:
    """Apply the rules that tie two keys together: the corrected config and (key, problem)."""
    problems: list[tuple[str, str]] = []
    stretches = config.stretches
    if stretches.max_hold < stretches.hold:
        problems.append(
            (
                "stretches.max_hold",
                f"must be at least stretches.hold ({durations.compact(stretches.hold)}), "
                f"got {durations.compact(stretches.max_hold)}",
            )
        )
        config = replace(config, stretches=replace(stretches, max_hold=stretches.hold))
    return config, problems
