"""The translation catalogues: extract the template, merge it into each language, compile.

    python -m tools.translations extract   # hamstray/locale/hamstray.pot from the code and data
    python -m tools.translations update    # merge the template into every <lang>/.../hamstray.po
    python -m tools.translations compile   # the .mo files beside them (the build hook does this)

The code's strings are found by Babel (``_``, ``N_``, ``pgettext``, ``plural``); the stretch and
guidance text comes from the TOML files, each field under its context in ``store.spoken``.
"""

import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from hamstray.store.spoken import FIELDS

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "hamstray"
LOCALE = PACKAGE / "locale"
TEMPLATE = LOCALE / "hamstray.pot"
DOMAIN = "hamstray"
# plural(count, one, other): the forms are its 2nd and 3rd arguments.
KEYWORDS: dict[str, Any] = {"_": None, "N_": None, "pgettext": ((1, "c"), 2), "plural": (2, 3)}
HEADER = "Translations of hamstray, the stretch-break tray app."


def _data_strings(name: str) -> Iterator[tuple[str, str]]:
    """(context, text) of every shown field of the shipped ``name`` TOML file."""
    data = tomllib.loads((PACKAGE / "store" / name).read_text(encoding="utf-8"))
    for entry in data.get("stretch", []):
        for field in ("name", "why", "feel", "caution", "intro"):
            if entry.get(field):
                yield FIELDS[field], entry[field]
        for cue in entry.get("cues", []):
            yield FIELDS["cues"], cue
        for field in ("cautions", "adapt"):
            for text in entry.get(field, {}).values():
                yield FIELDS[field], text
    if "rules" in data:
        for line in data["rules"]["lines"]:
            yield FIELDS["rules.lines"], line
        yield FIELDS["rules.footer"], data["rules"]["footer"]
        yield FIELDS["rules.progress"], data["rules"]["progress"]
    for tip in data.get("tip", []):
        yield FIELDS["tip.text"], tip["text"]
    checkin = data.get("checkin")
    if checkin:
        yield FIELDS["checkin.intro"], checkin["intro"]
        for trend in ("early", "further", "same", "less"):
            yield FIELDS["checkin.trend"], checkin[trend]
        for test in checkin["test"]:
            yield FIELDS["test.name"], test["name"]
            yield FIELDS["test.question"], test["question"]
            for cue in test["cues"]:
                yield FIELDS["test.cues"], cue
            for answer in test["answers"]:
                yield FIELDS["test.answers"], answer["label"]


def _line_of(text: str, lines: list[str]) -> int:
    needle = text[:40]
    return next((n for n, line in enumerate(lines, start=1) if needle in line), 0)


def extract() -> Catalog:
    """The template: every marked string in the package and every shown field of its data."""
    catalog = Catalog(project="hamstray", domain=DOMAIN, header_comment=f"# {HEADER}")
    found = extract_from_dir(
        str(PACKAGE),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        where = f"hamstray/{filename}"
        catalog.add(message, None, [(where, lineno)], auto_comments=comments, context=context)
    for name in ("stretches.toml", "guidance.toml"):
        lines = (PACKAGE / "store" / name).read_text(encoding="utf-8").splitlines()
        for context, text in _data_strings(name):
            spot = (f"hamstray/store/{name}", _line_of(text, lines))
            catalog.add(text, None, [spot], context=context)
    return catalog


def write_template(path: Path = TEMPLATE) -> None:
    """Write the extracted template to ``path``."""
    with path.open("wb") as out:
        write_po(out, extract(), width=100, omit_header=False, sort_output=False)


def catalogues(locale: Path = LOCALE) -> list[Path]:
    """Every language's .po file."""
    return sorted(locale.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read(path: Path) -> Catalog:
    """One .po file as a catalogue."""
    language = path.parents[1].name
    with path.open("rb") as source:
        return read_po(source, locale=language, domain=DOMAIN)


def update(locale: Path = LOCALE) -> None:
    """Merge the template into every language: new strings empty, gone ones dropped."""
    with TEMPLATE.open("rb") as source:
        template = read_po(source)
    for path in catalogues(locale):
        catalog = read(path)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        with path.open("wb") as out:
            write_po(out, catalog, width=100, sort_output=False)


def compile_all(locale: Path = LOCALE) -> list[Path]:
    """Compile every .po into the .mo gettext reads, beside it; return the .mo files."""
    written = []
    for path in catalogues(locale):
        target = path.with_suffix(".mo")
        with target.open("wb") as out:
            write_mo(out, read(path), use_fuzzy=False)
        written.append(target)
    return written


def main(argv: list[str]) -> int:
    """Run one of extract, update, compile."""
    commands = {"extract": write_template, "update": update, "compile": compile_all}
    if len(argv) != 1 or argv[0] not in commands:
        print("usage: python -m tools.translations extract|update|compile", file=sys.stderr)
        return 2
    commands[argv[0]]()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
