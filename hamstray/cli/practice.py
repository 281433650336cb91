"""The commands about your practice that work without a running app: stretches, feedback and
plan (the ones that open the guide, routine and checkin, are in ``guided``)."""

import argparse
import json
import sys
import time
from typing import Any

from hamstray.cli.exits import EXIT_FAILURE, EXIT_OK, EXIT_USAGE
from hamstray.config import loader
from hamstray.engine import swaps
from hamstray.engine.catalogue import CONDITION_NAMES, GROUP_NAMES, GROUPS, Stretch
from hamstray.engine.entries import Entry, Kind
from hamstray.engine.settings import Stretches
from hamstray.runtime.practice import Practice
from hamstray.store import assets, wording
from hamstray.store.history import History
from hamstray.store.paths import Paths
from hamstray.store.translations import _, chosen


def run(command: str, args: argparse.Namespace, paths: Paths) -> int:
    """Carry out one of the practice commands."""
    match command:
        case "stretches":
            return stretches(paths, args.json, args.reset)
        case "feedback":
            return feedback(paths, args.id, args.word)
    return plan(paths, args.count, args.json)


def load(paths: Paths, writable: bool = False) -> Practice:
    """The user's practice from their config and history (the history made only if
    ``writable``); config problems go to stderr."""
    settings, problems = loader.load(paths.config_file)
    for problem in problems:
        print(problem, file=sys.stderr)
    history = History(paths.history) if writable or paths.history.exists() else None
    return Practice(settings, history)


def as_json(stretch: Stretch) -> dict[str, Any]:
    """A stretch in the shape of INTERFACE.md (``stretches --json``, ``plan --json``), with
    what it releases, where to feel it, its dose, and its cautions per condition."""
    swap = stretch.swap
    return {
        "id": stretch.id,
        "name": stretch.name,
        "groups": list(stretch.groups),
        "context": stretch.context,
        "per_side": stretch.per_side,
        "hold_s": stretch.hold_s,
        "cues": list(stretch.cues),
        "caution": stretch.caution,
        "picture": str(assets.picture(stretch.picture)),
        "why": stretch.why,
        "feel": stretch.feel,
        "dose": stretch.dose.value,
        "dose_text": stretch.dose_text,
        "rounds": stretch.rounds,
        "minutes": stretch.minutes,
        "cautions": {c.condition: c.text for c in stretch.cautions},
        "adapt": {c.condition: c.text for c in stretch.adapt},
        "gentler": stretch.gentler,
        "needs": list(stretch.needs),
        "instead_of": None
        if swap is None
        else {"id": swap.instead_of, "name": swap.name, "reason": swap.reason},
    }


def _for_you(
    stretch: Stretch, practice: Practice, settings: Stretches, marks: dict[str, str]
) -> tuple[str, dict[str, Any] | None]:
    """How the user's settings treat ``stretch``: a note for the listing, and for JSON."""
    if stretch.id in settings.exclude:
        return _("excluded"), {"left_out": "excluded"}
    if not set(stretch.needs) <= set(settings.have):
        need = ", ".join(stretch.needs)
        said_need = _("left out: needs a {need} (stretches.have)").format(need=need)
        return said_need, {"left_out": f"needs {need}"}
    fitted = swaps.fit(stretch, practice.catalogue, settings, marks, (stretch.context,))
    said = stretch.cautions_for(settings.avoid)
    why = said[0].condition if said else "too hard"
    shown = why if said else _("too hard")  # a condition as the config names it
    if fitted is None:
        return _("left out ({why})").format(why=shown), {"left_out": why}
    if fitted is not stretch:
        swapped = _("swapped for {id} ({why})").format(id=fitted.id, why=shown)
        return swapped, {"swapped_for": fitted.id, "because": why}
    return marks.get(stretch.id, ""), None


def stretches(paths: Paths, want_json: bool, reset: str | None) -> int:
    """List the catalogue grouped by main muscle group, or clear one stretch's feedback."""
    if reset is not None:
        return feedback(paths, reset, "reset")
    practice = load(paths)
    adapted = practice.all_adapted(practice.catalogue, time.time())
    settings, marks = practice.settings(), practice.feedback()
    if want_json:
        items = []
        for stretch in adapted:
            item = as_json(stretch)
            item["for_you"] = _for_you(stretch, practice, settings, marks)[1]
            items.append(item)
        print(json.dumps(items, indent=2))
        return EXIT_OK
    for group in GROUPS:
        members = [s for s in adapted if s.groups[0] == group]
        print(_(GROUP_NAMES[group]))
        for stretch in members:
            note = _for_you(stretch, practice, settings, marks)[0]
            also = ", ".join(_lowered(_(GROUP_NAMES[g])) for g in stretch.groups[1:])
            extras = [_("also {groups}").format(groups=also) if also else "", note]
            dose = wording.dose(stretch)
            columns = f"  {stretch.id:<22} {stretch.name:<40} {stretch.context:<9} {dose}"
            print("  ".join([columns.ljust(91), *[e for e in extras if e]]).rstrip())
        print()
    summary = _(
        "{count} stretches. Daytime reminders use: {contexts}; floor stretches make the routines."
    )
    contexts = ", ".join(practice.config.stretches.contexts)
    print(summary.format(count=len(adapted), contexts=contexts))
    print(_avoiding(practice))
    rules = practice.guidance.rules
    print("\n" + _("For every stretch:"))
    print("\n".join(f"  - {line}" for line in rules.lines))
    print(f"\n{rules.progress}")
    return EXIT_OK


def _avoiding(practice: Practice) -> str:
    """Which conditions the stretches spare, and where each was said."""
    from_config = practice.config.stretches.avoid
    named = [c for c in practice.named() if c not in from_config]
    if not from_config and not named:
        return _("No conditions to spare (stretches.avoid, or hamstray setup, names them).")
    said = [
        _("{condition} (your config)").format(condition=_lowered(_(CONDITION_NAMES[c])))
        for c in from_config
    ]
    said += [
        _("{condition} (said in the guide)").format(condition=_lowered(_(CONDITION_NAMES[c])))
        for c in named
    ]
    return _("Sparing: {conditions}. Change them with hamstray setup.").format(
        conditions="; ".join(said)
    )


def feedback(paths: Paths, stretch_id: str, word: str) -> int:
    """Record how a stretch felt; it shapes the rotation and the hold."""
    practice = load(paths)
    stretch = practice.find(stretch_id, time.time())
    if stretch is None or stretch.warm_up:
        unknown = _("hamstray: unknown stretch {id!r} (see: hamstray stretches)")
        print(unknown.format(id=stretch_id), file=sys.stderr)
        return EXIT_USAGE
    history = practice.history or History(paths.history)  # created only for a known stretch
    if not history.record(
        Entry(time.time(), Kind.FEEDBACK, stretch.id, stretch.groups, detail=word)
    ):
        not_saved = _("hamstray: the feedback was not saved: {trouble}")
        print(not_saved.format(trouble=history.trouble), file=sys.stderr)
        return EXIT_FAILURE
    messages = {
        "easy": _("a little longer from now on"),
        "hard": _("a gentler variation or a shorter hold from now on"),
        "favourite": _("it will come up more often in its group"),
        "never": _("it will not be suggested again (undo: hamstray stretches --reset {id})").format(
            id=stretch.id
        ),
        "reset": _("its feedback is cleared"),
    }
    print(_("{name}: {what}.").format(name=stretch.name, what=messages[word]))
    return EXIT_OK


def plan(paths: Paths, count: int, want_json: bool) -> int:
    """Show the next suggestions; nothing is changed."""
    practice = load(paths)
    upcoming = practice.plan(count, time.time())
    if want_json:
        print(json.dumps([as_json(s) for s in upcoming], indent=2))
        return EXIT_OK
    if not upcoming:
        print(_("No stretch fits your settings (check stretches.contexts and stretches.exclude)."))
        return EXIT_OK
    for number, stretch in enumerate(upcoming, start=1):
        group = _lowered(_(GROUP_NAMES[stretch.groups[0]]))
        instead = (
            "" if stretch.swap is None else _(", in place of {name}").format(name=stretch.swap.name)
        )
        print(f"{number:>2}. {stretch.name} ({group}, {wording.dose(stretch)}{instead})")
    return EXIT_OK


def _lowered(name: str) -> str:
    """A name inside a sentence: lower case, except in German, which capitalises its nouns."""
    return name if chosen() == "de" else name.lower()
