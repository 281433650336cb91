"""The figure on the picture: its pieces (the torso, the head, half limbs) as smooth shapes
drawn back to front with an outline, far limbs a darker shade, arms lighter than legs, the
stretched muscles tinted, and a ball or a chair leg among the pieces where it stands."""

import math
from collections.abc import Callable

from PIL import Image, ImageDraw

from tools.pictures import geometry as g
from tools.pictures import silhouette as s
from tools.pictures.camera import Camera
from tools.pictures.layout import Flat, Framing, flatten, flatten_solid
from tools.pictures.picture import Muscle
from tools.pictures.props import Solid
from tools.pictures.rig import ARM_PARTS, LEG_PARTS, Body, Kind, Mark, Part, Side

Colour = tuple[int, int, int, int]
BODY: Colour = (58, 86, 110, 255)
FAR: Colour = (33, 50, 66, 255)
ARM: Colour = (84, 116, 144, 255)  # arms a lighter shade, so a hand on a leg reads
ARM_FAR: Colour = (46, 68, 88, 255)
HALO: Colour = (250, 250, 246, 255)
ACCENT: Colour = (23, 143, 131, 255)
OUTLINE_CM, INNER_CM = 1.5, 0.8  # the figure's outer outline; between its parts
NOSE = ((6.5, -0.5, 0.0), (9.6, -1.8, 0.0), 2.0, 1.5)  # in the head's frame, cm
CHAINS = {"leg": LEG_PARTS, "arm": ARM_PARTS}
UPPER = {Kind.THIGH, Kind.UPPER_ARM}


def _item(part: Part) -> tuple[str, Side]:
    """Which drawn piece a part belongs to: the torso, the head, or half a limb."""
    if part.kind in UPPER:
        return ("thigh" if part.kind is Kind.THIGH else "upper arm"), part.side
    if part.kind in LEG_PARTS:
        return "lower leg", part.side
    if part.kind in ARM_PARTS:
        return "forearm", part.side
    return ("head", Side.MIDDLE) if part.kind in {Kind.HEAD, Kind.NECK} else ("torso", Side.MIDDLE)


def _in_front(a: list[Flat], b: list[Flat]) -> float:
    """How much piece ``a`` lies in front of ``b`` where they overlap (negative: behind)."""
    total = 0.0
    for fa in a:
        for fb in b:
            d, s_, t = g.segment_distance((*fa.a, 0.0), (*fa.b, 0.0), (*fb.a, 0.0), (*fb.b, 0.0))
            reach = fa.ra + (fa.rb - fa.ra) * s_ + fb.ra + (fb.rb - fb.ra) * t
            if d < reach:
                depth_a = fa.depth_a + (fa.depth_b - fa.depth_a) * s_
                depth_b = fb.depth_a + (fb.depth_b - fb.depth_a) * t
                total += (depth_a - depth_b) * (reach - d)
    return total


def _nose(body: Body, camera: Camera) -> Flat:
    """A small nose on the head's front, so the way the face turns shows."""
    head = next(p for p in body.parts if p.kind is Kind.HEAD)
    centre = body.marks[Mark.HEAD, Side.MIDDLE].centre
    a, b, ra, rb = NOSE
    part = Part(
        Kind.HEAD,
        Side.MIDDLE,
        g.add(centre, g.apply(head.frame, a)),
        g.add(centre, g.apply(head.frame, b)),
        ra,
        rb,
        ra,
        rb,
        head.frame,
    )
    return flatten(part, camera)


Key = tuple[str, Side]


def _order(pieces: dict[Key, list[Flat]]) -> list[Key]:
    """The pieces back to front: by depth, then swapped where one overlaps the other."""

    def mean_depth(key: Key) -> float:
        flats = pieces[key]
        return sum(f.depth_a + f.depth_b for f in flats) / (2 * len(flats))

    order = sorted(pieces, key=mean_depth)
    for _ in range(len(order)):
        for i in range(len(order) - 1):
            a, b = (order[i], order[i + 1])
            if _in_front(pieces[a], pieces[b]) > 0:
                order[i], order[i + 1] = b, a
    return order


def _placed(order: list[Key], pieces: dict[Key, list[Flat]], solid: Flat) -> int:
    """Where in ``order`` a solid goes: after the last piece it overlaps in front of, else
    before the first it overlaps behind."""
    ahead = [_in_front([solid], pieces[k]) for k in order]
    after = [i for i, a in enumerate(ahead) if a > 0]
    if after:
        return after[-1] + 1
    return next((i for i, a in enumerate(ahead) if a < 0), 0)


def _joints(key: tuple[str, Side], members: list[tuple[Part, Flat]]) -> list[Flat]:
    """Where a piece meets its neighbours: its outline leaves a gap there."""
    first = members[0][1]
    if key[0] in {"thigh", "upper arm"}:
        return [first, Flat(first.b, first.b, first.rb, first.rb, 0, 0)]
    if key[0] in {"lower leg", "forearm", "head"}:
        return [first]
    return []


def figure(
    image: Image.Image,
    body: Body,
    camera: Camera,
    fit: Framing,
    muscles: tuple[Muscle, ...],
    among: list[Solid],
    draw_solid: Callable[[Solid], None],
) -> None:
    """Draw the figure, piece by piece from the back, with the solids ``among`` them where
    they stand (a ball, a chair's legs: ``draw_solid`` draws one)."""
    pieces: dict[Key, list[tuple[Part, Flat]]] = {}
    for part in body.parts:
        pieces.setdefault(_item(part), []).append((part, flatten(part, camera)))
    pieces[("head", Side.MIDDLE)].append(
        (pieces[("head", Side.MIDDLE)][-1][0], _nose(body, camera))
    )
    px = fit.scale

    def caps(flats: list[Flat]) -> list[s.Capsule]:
        return [s.Capsule(fit.pixel(f.a), fit.pixel(f.b), f.ra * px, f.rb * px) for f in flats]

    size = image.width
    outline, inner = max(3.0, OUTLINE_CM * px), max(2.0, INNER_CM * px)
    everything = caps([f for members in pieces.values() for _, f in members])
    grown = [c.grown(outline) for c in everything]
    box = s.bounds(grown, 4 * px, size)
    s.paint(image, HALO, s.mask(grown, box, 1.2 * px), box)
    mids = {
        kind: g.lerp(body.marks[mark, Side.RIGHT].centre, body.marks[mark, Side.LEFT].centre, 0.5)
        for kind, mark in (("leg", Mark.HIP), ("arm", Mark.SHOULDER))
    }
    flats_of = {k: [f for _, f in v] for k, v in pieces.items()}
    ranked = _order(flats_of)
    slots = [_placed(ranked, flats_of, flatten_solid(solid, camera)) for solid in among]
    order: list[Key | Solid] = []
    for i in range(len(ranked) + 1):
        order += [solid for solid, at in zip(among, slots, strict=True) if at == i]
        order += ranked[i : i + 1]
    for key in order:
        if not isinstance(key, tuple):
            draw_solid(key)
            continue
        members = pieces[key]
        flats = [f for _, f in members]
        chain = "leg" if key[0] in {"thigh", "lower leg"} else "arm"
        colour = BODY
        if key[0] not in {"torso", "head"}:
            root = next(
                p for p in body.parts if p.side is key[1] and p.kind in UPPER & CHAINS[chain]
            )
            far = camera.project(root.a)[2] < camera.project(mids[chain])[2] - 4
            colour = {"leg": (BODY, FAR), "arm": (ARM, ARM_FAR)}[chain][far]
        soften = (2.4 if key[0] == "torso" else 0.45) * px
        shape = caps(flats)
        box = s.bounds([c.grown(inner) for c in shape], 3 * px, size)
        halo = s.mask([c.grown(inner) for c in shape], box, soften)
        cuts = [(fit.pixel(j.a), (j.ra + INNER_CM + 0.4) * px) for j in _joints(key, members)]
        s.paint(image, HALO, s.gaps(halo, box, cuts), box)
        fill = s.mask(shape, box, soften)
        s.paint(image, colour, fill, box)
        tint = _tints(body, members, muscles, camera, fit, box)
        if tint is not None:
            s.paint(image, ACCENT, s.clip(tint, fill), box)


def _tints(
    body: Body,
    members: list[tuple[Part, Flat]],
    muscles: tuple[Muscle, ...],
    camera: Camera,
    fit: Framing,
    box: s.Box,
) -> Image.Image | None:
    """The stretched muscles on a piece, as a mask in its box (None when it has none)."""
    bands = []
    for part, own in members:
        for muscle in muscles:
            if (muscle.kind, muscle.side) == (part.kind, part.side):
                flat = own
                if muscle.between is not None:
                    ends = [body.marks[m, part.side] for m in muscle.between]
                    flat = Flat(
                        camera.project(ends[0].centre)[:2],
                        camera.project(ends[1].centre)[:2],
                        ends[0].radius,
                        ends[1].radius,
                        0.0,
                        0.0,
                    )
                band = _muscle(part, muscle, camera, fit, flat)
                if band is not None:
                    bands.append((muscle.faint, band))
    if not bands:
        return None
    out = Image.new("L", (box[2] - box[0], box[3] - box[1]), 0)
    pen = ImageDraw.Draw(out)
    for faint, c in sorted(bands, key=lambda b: not b[0]):  # the full tints over the faint
        a, b = (c.a[0] - box[0], c.a[1] - box[1]), (c.b[0] - box[0], c.b[1] - box[1])
        s.capsule(pen, s.Capsule(a, b, c.ra, c.rb), 110 if faint else 255)
    return out


def _muscle(
    part: Part, muscle: Muscle, camera: Camera, fit: Framing, flat: Flat
) -> s.Capsule | None:
    face = g.apply(part.frame, muscle.face)
    fx, fy, toward = camera.project(face)
    if toward < -0.55:
        return None  # the muscle is on the far side of the limb
    fy = -fy  # pixels grow downward
    a, b = fit.pixel(flat.a), fit.pixel(flat.b)
    ra, rb = flat.ra * fit.scale, flat.rb * fit.scale
    p = (a[0] + (b[0] - a[0]) * muscle.start, a[1] + (b[1] - a[1]) * muscle.start)
    q = (a[0] + (b[0] - a[0]) * muscle.end, a[1] + (b[1] - a[1]) * muscle.end)
    rp = ra + (rb - ra) * muscle.start
    rq = ra + (rb - ra) * muscle.end
    length = math.hypot(fx, fy)
    shift = min(length, 1.0) / length * 0.42 if length > 1e-6 else 0.0
    return s.Capsule(
        (p[0] + fx * shift * rp, p[1] + fy * shift * rp),
        (q[0] + fx * shift * rq, q[1] + fy * shift * rq),
        0.55 * rp,
        0.55 * rq,
    )
