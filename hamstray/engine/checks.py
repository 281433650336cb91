"""How one settings key's value is read from TOML and written back: a small check per kind of
value (a duration, a whole number, a word from a list, a list of words, a time of day, a flag).
Each says in its error what was expected, in the words ``config check`` prints."""

import re
from dataclasses import dataclass
from datetime import time
from typing import Any, Generic, Protocol, TypeVar, cast

from hamstray.engine import durations

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


@dataclass(frozen=True, slots=True)
class Names:
    """A list of process names (not paths), duplicates dropped."""

    def read(self, raw: object) -> tuple[str, ...]:
        wanted = 'a list of process names like ["zoom", "teams"]'
        if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
            raise ValueError(f"expected {wanted}, got {show(raw)}")
        for name in raw:
            if not name.strip():
                raise ValueError(f"expected {wanted}, got an empty name")
            if "/" in name or "\\" in name:
                raise ValueError(f"expected {wanted}, got {show(name)} (a path, not a name)")
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
