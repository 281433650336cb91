"""The commands that open the guide: ``routine`` and ``checkin``. Each asks the running app
first; without one, the guide opens on its own and records straight into the history (the
check-in asks in the terminal when there is no display)."""

import sys
import time
from collections.abc import Callable

from hamstray.cli.exits import EXIT_FAILURE, EXIT_OK
from hamstray.cli.practice import load
from hamstray.engine.asks import StartRoutine
from hamstray.runtime import alone, guides, reminders, requests
from hamstray.runtime.alone import Recording
from hamstray.runtime.practice import Practice
from hamstray.runtime.requests import Request
from hamstray.store.paths import Paths
from hamstray.store.translations import _
from hamstray.ui.guide.protocol import Answered

Ask = Callable[[str], str]


def _in_app(paths: Paths, request: Request, command: str) -> int | None:
    """Ask the running app to carry out ``request``: its exit code, or None when none runs."""
    from hamstray.runtime.control import channel  # noqa: PLC0415 - only when asked
    from hamstray.runtime.control.errors import ControlError, NotRunning  # noqa: PLC0415

    try:
        reply = channel.request(paths.socket, request)
    except NotRunning:
        return None
    except ControlError as error:
        print(f"hamstray: {error}", file=sys.stderr)
        return EXIT_FAILURE
    if not reply.get("ok"):
        print(f"hamstray {command}: {reply.get('error')}", file=sys.stderr)
        return EXIT_FAILURE
    return EXIT_OK


def _display() -> str | None:
    """Why the guide's window cannot open here: no graphical session, no tkinter, no X display
    (None: it can)."""
    from hamstray.runtime.app import StartError, check_display  # noqa: PLC0415
    from hamstray.ui import tk_display  # noqa: PLC0415

    try:
        check_display()
    except StartError as error:
        return str(error)
    return tk_display.current()


def _saved(recording: Recording) -> int:
    if recording.history.flush():
        return EXIT_OK
    print(
        _("hamstray: it was not saved: {trouble}").format(trouble=recording.history.trouble),
        file=sys.stderr,
    )
    return EXIT_FAILURE


def routine(paths: Paths, name: str) -> int:
    """Start the floor routine: in the running app if there is one, else in a window of its own."""
    code = _in_app(paths, requests.routine(name), "routine")
    if code is not None:
        if code == EXIT_OK:
            opened = {
                "morning": _("The morning routine is open."),
                "evening": _("The evening routine is open."),
            }
            print(opened.get(name, name))
        return code
    missing = _display()
    if missing is not None:
        print(f"hamstray: {missing}", file=sys.stderr)
        return EXIT_FAILURE
    practice = load(paths, writable=True)
    steps = practice.routine(time.time())
    if not steps:
        print(_("No floor stretch fits your settings (check stretches.exclude)."), file=sys.stderr)
        return EXIT_FAILURE
    assert practice.history is not None  # noqa: S101 - opened writable above
    recording = Recording(practice, practice.history)
    recording.step(StartRoutine(name))
    title = reminders.routine_title(name)
    alone.run(guides.stretch_spec(practice, steps, title, False, routine=True), recording)
    return _saved(recording)


def checkin(paths: Paths, ask: Ask = input) -> int:
    """The flexibility check-in: in the running app, in a window, or in the terminal."""
    code = _in_app(paths, requests.checkin(), "checkin")
    if code is not None:
        if code == EXIT_OK:
            print(_("The flexibility check-in is open."))
        return code
    practice = load(paths, writable=True)
    assert practice.history is not None  # noqa: S101 - opened writable above
    recording = Recording(practice, practice.history)
    if _display() is None:
        alone.run(guides.checkin_spec(practice, time.time()), recording)
    else:
        _in_terminal(practice, recording, ask)
    return _saved(recording)


def _in_terminal(practice: Practice, recording: Recording, ask: Ask) -> None:
    """The check-in as questions in the terminal; an empty answer or end of input skips it."""
    checkin = practice.guidance.checkin
    print(_("Flexibility check-in") + f"\n{checkin.intro}\n")
    tests = checkin.tests
    for number, test in enumerate(tests, start=1):
        print(f"  {number}. {test.name}")
    which = _("Which self-test? (1-{count})").format(count=len(tests))
    test = tests[(_choose(ask, which, len(tests), 1) or 1) - 1]
    print()
    print("\n".join(f"  {n}. {cue}" for n, cue in enumerate(test.cues, start=1)))
    print(f"\n{test.question}")
    for number, answer in enumerate(test.answers, start=1):
        print(f"  {number}. {answer.label}")
    prompt = _("Your answer (1-{count}, Enter to skip)").format(count=len(test.answers))
    chosen = _choose(ask, prompt, len(test.answers))
    if chosen is None:
        print(_("Skipped: nothing was saved. `hamstray checkin` asks again whenever you like."))
        return
    recording(Answered(test.id, test.answers[chosen - 1].id))
    found = next(p for p in practice.checkins() if p.test.id == test.id)
    print(_("Saved: {answer}.").format(answer=found.latest) + f" {found.trend}")


def _choose(ask: Ask, prompt: str, count: int, default: int | None = None) -> int | None:
    """A number from 1 to ``count`` (``default`` on Enter; None on Enter without one, or at
    the end of the input)."""
    while True:
        try:
            answer = ask(f"{prompt}{f' [{default}]' if default else ''}: ").strip()
        except EOFError:
            return None if default is None else default
        if not answer:
            return default
        if answer.isdigit() and 1 <= int(answer) <= count:
            return int(answer)
        print(
            "  "
            + _("expected a number from 1 to {count}, got {text!r}").format(
                count=count, text=answer
            )
        )
