"""The commands about your practice that work without a running app: stretches, feedback,
plan, and routine (which also asks a running app first)."""

import argparse
import json
import sys
import time
from typing import Any

from hamstray.cli.exits import EXIT_FAILURE, EXIT_OK, EXIT_USAGE
from hamstray.config import loader
from hamstray.engine.catalogue import GROUP_NAMES, GROUPS, Stretch
from hamstray.engine.entries import Entry, Kind
from hamstray.runtime.practice import Practice
from hamstray.store import assets
from hamstray.store.history import History
from hamstray.store.paths import Paths


def run(command: str, args: argparse.Namespace, paths: Paths) -> int:
    """Carry out one of the practice commands."""
    match command:
        case "stretches":
            return stretches(paths, args.json, args.reset)
        case "feedback":
            return feedback(paths, args.id, args.word)
        case "plan":
            return plan(paths, args.count, args.json)
    return routine(paths, args.name)


def _practice(paths: Paths, writable: bool = False) -> Practice:
    settings, problems = loader.load(paths.config_file)
    for problem in problems:
        print(problem, file=sys.stderr)
    history = History(paths.history) if writable or paths.history.exists() else None
    return Practice(settings, history)


def as_json(stretch: Stretch) -> dict[str, Any]:
    """A stretch in the shape of INTERFACE.md (``stretches --json``, ``plan --json``)."""
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
    }


def hold_text(stretch: Stretch) -> str:
    """ "30 s each side" or "45 s"."""
    return f"{stretch.hold_s} s each side" if stretch.per_side else f"{stretch.hold_s} s"


def stretches(paths: Paths, want_json: bool, reset: str | None) -> int:
    """List the catalogue grouped by main muscle group, or clear one stretch's feedback."""
    if reset is not None:
        return feedback(paths, reset, "reset")
    practice = _practice(paths)
    now = time.time()
    adapted = [practice.adapted(s, now) for s in practice.catalogue]
    if want_json:
        print(json.dumps([as_json(s) for s in adapted], indent=2))
        return EXIT_OK
    marks = practice.feedback()
    excluded = set(practice.config.stretches.exclude)
    for group in GROUPS:
        members = [s for s in adapted if s.groups[0] == group]
        print(GROUP_NAMES[group])
        for stretch in members:
            note = marks.get(stretch.id, "")
            if stretch.id in excluded:
                note = "excluded"
            also = ", ".join(GROUP_NAMES[g].lower() for g in stretch.groups[1:])
            extras = [f"also {also}" if also else "", note]
            columns = (
                f"  {stretch.id:<22} {stretch.name:<40} {stretch.context:<9} {hold_text(stretch)}"
            )
            print("  ".join([columns.ljust(91), *[e for e in extras if e]]).rstrip())
        print()
    print(
        f"{len(adapted)} stretches. Daytime reminders use: "
        f"{', '.join(practice.config.stretches.contexts)}; floor stretches make the routines."
    )
    return EXIT_OK


def feedback(paths: Paths, stretch_id: str, word: str) -> int:
    """Record how a stretch felt; it shapes the rotation and the hold."""
    practice = _practice(paths)
    stretch = practice.find(stretch_id, time.time())
    if stretch is None:
        print(
            f"hamstray: unknown stretch {stretch_id!r} (see: hamstray stretches)", file=sys.stderr
        )
        return EXIT_USAGE
    history = practice.history or History(paths.history)  # created only for a known stretch
    if not history.record(
        Entry(time.time(), Kind.FEEDBACK, stretch.id, stretch.groups, detail=word)
    ):
        print(f"hamstray: the feedback was not saved: {history.trouble}", file=sys.stderr)
        return EXIT_FAILURE
    messages = {
        "easy": "a little longer from now on",
        "hard": "a gentler variation or a shorter hold from now on",
        "favourite": "it will come up more often in its group",
        "never": f"it will not be suggested again (undo: hamstray stretches --reset {stretch.id})",
        "reset": "its feedback is cleared",
    }
    print(f"{stretch.name}: {messages[word]}.")
    return EXIT_OK


def plan(paths: Paths, count: int, want_json: bool) -> int:
    """Show the next suggestions; nothing is changed."""
    practice = _practice(paths)
    upcoming = practice.plan(count, time.time())
    if want_json:
        print(json.dumps([as_json(s) for s in upcoming], indent=2))
        return EXIT_OK
    if not upcoming:
        print("No stretch fits your settings (check stretches.contexts and stretches.exclude).")
        return EXIT_OK
    for number, stretch in enumerate(upcoming, start=1):
        group = GROUP_NAMES[stretch.groups[0]].lower()
        print(f"{number:>2}. {stretch.name} ({group}, {hold_text(stretch)})")
    return EXIT_OK


def routine(paths: Paths, name: str) -> int:
    """Start the floor routine: in the running app if there is one, else in a window of its own."""
    from hamstray.runtime import requests  # noqa: PLC0415 - only this command talks to the app
    from hamstray.runtime.control import channel  # noqa: PLC0415
    from hamstray.runtime.control.protocol import ControlError, NotRunning  # noqa: PLC0415

    try:
        reply = channel.request(paths.socket, requests.routine(name))
    except NotRunning:
        reply = None
    except ControlError as error:
        print(f"hamstray: {error}", file=sys.stderr)
        return EXIT_FAILURE
    if reply is not None:
        if not reply.get("ok"):
            print(f"hamstray routine: {reply.get('error')}", file=sys.stderr)
            return EXIT_FAILURE
        print(f"The {name} routine is open.")
        return EXIT_OK
    return _routine_alone(paths, name)


def _routine_alone(paths: Paths, name: str) -> int:
    """The routine in a guide window of its own, recorded straight into the history."""
    from hamstray.runtime.app import StartError, check_display  # noqa: PLC0415
    from hamstray.ui.guide import session  # noqa: PLC0415
    from hamstray.ui.guide.protocol import Held, Marked, Report  # noqa: PLC0415

    try:
        check_display()
    except StartError as error:
        print(f"hamstray: {error}", file=sys.stderr)
        return EXIT_FAILURE
    practice = _practice(paths, writable=True)
    steps = practice.routine(time.time())
    if not steps:
        print("No floor stretch fits your settings (check stretches.exclude).", file=sys.stderr)
        return EXIT_FAILURE
    history = practice.history
    assert history is not None  # noqa: S101 - opened writable above
    history.record(Entry(time.time(), Kind.ROUTINE_STARTED, detail=name))

    def save(stretch_id: str, kind: Kind, seconds: float | None = None, detail: str = "") -> None:
        stretch = practice.find(stretch_id, time.time())
        if stretch is not None:
            history.record(Entry(time.time(), kind, stretch.id, stretch.groups, seconds, detail))

    def record(report: Report) -> None:
        match report:
            case Held(stretch_id, done, held_s):
                save(stretch_id, Kind.STRETCH_DONE if done else Kind.STRETCH_SKIPPED, held_s)
            case Marked(stretch_id, word):
                save(stretch_id, Kind.FEEDBACK, detail=word)

    opened = session.start(steps, f"{name.capitalize()} routine", False, record)
    opened.process.wait()
    opened.done.wait(timeout=5)
    if not history.flush():
        print(f"hamstray: the routine was not saved: {history.trouble}", file=sys.stderr)
        return EXIT_FAILURE
    return EXIT_OK
