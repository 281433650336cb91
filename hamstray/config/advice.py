"""How the config check tells a person to fix what it found: the nearest known key or stretch id,
and the quotes TOML needs around a duration or a time of day."""

import re
from collections.abc import Collection, Iterable

from hamstray.engine import checks, settings
from hamstray.store.translations import _

_BARE = re.compile(r"\s*([A-Za-z0-9_\-]+)\s*=\s*([0-9][0-9hms:]*)\s*(?:#.*)?$")
_DURATION = re.compile(r"(?:\d+h)?(?:\d+m)?(?:\d+s)?")
_CLOCK = re.compile(r"\d{1,2}:\d{2}")


def nearest(word: str, choices: Iterable[str], count: int = 1) -> list[str]:
    """The ``count`` choices closest to ``word`` (a typo, a missing letter), best first."""
    import difflib  # noqa: PLC0415 - only a settings file with a mistake needs it

    return difflib.get_close_matches(word, list(choices), n=count, cutoff=0.6)


def unknown_key(section: str, name: str) -> str:
    """What the check says about ``name`` in ``[section]``: the nearest key of that section, or
    the section where a key of that name lives."""
    keys = [key for key in settings.declared() if key.section == section]
    found = nearest(name, [key.name for key in keys])
    if found:
        return _("unknown key (ignored); did you mean {key}?").format(key=found[0])
    elsewhere = [key.dotted for key in settings.declared() if key.name == name]
    if elsewhere:
        table = f"[{elsewhere[0].split('.')[0]}]"
        return _("unknown key (ignored); it belongs in {table}").format(table=table)
    return _("unknown key (ignored)")


def unknown_section(section: str) -> str:
    """What the check says about an unknown ``[section]``."""
    found = nearest(section, settings.sections())
    if found:
        return _("unknown section (ignored); did you mean {table}?").format(table=f"[{found[0]}]")
    return _("unknown section (ignored)")


def unquoted(line: str) -> str:
    """A hint when ``line`` sets a duration or a time without the quotes TOML needs ("")."""
    found = _BARE.match(line)
    if found is None:
        return ""
    key, value = found.groups()
    if not value.isdigit() and _DURATION.fullmatch(value):
        return _("; durations are quoted: {example}").format(example=f'{key} = "{value}"')
    if _CLOCK.fullmatch(value):
        return _("; times of day are quoted: {example}").format(example=f'{key} = "{value}"')
    return ""


def unknown_ids(wanted: Iterable[str], ids: Collection[str]) -> list[str]:
    """One message per id in ``wanted`` that no stretch has, naming the nearest ids."""
    messages = []
    for stretch_id in wanted:
        if stretch_id in ids:
            continue
        close = nearest(stretch_id, ids, count=3)
        ids_said = _(" or ").join(checks.show(c) for c in close)
        hint = _("; did you mean {ids}?").format(ids=ids_said) if close else ""
        found = _("no stretch has the id {id} (see: hamstray stretches)")
        messages.append(found.format(id=checks.show(stretch_id)) + hint)
    return messages
