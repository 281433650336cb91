#!/usr/bin/env python3
"""Write the AppStream metainfo's <releases> from CHANGELOG.md (``--check``: only compare).

packaging/metainfo.py          rewrite packaging/io.github.hamstray.hamstray.metainfo.xml
packaging/metainfo.py --check  exit 1 when the file's releases differ from the changelog's
"""

import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
METAINFO = ROOT / "packaging" / "io.github.hamstray.hamstray.metainfo.xml"
RELEASE = re.compile(r"^## \[(?P<version>[^\]]+)\] - (?P<date>\d{4}-\d{2}-\d{2})$", re.M)
INDENT = "  "


def _inline(markdown: str) -> str:
    """One bullet's text as AppStream markup: `code` becomes <code>, the rest is escaped."""
    parts = markdown.split("`")
    return "".join(
        f"<code>{escape(part)}</code>" if odd else escape(part)
        for odd, part in ((i % 2 == 1, p) for i, p in enumerate(parts))
    )


def _bullets(body: str) -> list[str]:
    """The bullets of a changelog list, each joined onto one line."""
    items: list[str] = []
    for line in body.splitlines():
        if line.startswith("- "):
            items.append(line[2:].strip())
        elif line.startswith("  ") and items:
            items[-1] += " " + line.strip()
    return items


def releases(changelog: str) -> str:
    """The <releases> element for every dated version in ``changelog``, newest first."""
    out = [f"{INDENT}<releases>"]
    headings = list(RELEASE.finditer(changelog))
    for number, heading in enumerate(headings):
        end = headings[number + 1].start() if number + 1 < len(headings) else len(changelog)
        body = changelog[heading.end() : end].split("\n## ", 1)[0]
        out.append(f'{INDENT * 2}<release version="{heading["version"]}" date="{heading["date"]}">')
        out.append(f"{INDENT * 3}<description>")
        for kind, items in re.findall(r"^### (\w+)\n(.*?)(?=^### |\Z)", body, re.M | re.S):
            out.append(f"{INDENT * 4}<p>{escape(kind)}:</p>")
            out.append(f"{INDENT * 4}<ul>")
            out += [f"{INDENT * 5}<li>{_inline(item)}</li>" for item in _bullets(items)]
            out.append(f"{INDENT * 4}</ul>")
        out.append(f"{INDENT * 3}</description>")
        out.append(f"{INDENT * 2}</release>")
    out.append(f"{INDENT}</releases>")
    return "\n".join(out)


def with_releases(metainfo: str, changelog: str) -> str:
    """``metainfo`` with its <releases> element replaced by the changelog's."""
    block = re.compile(rf"^{INDENT}<releases>.*?</releases>$", re.M | re.S)
    if not block.search(metainfo):
        raise SystemExit(f"{METAINFO}: no <releases> element to replace")
    return block.sub(lambda _: releases(changelog), metainfo, count=1)


def main(argv: list[str]) -> int:
    current = METAINFO.read_text(encoding="utf-8")
    wanted = with_releases(current, (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))
    if argv == ["--check"]:
        if current != wanted:
            print(f"{METAINFO.name}: its releases differ from CHANGELOG.md; run {sys.argv[0]}")
            return 1
        return 0
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    METAINFO.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
