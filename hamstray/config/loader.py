"""Reading the user's TOML settings, key by key, into a frozen ``Config``.

A bad value is a problem for that key alone: it falls back to its default and the rest of the file
still counts. The user's file is only ever read here, never rewritten.
"""

import re
import tomllib
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from hamstray.config import advice
from hamstray.engine import settings
from hamstray.engine.settings import Config
from hamstray.store.translations import _, said

StretchIds = Callable[[], Collection[str]]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a config file, located as precisely as the file allows."""

    path: Path
    line: int | None
    key: str
    message: str
    warning: bool = False
    in_effect: bool = False  # a warning about a value that is used as written

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        what = f"{self.key}: {self.message}" if self.key else self.message
        if self.warning:
            what = _("warning: {what}").format(what=what)
        return f"{where}: {what}"


def _shipped_ids() -> Collection[str]:
    from hamstray.store import assets  # noqa: PLC0415 - the catalogue only when exclude is set

    return {stretch.id for stretch in assets.stretches()}


def load(path: Path, stretch_ids: StretchIds = _shipped_ids) -> tuple[Config, list[Problem]]:
    """Read ``path``: the effective config and every problem found (a missing file has none)."""
    config, problems, _ = read(path, stretch_ids)
    return config, problems


def read(
    path: Path, stretch_ids: StretchIds = _shipped_ids
) -> tuple[Config, list[Problem], bytes | None]:
    """Like ``load``, with the bytes that were read (None: no file, or none could be read)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config(), [], None
    except IsADirectoryError:
        return Config(), [Problem(path, None, "", _("is a directory, not a config file"))], None
    except OSError as error:
        return (
            Config(),
            [Problem(path, None, "", _("cannot be read ({reason})").format(reason=error.strerror))],
            None,
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problem = Problem(path, line, "", _("is not UTF-8 text (TOML files must be UTF-8)"))
        return Config(), [problem], raw
    return (*parse(text, path, stretch_ids), raw)


def parse(
    text: str, path: Path, stretch_ids: StretchIds = _shipped_ids
) -> tuple[Config, list[Problem]]:
    """Read TOML ``text`` (from ``path``, named in problems) into a config and its problems."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Config(), [_syntax_problem(path, error, text)]
    declared = {(key.section, key.name): key for key in settings.declared()}
    problems: list[Problem] = []
    sections: dict[str, dict[str, Any]] = {}
    for section, table in document.items():
        if section not in settings.sections():
            line = locate(text, None, section)
            problems.append(
                Problem(path, line, section, advice.unknown_section(section), warning=True)
            )
            continue
        if not isinstance(table, dict):
            line = locate(text, None, section)
            problems.append(
                Problem(
                    path, line, section, _("expected a {table} table").format(table=f"[{section}]")
                )
            )
            continue
        valid = sections.setdefault(section, {})
        for name, raw in table.items():
            key = declared.get((section, name))
            if key is None:
                line = locate(text, section, name)
                message = advice.unknown_key(section, name)
                problems.append(Problem(path, line, f"{section}.{name}", message, warning=True))
                continue
            try:
                valid[name] = key.check.read(raw)
            except ValueError as error:
                problems.append(Problem(path, locate(text, section, name), key.dotted, said(error)))
    config = Config(
        **{
            f.name: replace(getattr(Config(), f.name), **sections.get(f.name, {}))
            for f in fields(Config)
        }
    )
    config, tied = settings.reconcile(config)
    for dotted, rule, other in tied:
        line = locate(text, *dotted.split(".")) or locate(text, *other.split("."))
        problems.append(Problem(path, line, dotted, said(rule)))
    if config.stretches.exclude:
        line = locate(text, "stretches", "exclude")
        for message in advice.unknown_ids(config.stretches.exclude, stretch_ids()):
            problems.append(Problem(path, line, "stretches.exclude", message, warning=True))
    for keys, doubt in settings.doubts(config):
        lines = [locate(text, *dotted.split(".")) for dotted in keys]
        where = next((n for n in lines if n is not None), None)
        problems.append(Problem(path, where, keys[0], said(doubt), warning=True, in_effect=True))
    return config, problems


def errors(problems: Sequence[Problem]) -> list[Problem]:
    """The problems that kept a value out (not warnings)."""
    return [p for p in problems if not p.warning]


def to_tell(problems: Sequence[Problem]) -> list[Problem]:
    """The problems worth a notification: something the user wrote is not in force."""
    return [p for p in problems if not p.in_effect]


def fallback(config: Config, problems: Sequence[Problem], last_good: Config) -> Config:
    """``config`` with each key that has an error taken from ``last_good`` instead of its
    default (all of them when the file as a whole could not be read)."""
    bad = {p.key for p in errors(problems)}
    if "" in bad:
        return last_good
    kept: dict[str, dict[str, Any]] = {section: {} for section in settings.sections()}
    for key in settings.declared():
        if key.dotted in bad or key.section in bad:  # a key, or a section that is no table
            kept[key.section][key.name] = settings.value(last_good, key)
    merged = Config(
        **{f.name: replace(getattr(config, f.name), **kept[f.name]) for f in fields(Config)}
    )
    return settings.reconcile(merged)[0]


def _syntax_problem(path: Path, error: tomllib.TOMLDecodeError, text: str) -> Problem:
    # tomllib puts the position at the end of its message: "... (at line 3, column 7)".
    found = re.search(r"\(at line (\d+), column (\d+)\)$", str(error))
    if found is None:
        return Problem(path, None, "", _("TOML syntax error: {error}").format(error=error))
    reason = str(error)[: found.start()].strip()
    number = int(found.group(1))
    lines = text.splitlines()
    hint = advice.unquoted(lines[number - 1]) if number <= len(lines) else ""
    column = _("column {column}: {reason}").format(column=found.group(2), reason=reason)
    return Problem(path, number, "", column + hint)


def locate(text: str, section: str | None, key: str) -> int | None:
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
