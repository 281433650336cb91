"""Which picture files the guide plays: found through the manifest, per side and scale, paced
by the breath for rounds, the mirrored picture for the left side held first."""

import json
from pathlib import Path

from hamstray.engine.catalogue import ROUND_S
from hamstray.store import assets
from hamstray.ui.guide import protocol
from hamstray.ui.guide.picture import (
    FRAME_MS,
    LEFT,
    RIGHT,
    frame_files,
    pace,
    picture_side,
    read_manifest,
)

MANIFEST = assets.picture_manifest()


def test_the_guide_is_told_where_the_manifest_is_and_it_lists_every_stretch() -> None:
    stretches = assets.stretches()
    spec = protocol.spec(stretches, "Stretch break", False, assets.guidance().rules)
    assert Path(spec["pictures"]) == MANIFEST
    assert {s.id for s in stretches} <= set(read_manifest(spec["pictures"])["stretches"])


def test_a_movement_plays_its_keyframes_in_order_for_the_side_and_scale() -> None:
    files = frame_files(read_manifest(str(MANIFEST)), MANIFEST.parent, "seated-cat-cow", 1, "2x")
    assert [f.name for f in files] == ["arch-side1@2x.png", "round-side1@2x.png"]
    assert all(f.is_file() for f in files)


def test_side_two_is_the_mirrored_set_and_a_stretch_done_once_falls_back_to_side_one() -> None:
    manifest = read_manifest(str(MANIFEST))
    assert [f.name for f in frame_files(manifest, MANIFEST.parent, "desk-calf", 2, "1x")] == [
        "hold-side2@1x.png"
    ]
    once = frame_files(manifest, MANIFEST.parent, "seated-cat-cow", 2, "1x")
    assert [f.name for f in once] == ["arch-side1@1x.png", "round-side1@1x.png"]


def test_the_left_side_is_held_first_and_shows_the_mirrored_picture() -> None:
    """A picture's side one is the figure's right; the guide says "Left side" first."""
    assert [picture_side(True, hold) for hold in (0, 1)] == [LEFT, RIGHT]
    assert picture_side(False, 0) == RIGHT


def test_rounds_change_keyframe_with_the_breath_and_the_rest_about_once_a_second() -> None:
    assert pace("rounds") == ROUND_S * 1000 // 2
    assert pace("hold") == pace("minutes") == FRAME_MS == 1000


def test_no_manifest_or_an_unknown_stretch_gives_no_files(tmp_path: Path) -> None:
    assert read_manifest(None) == {}
    assert read_manifest(str(tmp_path / "missing.json")) == {}
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert read_manifest(str(broken)) == {}
    (tmp_path / "m.json").write_text(json.dumps({"stretches": {}}), encoding="utf-8")
    assert frame_files(read_manifest(str(tmp_path / "m.json")), tmp_path, "pigeon", 1, "1x") == []
