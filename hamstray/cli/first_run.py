"""`hamstray setup`: a short, friendly first-run setup in the terminal.

Every answer is checked by the same declaration the config file is checked by
(``engine.settings``), so setup and ``config check`` never disagree about a value.
"""

import functools
import sys
import time
import unicodedata
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
from hamstray.store.translations import N_, _, pgettext, said

Ask = Callable[[str], str]
QUESTIONS = (  # (section, key, prompt); "{none}" is the answer for none, in the user's language
    ("breaks", "interval", N_("Sitting time before a reminder, like 30m or 1h")),
    ("routines", "morning", N_("Morning stretch routine at (HH:MM or {none})")),
    ("routines", "evening", N_("Evening stretch routine at (HH:MM or {none})")),
    (
        "stretches",
        "avoid",
        N_("Conditions to spare (names from the list, comma-separated, or {none})"),
    ),
    ("stretches", "have", N_("A step with a rail nearby, for a calf stretch? (step or {none})")),
)


def _conditions_note() -> str:
    """The list of conditions: the ids to type (as the file has them) and their names."""
    return _(
        "\nA condition below makes hamstray swap the stretches that could strain it for gentler\n"
        "ones, or leave them out. (With any of them, ask a doctor or physiotherapist first.)"
    ) + "".join(f"\n  {c:<28}{_(name)}" for c, name in CONDITION_NAMES.items())


def _key(section: str, name: str) -> Key:
    return next(k for k in settings.declared() if (k.section, k.name) == (section, name))


def _plain(text: str) -> str:
    """``text`` lower-case and without accents, so "Si" answers for "sí"."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _none() -> str:
    return pgettext("setup answer", "none")


def _ask_until_valid(ask: Ask, prompt: str, default: str, read: Callable[[str], Any]) -> Any:
    while True:
        answer = ask(f"{prompt} [{default}]: ").strip() or default
        if _plain(answer) == _plain(_none()):
            answer = "none"  # the word the file's reader knows
        try:
            return read(answer)
        except ValueError as error:
            print(f"  {said(error)}")


def yes_or_no(text: str) -> bool:
    """Yes or no, in English or the user's language (the word or its first letter)."""
    yes, no = pgettext("setup answer", "yes"), pgettext("setup answer", "no")
    answer = _plain(text)
    for word, meaning in (("yes", True), ("no", False), (yes, True), (no, False)):
        if answer in (_plain(word), _plain(word)[:1]):
            return meaning
    raise ValueError(_("answer {yes} or {no}").format(yes=yes, no=no))


def _yes_no(question: str) -> str:
    """``question`` with the two answers after it, as it is asked."""
    return _("{question} ({yes}/{no})").format(
        question=question,
        yes=pgettext("setup answer", "yes"),
        no=pgettext("setup answer", "no"),
    )


def _feet(ask: Ask) -> None:
    """Once: whether the feet reach the floor; if not, the footstool tip."""
    question = _yes_no(_("Do your feet rest flat on the floor when you sit at your desk?"))
    flat = _ask_until_valid(ask, question, pgettext("setup answer", "yes"), yes_or_no)
    if not flat:
        tip = next(t for t in assets.guidance().tips if t.id == "footstool")
        print("  " + _("Tip: {tip}").format(tip=tip.text))


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
    current, _problems = loader.load(paths.config_file)
    history = History(paths.history) if ask is not None and paths.history.exists() else None
    named = () if history is None else swaps.named(history.rows((Kind.CONDITION,)))
    current = replace(current, stretches=swaps.with_named(current.stretches, named))
    chosen: dict[str, Any] = {}
    login = True
    if ask is not None:
        print(
            _(
                "hamstray reminds you to get up after a stretch of sitting, with one stretch for "
                "your\nhamstrings or their neighbours. Press Enter to keep the value in brackets.\n"
                "(30 minutes: light movement every 30 min lowered blood sugar and pressure in a\n"
                "2023 trial; hourly breaks did not help blood sugar.)\n"
            )
        )
    for section, name, prompt in QUESTIONS:
        key = _key(section, name)
        value = settings.value(current, key)
        if ask is not None:
            if name == "avoid":
                print(_conditions_note())
            offered = typed.shown(key, value)
            offered = _none() if offered in ("", "none") else offered
            question = _(prompt).format(none=_none())
            value = _ask_until_valid(ask, question, offered, functools.partial(typed.read, key))
            if section == "breaks":  # the login question comes second, as people expect
                question = _yes_no(_("Start hamstray when you log in?"))
                login = _ask_until_valid(ask, question, pgettext("setup answer", "yes"), yes_or_no)
        chosen[key.dotted] = value
    try:
        changed = edits.save(read, chosen)
    except edits.EditError as error:
        print(_("hamstray setup: {error}").format(error=error), file=sys.stderr)
        changed = None
    if history is not None:
        if named and changed is not None:  # the config holds them all now: one place for them
            history.record(Entry(time.time(), Kind.CONDITION, detail=""))
        history.close()
    if changed is None:
        return EXIT_FAILURE
    if ask is not None:
        _feet(ask)
    saved = _("Saved {path}") if changed else _("{path} already says so.")
    print(saved.format(path=paths.config_file))
    print(enable_autostart(login))
    print(install_launcher())
    pid = running()
    if pid is None:
        print(_("All set. Start it now with: hamstray"))
    else:
        print(
            _("All set. hamstray is running (pid {pid}) and follows the new settings.").format(
                pid=pid
            )
        )
    return 0
