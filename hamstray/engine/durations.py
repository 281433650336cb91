"""Durations as people write them: "90s", "5m", "1h30m", "2h", or whole seconds."""

import re

from hamstray.engine.marks import N_, MarkedError

_PATTERN = re.compile(r"(?:(?P<h>\d+)h)?(?:(?P<m>\d+)m)?(?:(?P<s>\d+)s)?")
EXAMPLE = '"45m"'


class DurationError(MarkedError):
    """A duration that could not be read; the message quotes it and shows an example."""


def parse(value: object) -> int:
    """Return the whole number of seconds that ``value`` (a string or an int) stands for."""
    if isinstance(value, bool):
        raise _wrong(_quote(value))
    if isinstance(value, int):
        if value < 0:
            raise DurationError(
                N_("expected a duration like {example}, got a negative number {got}"),
                example=EXAMPLE,
                got=str(value),
            )
        return value
    if not isinstance(value, str):
        raise _wrong(_quote(value))
    text = value.strip().lower()
    if text.isdigit():
        return int(text)
    match = _PATTERN.fullmatch(text)
    if not text or match is None:
        raise _wrong(_quote(value))
    hours, minutes, seconds = (int(match.group(g) or 0) for g in "hms")
    return hours * 3600 + minutes * 60 + seconds


def _wrong(got: str) -> DurationError:
    return DurationError(
        N_("expected a duration like {example}, got {got}"), example=EXAMPLE, got=got
    )


def compact(seconds: float) -> str:
    """Return the shortest form that ``parse`` reads back, e.g. 5400 -> "1h30m"."""
    whole = round(seconds)
    if whole <= 0:
        return "0s"
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return "".join(f"{n}{unit}" for n, unit in ((hours, "h"), (minutes, "m"), (secs, "s")) if n)


def humanize(seconds: float) -> str:
    """Return a friendly rounded duration for messages: "45 s", "23 min", "1 h 05 min"."""
    whole = max(0, round(seconds))
    if whole < 60:
        return f"{whole} s"
    minutes = round(whole / 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if minutes else f"{hours} h"


def _quote(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"  # as the TOML file spells it
    return f'"{value}"' if isinstance(value, str) else repr(value)
