"""Smooth shapes from capsules: a body part's silhouette as a mask, its outline (halo) with
gaps where it joins its neighbours, so a limb flows into the torso instead of showing its end."""

import math
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageDraw, ImageFilter

Point = tuple[float, float]
Box = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class Capsule:
    """A tapered 2D capsule in pixels."""

    a: Point
    b: Point
    ra: float
    rb: float

    def grown(self, by: float) -> "Capsule":
        """The same capsule, ``by`` pixels fatter all round."""
        return Capsule(self.a, self.b, self.ra + by, self.rb + by)


def capsule(pen: ImageDraw.ImageDraw, c: Capsule, fill: int | tuple[int, ...] = 255) -> None:
    """Draw a tapered capsule: two discs and the tangent quad between them."""
    (ax, ay), (bx, by), ra, rb = c.a, c.b, c.ra, c.rb
    for (x, y), r in ((c.a, ra), (c.b, rb)):
        pen.ellipse((x - r, y - r, x + r, y + r), fill=fill)
    dx, dy = bx - ax, by - ay
    d = math.hypot(dx, dy)
    if d <= abs(ra - rb) + 1e-6:
        return
    ux, uy = dx / d, dy / d
    k = (ra - rb) / d
    h = math.sqrt(max(0.0, 1 - k * k))
    side = []
    for sign in (1, -1):
        nx, ny = k * ux - sign * h * uy, k * uy + sign * h * ux
        side.append(((ax + ra * nx, ay + ra * ny), (bx + rb * nx, by + rb * ny)))
    pen.polygon([side[0][0], side[0][1], side[1][1], side[1][0]], fill=fill)


def bounds(capsules: list[Capsule], pad: float, size: int) -> Box:
    """The pixel box holding ``capsules`` and ``pad`` around them, inside the image."""
    x0 = min(min(c.a[0] - c.ra, c.b[0] - c.rb) for c in capsules) - pad
    y0 = min(min(c.a[1] - c.ra, c.b[1] - c.rb) for c in capsules) - pad
    x1 = max(max(c.a[0] + c.ra, c.b[0] + c.rb) for c in capsules) + pad
    y1 = max(max(c.a[1] + c.ra, c.b[1] + c.rb) for c in capsules) + pad
    return (
        max(0, math.floor(x0)),
        max(0, math.floor(y0)),
        min(size, math.ceil(x1)),
        min(size, math.ceil(y1)),
    )


def _shifted(c: Capsule, box: Box) -> Capsule:
    return Capsule(
        (c.a[0] - box[0], c.a[1] - box[1]), (c.b[0] - box[0], c.b[1] - box[1]), c.ra, c.rb
    )


def mask(capsules: list[Capsule], box: Box, soften: float) -> Image.Image:
    """The union of ``capsules`` in ``box`` as an L mask, corners and steps rounded off over
    about ``soften`` pixels (a blur and a steep threshold: the outline stays where it was)."""
    size = (max(1, box[2] - box[0]), max(1, box[3] - box[1]))
    out = Image.new("L", size, 0)
    pen = ImageDraw.Draw(out)
    for c in capsules:
        capsule(pen, _shifted(c, box))
    if soften >= 1:
        out = out.filter(ImageFilter.GaussianBlur(soften))
        steep = max(4.0, 1.25 * soften)  # the blurred edge back to about two pixels
        out = out.point(lambda v: max(0, min(255, round((v - 128) * steep + 128))))
    return out


def gaps(shape: Image.Image, box: Box, joints: list[tuple[Point, float]]) -> Image.Image:
    """``shape`` with discs cut out at ``joints``: no outline where a part meets its neighbour."""
    if not joints:
        return shape
    cut = Image.new("L", shape.size, 0)
    pen = ImageDraw.Draw(cut)
    for (jx, jy), r in joints:
        x, y = jx - box[0], jy - box[1]
        pen.ellipse((x - r, y - r, x + r, y + r), fill=255)
    return ImageChops.subtract(shape, cut)


def clip(shape: Image.Image, within: Image.Image) -> Image.Image:
    """The part of ``shape`` inside ``within`` (both L masks of one size)."""
    return ImageChops.multiply(shape, within)


def paint(
    image: Image.Image, colour: tuple[int, int, int, int], shape: Image.Image, box: Box
) -> None:
    """Fill ``shape`` (a mask placed at ``box``) with ``colour``."""
    image.paste(colour, (box[0], box[1], box[0] + shape.width, box[1] + shape.height), shape)
