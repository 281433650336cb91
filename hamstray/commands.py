"""The commands that work without a running app: stretches, feedback, plan, routine."""

import json
import sys
import time
from typing import Any

from hamstray import assets, config, control, guide, rotation
from hamstray.catalogue import GROUP_NAMES, GROUPS, Stretch
from hamstray.history import History
from hamstray.paths import Paths
from hamstray.practice import Practice

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


def _practice(paths: Paths, writable: bool = False) -> Practice:
    settings, problems = config.load(paths.config_file)
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
    practice = _practice(paths, writable=True)
    stretch = practice.find(stretch_id, time.time())
    if stretch is None:
        print(
            f"hamstray: unknown stretch {stretch_id!r} (see: hamstray stretches)", file=sys.stderr
        )
        return EXIT_USAGE
    assert practice.history is not None  # noqa: S101 - opened writable above
    practice.history.record("feedback", time.time(), stretch.id, stretch.groups, detail=word)
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
    try:
        reply = control.request(paths.socket, "routine", {"name": name})
    except control.NotRunning:
        reply = None
    except control.ControlError as error:
        print(f"hamstray: {error}", file=sys.stderr)
        return EXIT_FAILURE
    if reply is not None:
        if not reply.get("ok"):
            print(f"hamstray routine: {reply.get('error')}", file=sys.stderr)
            return EXIT_FAILURE
        print(f"The {name} routine is open.")
        return EXIT_OK
    from hamstray.app import StartError, check_display  # noqa: PLC0415

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
    history.record("routine_started", time.time(), detail=name)

    def record(event: dict[str, Any]) -> None:
        stretch = practice.find(str(event.get("id")), time.time())
        if event.get("event") == "stretch" and stretch is not None:
            kind = "stretch_done" if event.get("done") else "stretch_skipped"
            history.record(kind, time.time(), stretch.id, stretch.groups, event.get("held_s"))
        elif (
            event.get("event") == "feedback"
            and stretch is not None
            and event.get("word") in rotation.FEEDBACK
        ):
            history.record(
                "feedback", time.time(), stretch.id, stretch.groups, detail=str(event["word"])
            )

    session = guide.start(steps, f"{name.capitalize()} routine", can_snooze=False, on_event=record)
    session.process.wait()
    session.done.wait(timeout=5)
    return EXIT_OK
