"""Where things land on the picture: projected capsules, the framing shared by all keyframes,
how much of the frame the figure fills, and the motion arrow's path."""

import math
from dataclasses import dataclass

from tools.pictures import geometry as g
from tools.pictures.camera import Camera
from tools.pictures.picture import Picture, Shift, Spread, Tilt, Turn
from tools.pictures.props import Ball, Box, Solid, Tone
from tools.pictures.rig import Body, Kind, Mark, Part, Side

Point = tuple[float, float]
MARGIN = 0.07


@dataclass(frozen=True, slots=True)
class Flat:
    """A part seen by the camera: a 2D capsule with its depth at both ends (cm)."""

    a: Point
    b: Point
    ra: float
    rb: float
    depth_a: float
    depth_b: float


def flatten(part: Part, camera: Camera) -> Flat:
    """Project ``part``; an elliptic cross-section shows its width or depth as it turns."""
    ax, ay, ad = camera.project(part.a)
    bx, by, bd = camera.project(part.b)
    dx, dy = bx - ax, by - ay
    length = math.hypot(dx, dy)
    perp = (-dy / length, dx / length) if length > 1e-6 else (1.0, 0.0)
    front = camera.project(g.column(part.frame, 0))
    across = camera.project(g.column(part.frame, 2))
    f = abs(perp[0] * front[0] + perp[1] * front[1])
    c = abs(perp[0] * across[0] + perp[1] * across[1])

    def radius(depth: float, width: float) -> float:
        return max(math.hypot(depth * f, width * c), min(depth, width))

    return Flat((ax, ay), (bx, by), radius(part.ra, part.wa), radius(part.rb, part.wb), ad, bd)


def flatten_solid(solid: Solid, camera: Camera) -> Flat:
    """A ball, or a post (a box thin across two axes) along its length, as the camera sees it."""
    if isinstance(solid, Ball):
        x, y, d = camera.project(solid.centre)
        return Flat((x, y), (x, y), solid.radius, solid.radius, d, d)
    long = max(range(3), key=lambda i: solid.half[i])
    x, y, z = (solid.half[i] if i == long else 0.0 for i in range(3))
    a, b = (camera.project(g.add(solid.centre, g.scale((x, y, z), k))) for k in (-1.0, 1.0))
    radius = max(solid.half[i] for i in range(3) if i != long)
    return Flat(a[:2], b[:2], radius, radius, a[2], b[2])


def corners(solid: Box) -> list[g.Vec]:
    """The eight corners of a box."""
    (cx, cy, cz), (hx, hy, hz) = solid.centre, solid.half
    return [
        (cx + sx * hx, cy + sy * hy, cz + sz * hz)
        for sx in (-1, 1)
        for sy in (-1, 1)
        for sz in (-1, 1)
    ]


def solid_points(solid: Solid, camera: Camera) -> list[Point]:
    """The projected outline points of a solid (for framing)."""
    if isinstance(solid, Ball):
        x, y, _ = camera.project(solid.centre)
        r = solid.radius
        return [(x - r, y - r), (x + r, y + r)]
    return [camera.project(p)[:2] for p in corners(solid)]


def body_box(body: Body, camera: Camera) -> tuple[float, float, float, float]:
    """The body's projected bounding box (x0, y0, x1, y1), cm."""
    xs: list[float] = []
    ys: list[float] = []
    for part in body.parts:
        flat = flatten(part, camera)
        for (x, y), r in ((flat.a, flat.ra), (flat.b, flat.rb)):
            xs += [x - r, x + r]
            ys += [y - r, y + r]
    return min(xs), min(ys), max(xs), max(ys)


@dataclass(frozen=True, slots=True)
class Framing:
    """Maps the scene's cm to pixels: the same for every keyframe of a picture."""

    scale: float  # pixels per cm
    left: float  # cm at pixel x = 0
    top: float  # cm at pixel y = 0
    size: int

    def pixel(self, point: Point) -> Point:
        """The pixel of a scene point (y grows downward)."""
        return ((point[0] - self.left) * self.scale, (self.top - point[1]) * self.scale)


def framing(
    bodies: list[Body],
    solids: tuple[Solid, ...],
    camera: Camera,
    size: int,
    extra: tuple[Point, ...] = (),
) -> Framing:
    """Fit every keyframe's body, the bounded props and ``extra`` points (the arrow, the
    towel) into the square, centred."""
    boxes = [body_box(b, camera) for b in bodies]
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    points = list(extra)
    for solid in solids:
        if isinstance(solid, Box) and (solid.tone is Tone.MAT or solid.half[1] > 80):
            continue  # the wall and the mat run off the picture
        points += solid_points(solid, camera)
    for x, y in points:
        x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
    span = max(x1 - x0, y1 - y0)
    scale = size * (1 - 2 * MARGIN) / span
    return Framing(scale, (x0 + x1) / 2 - size / scale / 2, (y0 + y1) / 2 + size / scale / 2, size)


MIN_ARROW = 24.0  # cm: the shortest arrow drawn
ARROW_REACH = 6.0  # cm around the arrow's line: its head and outline


def picture_framing(picture: Picture, bodies: list[Body], camera: Camera, size: int) -> Framing:
    """The framing of ``picture``: its bodies and props, the arrow's path and the towel."""
    path, _ = arrow_path(picture, bodies, camera)
    extra = [
        (x + dx, y + dy)
        for x, y in path
        for dx, dy in ((-ARROW_REACH, -ARROW_REACH), (ARROW_REACH, ARROW_REACH))
    ]
    return framing(bodies, picture.props.solids, camera, size, tuple(extra))


def fill(body: Body, camera: Camera, frame: Framing) -> tuple[float, float]:
    """The share of the frame the figure spans at most (width or height) and its box's area."""
    x0, y0, x1, y1 = body_box(body, camera)
    w, h = (x1 - x0) * frame.scale / frame.size, (y1 - y0) * frame.scale / frame.size
    return max(w, h), w * h


def over_body(path: list[Point], body: Body, camera: Camera) -> float:
    """The share of an arrow's path that lies over the figure (it should point at it from
    beside it, not be drawn across it)."""
    flats = [flatten(p, camera) for p in body.parts]

    def inside(point: Point) -> bool:
        for f in flats:
            t = g.closest_on_segment((*point, 0.0), (*f.a, 0.0), (*f.b, 0.0))
            near = g.lerp((*f.a, 0.0), (*f.b, 0.0), t)
            if math.hypot(point[0] - near[0], point[1] - near[1]) < f.ra + (f.rb - f.ra) * t:
                return True
        return False

    return sum(inside(p) for p in path) / len(path) if path else 0.0


def mark_at(body: Body, mark: Mark, side: Side) -> g.Vec:
    """Where a mark's centre is."""
    return body.marks[mark, side].centre


def chest_front(body: Body) -> g.Vec:
    """The way the chest faces."""
    chest = next(p for p in body.parts if p.kind is Kind.CHEST)
    return g.column(chest.frame, 0)


def arrow_path(picture: Picture, bodies: list[Body], camera: Camera) -> tuple[list[Point], Point]:
    """The arrow's 2D path (cm) and the motion it must follow (a 2D direction)."""
    first, last = bodies[0], bodies[-1]
    arrow = picture.arrow
    if isinstance(arrow, Shift):
        start = g.add(mark_at(first, arrow.mark, arrow.side), arrow.offset)
        end = g.add(mark_at(last, arrow.mark, arrow.side), arrow.offset)
        if arrow.axis is not None:
            along = g.unit(arrow.axis)
            end = g.add(start, g.scale(along, g.dot(g.sub(end, start), along)))
        shown = g.sub(end, start)
        if 0 < g.norm(shown) < MIN_ARROW:  # a small motion still gets an arrow one can see
            grow = g.scale(shown, (MIN_ARROW / g.norm(shown) - 1) / 2)
            start, end = g.sub(start, grow), g.add(end, grow)
        path = [camera.project(g.lerp(start, end, t / 8))[:2] for t in range(9)]
        motion = g.sub(
            mark_at(last, arrow.mark, arrow.side), mark_at(first, arrow.mark, arrow.side)
        )
    elif isinstance(arrow, Turn):
        centre = g.add(mark_at(last, Mark.CHEST, Side.MIDDLE), (0.0, arrow.lift, 0.0))
        a0 = math.atan2(chest_front(first)[2], chest_front(first)[0])
        a1 = math.atan2(chest_front(last)[2], chest_front(last)[0])
        least = math.radians(150)  # most of a half turn round the head, so the arc reads
        if 0 < abs(a1 - a0) < least:
            middle, half = (a0 + a1) / 2, math.copysign(least / 2, a1 - a0)
            a0, a1 = middle - half, middle + half
        points = [
            g.add(
                centre,
                (
                    arrow.radius * math.cos(a0 + (a1 - a0) * t / 12),
                    0.0,
                    arrow.radius * math.sin(a0 + (a1 - a0) * t / 12),
                ),
            )
            for t in range(13)
        ]
        path = [camera.project(p)[:2] for p in points]
        reach = arrow.radius
        motion = g.sub(
            g.add(mark_at(last, Mark.CHEST, Side.MIDDLE), g.scale(chest_front(last), reach)),
            g.add(mark_at(first, Mark.CHEST, Side.MIDDLE), g.scale(chest_front(first), reach)),
        )
    elif isinstance(arrow, Spread):
        ends = [
            g.add(mark_at(last, arrow.mark, s), (0.0, arrow.lift, 0.0))
            for s in (Side.LEFT, Side.RIGHT)
        ]
        path = [camera.project(g.lerp(ends[0], ends[1], t / 8))[:2] for t in range(9)]
        motion = g.sub(
            mark_at(last, arrow.mark, Side.RIGHT), mark_at(first, arrow.mark, Side.RIGHT)
        )
    elif isinstance(arrow, Tilt):
        path = _tilt(arrow, first, last, camera)
        top = [next(p for p in b.parts if p.kind is Kind.PELVIS).b for b in (first, last)]
        motion = g.sub(top[1], top[0])  # the top of the pelvis: forward, or back
    else:
        return [], (0.0, 0.0)
    mx, my, _ = camera.project(motion)
    return path, (mx, my)


def _pelvis_angle(body: Body) -> float:
    """Which way the pelvis points in the side plane, radians."""
    pelvis = next(p for p in body.parts if p.kind is Kind.PELVIS)
    return math.atan2(pelvis.b[1] - pelvis.a[1], pelvis.b[0] - pelvis.a[0])


def _tilt(arrow: Tilt, first: Body, last: Body, camera: Camera) -> list[Point]:
    """An arc round the pelvis from its first tip to its last (a quarter of a right angle
    at least, so it reads), set ``arrow.around`` degrees behind its axis."""
    centre = mark_at(last, Mark.PELVIS, Side.MIDDLE)
    turn = math.radians(arrow.around)
    a0, a1 = _pelvis_angle(first) + turn, _pelvis_angle(last) + turn
    least = math.radians(60)
    if abs(a1 - a0) < least:
        middle, half = (a0 + a1) / 2, math.copysign(least / 2, a1 - a0 or 1.0)
        a0, a1 = middle - half, middle + half
    points = [
        g.add(
            centre,
            (
                arrow.radius * math.cos(a0 + (a1 - a0) * t / 12),
                arrow.radius * math.sin(a0 + (a1 - a0) * t / 12),
                0.0,
            ),
        )
        for t in range(13)
    ]
    return [camera.project(p)[:2] for p in points]
