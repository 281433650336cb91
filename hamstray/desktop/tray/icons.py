"""The tray icon, drawn with Pillow as a pure function of what it shows."""

import functools

from PIL import Image, ImageDraw

from hamstray.engine.phase import RING_STEPS, Phase

TEAL = (24, 150, 136, 255)
ORANGE = (240, 128, 32, 255)
BLUE = (80, 120, 220, 255)
GREEN = (56, 170, 80, 255)
GREY = (138, 143, 152, 255)
VIOLET = (122, 92, 199, 255)
TRACK = (150, 156, 164, 150)
WHITE = (255, 255, 255, 255)
EDGE = (30, 34, 40, 200)  # a dark rim keeps light shapes visible on light panels
SCALE = 4  # draw large, then shrink: crisp edges at 16-24 px
# ... on a canvas of at most 128 px (64 kB) where twice the size allows: glibc serves a larger
# one by mmap, then raises its thresholds, and the running app kept 0.5 MiB more heap all day.
CANVAS = 128


@functools.lru_cache(maxsize=128)
def draw(phase: Phase, progress: int, size: int, standing: bool = False) -> Image.Image:
    """Return the ``size``-pixel square RGBA icon for ``phase``, ring ``progress`` in twelfths."""
    scale = max(2, min(SCALE, CANVAS // size))
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    box = (big * 0.06, big * 0.06, big * 0.94, big * 0.94)
    width = max(scale * 2, round(big * 0.17))
    match phase:
        case Phase.SITTING if standing:  # sitting time on hold: the ring stays where it was
            _ring(pen, box, width, TRACK, 1.0)
            _ring(pen, box, width, VIOLET, progress / RING_STEPS)
            _standing(pen, big)
        case Phase.SITTING:
            _ring(pen, box, width, TRACK, 1.0)
            _ring(pen, box, width, TEAL, progress / RING_STEPS)
            _dot(pen, big, 0.16, TEAL)
        case Phase.DUE:
            _disc(pen, box, ORANGE, scale)
            _exclamation(pen, big)
        case Phase.SNOOZED:
            _ring(pen, box, width, BLUE, 1.0)
            _zed(pen, big)
        case Phase.PAUSED:
            _disc(pen, box, GREY, scale)
            _pause_bars(pen, big)
        case Phase.AWAY:
            _ring(pen, box, width, GREY, 1.0)
            _dot(pen, big, 0.12, GREY)
        case Phase.STRETCHING:
            _disc(pen, box, GREEN, scale)
            _tick(pen, big)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def fresh_start(size: int) -> Image.Image:
    """The icon of a fresh start (sitting from now: the empty ring), shown before the app has
    read its settings."""
    return draw(Phase.SITTING, 0, size)


def _ring(
    pen: ImageDraw.ImageDraw,
    box: tuple[float, ...],
    width: int,
    colour: tuple[int, ...],
    fraction: float,
) -> None:
    if fraction <= 0:
        return
    if fraction >= 1:
        pen.ellipse(box, outline=colour, width=width)
        return
    pen.arc(box, -90, -90 + 360 * fraction, fill=colour, width=width)


def _disc(
    pen: ImageDraw.ImageDraw, box: tuple[float, ...], colour: tuple[int, ...], rim: int
) -> None:
    pen.ellipse(box, fill=colour, outline=EDGE, width=rim)  # one pixel of the icon


def _dot(pen: ImageDraw.ImageDraw, big: int, radius: float, colour: tuple[int, ...]) -> None:
    r = big * radius
    c = big / 2
    pen.ellipse((c - r, c - r, c + r, c + r), fill=colour)


def _standing(pen: ImageDraw.ImageDraw, big: int) -> None:
    c = big / 2
    w = big * 0.08
    pen.ellipse((c - w, big * 0.26, c + w, big * 0.26 + 2 * w), fill=VIOLET)
    pen.rounded_rectangle((c - w, big * 0.45, c + w, big * 0.74), radius=w, fill=VIOLET)


def _exclamation(pen: ImageDraw.ImageDraw, big: int) -> None:
    c = big / 2
    w = big * 0.07
    pen.rounded_rectangle((c - w, big * 0.22, c + w, big * 0.60), radius=w, fill=WHITE)
    pen.ellipse((c - w, big * 0.68, c + w, big * 0.68 + 2 * w), fill=WHITE)


def _pause_bars(pen: ImageDraw.ImageDraw, big: int) -> None:
    for left in (0.32, 0.56):
        pen.rectangle((big * left, big * 0.28, big * (left + 0.12), big * 0.72), fill=WHITE)


def _zed(pen: ImageDraw.ImageDraw, big: int) -> None:
    a, b = big * 0.34, big * 0.66
    w = round(big * 0.09)
    pen.line([(a, a), (b, a), (a, b), (b, b)], fill=BLUE, width=w, joint="curve")


def _tick(pen: ImageDraw.ImageDraw, big: int) -> None:
    w = round(big * 0.1)
    pen.line(
        [(big * 0.28, big * 0.52), (big * 0.44, big * 0.68), (big * 0.74, big * 0.34)],
        fill=WHITE,
        width=w,
        joint="curve",
    )
