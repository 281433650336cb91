"""The shipped pictures: every catalogue entry has each view, side and keyframe it declares,
the manifest says where, and the files are the sizes it says."""

import json
import tomllib
from pathlib import Path

import pytest
from PIL import Image

from tools.pictures import output
from tools.pictures.poses import PICTURES

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "icons" / "stretches"
MANIFEST = json.loads((ICONS / "manifest.json").read_text())
CATALOGUE = tomllib.loads((ROOT / "hamstray" / "store" / "stretches.toml").read_text())["stretch"]
MOVEMENTS = {
    "seated-cat-cow",
    "seated-twist",
    "step-heel-drop",
    "foot-roll",
    "kneeling-hip-flexor",
    "standing-hip-flexor",
    "march-in-place",
    "legs-up-the-wall",  # together, then open into the V
}
FRONT = {"seated-wide-leg", "chair-wide-leg", "butterfly", "standing-side-lunge"}


@pytest.mark.parametrize("entry", CATALOGUE, ids=lambda e: e["id"])
def test_every_catalogue_entry_has_its_pictures_in_the_manifest(entry: dict) -> None:
    listed = MANIFEST["stretches"][entry["id"]]
    assert listed["sides"] == ([1, 2] if entry["per_side"] else [1])
    assert listed["frames"] == [f.name for f in PICTURES[entry["id"]].frames]
    assert set(listed["files"]) == {str(s) for s in listed["sides"]}
    for side in listed["sides"]:
        assert set(listed["files"][str(side)]) == set(listed["frames"])


def test_the_manifest_lists_every_picture_and_the_new_warm_up() -> None:
    assert set(MANIFEST["stretches"]) == set(PICTURES)
    assert {e["id"] for e in CATALOGUE} <= set(PICTURES)
    assert MANIFEST["stretches"]["march-in-place"]["moves"] is True


def test_every_listed_file_exists_at_its_size() -> None:
    for entry in MANIFEST["stretches"].values():
        for frames in entry["files"].values():
            for scales in frames.values():
                for scale, relative in scales.items():
                    with Image.open(ICONS / relative) as image:
                        assert image.size == (MANIFEST["sizes"][scale],) * 2, relative
                        assert image.getbbox() is not None


@pytest.mark.parametrize("stretch_id", sorted(PICTURES))
def test_the_reminder_still_is_240_px_with_transparency(stretch_id: str) -> None:
    with Image.open(ICONS / f"{stretch_id}.png") as image:
        assert image.size == (240, 240)
        assert image.convert("RGBA").getpixel((0, 0))[3] == 0


def test_movements_have_two_keyframes_and_holds_one() -> None:
    for stretch_id, picture in PICTURES.items():
        assert (len(picture.frames) >= 2) == (stretch_id in MOVEMENTS), stretch_id


def test_sideways_stretches_are_seen_from_the_front() -> None:
    assert {i for i in FRONT if MANIFEST["stretches"][i]["view"].startswith("front")} == FRONT
    assert MANIFEST["stretches"]["pigeon"]["view"] != "side"


def test_side_two_is_the_mirror_image_of_side_one() -> None:
    files = MANIFEST["stretches"]["pigeon"]["files"]
    with (
        Image.open(ICONS / files["1"]["hold"]["1x"]) as one,
        Image.open(ICONS / files["2"]["hold"]["1x"]) as two,
    ):
        mirrored = one.convert("RGBA").transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        assert mirrored.tobytes() == two.convert("RGBA").tobytes()


def test_a_picture_is_written_as_its_keyframes_sides_and_still(tmp_path: Path) -> None:
    """Named ``<id>/<frame>-side<n>@<scale>.png``, palette PNGs, listed in its manifest entry."""
    entry = output.write_picture(PICTURES["desk-calf"], tmp_path)
    assert entry["sides"] == [1, 2]
    assert entry["files"] == {
        side: {"hold": {s: f"desk-calf/hold-side{side}@{s}.png" for s in ("1x", "2x")}}
        for side in ("1", "2")
    }
    with Image.open(tmp_path / "desk-calf" / "hold-side2@2x.png") as image:
        assert (image.mode, image.size) == ("P", (480, 480))
    assert (tmp_path / "desk-calf.png").is_file()
