"""How the config check tells a person to fix what it found: the nearest known key or stretch id,
and the quotes TOML needs around a duration or a time of day."""

import difflib
import re
from collections.abc import Collection, Iterable

from hamstray.engine import checks, settings

_BARE = re.compile(r"\s*([A-Za-z0-9_\-]+)\s*=\s*([0-9][0-9hms:]*)\s*(?:#.*)?$")
_DURATION = re.compile(r"(?:\d+h)?(?:\d+m)?(?:\d+s)?")
_CLOCK = re.compile(r"\d{1,2}:\d{2}")


def nearest(word: str, choices: Iterable[str], count: int = 1) -> list[str]:
    """The ``count`` choices closest to ``word`` (a typo, a missing letter), best first."""
    return difflib.get_close_matches(word, list(choices), n=count, cutoff=0.6)


def unknown_key(section: str, name: str) -> str:
    """What the check says about ``name`` in ``[section]``: the nearest key of that section, or
    the section where a key of that name lives."""
    keys = [key for key in settings.declared() if key.section == section]
    found = nearest(name, [key.name for key in keys])
    if found:
        return f"unknown key (ignored); did you mean {found[0]}?"
    elsewhere = [key.dotted for key in settings.declared() if key.name == name]
    if elsewhere:
        return f"unknown key (ignored); it belongs in [{elsewhere[0].split('.')[0]}]"
    return "unknown key (ignored)"


def unknown_section(section: str) -> str:
    """What the check says about an unknown ``[section]``."""
    found = nearest(section, settings.sections())
    return "unknown section (ignored)" + (f"; did you mean [{found[0]}]?" if found else "")


def unquoted(line: str) -> str:
    """A hint when ``line`` sets a duration or a time without the quotes TOML needs ("")."""
    found = _BARE.match(line)
    if found is None:
        return ""
    key, value = found.groups()
    if not value.isdigit() and _DURATION.fullmatch(value):
        return f'; durations are quoted: {key} = "{value}"'
    if _CLOCK.fullmatch(value):
        return f'; times of day are quoted: {key} = "{value}"'
    return ""


def unknown_ids(wanted: Iterable[str], ids: Collection[str]) -> list[str]:
    """One message per id in ``wanted`` that no stretch has, naming the nearest ids."""
    messages = []
    for stretch_id in wanted:
        if stretch_id in ids:
            continue
        close = nearest(stretch_id, ids, count=3)
        hint = f"; did you mean {' or '.join(checks.show(c) for c in close)}?" if close else ""
        messages.append(
            f"no stretch has the id {checks.show(stretch_id)} (see: hamstray stretches){hint}"
        )
    return messages
