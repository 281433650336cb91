"""Drawing a picture with Pillow: props as shaded boxes, the body as outlined tapered capsules
(far limbs a darker shade), the stretched muscle in the accent colour, the motion arrow."""

import itertools
import math

from PIL import Image, ImageDraw

from tools.pictures import geometry as g
from tools.pictures.camera import Camera
from tools.pictures.layout import Flat, Framing, Point, arrow_path, corners, flatten, framing
from tools.pictures.picture import Muscle, Picture, Shift, posed
from tools.pictures.props import Ball, Box, Solid, Tone
from tools.pictures.rig import ARM_PARTS, LEG_PARTS, Body, Kind, Mark, Part, Side
from tools.pictures.skeleton import build

Colour = tuple[int, int, int, int]
BODY: Colour = (58, 86, 110, 255)
FAR: Colour = (30, 45, 59, 255)
HALO: Colour = (250, 250, 246, 255)
ACCENT: Colour = (23, 143, 131, 255)
STRAP: Colour = (196, 112, 52, 255)
EDGE: Colour = (112, 122, 130, 255)
FACES = {
    Tone.HARD: ((208, 213, 217, 255), (172, 180, 187, 255)),
    Tone.SOFT: ((222, 206, 180, 255), (194, 176, 148, 255)),
    Tone.MAT: ((170, 196, 192, 255), (140, 168, 164, 255)),
}
FLOOR_FACES = ((226, 228, 230, 255), (196, 200, 204, 255))
SUPERSAMPLE = 2


def draw(picture: Picture, frame: int, size: int, arrow: bool = False) -> Image.Image:
    """Keyframe ``frame`` of ``picture``, side one, as a transparent ``size`` square."""
    big = size * SUPERSAMPLE
    camera = picture.view.value
    bodies = [build(p) for p in posed(picture)]
    fit = framing(bodies, picture.props.solids, camera, big)
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    body = bodies[frame]
    for solid in (_floor(bodies, picture), *_sorted(picture.props.solids, camera)):
        _solid(pen, solid, camera, fit)
    _body(pen, body, camera, fit, picture.muscles)
    strap = picture.props.strap
    if strap is not None:
        foot = fit.pixel(camera.project(body.marks[strap.foot].centre)[:2])
        for hand in strap.hands:
            start = fit.pixel(camera.project(body.marks[hand].centre)[:2])
            _line(pen, [start, foot], 1.6 * fit.scale, STRAP, 0.8 * fit.scale)
    if arrow and picture.arrow is not None:
        path, _ = arrow_path(picture, bodies, camera)
        both = isinstance(picture.arrow, Shift) and picture.arrow.both_ways
        _arrow(pen, [fit.pixel(p) for p in path], fit, both)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def _floor(bodies: list[Body], picture: Picture) -> Box:
    xs = [c for b in bodies for p in b.parts for c in (p.a[0], p.b[0])]
    zs = [c for b in bodies for p in b.parts for c in (p.a[2], p.b[2])]
    for solid in picture.props.solids:
        if isinstance(solid, Box) and solid.half[1] < 80:
            xs += [solid.centre[0] - solid.half[0], solid.centre[0] + solid.half[0]]
            zs += [solid.centre[2] - solid.half[2], solid.centre[2] + solid.half[2]]
    pad = 12 if picture.props.mat else 18
    tone = Tone.MAT if picture.props.mat else Tone.HARD
    return Box(
        ((min(xs) + max(xs)) / 2, -1.0, (min(zs) + max(zs)) / 2),
        ((max(xs) - min(xs)) / 2 + pad, 1.0, (max(zs) - min(zs)) / 2 + pad),
        tone,
    )


def _sorted(solids: tuple[Solid, ...], camera: Camera) -> list[Solid]:
    return sorted(solids, key=lambda s: camera.project(s.centre)[2])


def _solid(pen: ImageDraw.ImageDraw, solid: Solid, camera: Camera, fit: Framing) -> None:
    edge = max(1.0, 0.5 * fit.scale)
    if isinstance(solid, Ball):
        x, y = fit.pixel(camera.project(solid.centre)[:2])
        r = solid.radius * fit.scale
        pen.ellipse(
            (x - r, y - r, x + r, y + r), fill=(222, 198, 60, 255), outline=EDGE, width=round(edge)
        )
        return
    flat_floor = solid.tone is Tone.HARD and solid.half[1] <= 1.0
    top, side = FLOOR_FACES if flat_floor else FACES[solid.tone]
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
    for axis, polygon in faces:
        pen.polygon(polygon, fill=top if axis == 1 else side, outline=EDGE, width=round(edge))


def _capsule(
    pen: ImageDraw.ImageDraw, a: Point, b: Point, ra: float, rb: float, colour: Colour
) -> None:
    for (x, y), r in ((a, ra), (b, rb)):
        pen.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    dx, dy = b[0] - a[0], b[1] - a[1]
    d = math.hypot(dx, dy)
    if d <= abs(ra - rb) + 1e-6:
        return
    ux, uy = dx / d, dy / d
    k = (ra - rb) / d
    h = math.sqrt(max(0.0, 1 - k * k))
    polygon = []
    for sign in (1, -1):
        nx, ny = k * ux - sign * h * uy, k * uy + sign * h * ux
        polygon.append((a[0] + ra * nx, a[1] + ra * ny))
        polygon.append((b[0] + rb * nx, b[1] + rb * ny))
    pen.polygon([polygon[0], polygon[1], polygon[3], polygon[2]], fill=colour)


def _line(
    pen: ImageDraw.ImageDraw, points: list[Point], width: float, colour: Colour, halo: float
) -> None:
    for w, c in ((width + 2 * halo, HALO), (width, colour)):
        for p, q in itertools.pairwise(points):
            _capsule(pen, p, q, w / 2, w / 2, c)


def _group(part: Part) -> tuple[str, Side]:
    if part.kind in LEG_PARTS:
        return "leg", part.side
    if part.kind in ARM_PARTS:
        return "arm", part.side
    return ("head", Side.MIDDLE) if part.kind is Kind.HEAD else ("torso", Side.MIDDLE)


def _in_front(a: list[tuple[Part, Flat]], b: list[tuple[Part, Flat]]) -> float:
    """How much group ``a`` lies in front of ``b`` where they overlap (negative: behind)."""
    total = 0.0
    for _, fa in a:
        for _, fb in b:
            pa = ((fa.a[0], fa.a[1], 0.0), (fa.b[0], fa.b[1], 0.0))
            pb = ((fb.a[0], fb.a[1], 0.0), (fb.b[0], fb.b[1], 0.0))
            d, s, t = g.segment_distance(pa[0], pa[1], pb[0], pb[1])
            reach = fa.ra + (fa.rb - fa.ra) * s + fb.ra + (fb.rb - fb.ra) * t
            if d < reach:
                depth_a = fa.depth_a + (fa.depth_b - fa.depth_a) * s
                depth_b = fb.depth_a + (fb.depth_b - fb.depth_a) * t
                total += (depth_a - depth_b) * (reach - d)
    return total


def _body(
    pen: ImageDraw.ImageDraw, body: Body, camera: Camera, fit: Framing, muscles: tuple[Muscle, ...]
) -> None:
    groups: dict[tuple[str, Side], list[tuple[Part, Flat]]] = {}
    for part in body.parts:
        groups.setdefault(_group(part), []).append((part, flatten(part, camera)))
    mids = {
        kind: g.lerp(body.marks[mark, Side.RIGHT].centre, body.marks[mark, Side.LEFT].centre, 0.5)
        for kind, mark in (("leg", Mark.HIP), ("arm", Mark.SHOULDER))
    }

    def mean_depth(key: tuple[str, Side]) -> float:
        return sum(f.depth_a + f.depth_b for _, f in groups[key]) / (2 * len(groups[key]))

    order = sorted(groups, key=mean_depth)
    for _ in range(len(order)):
        for i in range(len(order) - 1):
            if _in_front(groups[order[i]], groups[order[i + 1]]) > 0:
                order[i], order[i + 1] = order[i + 1], order[i]
    halo = max(1.5, 1.1 * fit.scale)
    for key in order:
        members = groups[key]
        root = members[0][0].a
        middle = mids.get(key[0], root)
        far = key[0] in {"leg", "arm"} and camera.project(root)[2] < camera.project(middle)[2] - 4
        colour = FAR if far else BODY
        pixels = [
            (p, fit.pixel(f.a), fit.pixel(f.b), f.ra * fit.scale, f.rb * fit.scale)
            for p, f in members
        ]
        for _, a, b, ra, rb in pixels:
            _capsule(pen, a, b, ra + halo, rb + halo, HALO)
        for index, (part, a, b, ra, rb) in enumerate(pixels):
            if key[0] in {"leg", "arm"} and _overlaps_earlier(pixels, index):
                _capsule(pen, a, b, ra + halo, rb + halo, HALO)
            _capsule(pen, a, b, ra, rb, colour)
            for earlier in pixels[:index]:
                _rejoin(pen, part, earlier, colour)
            for muscle in muscles:
                if (muscle.kind, muscle.side) == (part.kind, part.side):
                    _muscle(pen, part, muscle, camera, a, b, ra, rb)


def _overlaps_earlier(pixels: list[tuple[Part, Point, Point, float, float]], index: int) -> bool:
    part, a, b, ra, rb = pixels[index]
    for other, oa, ob, ora, orb in pixels[:index]:
        if other.a in (part.a, part.b) or other.b in (part.a, part.b):
            continue
        d, _, _ = g.segment_distance((*a, 0.0), (*b, 0.0), (*oa, 0.0), (*ob, 0.0))
        if d < min(ra, rb) + min(ora, orb):
            return True
    return False


def _rejoin(
    pen: ImageDraw.ImageDraw,
    part: Part,
    earlier: tuple[Part, Point, Point, float, float],
    colour: Colour,
) -> None:
    other, oa, ob, ora, orb = earlier
    for mine, theirs, r in ((part.a, other.b, orb), (part.a, other.a, ora)):
        if mine == theirs:
            x, y = ob if theirs is other.b else oa
            pen.ellipse((x - r, y - r, x + r, y + r), fill=colour)


def _muscle(
    pen: ImageDraw.ImageDraw,
    part: Part,
    muscle: Muscle,
    camera: Camera,
    a: Point,
    b: Point,
    ra: float,
    rb: float,
) -> None:
    face = g.apply(part.frame, muscle.face)
    fx, fy, toward = camera.project(face)
    if toward < -0.55:
        return  # the muscle is on the far side of the limb
    fy = -fy  # pixels grow downward
    p = (a[0] + (b[0] - a[0]) * muscle.start, a[1] + (b[1] - a[1]) * muscle.start)
    q = (a[0] + (b[0] - a[0]) * muscle.end, a[1] + (b[1] - a[1]) * muscle.end)
    rp = ra + (rb - ra) * muscle.start
    rq = ra + (rb - ra) * muscle.end
    length = math.hypot(fx, fy)
    shift = min(length, 1.0) / length * 0.42 if length > 1e-6 else 0.0
    _capsule(
        pen,
        (p[0] + fx * shift * rp, p[1] + fy * shift * rp),
        (q[0] + fx * shift * rq, q[1] + fy * shift * rq),
        0.5 * rp,
        0.5 * rq,
        ACCENT,
    )


def _arrow(pen: ImageDraw.ImageDraw, path: list[Point], fit: Framing, both: bool) -> None:
    width = max(2.0, 2.2 * fit.scale)
    head = 3.2 * width
    ends = [(path[-1], path[-2])] + ([(path[0], path[1])] if both else [])
    trimmed = path[:]
    _line(pen, trimmed, width, ACCENT, 0.6 * width)
    for tip, before in ends:
        dx, dy = tip[0] - before[0], tip[1] - before[1]
        d = math.hypot(dx, dy) or 1.0
        ux, uy = dx / d, dy / d
        wing = [
            (tip[0] + ux * head * 0.4, tip[1] + uy * head * 0.4),
            (
                tip[0] - ux * head * 0.6 - uy * head * 0.55,
                tip[1] - uy * head * 0.6 + ux * head * 0.55,
            ),
            (
                tip[0] - ux * head * 0.6 + uy * head * 0.55,
                tip[1] - uy * head * 0.6 - ux * head * 0.55,
            ),
        ]
        pen.polygon(wing, fill=ACCENT, outline=HALO, width=round(0.5 * width))
