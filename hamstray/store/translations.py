"""The user's language: gettext catalogues for what hamstray shows, Babel for dates and times.

The language is one per process: the desktop's locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), or
``[ui] language`` when set. The app puts that choice into LANGUAGE, so its Tk windows (processes
of their own) speak the same language. The engine never translates: it marks its fixed texts
with ``N_`` and the layers that show them call ``_`` here.
"""

import gettext
import os
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path

from hamstray.engine.marks import N_, Marked, MarkedError

DOMAIN = "hamstray"
SOURCE = "en"
_current: list[tuple[str, gettext.NullTranslations]] = [(SOURCE, gettext.NullTranslations())]

__all__ = [
    "N_",
    "_",
    "chosen",
    "locale_dir",
    "pgettext",
    "plural",
    "said",
    "show_date",
    "show_moment",
    "use",
]


def locale_dir() -> Path:
    """Where the compiled catalogues are: ``hamstray/locale/<lang>/LC_MESSAGES/hamstray.mo``."""
    return Path(__file__).resolve().parents[1] / "locale"


def shipped() -> tuple[str, ...]:
    """The languages with a compiled catalogue, English first."""
    found = locale_dir().glob(f"*/LC_MESSAGES/{DOMAIN}.mo")
    return (SOURCE, *sorted(p.parents[1].name for p in found))


def desktop_language(environ: Mapping[str, str]) -> str:
    """The language the desktop asks for, as gettext reads it: LANGUAGE (a list, the first one
    hamstray speaks), else the first set of LC_ALL, LC_MESSAGES, LANG; "en" when none is set."""
    known = shipped()
    wanted = [w for w in environ.get("LANGUAGE", "").split(":") if w]
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if environ.get(name):
            wanted.append(environ[name])
            break
    for name in wanted:
        code = name.split(".")[0].split("@")[0]
        if code in ("C", "POSIX"):
            return SOURCE
        for candidate in (code, code.split("_")[0]):
            if candidate in known:
                return candidate
    return SOURCE


def use(language: str = "", environ: dict[str, str] | None = None) -> str:
    """Speak ``language`` ("" for the desktop's) from now on in this process and its children;
    return the language chosen."""
    env = os.environ if environ is None else environ
    if language:
        env["LANGUAGE"] = language  # the Tk windows are processes of their own: they follow
    chosen_language = language or desktop_language(env)
    translation = gettext.translation(
        DOMAIN, str(locale_dir()), languages=[chosen_language], fallback=True
    )
    _current[0] = (chosen_language, translation)
    return chosen_language


def chosen() -> str:
    """The language in use, e.g. "de" (Babel and gettext both take it)."""
    return _current[0][0]


def _(text: str) -> str:
    """``text`` in the user's language."""
    return _current[0][1].gettext(text)


def pgettext(context: str, text: str) -> str:
    """``text`` in the user's language, told apart by ``context`` (a stretch's cue, a rule)."""
    return _current[0][1].pgettext(context, text)


def plural(count: int, one: str, other: str) -> str:
    """The right form of ``one``/``other`` for ``count`` in the user's language (German has
    two, French takes the singular for 0 too), with ``{n}`` filled in."""
    return _current[0][1].ngettext(one, other, count).format(n=count)


def said(message: Marked | Exception) -> str:
    """A message in the user's language when the engine marked it (``Marked``, ``MarkedError``),
    else as it is."""
    if isinstance(message, MarkedError):
        message = message.marked
    if not isinstance(message, Marked):
        return str(message)
    fields = {n: _(v) if n in message.translated else v for n, v in message.fields}
    return _(message.template).format(**fields)


# English as Babel's CLDR data writes it ("en"), without loading that data (about 35 ms for each
# command that shows a date); tests/unit/test_i18n.py checks that the two agree.
ENGLISH = {
    "Hm": "{H:02}:{M:02}",
    "EHm": "{E} {H:02}:{M:02}",
    "yMMMEd": "{E}, {b} {d}, {y}",
    "MMMEd": "{E}, {b} {d}",
    "yMMMd": "{b} {d}, {y}",
    "MMMd": "{b} {d}",
    "EEE": "{E}",
}
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def written(skeleton: str, moment: date) -> str:
    """``moment`` written as the user's locale writes the CLDR ``skeleton`` ("yMMMEd": "Wed,
    Nov 25, 2026", "Mi., 25. Nov. 2026")."""
    if chosen() == SOURCE:
        clock = moment if isinstance(moment, datetime) else None
        return ENGLISH[skeleton].format(
            E=_WEEKDAYS[moment.weekday()],
            b=_MONTHS[moment.month - 1],
            d=moment.day,
            y=moment.year,
            H=clock.hour if clock else 0,
            M=clock.minute if clock else 0,
        )
    from babel.dates import format_skeleton  # noqa: PLC0415 - Babel's data only where shown

    return format_skeleton(skeleton, moment, locale=chosen())


def show_moment(moment: datetime, near: bool) -> str:
    """``moment`` as the user's locale writes it: weekday and time when ``near`` ("Wed 19:54",
    "Mi., 19:54"), else with the date ("Wed, Mar 3, 2027, 19:54")."""
    if near:
        return written("EHm", moment)
    return _("{date}, {time}").format(date=written("yMMMEd", moment), time=written("Hm", moment))


def show_day(day: date, with_year: bool = False, weekday: bool = True) -> str:
    """``day`` as the user's locale writes it: "Wed, Nov 25", "Mi., 25. Nov." (or without the
    weekday, "Nov 25"; with the year, "Wed, Nov 25, 2026")."""
    return written(("y" if with_year else "") + "MMM" + ("E" if weekday else "") + "d", day)


def show_weekday(day: date) -> str:
    """``day``'s weekday, short, as the user's locale writes it: "Wed", "Mi.", "mer."."""
    return written("EEE", day)


def show_date(day: date) -> str:
    """``day`` as the user's locale writes dates ("Dec 2, 2026", "2. Dez. 2026")."""
    if chosen() == SOURCE:
        return written("yMMMd", day)
    from babel.dates import format_date  # noqa: PLC0415 - Babel's data only where a date shows

    return format_date(day, format="medium", locale=chosen())
