"""Both ends of the guide's protocol: what the app hands the window, and what the window reports.

The app starts ``python -m hamstray.ui.guide SPEC`` (SPEC: JSON with the stretches to do, or
the check-in) and reads one JSON object per line from its stdout::

    {"event": "rules", "routine": false}              the rules were read and closed
    {"event": "stretch", "id": "desk-calf", "done": true, "held_s": 60, "most": true}
    {"event": "feedback", "id": "desk-calf", "word": "hard"}
    {"event": "avoid", "id": "pigeon", "conditions": ["knee"]}
    {"event": "checkin", "test": "chair-reach", "answer": "mid-shin"}
    {"event": "end", "action": "done" | "skip" | "snooze"}
"""

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from hamstray.engine import checkins
from hamstray.engine.catalogue import CONDITION_NAMES, Stretch
from hamstray.engine.guidance import Checkin, Rules
from hamstray.engine.vocabulary import CONDITIONS, FEEDBACK, Condition
from hamstray.store import assets, wording
from hamstray.store.translations import _

ENDINGS = ("done", "skip", "snooze")


def notes(stretch: Stretch, conditions: Sequence[Condition]) -> list[dict[str, str]]:
    """What the guide says about ``stretch`` beyond its cues: why it was swapped in, its
    caution, and its cautions and adaptations for the user's ``conditions``."""
    found = []
    if stretch.swap is not None:
        found.append({"kind": "swap", "text": wording.swap(stretch.swap)})
    if stretch.caution:
        found.append({"kind": "caution", "text": stretch.caution})
    for kind, said in (
        ("caution", stretch.cautions_for(conditions)),
        ("adapt", stretch.adapt_for(conditions)),
    ):
        for caution in said:
            label = _(CONDITION_NAMES[caution.condition])
            found.append({"kind": kind, "text": f"{label}: {caution.text}"})
    return found


def _stretch(stretch: Stretch, conditions: Sequence[Condition]) -> dict[str, Any]:
    return {
        "id": stretch.id,
        "name": stretch.name,
        "cues": list(stretch.cues),
        "caution": stretch.caution,
        "why": stretch.why,
        "feel": stretch.feel,
        "dose": stretch.dose.value,
        "hold_s": stretch.hold_s,
        "rounds": stretch.rounds,
        "per_side": stretch.per_side,
        "warm_up": stretch.warm_up,
        "picture": str(assets.picture(stretch.picture)),
        "notes": notes(stretch, conditions),
        "avoid_for": [c.condition for c in stretch.cautions],
    }


def _rules(rules: Rules) -> dict[str, Any]:
    return {"lines": list(rules.lines), "footer": rules.footer, "progress": rules.progress}


def spec(
    stretches: Sequence[Stretch],
    title: str,
    can_snooze: bool,
    rules: Rules,
    *,
    show_rules: bool = False,
    routine: bool = False,
    conditions: Sequence[Condition] = (),
) -> dict[str, Any]:
    """The JSON the window needs to guide ``stretches``: with the rules first when
    ``show_rules``, and the cautions for the user's ``conditions``."""
    return {
        "mode": "stretches",
        "title": title,
        "can_snooze": can_snooze,
        "routine": routine,
        "icon": str(assets.app_icon()),
        "pictures": str(assets.picture_manifest()),
        "rules": _rules(rules),
        "show_rules": show_rules,
        "conditions": [{"id": c, "label": _(CONDITION_NAMES[c])} for c in CONDITIONS],
        "stretches": [_stretch(s, conditions) for s in stretches],
    }


def checkin_spec(
    checkin: Checkin,
    rules: Rules,
    earlier: Mapping[str, Sequence[tuple[float, int]]],
    now: float,
) -> dict[str, Any]:
    """The JSON the window needs for the check-in: each self-test, and for each answer the
    trend it would show next to the ``earlier`` answers (per test, oldest first)."""
    return {
        "mode": "checkin",
        "title": _("Flexibility check-in"),
        "icon": str(assets.app_icon()),
        "rules": _rules(rules),
        "intro": checkin.intro,
        "tests": [
            {
                "id": test.id,
                "name": test.name,
                "cues": list(test.cues),
                "question": test.question,
                "answers": [
                    {
                        "id": answer.id,
                        "label": answer.label,
                        "trend": checkins.trend(checkin, earlier.get(test.id, ()), now, score),
                    }
                    for score, answer in enumerate(test.answers)
                ],
            }
            for test in checkin.tests
        ],
    }


@dataclass(frozen=True, slots=True)
class Held:
    """A stretch was finished (``done``) or skipped after ``held_s`` seconds of holding;
    ``most`` when most of its dose ran (only then does it count towards progress)."""

    stretch: str
    done: bool
    held_s: int
    most: bool = True


@dataclass(frozen=True, slots=True)
class Marked:
    """The user marked a stretch: one of vocabulary.FEEDBACK."""

    stretch: str
    word: str


@dataclass(frozen=True, slots=True)
class Avoided:
    """The user said a stretch is not right for them because of ``conditions``."""

    stretch: str
    conditions: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class RulesRead:
    """The user read and closed the rules, before a routine or a stretch."""

    routine: bool


@dataclass(frozen=True, slots=True)
class Answered:
    """The user answered the flexibility self-test ``test``."""

    test: str
    answer: str


@dataclass(frozen=True, slots=True)
class Ended:
    """The window closed: everything done, skipped, or the break snoozed."""

    action: str


Report = Held | Marked | Avoided | RulesRead | Answered | Ended


def encode(report: Report) -> str:
    """One line of the window's output."""
    match report:
        case Held(stretch, done, held_s, most):
            message: dict[str, Any] = {
                "event": "stretch",
                "id": stretch,
                "done": done,
                "held_s": held_s,
                "most": most,
            }
        case Marked(stretch, word):
            message = {"event": "feedback", "id": stretch, "word": word}
        case Avoided(stretch, conditions):
            message = {"event": "avoid", "id": stretch, "conditions": list(conditions)}
        case RulesRead(routine):
            message = {"event": "rules", "routine": routine}
        case Answered(test, answer):
            message = {"event": "checkin", "test": test, "answer": answer}
        case Ended(action):
            message = {"event": "end", "action": action}
    return json.dumps(message)


def decode(line: str) -> Report | None:
    """The report in one line of the window's output, or None when it is not one."""
    try:
        message = json.loads(line)
    except json.JSONDecodeError:
        return None
    if not isinstance(message, dict):
        return None
    stretch, held = message.get("id"), message.get("held_s")
    said = message.get("conditions")
    match message.get("event"):
        case "stretch" if isinstance(stretch, str):
            seconds = held if isinstance(held, int) and not isinstance(held, bool) else 0
            most = message.get("most") is not False  # older windows did not say
            return Held(stretch, message.get("done") is True, max(0, seconds), most)
        case "feedback" if isinstance(stretch, str) and message.get("word") in FEEDBACK:
            return Marked(stretch, str(message["word"]))
        case "avoid" if isinstance(stretch, str) and isinstance(said, list) and said:
            named = tuple(c for c in CONDITIONS if c in said)
            return Avoided(stretch, named) if len(named) == len(set(said)) else None
        case "rules":
            return RulesRead(message.get("routine") is True)
        case "checkin" if isinstance(message.get("test"), str) and isinstance(
            message.get("answer"), str
        ):
            return Answered(str(message["test"]), str(message["answer"]))
        case "end" if message.get("action") in ENDINGS:
            return Ended(str(message["action"]))
    return None


def emit(report: Report) -> None:
    """Write one report for the app: the window's end of the protocol (its stdout)."""
    print(encode(report), flush=True)
