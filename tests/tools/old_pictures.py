"""Today's (before issue 16) pictograms as scenes for the limits check.

``old_pictures.json`` holds the points hamstray/pictures.py's two-bone IK drew at commit
10b5900. Each becomes a figure with the new rig's volumes (the old lines had none), its joint
angles read off the drawing in the rig's conventions (near limbs are the right ones), the old
props, and the contacts and cues the new picture of the same stretch states.
"""

import dataclasses
import json
import math
from pathlib import Path

from tools.pictures import geometry as g
from tools.pictures.camera import View
from tools.pictures.checks import Scene
from tools.pictures.contacts import Surface
from tools.pictures.picture import Picture
from tools.pictures.props import Ball, Box, Solid, box
from tools.pictures.rig import Body, Kind, Mark, Part, Side, Sphere

CM = 1.9  # the old box's unit in cm (its torso of 27 units is the rig's 52 cm)
FLOOR_Y = 8.0  # the old floor, in its units, where its feet (y 10, new radii) touch it
DATA = json.loads((Path(__file__).with_name("old_pictures.json")).read_text())["poses"]

P2 = tuple[float, float]


def _cm(p: P2, z: float = 0.0) -> g.Vec:
    return (p[0] * CM, (p[1] - FLOOR_Y) * CM, z)


def _ccw(a: P2, b: P2) -> float:
    """The counter-clockwise angle from direction ``a`` to ``b``, degrees in (-180, 180]."""
    angle = math.degrees(math.atan2(b[1], b[0]) - math.atan2(a[1], a[0]))
    return (angle + 180) % 360 - 180


def _d(a: P2, b: P2) -> P2:
    return (b[0] - a[0], b[1] - a[1])


def _frame(a: g.Vec, b: g.Vec) -> g.Mat:
    along = g.unit(g.sub(b, a))
    if g.norm(along) < 1e-9:
        along = (0.0, 1.0, 0.0)
    across: g.Vec = (0.0, 0.0, 1.0)
    front = (along[1] * across[2], -along[0] * across[2], 0.0)
    return tuple(zip(front, along, across, strict=True))  # type: ignore[return-value]


def angles(pose: dict) -> dict[str, float]:
    """The old drawing's joint angles in the rig's conventions (flexion +, knee bend +)."""
    hip, mid, neck = pose["hip"], pose["spine"], pose["neck"]
    trunk = _d(hip, neck)
    down = (-trunk[0], -trunk[1])
    out = {"spine.lumbar_flexion": -_ccw(_d(hip, mid), _d(mid, neck))}
    for side, leg in zip(("right", "left"), pose["legs"], strict=True):
        thigh, shin, foot = (
            _d(hip, leg["knee"]),
            _d(leg["knee"], leg["ankle"]),
            _d(leg["ankle"], leg["toe"]),
        )
        out[f"{side}_leg.hip_flexion"] = _ccw(down, thigh)
        out[f"{side}_leg.knee_flexion"] = -_ccw(thigh, shin)
        out[f"{side}_leg.ankle_flexion"] = _ccw((-shin[1], shin[0]), foot)
        out[f"{side}_leg.hip_abduction"] = 0.0
    for side, arm in zip(("right", "left"), pose["arms"], strict=True):
        upper, fore = _d(neck, arm["elbow"]), _d(arm["elbow"], arm["wrist"])
        out[f"{side}_arm.shoulder_flexion"] = _ccw(down, upper)
        out[f"{side}_arm.elbow_flexion"] = _ccw(upper, fore)
    return out


def body(pose: dict) -> Body:
    """The old figure with the rig's volumes: near limbs at z +9 (legs) and +19 (arms)."""
    parts: list[Part] = []
    marks: dict[tuple[Mark, Side], Sphere] = {}

    def add(kind: Kind, side: Side, a: g.Vec, b: g.Vec, ra: float, rb: float, wide: float = 0):
        parts.append(Part(kind, side, a, b, ra, rb, max(ra, wide), max(rb, wide), _frame(a, b)))

    hip, mid, neck = _cm(pose["hip"]), _cm(pose["spine"]), _cm(pose["neck"])
    add(Kind.PELVIS, Side.MIDDLE, hip, g.lerp(hip, mid, 0.4), 10, 10, 15)
    add(Kind.ABDOMEN, Side.MIDDLE, g.lerp(hip, mid, 0.4), mid, 10, 10, 14)
    add(Kind.CHEST, Side.MIDDLE, mid, neck, 10.5, 10, 14.5)
    head = _cm(pose["head"])
    add(Kind.HEAD, Side.MIDDLE, head, head, 12, 12)
    marks[Mark.PELVIS, Side.MIDDLE] = Sphere(hip, 10)
    marks[Mark.CHEST, Side.MIDDLE] = Sphere(mid, 10.5)
    marks[Mark.HEAD, Side.MIDDLE] = Sphere(head, 12)
    for side, leg in zip((Side.RIGHT, Side.LEFT), pose["legs"], strict=True):
        z = 9.0 * side
        h, k, a, t = (
            _cm(pose["hip"], z),
            _cm(leg["knee"], z),
            _cm(leg["ankle"], z),
            _cm(leg["toe"], z),
        )
        add(Kind.THIGH, side, h, k, 8, 5.5)
        add(Kind.SHIN, side, k, a, 5.2, 3.6)
        add(Kind.FOOT, side, a, t, 3.4, 2.5)
        marks[Mark.SEAT, side] = Sphere(h, 5.3)  # the old line's half width under the hip
        for mark, centre, radius in (
            (Mark.HIP, h, 8),
            (Mark.THIGH, g.lerp(h, k, 0.75), 6.2),
            (Mark.KNEE, k, 5.5),
            (Mark.SHIN, g.lerp(k, a, 0.45), 4.6),
            (Mark.ANKLE, a, 3.6),
            (Mark.HEEL, a, 3.6),
            (Mark.BALL, t, 2.5),
            (Mark.TOE, t, 2.5),
        ):
            marks[mark, side] = Sphere(centre, radius)
    for side, arm in zip((Side.RIGHT, Side.LEFT), pose["arms"], strict=True):
        z = 19.0 * side
        s, e, w = _cm(pose["neck"], z), _cm(arm["elbow"], z), _cm(arm["wrist"], z)
        add(Kind.UPPER_ARM, side, s, e, 4.8, 3.8)
        add(Kind.FOREARM, side, e, w, 3.6, 2.7)
        marks[Mark.SHOULDER, side] = Sphere(s, 4.8)
        marks[Mark.ELBOW, side] = Sphere(e, 3.8)
        marks[Mark.HAND, side] = Sphere(w, 2.8)
    return Body(tuple(parts), marks)


def _line_box(x0: float, y0: float, x1: float, y1: float, half: float = 1.6) -> Box:
    """An old prop line (3.2 units wide) as a box."""
    return box(
        min(x0, x1) * CM - half * CM,
        max(x0, x1) * CM + half * CM,
        (min(y0, y1) - half - FLOOR_Y) * CM,
        (max(y0, y1) + half - FLOOR_Y) * CM,
        -22,
        22,
    )


def props(pose: dict) -> tuple[tuple[Solid, ...], dict[Surface, g.Vec]]:
    """The old props and their surfaces."""
    solids: list[Solid] = []
    surfaces: dict[Surface, g.Vec] = {Surface.FLOOR: (0.0, 0.0, 0.0)}
    top = lambda y: (y + 1.6 - FLOOR_Y) * CM  # noqa: E731
    if "chair" in pose["props"]:
        solids += [_line_box(24, 26, 52, 26), _line_box(27, 26, 27, 6), _line_box(49, 26, 49, 6)]
        surfaces[Surface.SEAT] = (38 * CM, top(26), 0.0)
        surfaces[Surface.BACKREST] = (22 * CM, (60 - FLOOR_Y) * CM, 0.0)
    if "desk" in pose["props"]:
        solids += [_line_box(74, 50, 100, 50), _line_box(95, 50, 95, 6)]
        surfaces[Surface.DESK] = (74 * CM, top(50), 0.0)
    if "wall" in pose["props"]:
        solids.append(_line_box(86, 6, 86, 96))
        surfaces[Surface.WALL] = ((86 - 1.6) * CM, 0.0, 0.0)
    if "step" in pose["props"]:
        solids.append(box(50 * CM, 92 * CM, 0, top(18), -22, 22))
        surfaces[Surface.STEP] = (50 * CM, top(18), 0.0)
    if pose["ball"]:
        bx, by = pose["ball"]
        solids.append(Ball(_cm((bx, by)), 4 * CM))
        surfaces[Surface.BALL] = (bx * CM, (by + 4 - FLOOR_Y) * CM, 0.0)
    return tuple(solids), surfaces


def _fill(figure: Body) -> tuple[float, float]:
    xs = [
        c
        for p in figure.parts
        for c in (p.a[0] - p.ra, p.a[0] + p.ra, p.b[0] - p.rb, p.b[0] + p.rb)
    ]
    ys = [
        c
        for p in figure.parts
        for c in (p.a[1] - p.ra, p.a[1] + p.ra, p.b[1] - p.rb, p.b[1] + p.rb)
    ]
    w, h = (max(xs) - min(xs)) / (100 * CM), (max(ys) - min(ys)) / (100 * CM)
    return max(w, h), w * h


def scene(stretch_id: str, new: Picture) -> Scene:
    """The old picture of ``stretch_id`` with the contacts and cues of its new picture."""
    pose = DATA[stretch_id]
    figure = body(pose)
    solids, surfaces = props(pose)
    end = new.frames[-1]
    contacts = tuple(
        dataclasses.replace(c, x=None, z=None)
        for c in end.contacts
        if c.surface is None or c.surface in surfaces
    )
    arrow = None
    if pose["cue"] == "twist":  # an arc over the head, left to right; the turn is toward the
        wrist = pose["arms"][0]["wrist"]  # reaching arm: the chest's front swings that way
        arrow = ((1.0, 0.0), (math.copysign(1.0, wrist[0] - pose["neck"][0]), 0.0))
    return Scene(
        angles(pose),
        figure,
        solids,
        surfaces,
        contacts,
        new.cues + end.cues,
        View.SIDE.value,
        _fill(figure),
        arrow,
    )
