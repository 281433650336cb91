"""How one settings key's value is read from TOML and written back: a small check per kind of
value (a duration, a whole number, a word from a list, a list of words, a time of day, a flag).
Each says in its error what was expected, in the words ``config check`` prints."""

import re
from dataclasses import dataclass
from datetime import time
from typing import Any, Generic, Protocol, TypeVar, cast

from hamstray.engine import durations
from hamstray.engine.marks import N_, MarkedError

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
            raise MarkedError(
                N_("expected a duration from {low} to {high}, got {got}"),
                low=durations.compact(self.low),
                high=durations.compact(self.high),
                got=show(raw),
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
        wanted = N_("expected a whole number from {low} to {high}, got {got}")
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise MarkedError(wanted, low=str(self.low), high=str(self.high), got=show(raw))
        if not self.low <= raw <= self.high:
            raise MarkedError(wanted, low=str(self.low), high=str(self.high), got=str(raw))
        return raw

    def toml(self, value: Any) -> str:
        return str(value)


@dataclass(frozen=True, slots=True)
class OneOf(Generic[W]):
    """One of a few words."""

    options: tuple[W, ...]

    def read(self, raw: object) -> W:
        if raw not in self.options:
            raise MarkedError(
                N_("expected one of {options}, got {got}"),
                options=_quoted(self.options),
                got=show(raw),
            )
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
        if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
            raise self._wrong(N_("expected a list of {what}, got {got}"), show(raw))
        bad = [v for v in raw if self.options and v not in self.options]
        if bad:
            raise self._wrong(N_("expected a list of {what}, got {got}"), show(bad[0]))
        if not raw and not self.allow_empty:
            raise self._wrong(N_("expected a list of {what}, got an empty list"), "")
        return tuple(cast(list[W], list(dict.fromkeys(raw))))

    def _wrong(self, template: str, got: str) -> MarkedError:
        """The error for this list: its options as the file spells them, else what it holds."""
        if self.options:
            return MarkedError(template, what=_quoted(self.options), got=got)
        return MarkedError(template, ("what",), what=self.what, got=got)

    def toml(self, value: Any) -> str:
        return "[" + ", ".join(f'"{v}"' for v in value) + "]"


@dataclass(frozen=True, slots=True)
class Names:
    """A list of process names (not paths), duplicates dropped."""

    def read(self, raw: object) -> tuple[str, ...]:
        example = '["zoom", "teams"]'
        if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
            wrong = N_("expected a list of process names like {example}, got {got}")
            raise MarkedError(wrong, example=example, got=show(raw))
        for name in raw:
            if not name.strip():
                wrong = N_("expected a list of process names like {example}, got an empty name")
                raise MarkedError(wrong, example=example)
            if "/" in name or "\\" in name:
                wrong = N_(
                    "expected a list of process names like {example}, "
                    "got {got} (a path, not a name)"
                )
                raise MarkedError(wrong, example=example, got=show(name))
        return tuple(dict.fromkeys(name.strip() for name in raw))

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
            wrong = N_("expected a time like {example} (or {empty} for none), got {got}")
            raise MarkedError(wrong, example='"07:30"', empty='""', got=show(raw))
        return time(int(found.group(1)), int(found.group(2)))

    def toml(self, value: Any) -> str:
        return '""' if value is None else f'"{value:%H:%M}"'


@dataclass(frozen=True, slots=True)
class Flag:
    """true or false."""

    def read(self, raw: object) -> bool:
        if not isinstance(raw, bool):
            raise MarkedError(
                N_("expected {true} or {false}, got {got}"),
                true="true",
                false="false",
                got=show(raw),
            )
        return raw

    def toml(self, value: Any) -> str:
        return "true" if value else "false"
