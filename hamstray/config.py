"""The user's TOML settings, read field by field into a frozen ``Config``.

A bad value is a problem for that key alone: it falls back to its default and the rest of the file
still counts. The user's file is only ever read, never rewritten.
"""

import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import time
from pathlib import Path
from typing import Any, Literal, get_args

from hamstray import durations

Context = Literal["desk", "standing", "floor"]
Progression = Literal["gentle", "steady", "off"]
CONTEXTS: tuple[Context, ...] = get_args(Context)
PROGRESSIONS: tuple[Progression, ...] = get_args(Progression)
DAY = 24 * 3600


@dataclass(frozen=True, slots=True)
class Breaks:
    """When reminders come and how often they may be put off."""

    interval: int = 30 * 60
    snooze: int = 5 * 60
    max_snoozes: int = 3
    remind_again: int = 10 * 60
    idle_reset: int = 5 * 60


@dataclass(frozen=True, slots=True)
class Stretches:
    """Which stretches daytime reminders may suggest and how long they are held."""

    contexts: tuple[Context, ...] = ("desk", "standing")
    exclude: tuple[str, ...] = ()
    hold: int = 30
    max_hold: int = 60
    progression: Progression = "gentle"


@dataclass(frozen=True, slots=True)
class Routines:
    """The longer floor routine in the morning and evening (None: no reminder)."""

    morning: time | None = time(7, 30)
    evening: time | None = time(21, 0)
    length: int = 10 * 60


@dataclass(frozen=True, slots=True)
class Notifications:
    """Whether reminders pop up as desktop notifications."""

    enabled: bool = True


@dataclass(frozen=True, slots=True)
class Config:
    """Every setting hamstray reads, with the defaults of INTERFACE.md."""

    breaks: Breaks = field(default_factory=Breaks)
    stretches: Stretches = field(default_factory=Stretches)
    routines: Routines = field(default_factory=Routines)
    notifications: Notifications = field(default_factory=Notifications)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a config file, located as precisely as the file allows."""

    path: Path
    line: int | None
    key: str
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        what = f"{self.key}: {self.message}" if self.key else self.message
        return f"{where}: {'warning: ' if self.warning else ''}{what}"


Validator = Callable[[object], object]


def _duration(low: int, high: int) -> Validator:
    def check(value: object) -> int:
        seconds = durations.parse(value)
        if not low <= seconds <= high:
            raise ValueError(
                f"expected a duration from {durations.format(low)} to {durations.format(high)}, "
                f"got {_show(value)}"
            )
        return seconds

    return check


def _integer(low: int, high: int) -> Validator:
    def check(value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"expected a whole number from {low} to {high}, got {_show(value)}")
        if not low <= value <= high:
            raise ValueError(f"expected a whole number from {low} to {high}, got {value}")
        return value

    return check


def _choice(options: tuple[str, ...]) -> Validator:
    def check(value: object) -> str:
        if value not in options:
            raise ValueError(f"expected one of {_list(options)}, got {_show(value)}")
        return str(value)

    return check


def _strings(options: tuple[str, ...] | None, *, allow_empty: bool) -> Validator:
    def check(value: object) -> tuple[str, ...]:
        wanted = f"a list of {_list(options)}" if options else "a list of stretch ids"
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"expected {wanted}, got {_show(value)}")
        bad = [v for v in value if options and v not in options]
        if bad:
            raise ValueError(f"expected {wanted}, got {_show(bad[0])}")
        if not value and not allow_empty:
            raise ValueError(f"expected {wanted}, got an empty list")
        return tuple(dict.fromkeys(value))

    return check


_CLOCK = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


def _clock(value: object) -> time | None:
    if value == "":
        return None
    match = _CLOCK.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise ValueError(f'expected a time like "07:30" (or "" for none), got {_show(value)}')
    return time(int(match.group(1)), int(match.group(2)))


def _boolean(value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {_show(value)}")
    return value


_RULES: Mapping[str, Mapping[str, Validator]] = {
    "breaks": {
        "interval": _duration(1, DAY),
        "snooze": _duration(1, DAY),
        "max_snoozes": _integer(0, 20),
        "remind_again": _duration(1, DAY),
        "idle_reset": _duration(1, DAY),
    },
    "stretches": {
        "contexts": _strings(CONTEXTS, allow_empty=False),
        "exclude": _strings(None, allow_empty=True),
        "hold": _duration(5, 10 * 60),
        "max_hold": _duration(5, 10 * 60),
        "progression": _choice(PROGRESSIONS),
    },
    "routines": {
        "morning": _clock,
        "evening": _clock,
        "length": _duration(60, 2 * 3600),
    },
    "notifications": {"enabled": _boolean},
}


def load(path: Path) -> tuple[Config, list[Problem]]:
    """Read ``path``: the effective config and every problem found (a missing file has none)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config(), []
    except IsADirectoryError:
        return Config(), [Problem(path, None, "", "is a directory, not a config file")]
    except OSError as error:
        return Config(), [Problem(path, None, "", f"cannot be read ({error.strerror})")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return Config(), [Problem(path, line, "", "is not UTF-8 text (TOML files must be UTF-8)")]
    return parse(text, path)


def parse(text: str, path: Path) -> tuple[Config, list[Problem]]:
    """Read TOML ``text`` (from ``path``, named in problems) into a config and its problems."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Config(), [_syntax_problem(path, error)]
    problems: list[Problem] = []
    sections: dict[str, Any] = {}
    for section, value in document.items():
        rules = _RULES.get(section)
        if rules is None:
            line = _locate(text, None, section)
            problems.append(Problem(path, line, section, "unknown section (ignored)", warning=True))
            continue
        if not isinstance(value, dict):
            line = _locate(text, None, section)
            problems.append(Problem(path, line, section, f"expected a [{section}] table"))
            continue
        valid: dict[str, object] = {}
        for key, raw in value.items():
            name = f"{section}.{key}"
            check = rules.get(key)
            if check is None:
                line = _locate(text, section, key)
                problems.append(Problem(path, line, name, "unknown key (ignored)", warning=True))
                continue
            try:
                valid[key] = check(raw)
            except ValueError as error:
                problems.append(Problem(path, _locate(text, section, key), name, str(error)))
        sections[section] = valid
    config = Config(
        **{
            f.name: replace(getattr(Config(), f.name), **sections.get(f.name, {}))
            for f in fields(Config)
        }
    )
    return _cross_check(config, text, path, problems)


def _cross_check(
    config: Config, text: str, path: Path, problems: list[Problem]
) -> tuple[Config, list[Problem]]:
    """Check the rules that tie two keys together."""
    stretches = config.stretches
    if stretches.max_hold < stretches.hold:
        problems.append(
            Problem(
                path,
                _locate(text, "stretches", "max_hold"),
                "stretches.max_hold",
                f"must be at least stretches.hold ({durations.format(stretches.hold)}), "
                f"got {durations.format(stretches.max_hold)}",
            )
        )
        config = replace(config, stretches=replace(stretches, max_hold=stretches.hold))
    return config, problems


def _syntax_problem(path: Path, error: tomllib.TOMLDecodeError) -> Problem:
    # tomllib puts the position at the end of its message: "... (at line 3, column 7)".
    match = re.search(r"\(at line (\d+), column (\d+)\)$", str(error))
    if match is None:
        return Problem(path, None, "", f"TOML syntax error: {error}")
    reason = str(error)[: match.start()].strip()
    return Problem(path, int(match.group(1)), "", f"column {match.group(2)}: {reason}")


def _locate(text: str, section: str | None, key: str) -> int | None:
    """Return the 1-based line that sets ``key`` in ``[section]`` (or the table line itself)."""
    current: str | None = None
    header = re.compile(r"\s*\[\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]")
    for number, line in enumerate(text.splitlines(), start=1):
        found = header.match(line)
        if found and not line.lstrip().startswith("[["):
            current = found.group(1).strip("\"' ")
            if section is None and current == key:
                return number
            continue
        assignment = re.match(r"\s*([A-Za-z0-9_.\-\"']+)\s*=", line)
        if assignment is None:
            continue
        name = assignment.group(1).replace('"', "").replace("'", "")
        if (current == section and name == key) or (current is None and name == f"{section}.{key}"):
            return number
        if section is None and current is None and name.split(".")[0] == key:
            return number
    return None


def _show(value: object) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)


def _list(options: tuple[str, ...] | None) -> str:
    return ", ".join(f'"{o}"' for o in options or ())


def to_toml(config: Config) -> str:
    """Render ``config`` as TOML that ``parse`` reads back to the same values."""
    lines: list[str] = []
    for section in fields(Config):
        lines.append(f"[{section.name}]")
        values = getattr(config, section.name)
        for item in fields(values):
            lines.append(
                f"{item.name} = {_toml_value(section.name, item.name, getattr(values, item.name))}"
            )
        lines.append("")
    return "\n".join(lines)


_DURATION_KEYS = frozenset(
    {
        "breaks.interval",
        "breaks.snooze",
        "breaks.remind_again",
        "breaks.idle_reset",
        "stretches.hold",
        "stretches.max_hold",
        "routines.length",
    }
)


def _toml_value(section: str, key: str, value: object) -> str:
    if f"{section}.{key}" in _DURATION_KEYS and isinstance(value, int):
        return f'"{durations.format(value)}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "[" + ", ".join(f'"{v}"' for v in value) + "]"
    if isinstance(value, time):
        return f'"{value:%H:%M}"'
    if value is None:
        return '""'
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


DEFAULT_FILE = """\
# hamstray settings. Every key is optional: delete a line to get its default back.
# Durations: "90s", "5m", "1h30m", "2h", or a whole number of seconds.

[breaks]
# Sitting time before a reminder. Five minutes of light movement every 30 minutes lowered
# both blood sugar and blood pressure in a crossover trial (Diaz et al., MSSE 2023);
# breaks every 60 minutes did not help blood sugar.
interval = "30m"
snooze = "5m"
max_snoozes = 3        # then only Start or Skip are offered
remind_again = "10m"   # an ignored reminder repeats after this
idle_reset = "5m"      # idle (or locked, or suspended) this long counts as a break

[stretches]
contexts = ["desk", "standing"]   # what daytime reminders may suggest ("floor" too, if you like)
exclude = []                      # stretch ids never suggested (see: hamstray stretches)
hold = "30s"                      # starting hold, per side where a stretch has sides
max_hold = "60s"                  # holds grow slowly up to this (ACSM: 30-60 s per muscle group)
progression = "gentle"            # "gentle" | "steady" | "off"

[routines]
morning = "07:30"      # a reminder for the longer floor routine; "" for none
evening = "21:00"
length = "10m"

[notifications]
enabled = true
"""


def with_values(text: str, values: Mapping[tuple[str, str], str]) -> str:
    """``text`` with each ``(section, key)`` set to the TOML ``value``: an existing line is
    rewritten in place (comments and every other line stay as they are), a missing key is added
    under its section, a missing section at the end."""
    lines = text.splitlines()
    for (section, key), value in values.items():
        number = _locate(text, section, key)
        if number is not None:
            old = lines[number - 1]
            comment = old[old.index("#") :] if "#" in old.split("=", 1)[1] else ""
            lines[number - 1] = f"{key} = {value}" + (f"  {comment}" if comment else "")
        else:
            header = next(
                (n for n, line in enumerate(lines) if line.strip() == f"[{section}]"), None
            )
            if header is None:
                lines += ["", f"[{section}]", f"{key} = {value}"]
            else:
                lines.insert(header + 1, f"{key} = {value}")
        text = "\n".join(lines) + "\n"
    return "\n".join(lines) + "\n"
