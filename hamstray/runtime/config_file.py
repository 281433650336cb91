"""The settings file as the running app follows it: read at start, read again when it changed
(seen when the loop wakes anyway: one stat, no polling of its own), on ``hamstray reload`` and
SIGHUP. A key with an error keeps its last good value; problems are told once per content."""

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from hamstray.config import loader
from hamstray.config.loader import Problem
from hamstray.engine import settings
from hamstray.engine.settings import Config
from hamstray.store.translations import _, plural

log = logging.getLogger(__name__)

Stamp = tuple[int, int, int]  # (mtime in ns, size, inode); an editor's save changes one
_NOTHING = object()


def stamp(path: Path) -> Stamp | None:
    """What ``stat`` says of ``path`` (None: there is no file)."""
    try:
        found = path.stat()
    except FileNotFoundError:
        return None
    except OSError:
        return (-1, -1, -1)  # unreadable: the loader says why when it reads
    return (found.st_mtime_ns, found.st_size, found.st_ino)


@dataclass(frozen=True, slots=True)
class Reading:
    """What the app made of the file when it last read it."""

    path: Path
    read_at: float
    problems: tuple[Problem, ...] = ()
    first: bool = True  # the reading at start (a key with an error then has its default)
    changes: tuple[str, ...] = ()  # the keys that changed, as "section.key = value"

    @property
    def errors(self) -> int:
        """How many values the file has that could not be taken."""
        return len(loader.errors(self.problems))

    @property
    def message(self) -> str | None:
        """One sentence when values could not be taken (status, doctor, the notification)."""
        if not self.errors:
            return None
        count = f"{self.errors} problem{'s' if self.errors > 1 else ''}"
        kept = "their defaults are in use" if self.first else "the last good settings are in use"
        return f"settings file has {count}; {kept}"

    def as_json(self) -> dict[str, Any]:
        """The ``config`` object of ``status --json``."""
        return {
            "path": str(self.path),
            "read_at": datetime.fromtimestamp(self.read_at, UTC).isoformat(timespec="seconds"),
            "problems": self.errors,
            "warnings": len(self.problems) - self.errors,
            "message": self.message,
        }


def changes(old: Config, new: Config) -> tuple[str, ...]:
    """Each key whose value differs, as it is now written."""
    return tuple(
        f"{key.dotted} = {key.check.toml(settings.value(new, key))}"
        for key in settings.declared()
        if settings.value(old, key) != settings.value(new, key)
    )


class ConfigFile:
    """One settings file, followed: ``config`` is what is in force, ``reading`` how it came."""

    def __init__(self, path: Path, clock: Callable[[], float]) -> None:
        self.path = path
        self._clock = clock
        self._stamp = stamp(path)
        config, problems, self._data = loader.read(path)
        self.config = config
        self.reading = Reading(path, clock(), tuple(problems))
        self._reported: object = _NOTHING  # the content whose problems were reported
        self._told = False
        self._report()

    def check(self, forced: bool = False) -> Config | None:
        """Read the file if it changed (or ``forced``): the settings to switch to, or None when
        those in force stay."""
        now = stamp(self.path)
        if now == self._stamp and not forced:
            return None
        self._stamp = now
        config, problems, data = loader.read(self.path)
        if data == self._data and not forced:
            return None  # touched, not changed
        self._data = data
        kept = loader.fallback(config, problems, self.config)
        found = changes(self.config, kept)
        self.reading = Reading(self.path, self._clock(), tuple(problems), False, found)
        self._report()
        if not found:
            return None
        log.info("Settings read again from %s: %s", self.path, "; ".join(found))
        self.config = kept
        return kept

    def _report(self) -> None:
        """Log the problems of content not yet reported (once per content)."""
        if self._data == self._reported:
            return
        self._reported = self._data
        self._told = not loader.to_tell(self.reading.problems)
        for problem in self.reading.problems:
            log.warning("%s", problem)
        if self.reading.message:
            log.warning("The %s.", self.reading.message)

    def notice(self) -> tuple[str, str] | None:
        """The notification about the problems found, once per content (None: nothing new)."""
        if self._told:
            return None
        self._told = True
        shown = loader.to_tell(self.reading.problems)
        first = shown[0]
        where = _("line {line}: ").format(line=first.line) if first.line else ""
        what = f"{first.key}: {first.message}" if first.key else first.message
        more = plural(len(shown) - 1, " (and {n} more)", " (and {n} more)") if shown[1:] else ""
        title = (
            plural(
                len(shown),
                "Your hamstray settings file has {n} problem",
                "Your hamstray settings file has {n} problems",
            )
            if shown[1:]
            else _("Your hamstray settings file has a problem")
        )
        body = _("{problem}. {kept}`hamstray config check` lists them; the file is {path}.")
        problem = where + what + more
        return title, body.format(problem=problem, kept=_kept(self.reading), path=_home(self.path))


def _kept(reading: Reading) -> str:
    """The sentence saying which values are in use instead of the bad ones ("" when none is)."""
    if not reading.errors:
        return ""
    if reading.first:
        return plural(
            reading.errors,
            "The settings file has {n} problem; their defaults are in use. ",
            "The settings file has {n} problems; their defaults are in use. ",
        )
    return plural(
        reading.errors,
        "The settings file has {n} problem; the last good settings are in use. ",
        "The settings file has {n} problems; the last good settings are in use. ",
    )


def _home(path: Path) -> str:
    home = os.environ.get("HOME")
    text = str(path)
    return "~" + text[len(home) :] if home and text.startswith(home + os.sep) else text
