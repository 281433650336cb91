"""`hamstray setup`: a short, friendly first-run setup in the terminal."""

from collections.abc import Callable
from datetime import time
from pathlib import Path

from hamstray import config, durations
from hamstray.files import write_atomically
from hamstray.paths import Paths

Ask = Callable[[str], str]


def _ask_until_valid(ask: Ask, prompt: str, default: str, read: Callable[[str], object]) -> str:
    while True:
        answer = ask(f"{prompt} [{default}]: ").strip() or default
        try:
            read(answer)
        except ValueError as error:
            print(f"  {error}")
            continue
        return answer


def _clock(text: str) -> object:
    if text.lower() in ("none", "no", "-"):
        return None
    parsed = config.parse(f'[routines]\nmorning = "{text}"\n', Path("answer"))[1]
    if parsed:
        raise ValueError('enter a time like "07:30", or "none"')
    return text


def _yes(text: str) -> bool:
    if text.lower() not in ("y", "yes", "n", "no"):
        raise ValueError("answer yes or no")
    return text.lower() in ("y", "yes")


def run(
    paths: Paths,
    ask: Ask | None,
    enable_autostart: Callable[[bool], str],
    install_launcher: Callable[[], str],
) -> int:
    """Ask (or, with ``ask`` None, take the defaults), write the config, set up login and menu."""
    current, _ = config.load(paths.config_file)
    morning = current.routines.morning
    evening = current.routines.evening
    defaults = {
        "interval": str(current.breaks.interval // 60)
        if current.breaks.interval % 60 == 0
        else durations.format(current.breaks.interval),
        "autostart": "yes",
        "morning": "none" if morning is None else f"{morning:%H:%M}",
        "evening": "none" if evening is None else f"{evening:%H:%M}",
    }
    if ask is None:
        answers = defaults
    else:
        print(
            "hamstray reminds you to get up after a stretch of sitting, with one stretch for your\n"
            "hamstrings or their neighbours. Press Enter to keep the value in brackets.\n"
            "(30 minutes: light movement every 30 min lowered blood sugar and pressure in a\n"
            "2023 trial; hourly breaks did not help blood sugar.)\n"
        )
        answers = {
            "interval": _ask_until_valid(
                ask, "Minutes of sitting before a reminder", defaults["interval"], _duration
            ),
            "autostart": _ask_until_valid(
                ask, "Start hamstray when you log in? (yes/no)", defaults["autostart"], _yes
            ),
            "morning": _ask_until_valid(
                ask, "Morning stretch routine at (HH:MM or none)", defaults["morning"], _clock
            ),
            "evening": _ask_until_valid(
                ask, "Evening stretch routine at (HH:MM or none)", defaults["evening"], _clock
            ),
        }
    path = paths.config_file
    text = path.read_text(encoding="utf-8") if path.exists() else config.DEFAULT_FILE
    updated = config.with_values(
        text,
        {
            (
                "breaks",
                "interval",
            ): f'"{durations.format(durations.parse(_minutes(answers["interval"])))}"',
            ("routines", "morning"): _toml_clock(answers["morning"]),
            ("routines", "evening"): _toml_clock(answers["evening"]),
        },
    )
    write_atomically(path, updated.encode())
    print(f"Saved {path}")
    print(enable_autostart(_yes(answers["autostart"])))
    print(install_launcher())
    print("All set. Start it now with: hamstray")
    return 0


def _minutes(text: str) -> str:
    """A bare number in setup means minutes (the config file reads it as seconds)."""
    return f"{text}m" if text.isdigit() else text


def _duration(text: str) -> object:
    seconds = durations.parse(_minutes(text))
    if not 60 <= seconds <= 4 * 3600:
        raise ValueError("enter between 1 and 240 minutes (30 is a good start)")
    return seconds


def _toml_clock(text: str) -> str:
    if text.lower() in ("none", "no", "-"):
        return '""'
    hours, minutes = text.split(":")
    return f'"{time(int(hours), int(minutes)):%H:%M}"'
