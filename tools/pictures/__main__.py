"""``python -m tools.pictures [OUT_DIR] [--sheets DIR]``: redraw every stretch picture.

OUT_DIR defaults to the source tree's ``icons/stretches``; the contact sheets go to ``docs/``
(or ``--sheets DIR``). Prints how many files it wrote, their bytes and the time it took.
"""

import argparse
import sys
import time
from pathlib import Path

from tools.pictures import output
from tools.pictures.poses import PICTURES

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str]) -> int:
    """Render the pictures, the manifest and the sheets."""
    parser = argparse.ArgumentParser(prog="python -m tools.pictures")
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "icons" / "stretches")
    parser.add_argument("--sheets", type=Path, default=ROOT / "docs")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    entries = {stretch_id: output.write_picture(p, out) for stretch_id, p in PICTURES.items()}
    output.write_manifest(entries, out)
    known = output.catalogue(ROOT / "hamstray" / "store" / "stretches.toml")
    names = {i: e.name for i, e in known.items()} | {"march-in-place": "Marching on the spot"}
    sheets: Path = args.sheets
    sheets.mkdir(parents=True, exist_ok=True)
    ids = [i for i in known if i in PICTURES] + [i for i in PICTURES if i not in known]
    output.sheet(ids, out, names).save(sheets / "stretches.png", optimize=True)
    groups = sorted({g for e in known.values() for g in e.groups})
    for group in groups:
        members = [i for i in ids if i in known and group in known[i].groups]
        path = sheets / f"stretches-{group.replace('_', '-')}.png"
        output.sheet(members, out, names).save(path, optimize=True)
    files = [p for p in out.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    print(f"{len(files)} files, {size} bytes, in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
