"""Values as a person types them (in ``setup`` or the settings window), read by the very checks
the file is read by, so both say what ``config check`` says."""

import re
from typing import Any

from hamstray.engine import checks
from hamstray.engine.marks import N_, MarkedError
from hamstray.engine.settings import Key

NONE_WORDS = ("", "none", "no", "-")  # what a person types for "no routine" ("" in the file)


def read(key: Key, text: str) -> Any:
    """The value ``text`` stands for as ``key``'s; ValueError with the check's message if none."""
    answer = text.strip()
    match key.check:
        case checks.Clock() if answer.lower() in NONE_WORDS:
            answer = ""
        case checks.Duration() if answer.isdigit():
            # In the file a bare number is seconds; typed in a box it is most likely minutes.
            raise MarkedError(
                N_("write the unit too, like {example} for minutes"), example=f'"{answer}m"'
            )
        case checks.Whole() if re.fullmatch(r"[+-]?\d+", answer):
            return key.check.read(int(answer))
        case checks.Words() | checks.Names():
            words = [] if answer.lower() in NONE_WORDS else re.split(r"[,\s]+", answer)
            return key.check.read([w for w in words if w])
    return key.check.read(answer)


def shown(key: Key, value: Any) -> str:
    """``value`` as a person would type it back ("30m", "07:30", "none")."""
    if isinstance(key.check, checks.Words | checks.Names):
        return ", ".join(value)
    text = key.check.toml(value).strip('"')
    return "none" if isinstance(key.check, checks.Clock) and not text else text
