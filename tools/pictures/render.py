"""Drawing a picture with Pillow: props as shaded boxes (cushions and blankets soft, their
corners rounded), the body as smooth outlined shapes (far limbs a darker shade), the stretched
muscle in the accent colour, the motion arrow in a warm colour that stands out from it, the
towel as a solid band."""

import itertools
import math

from PIL import Image, ImageChops, ImageDraw, ImageStat

from tools.pictures import geometry as g
from tools.pictures import silhouette as s
from tools.pictures.camera import Camera
from tools.pictures.clearance import among_limbs
from tools.pictures.figure import HALO, Colour, figure
from tools.pictures.layout import Framing, Point, arrow_path, corners, picture_framing
from tools.pictures.picture import Detail, Picture, Turn, posed
from tools.pictures.props import Ball, Box, Solid, Tone
from tools.pictures.rig import Body
from tools.pictures.skeleton import build

ARROW: Colour = (222, 92, 32, 255)
STRAP: Colour = (176, 104, 168, 255)
EDGE: Colour = (112, 122, 130, 255)
FACES = {
    Tone.HARD: ((208, 213, 217, 255), (172, 180, 187, 255)),
    Tone.SOFT: ((228, 178, 112, 255), (196, 140, 78, 255)),
    Tone.MAT: ((176, 186, 206, 255), (146, 156, 180, 255)),
}
SOFT_EDGE: Colour = (150, 100, 50, 255)
FLOOR_FACES = ((226, 228, 230, 255), (196, 200, 204, 255))
BALL: Colour = (206, 222, 58, 255)
BALL_EDGE: Colour = (110, 120, 30, 255)
SUPERSAMPLE = 2
INSET = 0.4  # a close-up's share of the picture's width


def draw(picture: Picture, frame: int, size: int, arrow: bool = False) -> Image.Image:
    """Keyframe ``frame`` of ``picture``, side one, as a transparent ``size`` square."""
    big = size * SUPERSAMPLE
    camera = picture.view.value
    bodies = [build(p) for p in posed(picture)]
    fit = picture_framing(picture, bodies, camera, big)
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    body = bodies[frame]
    floor = _floor(bodies, picture, camera)
    _scene(image, picture, body, floor, camera, fit)
    strap = picture.props.strap
    if strap is not None:
        foot = fit.pixel(camera.project(body.marks[strap.foot].centre)[:2])
        hands = [fit.pixel(camera.project(body.marks[h].centre)[:2]) for h in strap.hands]
        _line(pen, [hands[0], foot, *hands[1:]], 2.2 * fit.scale, STRAP, 0.6 * fit.scale)
    if picture.detail is not None:
        seen = [fit.pixel(camera.project(body.marks[m].centre)[:2]) for m in picture.detail.marks]
        _inset(image, picture, picture.detail, body, floor, _mean(seen))
    if arrow and picture.arrow is not None:
        path, _ = arrow_path(picture, bodies, camera)
        both = not isinstance(picture.arrow, Turn) and picture.arrow.both_ways
        _arrow(pen, [fit.pixel(p) for p in path], fit, both)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def _mean(points: list[Point]) -> Point:
    """The mean of ``points``."""
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def _scene(
    image: Image.Image, picture: Picture, body: Body, floor: Box, camera: Camera, fit: Framing
) -> None:
    """The floor, the props behind the figure, and the figure with the posts among its limbs."""
    among = among_limbs(picture.props.solids, camera)
    behind = [s for s in picture.props.solids if s not in among]
    pen = ImageDraw.Draw(image)
    for solid in (floor, *_sorted(tuple(behind), camera)):
        _solid(pen, solid, camera, fit)
    draw = lambda s: _among(image, s, behind, camera, fit)  # noqa: E731
    figure(image, body, camera, fit, picture.muscles, among, draw)


def _inset(
    image: Image.Image, picture: Picture, detail: Detail, body: Body, floor: Box, target: Point
) -> None:
    """The close-up of ``detail`` in a ringed circle where it covers nothing, the
    nearest such place to ``target`` (where the close-up's marks are on the picture), a thin
    line toward it."""
    camera = detail.view.value
    size = round(image.width * INSET)
    x, y = _mean([camera.project(body.marks[mark].centre)[:2] for mark in detail.marks])
    fit = Framing(size / detail.across, x - detail.across / 2, y + detail.across / 2, size)
    close = Image.new("RGBA", (size, size), HALO)
    _scene(close, picture, body, floor, camera, fit)
    round_ = Image.new("L", (size, size), 0)
    ImageDraw.Draw(round_).ellipse((0, 0, size - 1, size - 1), fill=255)
    left, top = _clear_spot(image, size, target)
    image.paste(close, (left, top), round_)
    ring = max(2.0, size * 0.02)
    pen = ImageDraw.Draw(image)
    pen.ellipse((left, top, left + size - 1, top + size - 1), outline=EDGE, width=round(ring))
    centre = (left + size / 2, top + size / 2)
    reach = math.dist(centre, target)
    if reach > size / 2 + 0.1 * size:
        ux, uy = (target[0] - centre[0]) / reach, (target[1] - centre[1]) / reach
        start, end = size / 2, reach - 0.06 * size
        ends = [(centre[0] + ux * d, centre[1] + uy * d) for d in (start, end)]
        pen.line(ends, fill=EDGE, width=round(ring * 0.75))


def _clear_spot(image: Image.Image, size: int, target: Point) -> tuple[int, int]:
    """Where a round inset ``size`` wide covers least of the picture, the nearest to
    ``target`` of the places that cover (almost) nothing."""
    step = 8  # look on a picture an eighth the size
    small = image.getchannel("A").reduce(step)
    reach = size // step
    round_ = Image.new("L", (reach, reach), 0)
    ImageDraw.Draw(round_).ellipse((0, 0, reach - 1, reach - 1), fill=255)
    places = []
    for top in range(1, small.height - reach):
        for left in range(1, small.width - reach):
            under = ImageChops.multiply(small.crop((left, top, left + reach, top + reach)), round_)
            covered = ImageStat.Stat(under).mean[0]
            centre = ((left + reach / 2) * step, (top + reach / 2) * step)
            places.append(
                (covered > 2, covered if covered > 2 else 0, math.dist(centre, target), left, top)
            )
    _, _, _, left, top = min(places)
    return left * step, top * step


def _floor(bodies: list[Body], picture: Picture, camera: Camera) -> Box:
    """The floor (or the mat) under the figure and its props: across the picture it holds them
    all, in depth it is just deep enough for the figure (and, seen from above, the props)."""
    right, _, _ = camera.axes()
    across = 0 if abs(right[0]) >= abs(right[2]) else 2  # the world axis across the picture
    depth = 2 - across
    ends: dict[int, list[float]] = {
        axis: [c for b in bodies for p in b.parts for c in (p.a[axis], p.b[axis])]
        for axis in (across, depth)
    }
    for solid in picture.props.solids:
        if isinstance(solid, Box) and solid.half[1] < 80:
            held = (across, depth) if camera.pitch > 12 else (across,)
            for axis in held:
                ends[axis] += [
                    solid.centre[axis] - solid.half[axis],
                    solid.centre[axis] + solid.half[axis],
                ]
    pad = 12 if picture.props.mat else 18
    deep = 6 if picture.props.mat else 8
    tone = Tone.MAT if picture.props.mat else Tone.HARD
    centre = {axis: (min(v) + max(v)) / 2 for axis, v in ends.items()}
    half = {axis: (max(v) - min(v)) / 2 for axis, v in ends.items()}
    half[across] += pad
    half[depth] += deep
    return Box((centre[0], -1.0, centre[2]), (half[0], 1.0, half[2]), tone)


def _among(
    image: Image.Image, solid: Solid, behind: list[Solid], camera: Camera, fit: Framing
) -> None:
    """Draw a ball or post among the limbs, under the props drawn earlier that are nearer than
    it (a chair's far legs stay under its seat)."""
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    _solid(ImageDraw.Draw(layer), solid, camera, fit)
    cover = Image.new("L", image.size, 0)
    pen = ImageDraw.Draw(cover)
    depth = camera.project(solid.centre)[2]
    for other in behind:
        if isinstance(other, Box) and camera.project(other.centre)[2] > depth:
            for _, polygon in _faces(other, camera, fit):
                pen.polygon(polygon, fill=255)
    layer.putalpha(ImageChops.subtract(layer.getchannel("A"), cover))
    image.alpha_composite(layer)


def _sorted(solids: tuple[Solid, ...], camera: Camera) -> list[Solid]:
    return sorted(solids, key=lambda s: camera.project(s.centre)[2])


def _solid(pen: ImageDraw.ImageDraw, solid: Solid, camera: Camera, fit: Framing) -> None:
    edge = max(1.0, 0.5 * fit.scale)
    if isinstance(solid, Ball):
        x, y = fit.pixel(camera.project(solid.centre)[:2])
        r = solid.radius * fit.scale
        pen.ellipse((x - r, y - r, x + r, y + r), fill=BALL, outline=BALL_EDGE, width=round(edge))
        seam = (x - r * 0.95, y - r * 0.7, x + r * 0.25, y + r * 0.9)
        pen.arc(seam, 300, 80, fill=(250, 250, 240, 255), width=round(edge * 1.2))
        return
    flat_floor = solid.tone is Tone.HARD and solid.half[1] <= 1.0
    top, side = FLOOR_FACES if flat_floor else FACES[solid.tone]
    outline = SOFT_EDGE if solid.tone is Tone.SOFT else EDGE
    faces = _faces(solid, camera, fit)
    if solid.tone is Tone.SOFT:
        _soft(pen, solid, faces, (top, side, outline), edge, fit)
        return
    for axis, polygon in faces:
        pen.polygon(polygon, fill=top if axis == 1 else side, outline=outline, width=round(edge))


def _faces(solid: Box, camera: Camera, fit: Framing) -> list[tuple[int, list[Point]]]:
    """The faces of ``solid`` the camera sees, each with its axis, in pixels."""
    points = corners(solid)
    _, _, viewer = camera.axes()
    faces = []
    for axis in range(3):
        for sign in (-1, 1):
            normal = tuple(float(sign) if i == axis else 0.0 for i in range(3))
            if g.dot(normal, viewer) <= 1e-6:  # type: ignore[arg-type]
                continue
            quad = [p for i, p in enumerate(points) if ((i >> (2 - axis)) & 1) == (sign > 0)]
            quad = [quad[0], quad[1], quad[3], quad[2]]
            faces.append((axis, [fit.pixel(camera.project(p)[:2]) for p in quad]))
    return faces


def _soft(
    pen: ImageDraw.ImageDraw,
    solid: Box,
    faces: list[tuple[int, list[Point]]],
    colours: tuple[Colour, Colour, Colour],
    edge: float,
    fit: Framing,
) -> None:
    """A cushion or folded blanket: the box's outline with its corners rounded off, its top a
    lighter rounded face, and the fold as a soft line along its sides (not a crate)."""
    top, side, outline = colours
    radius = 0.45 * solid.half[1] * 2 * fit.scale
    hull = _rounded(_hull([p for _, polygon in faces for p in polygon]), radius)
    pen.polygon(hull, fill=side, outline=outline, width=round(edge))
    for axis, polygon in faces:
        if axis == 1:
            pen.polygon(_rounded(polygon, 0.8 * radius), fill=top)
    for axis, polygon in faces:  # the fold: a line along the sides, short of the corners
        if axis != 1:
            a, b, c, d = polygon
            m0 = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
            m1 = ((d[0] + c[0]) / 2, (d[1] + c[1]) / 2)
            length = math.dist(m0, m1)
            if length > 3 * radius:
                t = radius / length
                p0 = (m0[0] + (m1[0] - m0[0]) * t, m0[1] + (m1[1] - m0[1]) * t)
                p1 = (m1[0] + (m0[0] - m1[0]) * t, m1[1] + (m0[1] - m1[1]) * t)
                pen.line([p0, p1], fill=outline, width=round(edge))


def _hull(points: list[Point]) -> list[Point]:
    """The convex hull of ``points``, in order round it."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def cross(o: Point, a: Point, b: Point) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Point] = []
    upper: list[Point] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _rounded(polygon: list[Point], radius: float, steps: int = 6) -> list[Point]:
    """``polygon`` with each corner replaced by a curve ``radius`` long on each side."""
    out: list[Point] = []
    n = len(polygon)
    for i, p in enumerate(polygon):
        before, after = polygon[i - 1], polygon[(i + 1) % n]
        cut = min(radius, 0.5 * math.dist(p, before), 0.5 * math.dist(p, after))
        a = _toward(p, before, cut)
        b = _toward(p, after, cut)
        for k in range(steps + 1):  # a quadratic curve from a to b, pulled toward the corner
            t = k / steps
            out.append(
                (
                    (1 - t) ** 2 * a[0] + 2 * (1 - t) * t * p[0] + t * t * b[0],
                    (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * p[1] + t * t * b[1],
                )
            )
    return out


def _toward(p: Point, q: Point, distance: float) -> Point:
    d = math.dist(p, q) or 1.0
    return (p[0] + (q[0] - p[0]) * distance / d, p[1] + (q[1] - p[1]) * distance / d)


def _line(
    pen: ImageDraw.ImageDraw, points: list[Point], width: float, colour: Colour, halo: float
) -> None:
    for w, c in ((width + 2 * halo, HALO), (width, colour)):
        for p, q in itertools.pairwise(points):
            s.capsule(pen, s.Capsule(p, q, w / 2, w / 2), c)


def _arrow(pen: ImageDraw.ImageDraw, path: list[Point], fit: Framing, both: bool) -> None:
    width = max(3.0, 2.4 * fit.scale)
    head = 3.0 * width
    ends = [(path[-1], path[-2])] + ([(path[0], path[1])] if both else [])
    wings = []
    for tip, before in ends:
        dx, dy = tip[0] - before[0], tip[1] - before[1]
        d = math.hypot(dx, dy) or 1.0
        ux, uy = dx / d, dy / d
        wings.append(
            [
                (tip[0] + ux * head * 0.45, tip[1] + uy * head * 0.45),
                (
                    tip[0] - ux * head * 0.6 - uy * head * 0.6,
                    tip[1] - uy * head * 0.6 + ux * head * 0.6,
                ),
                (
                    tip[0] - ux * head * 0.6 + uy * head * 0.6,
                    tip[1] - uy * head * 0.6 - ux * head * 0.6,
                ),
            ]
        )
    halo = 0.7 * width
    for wing in wings:
        pen.polygon(wing, fill=HALO, outline=HALO, width=round(2 * halo))
    _line(pen, path, width, ARROW, halo)
    for wing in wings:
        pen.polygon(wing, fill=ARROW)
