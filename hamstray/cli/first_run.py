"""`hamstray setup`: a short, friendly first-run setup in the terminal.

Every answer is checked by the same declaration the config file is checked by
(``engine.settings``), so setup and ``config check`` never disagree about a value.
"""

import functools
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from hamstray.cli.exits import EXIT_FAILURE
from hamstray.config import edits, loader, typed
from hamstray.engine import settings, swaps
from hamstray.engine.catalogue import CONDITION_NAMES
from hamstray.engine.entries import Entry, Kind
from hamstray.engine.settings import Key
from hamstray.store import assets
from hamstray.store.history import History
from hamstray.store.paths import Paths

Ask = Callable[[str], str]
QUESTIONS = (  # (section, key, prompt)
    ("breaks", "interval", "Sitting time before a reminder, like 30m or 1h"),
    ("routines", "morning", "Morning stretch routine at (HH:MM or none)"),
    ("routines", "evening", "Evening stretch routine at (HH:MM or none)"),
    ("stretches", "avoid", "Conditions to spare (names from the list, comma-separated, or none)"),
    ("stretches", "have", "A step with a rail nearby, for a calf stretch? (step or none)"),
)
CONDITIONS_NOTE = (
    "\nA condition below makes hamstray swap the stretches that could strain it for gentler\n"
    "ones, or leave them out. (With any of them, ask a doctor or physiotherapist first.)\n"
    + "\n".join(f"  {c:<28}{name}" for c, name in CONDITION_NAMES.items())
)


def _key(section: str, name: str) -> Key:
    return next(k for k in settings.declared() if (k.section, k.name) == (section, name))


def _ask_until_valid(ask: Ask, prompt: str, default: str, read: Callable[[str], Any]) -> Any:
    while True:
        answer = ask(f"{prompt} [{default}]: ").strip() or default
        try:
            return read(answer)
        except ValueError as error:
            print(f"  {error}")


def _yes(text: str) -> bool:
    if text.lower() not in ("y", "yes", "n", "no"):
        raise ValueError("answer yes or no")
    return text.lower() in ("y", "yes")


def _feet(ask: Ask) -> None:
    """Once: whether the feet reach the floor; if not, the footstool tip."""
    flat = _ask_until_valid(
        ask, "Do your feet rest flat on the floor when you sit at your desk? (yes/no)", "yes", _yes
    )
    if not flat:
        tip = next(t for t in assets.guidance().tips if t.id == "footstool")
        print(f"  Tip: {tip.text}")


def run(
    paths: Paths,
    ask: Ask | None,
    enable_autostart: Callable[[bool], str],
    install_launcher: Callable[[], str],
    running: Callable[[], int | None] = lambda: None,
) -> int:
    """Ask (or, with ``ask`` None, take the current values), write the config, set up login and
    the app menu; ``running`` is the pid of a running hamstray, if one runs."""
    read = edits.snapshot(paths.config_file)
    current, _ = loader.load(paths.config_file)
    history = History(paths.history) if ask is not None and paths.history.exists() else None
    named = () if history is None else swaps.named(history.rows((Kind.CONDITION,)))
    current = replace(current, stretches=swaps.with_named(current.stretches, named))
    chosen: dict[str, Any] = {}
    login = True
    if ask is not None:
        print(
            "hamstray reminds you to get up after a stretch of sitting, with one stretch for your\n"
            "hamstrings or their neighbours. Press Enter to keep the value in brackets.\n"
            "(30 minutes: light movement every 30 min lowered blood sugar and pressure in a\n"
            "2023 trial; hourly breaks did not help blood sugar.)\n"
        )
    for section, name, prompt in QUESTIONS:
        key = _key(section, name)
        value = settings.value(current, key)
        if ask is not None:
            if name == "avoid":
                print(CONDITIONS_NOTE)
            offered = typed.shown(key, value) or "none"
            value = _ask_until_valid(ask, prompt, offered, functools.partial(typed.read, key))
            if section == "breaks":  # the login question comes second, as people expect
                login = _ask_until_valid(
                    ask, "Start hamstray when you log in? (yes/no)", "yes", _yes
                )
        chosen[key.dotted] = value
    try:
        changed = edits.save(read, chosen)
    except edits.EditError as error:
        print(f"hamstray setup: {error}", file=sys.stderr)
        changed = None
    if history is not None:
        if named and changed is not None:  # the config holds them all now: one place for them
            history.record(Entry(time.time(), Kind.CONDITION, detail=""))
        history.close()
    if changed is None:
        return EXIT_FAILURE
    if ask is not None:
        _feet(ask)
    print(f"Saved {paths.config_file}" if changed else f"{paths.config_file} already says so.")
    print(enable_autostart(login))
    print(install_launcher())
    pid = running()
    if pid is None:
        print("All set. Start it now with: hamstray")
    else:
        print(f"All set. hamstray is running (pid {pid}) and follows the new settings.")
    return 0
