"""The guide plays the stretch pictures on a real X server: at least 240 px, keyframes looping
while the window is shown and never while it is not, the mirrored picture for the other side."""

import os
import re
import time
import tkinter as tk
from pathlib import Path

from PIL import Image, ImageChops, ImageStat

from hamstray.store import assets
from hamstray.ui.guide.look import PAPER
from hamstray.ui.guide.picture import Player, read_manifest
from tests.pixels import pixels

from .stack import Desktop, wait_for
from .test_guide import find_window, read_the_rules

STRETCHES = assets.asset_dir() / "stretches"
PAPER_RGB = tuple(int(PAPER[i : i + 2], 16) for i in (1, 3, 5))


def picture_box(app, window: str) -> tuple[int, int, int, int]:
    """Where the picture label sits in the window, once it is laid out."""
    return wait_for(lambda: _picture_box(app, window), 5, "the picture in the window")  # type: ignore[no-any-return]


def _picture_box(app, window: str) -> tuple[int, int, int, int] | None:
    """The picture label's box in the window: its X child window of the picture's size."""
    tree = app.desktop.run("xwininfo", "-tree", "-id", window).stdout
    seen: dict[tuple[int, int], tuple[int, int]] = {}
    top = app.desktop.run("xwininfo", "-id", window).stdout
    left = int(re.search(r"Absolute upper-left X:\s+(-?\d+)", top)[1])  # type: ignore[index]
    upper = int(re.search(r"Absolute upper-left Y:\s+(-?\d+)", top)[1])  # type: ignore[index]
    for w, h, x, y in re.findall(r"(\d+)x(\d+)\+-?\d+\+-?\d+\s+\+(-?\d+)\+(-?\d+)", tree):
        if int(w) >= 240 and abs(int(w) - int(h)) <= 4:
            seen[int(w), int(h)] = (int(x) - left, int(y) - upper)
    if not seen:
        return None
    (w, h), (x, y) = min(seen.items())  # the picture: the smallest square child that size
    return x, y, x + w, y + h


def frame(stretch: str, name: str, side: int) -> Image.Image:
    """A shipped keyframe at 1x as the guide shows it: on the guide's paper."""
    with Image.open(STRETCHES / stretch / f"{name}-side{side}@1x.png") as image:
        base = Image.new("RGBA", image.size, (*PAPER_RGB, 255))
        base.alpha_composite(image.convert("RGBA"))
    return base.convert("RGB")


def shown(app, window: str, box: tuple[int, int, int, int], path: Path) -> Image.Image:
    """The picture on screen now, the label's border left off."""
    with Image.open(app.desktop.screenshot(path, window)) as shot:
        x0, y0, x1, y1 = box
        inset = ((x1 - x0) - 240) // 2, ((y1 - y0) - 240) // 2
        return shot.convert("RGB").crop(
            (x0 + inset[0], y0 + inset[1], x0 + inset[0] + 240, y0 + inset[1] + 240)
        )


def distance(a: Image.Image, b: Image.Image) -> float:
    """The mean difference of two pictures, 0..255."""
    return sum(ImageStat.Stat(ImageChops.difference(a, b)).mean) / 3


def test_the_picture_is_240_px_and_its_keyframes_loop_while_the_window_is_open(
    app_factory, tmp_path: Path
) -> None:
    app = app_factory('[stretches]\nhold = "60s"\n')
    assert app.cli("stretch", "foot-roll").returncode == 0
    window = find_window(app, "^hamstray: Foot rolling on a ball$")
    read_the_rules(app, window)
    box = picture_box(app, window)
    assert box[2] - box[0] >= 240
    assert box[3] - box[1] >= 240
    keyframes = [frame("foot-roll", name, 2) for name in ("heel", "toes")]  # left side first
    seen = []
    for n in range(4):
        picture = shown(app, window, box, tmp_path / f"shot{n}.png")
        closest = min(range(2), key=lambda k: distance(picture, keyframes[k]))
        assert (
            distance(picture, keyframes[closest]) < 1
        )  # a shipped keyframe, drawn whole (the other: 5)
        seen.append(closest)
        time.sleep(0.6)
    assert set(seen) == {0, 1}  # it moved: both keyframes were on screen within 2.4 s


def test_the_second_side_shows_the_mirrored_picture(app_factory, tmp_path: Path) -> None:
    app = app_factory('[stretches]\nhold = "5s"\nmax_hold = "5s"\n')
    assert app.cli("stretch", "desk-calf").returncode == 0
    window = find_window(app, "^hamstray: Calf stretch at the desk$")
    read_the_rules(app, window)
    box = picture_box(app, window)
    first = shown(app, window, box, tmp_path / "left.png")
    wait_for(
        lambda: distance(shown(app, window, box, tmp_path / "now.png"), first) > 3,
        15,
        "the other side's picture",
    )
    second = shown(app, window, box, tmp_path / "right.png")
    assert distance(first, frame("desk-calf", "hold", 2)) < 1  # the left leg: side two
    assert distance(second, frame("desk-calf", "hold", 1)) < 1  # (side one to two: 33)
    assert distance(first, second.transpose(Image.Transpose.FLIP_LEFT_RIGHT)) < 1


def test_a_reminder_shows_the_suggested_stretch_s_end_pose(app_factory, tmp_path: Path) -> None:
    """dunst (stock dunstrc) draws the picture at 32 px left of the text: the figure's light
    outline, not the due icon's orange."""
    app = app_factory('[breaks]\ninterval = "2s"\n')
    wait_for(lambda: app.desktop.displayed_count() > 0, 15, "a reminder")

    def icon() -> list[tuple[int, int, int, int]]:
        found = app.desktop.run("xdotool", "search", "--class", "Dunst", check=False).stdout
        if not found.split():
            return []
        shot = app.desktop.screenshot(tmp_path / "reminder.png", found.split()[-1])
        with Image.open(shot) as window:
            return pixels(window.convert("RGB").crop((0, 0, 50, window.height)))

    def light() -> int:
        return sum(1 for r, g, b, _ in icon() if min(r, g, b) > 150)

    wait_for(lambda: light() > 15, 10, "the stretch picture's outline in the reminder")
    assert not [p for p in icon() if p[0] > 200 and 100 < p[1] < 160 and p[2] < 80]  # no orange


def test_the_loop_runs_only_while_the_window_is_mapped(stack: Desktop) -> None:
    """A real Tk window: the next keyframe is scheduled while it is shown, not once it is
    withdrawn, again when it is back, and never after it is gone."""
    os.environ["DISPLAY"] = stack.env["DISPLAY"]
    root = tk.Tk()
    try:
        label = tk.Label(root)
        label.pack()
        player = Player(label, str(assets.picture_manifest()))
        assert player.show("seated-cat-cow", 1)
        root.update()
        wait_for(lambda: root.update() or player.playing, 5, "the loop while shown")
        assert len(player.images) == len(
            read_manifest(str(assets.picture_manifest()))["stretches"]["seated-cat-cow"]["frames"]
        )
        root.withdraw()
        wait_for(lambda: root.update() or not player.playing, 5, "no loop while withdrawn")
        assert player.job is None
        root.deiconify()
        wait_for(lambda: root.update() or player.playing, 5, "the loop again when shown")
        label.destroy()
        assert not player.playing
    finally:
        root.destroy()
