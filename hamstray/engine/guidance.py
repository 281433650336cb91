"""What hamstray says around the stretches, read from ``guidance.toml`` text and validated.

The general rules, the note on slow progress, the posture and movement tips, and the
flexibility check-in (its self-tests, their answer scales, and the wording of the trend).
"""

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from hamstray.engine.vocabulary import CONTEXTS, Context

_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_FIELD = re.compile(r"\{([^{}]*)\}")
_Named = TypeVar("_Named", "Tip", "SelfTest", "Answer")


class GuidanceError(ValueError):
    """Guidance data that is not valid; the message names the table and the field."""


@dataclass(frozen=True, slots=True)
class Rules:
    """The rules for every stretch: one per line, all in one footer line, and the progress note."""

    lines: tuple[str, ...]
    footer: str
    progress: str


@dataclass(frozen=True, slots=True)
class Tip:
    """A posture or movement tip for a reminder."""

    id: str
    text: str


@dataclass(frozen=True, slots=True)
class Answer:
    """One step of a self-test's scale: ``id`` is stored, ``label`` shown."""

    id: str
    label: str


@dataclass(frozen=True, slots=True)
class SelfTest:
    """A one-minute flexibility self-test, answered on a scale from least to most flexible."""

    id: str
    name: str
    context: Context
    cues: tuple[str, ...]
    question: str
    answers: tuple[Answer, ...]

    def score(self, answer_id: str) -> int:
        """The answer's place on the scale, 0 for the least flexible."""
        for index, answer in enumerate(self.answers):
            if answer.id == answer_id:
                return index
        known = ", ".join(a.id for a in self.answers)
        raise GuidanceError(f"test {self.id!r}: unknown answer {answer_id!r} (known: {known})")


@dataclass(frozen=True, slots=True)
class Checkin:
    """The flexibility check-in: its self-tests and how the trend is worded."""

    intro: str
    tests: tuple[SelfTest, ...]
    trend_after_weeks: int
    early: str
    further: str
    same: str
    less: str

    def trend(self, then: int, now: int, weeks: int) -> str:
        """How a score ``now`` compares with ``then``, ``weeks`` earlier, in honest words."""
        if weeks < self.trend_after_weeks:
            return self.early
        wording = self.further if now > then else self.less if now < then else self.same
        return wording.format(weeks=weeks)


@dataclass(frozen=True, slots=True)
class Guidance:
    """Everything in ``guidance.toml``."""

    rules: Rules
    tips: tuple[Tip, ...]
    checkin: Checkin


def parse(text: str) -> Guidance:
    """Read and validate the guidance TOML ``text``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise GuidanceError(f"the guidance is not valid TOML: {error}") from error
    rules = _table(data, "rules", "the guidance")
    tips = data.get("tip", [])
    if not isinstance(tips, list) or not tips:
        raise GuidanceError("the guidance has no [[tip]] entries")
    checkin = _table(data, "checkin", "the guidance")
    return Guidance(
        rules=Rules(
            lines=_lines(rules, "lines", "[rules]"),
            footer=_line(rules, "footer", "[rules]"),
            progress=_line(rules, "progress", "[rules]"),
        ),
        tips=_unique([_tip(n, raw) for n, raw in enumerate(tips, start=1)], "tip"),
        checkin=_checkin(checkin),
    )


def _tip(number: int, raw: Any) -> Tip:
    where = f"tip #{number}"
    if not isinstance(raw, dict):
        raise GuidanceError(f"{where}: expected a table")
    return Tip(id=_id(raw, where), text=_line(raw, "text", where))


def _checkin(raw: dict[str, Any]) -> Checkin:
    where = "[checkin]"
    tests = raw.get("test", [])
    if not isinstance(tests, list) or not tests:
        raise GuidanceError(f"{where}: has no [[checkin.test]] entries")
    weeks = raw.get("trend_after_weeks")
    if not isinstance(weeks, int) or isinstance(weeks, bool) or not 1 <= weeks <= 26:
        raise GuidanceError(f"{where}: trend_after_weeks must be 1 to 26, got {weeks!r}")
    return Checkin(
        intro=_line(raw, "intro", where),
        tests=_unique([_test(n, t) for n, t in enumerate(tests, start=1)], "test"),
        trend_after_weeks=weeks,
        early=_template(raw, "early", where, set()),
        further=_template(raw, "further", where, {"weeks"}),
        same=_template(raw, "same", where, {"weeks"}),
        less=_template(raw, "less", where, {"weeks"}),
    )


def _test(number: int, raw: Any) -> SelfTest:
    where = f"test #{number}"
    if not isinstance(raw, dict):
        raise GuidanceError(f"{where}: expected a table")
    test_id = _id(raw, where)
    where = f"test {test_id!r}"
    context = raw.get("context")
    if context not in CONTEXTS:
        raise GuidanceError(f"{where}: context must be one of {', '.join(CONTEXTS)}")
    cues = _lines(raw, "cues", where)
    if not 2 <= len(cues) <= 4:
        raise GuidanceError(f"{where}: cues must be 2 to 4 short sentences")
    answers = raw.get("answers")
    if not isinstance(answers, list) or len(answers) < 3:
        raise GuidanceError(f"{where}: answers must list at least 3 steps, least flexible first")
    scale = []
    for answer in answers:
        if not isinstance(answer, dict):
            raise GuidanceError(f"{where}: each answer must be {{id = ..., label = ...}}")
        scale.append(Answer(_id(answer, f"{where} answer"), _line(answer, "label", where)))
    return SelfTest(
        id=test_id,
        name=_line(raw, "name", where),
        context=context,
        cues=cues,
        question=_line(raw, "question", where),
        answers=_unique(scale, f"{where} answer"),
    )


def _table(raw: dict[str, Any], name: str, where: str) -> dict[str, Any]:
    value = raw.get(name)
    if not isinstance(value, dict):
        raise GuidanceError(f"{where} has no [{name}] table")
    return value


def _line(raw: dict[str, Any], name: str, where: str) -> str:
    value = raw.get(name)
    if not isinstance(value, str) or not value.strip() or "\n" in value:
        raise GuidanceError(f"{where}: {name} must be one line of text, got {value!r}")
    return value


def _lines(raw: dict[str, Any], name: str, where: str) -> tuple[str, ...]:
    values = raw.get(name)
    if not isinstance(values, list) or not values:
        raise GuidanceError(f"{where}: {name} must be a list of lines")
    return tuple(_line({name: v}, name, where) for v in values)


def _id(raw: dict[str, Any], where: str) -> str:
    value = raw.get("id")
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise GuidanceError(f"{where}: id must be lowercase words joined by '-', got {value!r}")
    return value


def _template(raw: dict[str, Any], name: str, where: str, fields: set[str]) -> str:
    # Wording filled in with str.format: any other {field} would fail at the user, not here.
    value = _line(raw, name, where)
    found = set(_FIELD.findall(value))
    if found != fields:
        wanted = ", ".join(f"{{{f}}}" for f in sorted(fields)) or "no {field}"
        raise GuidanceError(f"{where}: {name} must contain {wanted}, got {value!r}")
    return value


def _unique(items: Sequence[_Named], what: str) -> tuple[_Named, ...]:
    ids = [item.id for item in items]
    for item_id in ids:
        if ids.count(item_id) > 1:
            raise GuidanceError(f"{what} {item_id!r}: the id is used twice")
    return tuple(items)
