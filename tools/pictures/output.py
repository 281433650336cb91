"""Writing the pictures: every keyframe and side at 1x and 2x, the reminder's still, the
manifest the app reads (no Pillow needed there), and the contact sheets for people."""

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from tools.pictures import render
from tools.pictures.picture import Picture

SIZES = {"1x": 240, "2x": 480}
SHEET_COLUMNS = 4
SHEET_BACKGROUND = (245, 243, 239, 255)
INK = (32, 48, 58, 255)


@dataclass(frozen=True, slots=True)
class Entry:
    """What the catalogue says about a stretch that the sheets and the manifest need."""

    name: str
    groups: tuple[str, ...]
    per_side: bool


def catalogue(path: Path) -> dict[str, Entry]:
    """The stretch catalogue's names, groups and sides, by id."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {
        s["id"]: Entry(s["name"], tuple(s["groups"]), bool(s["per_side"]))
        for s in data.get("stretch", [])
    }


def _small(image: Image.Image) -> Image.Image:
    """A palette image with transparency: a fifth of the bytes; 48 colours keep thin lines and
    tints solid at 240 px (24 speckled them)."""
    return image.quantize(colors=48, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)


def file_name(frame: str, side: int, scale: str) -> str:
    """A keyframe's file inside its stretch's folder."""
    return f"{frame}-side{side}@{scale}.png"


def write_picture(picture: Picture, out: Path) -> dict[str, object]:
    """Render ``picture`` into ``out`` and return its manifest entry."""
    folder = out / picture.id
    folder.mkdir(parents=True, exist_ok=True)
    sides = [1, 2] if picture.per_side else [1]
    files: dict[str, dict[str, dict[str, str]]] = {str(s): {} for s in sides}
    for index, frame in enumerate(picture.frames):
        big = render.draw(picture, index, SIZES["2x"])
        for side in sides:
            image = big if side == 1 else big.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
            files[str(side)][frame.name] = {}
            for scale, size in SIZES.items():
                name = file_name(frame.name, side, scale)
                sized = (
                    image
                    if size == big.width
                    else image.resize((size, size), Image.Resampling.LANCZOS)
                )
                _small(sized).save(folder / name, optimize=True)
                files[str(side)][frame.name][scale] = f"{picture.id}/{name}"
    written = {
        Path(f).name for frames in files.values() for s in frames.values() for f in s.values()
    }
    for stale in folder.glob("*.png"):  # a keyframe renamed or dropped since the last run
        if stale.name not in written:
            stale.unlink()
    still = render.draw(picture, len(picture.frames) - 1, SIZES["2x"], arrow=True)
    still = still.resize((SIZES["1x"], SIZES["1x"]), Image.Resampling.LANCZOS)
    _small(still).save(out / f"{picture.id}.png", optimize=True)
    return {
        "view": picture.view.label,
        "frames": [f.name for f in picture.frames],
        "end": picture.end,
        "moves": len(picture.frames) > 1,
        "sides": sides,
        "still": f"{picture.id}.png",
        "files": files,
    }


def write_manifest(entries: dict[str, dict[str, object]], out: Path) -> None:
    """The manifest: per stretch its view, keyframes, sides and files (paths from ``out``)."""
    manifest = {"format": 1, "sizes": SIZES, "stretches": entries}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError):  # a Pillow without FreeType: the small bitmap font
        return ImageFont.load_default()


def _lines(pen: ImageDraw.ImageDraw, text: str, font: object, width: float) -> list[str]:
    """``text`` in at most two lines that fit ``width`` (the second shortened if it must)."""
    words, lines = text.split(), [""]
    for word in words:
        trial = f"{lines[-1]} {word}".strip()
        if pen.textlength(trial, font=font) <= width or not lines[-1]:  # type: ignore[arg-type]
            lines[-1] = trial
        else:
            lines.append(word)
    if len(lines) > 2:
        lines = [lines[0], " ".join(lines[1:])]
    while pen.textlength(lines[-1], font=font) > width and len(lines[-1]) > 4:  # type: ignore[arg-type]
        lines[-1] = lines[-1][:-2].rstrip() + "…"
    return lines


def sheet(ids: list[str], out: Path, names: dict[str, str]) -> Image.Image:
    """A contact sheet: each stretch's still, its name under it in full, four to a row."""
    cell, label = SIZES["1x"], 52
    rows = (len(ids) + SHEET_COLUMNS - 1) // SHEET_COLUMNS
    columns = min(SHEET_COLUMNS, len(ids))
    image = Image.new("RGBA", (columns * cell, rows * (cell + label)), SHEET_BACKGROUND)
    pen = ImageDraw.Draw(image)
    font = _font(17)
    for k, stretch_id in enumerate(ids):
        x, y = (k % SHEET_COLUMNS) * cell, (k // SHEET_COLUMNS) * (cell + label)
        with Image.open(out / f"{stretch_id}.png") as still:
            image.alpha_composite(still.convert("RGBA"), (x, y))
        for n, line in enumerate(_lines(pen, names.get(stretch_id, stretch_id), font, cell - 12)):
            width = pen.textlength(line, font=font)
            pen.text((x + (cell - width) / 2, y + cell + 2 + 21 * n), line, fill=INK, font=font)
    return image.convert("RGB")
