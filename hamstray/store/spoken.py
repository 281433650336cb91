"""The shipped stretch and guidance text in the user's language, translated as it is loaded.

Each field has its own gettext context (``FIELDS``), so that a word used as a stretch's name and
as a cue can be translated differently; ``tools/translations.py`` extracts the same fields from
the TOML files into the template. Ids and every other value stay as the files have them.
"""

from dataclasses import replace

from hamstray.engine.catalogue import INTROS, Caution, Stretch
from hamstray.engine.guidance import Answer, Guidance, Rules, SelfTest, Tip
from hamstray.store.translations import _, pgettext

# The gettext context of each translated field (tools/translations.py reads the same fields).
FIELDS = {
    "name": "stretch name",
    "cues": "stretch cue",
    "why": "stretch why",
    "feel": "stretch feel",
    "caution": "stretch caution",
    "cautions": "stretch caution for a condition",
    "adapt": "stretch done differently for a condition",
    "intro": "stretch intro",
    "rules.lines": "rule",
    "rules.footer": "rules footer",
    "rules.progress": "progress",
    "tip.text": "tip",
    "checkin.intro": "check-in",
    "checkin.trend": "check-in trend",
    "test.name": "self-test name",
    "test.cues": "self-test cue",
    "test.question": "self-test question",
    "test.answers": "self-test answer",
}


def _in(field: str, text: str) -> str:
    return pgettext(FIELDS[field], text) if text else text


def _conditions(field: str, items: tuple[Caution, ...]) -> tuple[Caution, ...]:
    return tuple(replace(c, text=_in(field, c.text)) for c in items)


def stretch(item: Stretch) -> Stretch:
    """``item`` with its name, cues, why, feel, cautions and intro in the user's language."""
    return replace(
        item,
        name=_in("name", item.name),
        cues=tuple(_in("cues", cue) for cue in item.cues),
        why=_in("why", item.why),
        feel=_in("feel", item.feel),
        caution=None if item.caution is None else _in("caution", item.caution),
        cautions=_conditions("cautions", item.cautions),
        adapt=_conditions("adapt", item.adapt),
        # The context's default intro, translated, unless the entry has its own.
        intro=_in("intro", item.intro) if item.intro else _(INTROS[item.context]),
    )


def _test(test: SelfTest) -> SelfTest:
    return replace(
        test,
        name=_in("test.name", test.name),
        cues=tuple(_in("test.cues", cue) for cue in test.cues),
        question=_in("test.question", test.question),
        answers=tuple(Answer(a.id, _in("test.answers", a.label)) for a in test.answers),
    )


def guidance(shipped: Guidance) -> Guidance:
    """``shipped`` with its rules, tips and check-in in the user's language."""
    rules, checkin = shipped.rules, shipped.checkin
    return replace(
        shipped,
        rules=Rules(
            lines=tuple(_in("rules.lines", line) for line in rules.lines),
            footer=_in("rules.footer", rules.footer),
            progress=_in("rules.progress", rules.progress),
        ),
        tips=tuple(Tip(t.id, _in("tip.text", t.text)) for t in shipped.tips),
        checkin=replace(
            checkin,
            intro=_in("checkin.intro", checkin.intro),
            tests=tuple(_test(t) for t in checkin.tests),
            early=_in("checkin.trend", checkin.early),
            further=_in("checkin.trend", checkin.further),
            same=_in("checkin.trend", checkin.same),
            less=_in("checkin.trend", checkin.less),
        ),
    )
