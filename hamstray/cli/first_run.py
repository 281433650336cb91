"""`hamstray setup`: a short, friendly first-run setup in the terminal.

Every answer is checked by the same declaration the config file is checked by
(``engine.settings``), so setup and ``config check`` never disagree about a value.
"""

import functools
import sys
from collections.abc import Callable
from typing import Any

from hamstray.cli.exits import EXIT_FAILURE
from hamstray.config import edits, loader, typed
from hamstray.engine import settings
from hamstray.engine.settings import Key
from hamstray.store.paths import Paths

Ask = Callable[[str], str]
QUESTIONS = (  # (section, key, prompt)
    ("breaks", "interval", "Sitting time before a reminder, like 30m or 1h"),
    ("routines", "morning", "Morning stretch routine at (HH:MM or none)"),
    ("routines", "evening", "Evening stretch routine at (HH:MM or none)"),
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
            value = _ask_until_valid(
                ask, prompt, typed.shown(key, value), functools.partial(typed.read, key)
            )
            if section == "breaks":  # the login question comes second, as people expect
                login = _ask_until_valid(
                    ask, "Start hamstray when you log in? (yes/no)", "yes", _yes
                )
        chosen[key.dotted] = value
    try:
        changed = edits.save(read, chosen)
    except edits.EditError as error:
        print(f"hamstray setup: {error}", file=sys.stderr)
        return EXIT_FAILURE
    print(f"Saved {paths.config_file}" if changed else f"{paths.config_file} already says so.")
    print(enable_autostart(login))
    print(install_launcher())
    pid = running()
    if pid is None:
        print("All set. Start it now with: hamstray")
    else:
        print(f"All set. hamstray is running (pid {pid}) and follows the new settings.")
    return 0
