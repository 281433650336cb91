"""The translations: complete catalogues with matching placeholders, a template that matches the
code, every shown string of the translated modules marked, and plurals right per language."""

import ast
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo

from hamstray.store import translations
from tools import translations as tool

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("de", "fr", "es")
# The modules whose every shown string goes through gettext.
TRANSLATED = (
    "hamstray/desktop/tray/menu.py",
    "hamstray/runtime/reminders.py",
    "hamstray/store/wording.py",
    "hamstray/ui/guide/window.py",
    "hamstray/ui/guide/panels.py",
    "hamstray/ui/guide/countdown.py",
    "hamstray/ui/guide/checkin.py",
    "hamstray/ui/guide/protocol.py",
    "hamstray/ui/settings/form.py",
    "hamstray/ui/settings/fields.py",
    "hamstray/ui/settings/window.py",
    "hamstray/runtime/commands.py",
    "hamstray/runtime/guides.py",
    "hamstray/runtime/settings_window.py",
    "hamstray/cli/desktop_checks.py",
    "hamstray/ui/chart.py",
    "hamstray/cli/practice.py",
    "hamstray/cli/guided.py",
    "hamstray/cli/first_run.py",
    "hamstray/config/advice.py",
    "hamstray/config/typed.py",
    "hamstray/desktop/opener.py",
    "hamstray/runtime/control/pipe.py",
    "hamstray/runtime/control/lock.py",
)
MARKERS = {"_", "N_", "pgettext", "plural"}
INTERFACE = {"too hard"}  # `stretches --json` says why a stretch is left out with these words


def _catalogue(language: str) -> Catalog:
    return tool.read(tool.LOCALE / language / "LC_MESSAGES" / "hamstray.po")


def _fields(text: str) -> set[str]:
    """The ``{name}`` and ``%s`` placeholders in ``text``."""
    braces = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    return braces | set(re.findall(r"%[sd]", text))


def _forms(message: Message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


def _sources(message: Message) -> list[str]:
    return list(message.id) if isinstance(message.id, tuple) else [message.id]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated_and_none_is_fuzzy(language: str) -> None:
    """The code's strings and the stretch and guidance text, every plural form."""
    catalogue = _catalogue(language)
    missing = [m.id for m in catalogue if m.id and not all(_forms(m))]
    assert missing == []
    assert [m.id for m in catalogue if m.id and m.fuzzy] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_match_in_every_plural_form(language: str) -> None:
    wrong = []
    for message in _catalogue(language):
        if not message.id:
            continue
        wanted = set().union(*(_fields(s) for s in _sources(message)))
        wrong += [
            (message.id, form) for form in _forms(message) if form and _fields(form) != wanted
        ]
    assert wrong == []


def test_the_template_is_up_to_date_with_the_code_and_the_data(tmp_path: Path) -> None:
    fresh = tmp_path / "hamstray.pot"
    tool.write_template(fresh)
    with fresh.open("rb") as new, tool.TEMPLATE.open("rb") as old:
        extracted = {(m.id, m.context) for m in tool.read_po(new) if m.id}
        committed = {(m.id, m.context) for m in tool.read_po(old) if m.id}
    assert extracted == committed, "run: python -m tools.translations extract && ... update"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalogue_has_exactly_the_templates_strings(language: str) -> None:
    with tool.TEMPLATE.open("rb") as source:
        template = {(m.id, m.context) for m in tool.read_po(source) if m.id}
    assert {(m.id, m.context) for m in _catalogue(language) if m.id} == template


def _prose(text: str) -> bool:
    """Whether a literal reads as words for a person: two words, or a capitalised word (not a
    file path)."""
    if text.startswith("/"):
        return False
    words = re.search(r"[A-Za-z]{2,}[,.:;]? +[A-Za-z]{2,}", text)
    return bool(words) or bool(re.fullmatch(r"[A-Z][a-z]+[.!?:…]?", text.strip()))


def _unmarked(path: Path) -> list[str]:
    """Prose literals in ``path`` outside a marker call, docstrings, logs, annotations and dict
    keys: the labels, titles and sentences a person would read."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            allowed.add(id(node.value))  # docstrings
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in MARKERS or name in {"warning", "info", "debug", "exception", "error"}:
                allowed.update(id(n) for a in node.args for n in ast.walk(a))
        if isinstance(node, ast.AnnAssign):  # "Item" in a forward reference
            allowed.update(id(n) for n in ast.walk(node.annotation))
        if isinstance(node, ast.Dict):
            allowed.update(id(k) for k in node.keys if k is not None)
    found = []
    for node in ast.walk(tree):
        if id(node) in allowed:
            continue
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value not in INTERFACE
            and _prose(node.value)
        ):
            found.append(f"{path.name}:{node.lineno}: {node.value!r}")
    return found


def test_the_translated_modules_show_no_unmarked_prose() -> None:
    found = [line for module in TRANSLATED for line in _unmarked(ROOT / module)]
    assert found == []


def test_the_scan_finds_an_unmarked_label(tmp_path: Path) -> None:
    """The rule above can fail: a bare menu label is caught, a marked one and an id are not."""
    module = tmp_path / "menu.py"
    module.write_text('Item("Quit now")\nItem(_("Quit"))\nCommand("pause-tomorrow")\n')
    assert _unmarked(module) == ["menu.py:1: 'Quit now'"]


def _hidden_from_babel(tree: ast.AST) -> list[int]:
    """Lines where a marker gets an f-string, or a literal inside an f-string: Babel extracts
    neither, so that text would always show in English (``_(name)`` of an ``N_`` text is fine)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in MARKERS:
            found += [node.lineno for a in node.args if isinstance(a, ast.JoinedStr)]
        if isinstance(node, ast.JoinedStr):
            found += [
                inner.lineno
                for inner in ast.walk(node)
                if isinstance(inner, ast.Call)
                and getattr(inner.func, "id", "") in MARKERS
                and any(isinstance(a, ast.Constant) for a in inner.args)
            ]
    return found


def test_no_marker_gets_text_babel_cannot_extract() -> None:
    found = [
        f"{path}:{line}"
        for path in (ROOT / "hamstray").rglob("*.py")
        for line in _hidden_from_babel(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert found == []


def test_a_marker_inside_an_f_string_is_caught() -> None:
    code = 'a = _(f"Hi {name}")\nb = f"{_(\'Held\')} {n}"\nc = _("Quit")\nd = f"{_(GROUP)}:"\n'
    assert _hidden_from_babel(ast.parse(code)) == [1, 2]


_SCOPES = (
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.Lambda,
    ast.ListComp,
    ast.SetComp,
    ast.DictComp,
    ast.GeneratorExp,
)


def _own(scope: ast.AST) -> list[ast.AST]:
    """The nodes of ``scope`` itself, not of the functions, lambdas and comprehensions in it."""
    found, todo = [], list(ast.iter_child_nodes(scope))
    while todo:
        node = todo.pop()
        found.append(node)
        if not isinstance(node, _SCOPES):
            todo.extend(ast.iter_child_nodes(node))
    return found


def _shadowed(tree: ast.AST) -> list[int]:
    """Lines that bind ``_`` (``key, _, value = ...``, a parameter ``_``) in a scope that also
    calls ``_("...")``: Python makes ``_`` local to the whole scope, so the call gets a string
    or nothing instead of gettext."""
    found = []
    for scope in [tree, *(n for n in ast.walk(tree) if isinstance(n, _SCOPES))]:
        nodes = _own(scope)
        calls = any(
            isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "_"
            for n in nodes
        )
        binds = [
            n.lineno
            for n in nodes
            if isinstance(n, ast.Name) and n.id == "_" and isinstance(n.ctx, ast.Store)
        ]
        if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            arguments = scope.args
            every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
            every += [a for a in (arguments.vararg, arguments.kwarg) if a is not None]
            binds += [scope.lineno for a in every if a.arg == "_"]
        if calls:
            found += binds
    return sorted(found)


def test_no_module_that_translates_binds_underscore() -> None:
    found = [
        f"{path}:{line}"
        for path in (ROOT / "hamstray").rglob("*.py")
        for line in _shadowed(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert found == []


def test_a_throwaway_underscore_beside_gettext_is_caught() -> None:
    code = (
        "from t import _\n"
        "def f(x):\n    key, _, value = x.partition('=')\n    return _('no')\n"
        "def g(rows):\n    return [_('ok') for a in rows] + [a for a, _ in rows]\n"
        "h = lambda *_: _('no')\n"
    )
    assert _shadowed(ast.parse(code)) == [3, 7]


@pytest.fixture
def compiled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The catalogues compiled from the .po files now (not an older build's .mo)."""
    for language in LANGUAGES:
        target = tmp_path / language / "LC_MESSAGES"
        target.mkdir(parents=True)
        with (target / "hamstray.mo").open("wb") as out:
            write_mo(out, _catalogue(language), use_fuzzy=False)
    monkeypatch.setattr(translations, "locale_dir", lambda: tmp_path)
    yield tmp_path
    translations.use("en", {})


@pytest.mark.parametrize(
    ("language", "one", "two", "zero"),
    [
        ("de", "1 Pause", "2 Pausen", "0 Pausen"),
        ("fr", "1 pause", "2 pauses", "0 pause"),  # French: 0 takes the singular
        ("es", "1 pausa", "2 pausas", "0 pausas"),
        ("en", "1 break", "2 breaks", "0 breaks"),
    ],
)
def test_plurals_follow_each_language(
    compiled: Path, language: str, one: str, two: str, zero: str
) -> None:
    translations.use(language, {})
    shown = [translations.plural(n, "{n} break", "{n} breaks") for n in (1, 2, 0)]
    assert shown == [one, two, zero]


@pytest.mark.parametrize(
    ("environ", "chosen"),
    [
        ({"LANGUAGE": "de:en", "LANG": "fr_FR.UTF-8"}, "de"),
        ({"LANGUAGE": "pt_BR:es", "LANG": "pt_BR.UTF-8"}, "es"),  # the first one spoken
        ({"LC_ALL": "fr_CA.UTF-8", "LC_MESSAGES": "de_DE.UTF-8"}, "fr"),
        ({"LC_MESSAGES": "es_ES.UTF-8", "LANG": "de_DE.UTF-8"}, "es"),
        ({"LANG": "de_AT.UTF-8"}, "de"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "ja_JP.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_language_follows_the_desktop_locale(
    compiled: Path, environ: dict[str, str], chosen: str
) -> None:
    assert translations.use("", dict(environ)) == chosen


def test_the_setting_overrides_the_desktop_and_reaches_the_windows(compiled: Path) -> None:
    environ = {"LANG": "de_DE.UTF-8"}
    assert translations.use("fr", environ) == "fr"
    assert environ["LANGUAGE"] == "fr"  # what the guide and settings processes read
    assert translations._("Quit") == "Quitter"


def test_stretch_content_is_translated_at_load_ids_stay(compiled: Path) -> None:
    from hamstray.store import assets

    translations.use("de", {})
    stretch = next(s for s in assets.stretches() if s.id == "chair-hamstring")
    assert (stretch.id, stretch.context, stretch.name, stretch.reminder_intro) == (
        "chair-hamstring",
        "desk",
        "Sitzende Dehnung der hinteren Oberschenkel",
        "Versuch es am Schreibtisch:",
    )
    rules = assets.guidance().rules
    assert "nicht wippen" in rules.footer
    assert (
        assets.guidance().checkin.further.format(weeks=4)
        == "Beweglicher als vor 4 Wochen: weiter so."
    )


def test_a_far_pause_end_is_written_the_locales_way(compiled: Path) -> None:
    from datetime import datetime

    moment = datetime(2027, 3, 3, 19, 54)
    translations.use("de", {})
    assert translations.show_moment(moment, near=False) == "Mi., 3. März 2027, 19:54"
    translations.use("fr", {})
    assert translations.show_moment(moment, near=True) == "mer. 19:54"


def test_english_dates_are_written_as_babel_writes_them_without_loading_its_data() -> None:
    """English skips Babel's locale data (35 ms a command); what it writes is Babel's "en"."""
    from datetime import date, datetime, timedelta

    from babel.dates import format_date, format_skeleton

    translations.use("en", {})
    start = datetime(2026, 1, 1, 0, 7)
    for days in range(0, 800, 7):  # every weekday and month, two years, hours and minutes
        moment = start + timedelta(days=days, hours=days % 24, minutes=days % 60)
        day = moment.date()
        for skeleton in translations.ENGLISH:
            value = moment if "H" in skeleton else day
            assert translations.written(skeleton, value) == format_skeleton(
                skeleton, value, locale="en"
            ), (skeleton, value)
        assert translations.show_date(day) == format_date(day, format="medium", locale="en")
    assert translations.show_moment(datetime(2027, 3, 3, 9, 5), near=False) == (
        "Wed, Mar 3, 2027, 09:05"
    )
    assert translations.show_day(date(2026, 11, 25)) == "Wed, Nov 25"


def test_ui_language_in_the_settings_file_overrides_the_desktop(tmp_path: Path) -> None:
    """`[ui] language = "fr"` wins over a German desktop, down to the command's help."""
    settings = tmp_path / "config.toml"
    settings.write_text('[ui]\nlanguage = "fr"\n', encoding="utf-8")
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "LANG": "de_DE.UTF-8"}
    shown = subprocess.run(
        [sys.executable, "-m", "hamstray", "--config", str(settings), "plan", "--help"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    assert "Montrer les prochaines propositions (ne change rien)." in shown.stdout


def test_a_settings_file_problem_is_said_in_the_language_with_key_and_value_as_written(
    compiled: Path,
) -> None:
    """The engine's check stays English (``str``); config check says it in German."""
    from hamstray.config import loader
    from hamstray.engine.checks import Duration

    translations.use("de", {})
    _, problems = loader.parse('[breaks]\nsnooze = "2d"\nsnoze = "5m"\n', Path("c.toml"))
    assert [str(p) for p in problems] == [
        'c.toml:2: breaks.snooze: erwartet wurde eine Dauer wie "45m", nicht "2d"',
        "c.toml:3: Warnung: breaks.snoze: unbekannter Schlüssel (ignoriert); meintest du snooze?",
    ]
    with pytest.raises(ValueError, match='expected a duration from 1s to 1m, got "2m"'):
        Duration(1, 60).read("2m")


def test_setup_takes_yes_and_no_in_the_language_and_in_english(compiled: Path) -> None:
    from hamstray.cli import first_run

    translations.use("fr", {})
    assert [first_run.yes_or_no(a) for a in ("oui", "O", "non", "yes", "n")] == [
        True,
        True,
        False,
        True,
        False,
    ]
    with pytest.raises(ValueError, match=r"^répondez oui ou non$"):
        first_run.yes_or_no("peut-être")
    translations.use("es", {})
    assert first_run.yes_or_no("si") is True  # "sí" without its accent
