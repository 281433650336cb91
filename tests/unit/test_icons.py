"""The tray icon is a pure function of what it shows."""

import pytest
from PIL import Image

from hamstray.desktop.tray import icons
from hamstray.engine.phase import Phase
from hamstray.store import assets
from tests.pixels import pixels


def colour_share(image: Image.Image, colour: tuple[int, ...], tolerance: int = 40) -> float:
    """The share of opaque pixels close to ``colour``."""
    opaque = [p for p in pixels(image) if p[3] > 200]
    close = [
        p
        for p in opaque
        if all(abs(a - b) <= tolerance for a, b in zip(p[:3], colour[:3], strict=True))
    ]
    return len(close) / max(1, len(opaque))


@pytest.mark.parametrize("size", [16, 22, 24, 32, 64])
@pytest.mark.parametrize("phase", list(Phase))
def test_every_phase_draws_at_every_size(phase: Phase, size: int) -> None:
    image = icons.draw(phase, 6, size)
    assert image.size == (size, size)
    assert image.mode == "RGBA"
    assert image.getbbox() is not None  # something is drawn


@pytest.mark.parametrize(
    ("phase", "colour"),
    [(Phase.DUE, icons.ORANGE), (Phase.STRETCHING, icons.GREEN), (Phase.PAUSED, icons.GREY)],
)
def test_each_phase_has_its_own_colour(phase: Phase, colour: tuple[int, ...]) -> None:
    assert colour_share(icons.draw(phase, 0, 64), colour) > 0.5


def teal_pixels(image: Image.Image) -> int:
    return sum(
        1
        for p in pixels(image)
        if p[3] > 200 and all(abs(a - b) <= 40 for a, b in zip(p[:3], icons.TEAL[:3], strict=True))
    )


def test_the_ring_fills_with_progress() -> None:
    quarter = teal_pixels(icons.draw(Phase.SITTING, 3, 64))
    most = teal_pixels(icons.draw(Phase.SITTING, 11, 64))
    assert most > quarter * 2


def test_the_ring_starts_at_the_top_and_runs_clockwise() -> None:
    image = icons.draw(Phase.SITTING, 3, 64)  # a quarter: top to right
    top_right = image.getpixel((50, 12))
    bottom_left = image.getpixel((14, 52))
    assert colour_share(Image.new("RGBA", (1, 1), top_right), icons.TEAL) == 1.0
    assert colour_share(Image.new("RGBA", (1, 1), bottom_left), icons.TEAL) == 0.0


def test_drawing_the_same_view_twice_costs_nothing() -> None:
    assert icons.draw(Phase.DUE, 0, 24) is icons.draw(Phase.DUE, 0, 24)


def test_the_app_icon_ships_and_loads() -> None:
    with Image.open(assets.app_icon()) as image:
        assert image.size == (256, 256)
