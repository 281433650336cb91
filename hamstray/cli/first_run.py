"""`hamstray setup`: a short, friendly first-run setup in the terminal.

Every answer is checked by the same declaration the config file is checked by
(``engine.settings``), so setup and ``config check`` never disagree about a value.
"""

import functools
import re
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from hamstray.config import loader, writer
from hamstray.engine import settings, swaps
from hamstray.engine.catalogue import CONDITION_NAMES
from hamstray.engine.entries import Entry, Kind
from hamstray.engine.settings import Key
from hamstray.store import assets
from hamstray.store.files import write_atomically
from hamstray.store.history import History
from hamstray.store.paths import Paths

Ask = Callable[[str], str]
NONE_WORDS = ("none", "no", "-")  # what a person types for "no routine" or "no condition"
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


def _read(key: Key, answer: str) -> Any:
    """The value ``answer`` stands for, checked as the config file would be."""
    if isinstance(key.check, settings.Clock) and answer.lower() in NONE_WORDS:
        answer = ""
    if isinstance(key.check, settings.Duration) and answer.strip().isdigit():
        raise ValueError(f'write the unit too, like "{answer.strip()}m" for minutes')
    if isinstance(key.check, settings.Words):
        words = [] if answer.lower() in NONE_WORDS else re.split(r"[\s,]+", answer.strip())
        return key.check.read([w for w in words if w])
    return key.check.read(answer)


def _shown(key: Key, value: Any) -> str:
    """A value as setup offers it in brackets."""
    if isinstance(key.check, settings.Words):
        return ", ".join(value) or "none"
    text = key.check.toml(value).strip('"')
    return text or "none"


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
) -> int:
    """Ask (or, with ``ask`` None, take the current values), write the config, set up login and
    the app menu."""
    current, _ = loader.load(paths.config_file)
    history = History(paths.history) if ask is not None and paths.history.exists() else None
    named = () if history is None else swaps.named(history.rows((Kind.CONDITION,)))
    current = replace(current, stretches=swaps.with_named(current.stretches, named))
    chosen: dict[tuple[str, str], Any] = {}
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
            value = _ask_until_valid(ask, prompt, _shown(key, value), functools.partial(_read, key))
            if section == "breaks":  # the login question comes second, as people expect
                login = _ask_until_valid(
                    ask, "Start hamstray when you log in? (yes/no)", "yes", _yes
                )
        chosen[(section, name)] = key.check.toml(value)
    path = paths.config_file
    text = path.read_text(encoding="utf-8") if path.exists() else writer.default_file()
    write_atomically(path, writer.with_values(text, chosen).encode())
    if history is not None:
        if named:  # the config now holds them all: the answer is the one place to change them
            history.record(Entry(time.time(), Kind.CONDITION, detail=""))
        history.close()
    if ask is not None:
        _feet(ask)
    print(f"Saved {path}")
    print(enable_autostart(login))
    print(install_launcher())
    print("All set. Start it now with: hamstray")
    return 0
