"""The limits check: is a posed figure one a body can make, doing what its cues say?

A scene fails when a joint leaves its range, anything sinks into the floor or a prop, a limb
passes through the torso, the head or another limb, a stated contact is not met, a cue's angle
or height is not honoured, the view hides what the cue shows, the figure is small in its frame,
or the motion arrow points against the motion or is drawn over the body.
"""

import enum
import math
from dataclasses import dataclass

from tools.pictures import geometry as g
from tools.pictures.camera import Camera
from tools.pictures.clearance import feet_through_posts
from tools.pictures.contacts import LOWEST, Contact, Surface, Surfaces, error
from tools.pictures.picture import AngleCue, Cue, HeightCue, OverCue, ViewCue
from tools.pictures.props import Ball, Box, Solid, Tone
from tools.pictures.rig import (
    ARM_PARTS,
    HEAD,
    LEG_PARTS,
    TORSO,
    Body,
    Kind,
    Mark,
    Part,
    Side,
    joint_range,
)

FLOOR_SLACK = 1.0  # cm: skin and a soft mat give a little
PROP_SLACK = 1.5
SOFT_SLACK = 3.0
BODY_SLACK = 2.5  # a thigh against the belly presses in a little
CONTACT_SLACK = 2.0  # 2 cm is under 3 px at 240 px: touching
MIN_EXTENT, MIN_AREA = 0.6, 0.16  # props (a chair, a desk) share the frame


class Problem(enum.Enum):
    """The kinds of finding."""

    RANGE = "joint out of range"
    FLOOR = "below the floor"
    PROP = "through a prop"
    CROSSING = "through the body"
    CONTACT = "contact not met"
    CUE = "not what the cue says"
    VIEW = "the view hides it"
    FILL = "small in its frame"
    ARROW = "arrow against the motion"
    ARROW_OVER = "arrow drawn over the body"
    THROUGH = "reads as through furniture"


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing wrong with a scene, in words."""

    problem: Problem
    detail: str

    def __str__(self) -> str:
        return f"{self.problem.value}: {self.detail}"


@dataclass(frozen=True, slots=True)
class Scene:
    """One keyframe of one side, as the checks see it."""

    angles: dict[str, float]
    body: Body
    solids: tuple[Solid, ...]
    surfaces: Surfaces
    contacts: tuple[Contact, ...]
    cues: tuple[Cue, ...]
    camera: Camera
    fill: tuple[float, float]
    arrow: tuple[tuple[float, float], tuple[float, float]] | None = None
    arrow_over: float = 0.0  # the share of the arrow's path over the figure


def name(part: Part) -> str:
    """A part in words: "right shin"."""
    side = "" if part.side is Side.MIDDLE else f"{part.side.name.lower()} "
    return f"{side}{part.kind.value}"


def check(scene: Scene) -> list[Finding]:
    """Every finding for ``scene`` (empty when the pose is possible and right)."""
    return [
        *_ranges(scene),
        *_floor(scene),
        *_props(scene),
        *_crossings(scene),
        *_contacts(scene),
        *_cues(scene),
        *_fill(scene),
        *_arrow(scene),
        *(
            Finding(Problem.THROUGH, f"{name(part)} drawn over the furniture leg in front of it")
            for part in feet_through_posts(scene.body, scene.solids, scene.camera)
        ),
    ]


def _ranges(scene: Scene) -> list[Finding]:
    found = []
    for path, value in scene.angles.items():
        allowed = joint_range(path)
        if allowed is not None and not allowed.holds(value):
            found.append(
                Finding(
                    Problem.RANGE,
                    f"{path} {value:.0f} outside "
                    f"{allowed.low:.0f}..{allowed.high:.0f} ({allowed.source})",
                )
            )
    return found


def _floor(scene: Scene) -> list[Finding]:
    found = []
    for part in scene.body.parts:
        low = min(part.a[1] - part.ra, part.b[1] - part.rb)
        if low < -FLOOR_SLACK:
            found.append(Finding(Problem.FLOOR, f"{name(part)} {-low:.0f} cm into the floor"))
    return found


def _samples(part: Part, start: float = 0.0) -> list[tuple[g.Vec, float]]:
    steps = 10
    return [
        (g.lerp(part.a, part.b, t), part.ra + (part.rb - part.ra) * t)
        for t in (start + (1 - start) * i / steps for i in range(steps + 1))
    ]


def _depth_into(solid: Solid, point: g.Vec, radius: float) -> float:
    if isinstance(solid, Ball):
        return radius + solid.radius - g.norm(g.sub(point, solid.centre))
    return radius - g.box_distance(point, solid.centre, solid.half)


def _props(scene: Scene) -> list[Finding]:
    found = []
    for solid in scene.solids:
        slack = SOFT_SLACK if isinstance(solid, Box) and solid.tone is not Tone.HARD else PROP_SLACK
        for part in scene.body.parts:
            depth = max(_depth_into(solid, p, r) for p, r in _samples(part))
            if depth > slack:
                what = "ball" if isinstance(solid, Ball) else f"prop at {_where(solid)}"
                found.append(Finding(Problem.PROP, f"{name(part)} {depth:.0f} cm into the {what}"))
    return found


def _where(solid: Box) -> str:
    return "({:.0f}, {:.0f}, {:.0f})".format(*solid.centre)


def _stadium(part: Part) -> list[tuple[g.Vec, g.Vec, float, float]]:
    """A torso part as two capsules side by side: as wide as it is, as deep as it is."""
    across = g.column(part.frame, 2)
    out = []
    for sign in (-1.0, 1.0):
        oa = g.scale(across, sign * max(part.wa - part.ra, 0.0))
        ob = g.scale(across, sign * max(part.wb - part.rb, 0.0))
        out.append((g.add(part.a, oa), g.add(part.b, ob), part.ra, part.rb))
    return out


def _chain(part: Part) -> tuple[str, Side]:
    if part.kind in LEG_PARTS:
        return "leg", part.side
    if part.kind in ARM_PARTS:
        return "arm", part.side
    return ("head", Side.MIDDLE) if part.kind in HEAD else ("torso", Side.MIDDLE)


def _free_share(limb: Part, body_part: Part) -> float:
    """How much of a limb's start is inside the torso it hangs from (not a crossing)."""
    if limb.kind is Kind.THIGH and body_part.kind in {Kind.PELVIS, Kind.ABDOMEN}:
        return 0.4 if body_part.kind is Kind.ABDOMEN else 1.1
    if limb.kind is Kind.UPPER_ARM and body_part.kind in {Kind.SHOULDERS, Kind.UPPER_CHEST}:
        return 1.1 if body_part.kind is Kind.SHOULDERS else 0.4
    if limb.kind is Kind.UPPER_ARM and body_part.kind is Kind.CHEST:
        return 0.3
    return 0.0


def _penetration(limb: Part, start: float, other: list[tuple[g.Vec, g.Vec, float, float]]) -> float:
    a0 = g.lerp(limb.a, limb.b, start)
    r0 = limb.ra + (limb.rb - limb.ra) * start
    worst = -math.inf
    for b0, b1, rb0, rb1 in other:
        d, s, t = g.segment_distance(a0, limb.b, b0, b1)
        worst = max(worst, r0 + (limb.rb - r0) * s + rb0 + (rb1 - rb0) * t - d)
    return worst


END_PARTS = frozenset({Kind.HAND, Kind.FOREARM, Kind.FOOT, Kind.HEEL, Kind.TOES, Kind.SHIN})
MARK_CHAIN = {Mark.HAND: "arm", Mark.ELBOW: "arm", Mark.SHOULDER: "arm"}


def _touching(scene: Scene) -> set[tuple[tuple[str, Side], tuple[str, Side]]]:
    """Chains a stated contact lets touch: a hand on a thigh, an ankle on a knee."""
    pairs = set()
    for c in scene.contacts:
        if c.on is not None:
            mine = (MARK_CHAIN.get(c.mark, "leg"), c.side)
            theirs = (MARK_CHAIN.get(c.on[0], "leg"), c.on[1])
            if c.on[0] in {Mark.CHEST, Mark.PELVIS, Mark.HEAD}:
                theirs = ("torso", Side.MIDDLE)
            pairs |= {(mine, theirs), (theirs, mine)}
    return pairs


def _crossings(scene: Scene) -> list[Finding]:
    found = []
    parts = scene.body.parts
    touching = _touching(scene)
    for i, limb in enumerate(parts):
        if limb.kind not in LEG_PARTS | ARM_PARTS:
            continue
        for j, other in enumerate(parts):
            if other is limb or _chain(other) == _chain(limb):
                continue
            if other.kind in LEG_PARTS | ARM_PARTS and j < i:
                continue  # each pair of limbs once
            pair = (_chain(limb), _chain(other))
            if pair in touching and (limb.kind in END_PARTS or other.kind in END_PARTS):
                continue
            start = _free_share(limb, other)
            if start >= 1.0:
                continue
            if other.kind in TORSO:
                shape = _stadium(other)
            else:
                shape = [(other.a, other.b, other.ra, other.rb)]
            depth = _penetration(limb, start, shape)
            if depth > BODY_SLACK:
                found.append(
                    Finding(Problem.CROSSING, f"{name(limb)} {depth:.0f} cm into the {name(other)}")
                )
    return found


TOPS = frozenset({Surface.SEAT, Surface.DESK, Surface.STEP, Surface.BLANKET})


def _contacts(scene: Scene) -> list[Finding]:
    found = []
    for contact in scene.contacts:
        miss = error(contact, scene.body, scene.surfaces)
        if miss > CONTACT_SLACK:
            found.append(Finding(Problem.CONTACT, f"{contact.describe()}: {miss:.0f} cm off"))
        elif (off := _off_the_top(scene, contact)) > CONTACT_SLACK:
            found.append(
                Finding(Problem.CONTACT, f"{contact.describe()}: {off:.0f} cm beside its top")
            )
    return found


def _off_the_top(scene: Scene, contact: Contact) -> float:
    """How far a mark resting on a prop's top (a kneecap on the cushion, a sole on the step,
    a hand on the seat) is beside that top rather than over it: its height alone is not
    enough, a knee past the cushion's end floats."""
    if contact.surface not in TOPS or contact.mark in LOWEST or contact.on is not None:
        return 0.0
    height = scene.surfaces[contact.surface][1]
    tops = [
        s
        for s in scene.solids
        if isinstance(s, Box) and abs(s.centre[1] + s.half[1] - height) < 0.5
    ]
    x, _, z = scene.body.marks[contact.mark, contact.side].centre
    return min(
        (
            math.hypot(
                max(abs(x - s.centre[0]) - s.half[0], 0.0),
                max(abs(z - s.centre[2]) - s.half[2], 0.0),
            )
            for s in tops
        ),
        default=math.inf,
    )


def _projected_angle(scene: Scene, a: Part, b: Part) -> tuple[float, float]:
    da, db = g.unit(g.sub(a.b, a.a)), g.unit(g.sub(b.b, b.a))
    true = math.degrees(math.acos(max(-1.0, min(1.0, g.dot(da, db)))))
    pa, pb = scene.camera.project(da)[:2], scene.camera.project(db)[:2]
    la, lb = math.hypot(*pa), math.hypot(*pb)
    if la < 1e-6 or lb < 1e-6:
        return true, 0.0
    cos = (pa[0] * pb[0] + pa[1] * pb[1]) / la / lb
    return true, math.degrees(math.acos(max(-1.0, min(1.0, cos))))


def _cues(scene: Scene) -> list[Finding]:
    found = []
    for cue in scene.cues:
        if isinstance(cue, AngleCue):
            value = scene.angles.get(cue.path, 0.0)
            if not cue.low <= value <= cue.high:
                found.append(
                    Finding(
                        Problem.CUE,
                        f"{cue.why}: {cue.path} is {value:.0f}, "
                        f"wants {cue.low:.0f}..{cue.high:.0f}",
                    )
                )
        elif isinstance(cue, HeightCue):
            rise = scene.body.marks[cue.high].centre[1] - scene.body.marks[cue.low].centre[1]
            if rise < cue.by:
                found.append(Finding(Problem.CUE, f"{cue.why}: {rise:.0f} cm, wants {cue.by:.0f}"))
        elif isinstance(cue, OverCue):
            x, _, z = scene.body.marks[cue.high].centre
            ends = [scene.body.marks[m].centre for m in cue.line]
            start, end = ((p[0], 0.0, p[2]) for p in ends)
            near = g.lerp(start, end, g.closest_on_segment((x, 0.0, z), start, end))
            apart = math.hypot(x - near[0], z - near[2])
            if apart > cue.within:
                found.append(
                    Finding(Problem.CUE, f"{cue.why}: {apart:.0f} cm apart, wants {cue.within:.0f}")
                )
        elif isinstance(cue, ViewCue):
            a = next(p for p in scene.body.parts if (p.kind, p.side) == cue.a)
            b = next(p for p in scene.body.parts if (p.kind, p.side) == cue.b)
            true, seen = _projected_angle(scene, a, b)
            if true > 10 and seen < 0.6 * true:
                found.append(
                    Finding(Problem.VIEW, f"{cue.why}: {true:.0f} degrees show as {seen:.0f}")
                )
    return found


def _fill(scene: Scene) -> list[Finding]:
    extent, area = scene.fill
    if extent < MIN_EXTENT or area < MIN_AREA:
        return [Finding(Problem.FILL, f"spans {extent:.0%} of the frame, its box {area:.0%}")]
    return []


ARROW_OVER = 0.25  # an arrow may start or end at the body, not run along it


def _arrow(scene: Scene) -> list[Finding]:
    if scene.arrow_over > ARROW_OVER:
        return [Finding(Problem.ARROW_OVER, f"{scene.arrow_over:.0%} of its path on the figure")]
    if scene.arrow is None:
        return []
    (ax, ay), (mx, my) = scene.arrow
    if ax * mx + ay * my <= 0:
        return [Finding(Problem.ARROW, f"arrow ({ax:.0f}, {ay:.0f}), motion ({mx:.0f}, {my:.0f})")]
    return []
