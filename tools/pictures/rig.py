"""The figure: a pose as joint angles, clamped to human ranges, turned into body parts.

Axes: x forward (the way the figure faces at yaw 0), y up, z to the figure's right; lengths in
cm, the floor at y = 0. Hip and shoulder angles are taken in the order abduction, then flexion,
then rotation about the limb, so "flexion 90, abduction 45" is a thigh level and 45 degrees out.
"""

import dataclasses
import enum
from dataclasses import dataclass
from typing import Any

from tools.pictures import geometry as g
from tools.pictures.ranges import ARM, LEG, SPINE, Range


class Side(enum.IntEnum):
    """Which half of the body: the sign of its z."""

    RIGHT = 1
    LEFT = -1
    MIDDLE = 0


class Kind(enum.Enum):
    """A drawn body part."""

    PELVIS = "pelvis"
    ABDOMEN = "abdomen"
    CHEST = "chest"
    UPPER_CHEST = "upper chest"
    SHOULDERS = "shoulders"
    NECK = "neck"
    HEAD = "head"
    THIGH = "thigh"
    SHIN = "shin"
    HEEL = "heel"
    FOOT = "foot"
    TOES = "toes"
    UPPER_ARM = "upper arm"
    FOREARM = "forearm"
    HAND = "hand"


TORSO = frozenset({Kind.PELVIS, Kind.ABDOMEN, Kind.CHEST, Kind.UPPER_CHEST, Kind.SHOULDERS})
HEAD = frozenset({Kind.NECK, Kind.HEAD})
LEG_PARTS = frozenset({Kind.THIGH, Kind.SHIN, Kind.HEEL, Kind.FOOT, Kind.TOES})
ARM_PARTS = frozenset({Kind.UPPER_ARM, Kind.FOREARM, Kind.HAND})


class Mark(enum.Enum):
    """A named place on the body that a contact can hold: a sphere on its surface."""

    SEAT = "sitting bone"
    PELVIS = "pelvis"
    CHEST = "chest"
    HEAD = "head"
    HIP = "hip"
    THIGH = "thigh"
    KNEE = "knee"
    SHIN = "shin"
    ANKLE = "ankle"
    HEEL = "heel"
    BALL = "ball of the foot"
    TOE = "toes"
    SHOULDER = "shoulder"
    ELBOW = "elbow"
    HAND = "hand"


@dataclass(frozen=True, slots=True)
class Sphere:
    """A ball: a joint's surface for contacts."""

    centre: g.Vec
    radius: float


@dataclass(frozen=True, slots=True)
class Part:
    """A tapered capsule from ``a`` to ``b``; ``frame``'s columns: front, along, lateral."""

    kind: Kind
    side: Side
    a: g.Vec
    b: g.Vec
    ra: float
    rb: float
    wa: float  # half-widths across the body (the torso is wider than deep)
    wb: float
    frame: g.Mat


@dataclass(frozen=True, slots=True)
class Leg:
    """One leg's joint angles, degrees (see ``ranges.LEG``)."""

    hip_flexion: float = 0.0
    hip_abduction: float = 0.0
    hip_rotation: float = 0.0  # + external
    knee_flexion: float = 0.0
    ankle_flexion: float = 0.0  # + dorsiflexion
    ankle_inversion: float = 0.0
    toe_extension: float = 0.0


@dataclass(frozen=True, slots=True)
class Arm:
    """One arm's joint angles, degrees (see ``ranges.ARM``)."""

    shoulder_flexion: float = 0.0
    shoulder_abduction: float = 0.0
    shoulder_rotation: float = 0.0  # + external
    elbow_flexion: float = 0.0
    wrist_extension: float = 0.0


@dataclass(frozen=True, slots=True)
class Spine:
    """The spine in three segments (lumbar, lower and upper thorax) and the neck; + flexion."""

    lumbar_flexion: float = 0.0
    thorax_flexion: float = 0.0
    upper_flexion: float = 0.0
    side_bend: float = 0.0  # + toward the right
    rotation: float = 0.0  # + the chest turns to the right
    neck_flexion: float = 0.0
    neck_rotation: float = 0.0


@dataclass(frozen=True, slots=True)
class Root:
    """Where the pelvis is (the point between the hip joints) and how it is turned."""

    x: float = 0.0
    y: float = 93.0
    z: float = 0.0
    pitch: float = 0.0  # + the pelvis tips forward (90: lying face down)
    yaw: float = 0.0  # + turns to the left, seen from above
    roll: float = 0.0  # + the right hip drops


@dataclass(frozen=True, slots=True)
class Pose:
    """A whole figure: standing straight with arms hanging when left at its defaults."""

    root: Root = Root()
    spine: Spine = Spine()
    right_leg: Leg = Leg()
    left_leg: Leg = Leg()
    right_arm: Arm = Arm()
    left_arm: Arm = Arm()


RANGES: dict[str, dict[str, Range]] = {
    "spine": SPINE,
    "right_leg": LEG,
    "left_leg": LEG,
    "right_arm": ARM,
    "left_arm": ARM,
}


def get(pose: Pose, path: str) -> float:
    """The value at a dotted ``path`` such as ``right_leg.knee_flexion`` or ``root.y``."""
    group, name = path.split(".")
    value = getattr(getattr(pose, group), name)
    assert isinstance(value, float | int), path
    return float(value)


def put(pose: Pose, path: str, value: float) -> Pose:
    """``pose`` with the value at ``path`` replaced."""
    group, name = path.split(".")
    part: Any = getattr(pose, group)
    return dataclasses.replace(pose, **{group: dataclasses.replace(part, **{name: value})})


def joint_range(path: str) -> Range | None:
    """The range of the joint at ``path``; None for the root, which is free."""
    group, name = path.split(".")
    return RANGES[group][name] if group in RANGES else None


def angles(pose: Pose) -> dict[str, float]:
    """Every joint angle of ``pose`` by its path."""
    return {
        f"{group}.{field.name}": float(getattr(getattr(pose, group), field.name))
        for group in RANGES
        for field in dataclasses.fields(getattr(pose, group))
    }


def clamped(pose: Pose) -> Pose:
    """``pose`` with every joint held inside its range."""
    for path, value in angles(pose).items():
        allowed = joint_range(path)
        assert allowed is not None
        pose = put(pose, path, allowed.clamp(value))
    return pose


@dataclass(frozen=True, slots=True)
class Body:
    """A posed figure: its parts to draw and test, and its marks for contacts."""

    parts: tuple[Part, ...]
    marks: dict[tuple[Mark, Side], Sphere]


def build(pose: Pose) -> Body:
    """Pose the figure: clamp the joints, then walk out from the pelvis."""
    pose = clamped(pose)
    r, sp = pose.root, pose.spine
    origin: g.Vec = (r.x, r.y, r.z)
    pelvis = g.compose(g.compose(g.rot_y(r.yaw), g.rot_z(-r.pitch)), g.rot_x(r.roll))
    parts: list[Part] = []
    marks: dict[tuple[Mark, Side], Sphere] = {}

    def at(frame: g.Mat, base: g.Vec, local: g.Vec) -> g.Vec:
        return g.add(base, g.apply(frame, local))

    def part(kind: Kind, side: Side, a: g.Vec, b: g.Vec, radii: tuple[float, ...], frame: g.Mat):
        ra, rb = radii[0], radii[1]
        wa, wb = (radii[2], radii[3]) if len(radii) == 4 else (ra, rb)
        parts.append(Part(kind, side, a, b, ra, rb, wa, wb, frame))

    mid = Side.MIDDLE
    part(Kind.PELVIS, mid, at(pelvis, origin, (-4, -1, 0)), at(pelvis, origin, (-3, 9, 0)),
         (10, 10, 16, 15), pelvis)
    marks[Mark.PELVIS, mid] = Sphere(at(pelvis, origin, (-4, -1, 0)), 10)
    for side in (Side.RIGHT, Side.LEFT):
        marks[Mark.SEAT, side] = Sphere(at(pelvis, origin, (-3, -7, 7 * side)), 4)

    s0 = at(pelvis, origin, (-5, 10, 0))
    frames = []
    frame = pelvis
    spine_points = [s0]
    for flexion, bend, turn, length in (
        (sp.lumbar_flexion, 0.4, 0.1, 16.0),
        (sp.thorax_flexion, 0.3, 0.45, 14.0),
        (sp.upper_flexion, 0.3, 0.45, 13.0),
    ):
        frame = g.compose(g.compose(g.compose(frame, g.rot_z(-flexion)),
                                    g.rot_x(sp.side_bend * bend)), g.rot_y(-sp.rotation * turn))
        frames.append(frame)
        spine_points.append(at(frame, spine_points[-1], (0, length, 0)))
    f1, f2, f3 = frames
    s1, s2, s3 = spine_points[1:]
    part(Kind.ABDOMEN, mid, at(f1, s0, (5, 0, 0)), at(f1, s1, (5, 0, 0)), (10, 10, 14, 14.5), f1)
    part(Kind.CHEST, mid, at(f2, s1, (5.5, 0, 0)), at(f2, s2, (5.5, 0, 0)),
         (10.5, 11, 14, 14.5), f2)
    part(Kind.UPPER_CHEST, mid, at(f3, s2, (5.5, 0, 0)), at(f3, s3, (3.5, -2, 0)),
         (11, 9, 14.5, 15.5), f3)
    marks[Mark.CHEST, mid] = Sphere(at(f2, s2, (5.5, 0, 0)), 11)
    shoulders = {side: at(f3, s3, (4, -3, 19 * side)) for side in (Side.RIGHT, Side.LEFT)}
    part(Kind.SHOULDERS, mid, shoulders[Side.RIGHT], shoulders[Side.LEFT], (5.5, 5.5), f3)

    neck = g.compose(g.compose(f3, g.rot_z(-sp.neck_flexion)), g.rot_y(-sp.neck_rotation))
    n0 = at(f3, s3, (2, 0, 0))
    n1 = at(neck, n0, (1, 9, 0))
    head = at(neck, n1, (2, 8, 0))
    part(Kind.NECK, mid, n0, n1, (5.5, 5), neck)
    part(Kind.HEAD, mid, at(neck, head, (-0.5, 1.5, 0)), at(neck, head, (3.5, -4.5, 0)),
         (9.8, 7.5), neck)
    marks[Mark.HEAD, mid] = Sphere(head, 10)

    legs = {Side.RIGHT: pose.right_leg, Side.LEFT: pose.left_leg}
    for side, leg in legs.items():
        s = float(side)
        hip = at(pelvis, origin, (0, 0, 9 * s))
        thigh = g.compose(g.compose(g.compose(pelvis, g.rot_z(leg.hip_flexion)),
                                    g.rot_x(-s * leg.hip_abduction)), g.rot_y(-s * leg.hip_rotation))
        knee = at(thigh, hip, (0, -43, 0))
        shin = g.compose(thigh, g.rot_z(-leg.knee_flexion))
        ankle = at(shin, knee, (0, -42, 0))
        foot = g.compose(g.compose(shin, g.rot_z(leg.ankle_flexion)), g.rot_x(s * leg.ankle_inversion))
        heel = at(foot, ankle, (-4, -4.8, 0))
        ball = at(foot, ankle, (13.5, -5.5, 0))
        toes = g.compose(foot, g.rot_z(leg.toe_extension))
        tip = at(toes, ball, (5.5, 0.6, 0))
        part(Kind.THIGH, side, hip, knee, (8, 5.5), thigh)
        part(Kind.SHIN, side, knee, ankle, (5.2, 3.6), shin)
        part(Kind.HEEL, side, ankle, heel, (3.6, 3.2), foot)
        part(Kind.FOOT, side, ankle, ball, (3.4, 2.5), foot)
        part(Kind.TOES, side, ball, tip, (2.4, 1.9), toes)
        marks[Mark.HIP, side] = Sphere(hip, 8)
        marks[Mark.THIGH, side] = Sphere(g.lerp(hip, knee, 0.75), 6.2)
        marks[Mark.KNEE, side] = Sphere(knee, 5.5)
        marks[Mark.SHIN, side] = Sphere(g.lerp(knee, ankle, 0.45), 4.6)
        marks[Mark.ANKLE, side] = Sphere(ankle, 3.6)
        marks[Mark.HEEL, side] = Sphere(heel, 3.2)
        marks[Mark.BALL, side] = Sphere(ball, 2.5)
        marks[Mark.TOE, side] = Sphere(tip, 1.9)

    arms = {Side.RIGHT: pose.right_arm, Side.LEFT: pose.left_arm}
    for side, arm in arms.items():
        s = float(side)
        shoulder = shoulders[side]
        upper = g.compose(g.compose(g.compose(f3, g.rot_z(arm.shoulder_flexion)),
                                    g.rot_x(-s * arm.shoulder_abduction)),
                          g.rot_y(-s * arm.shoulder_rotation))
        elbow = at(upper, shoulder, (0, -32, 0))
        fore = g.compose(upper, g.rot_z(arm.elbow_flexion))
        wrist = at(fore, elbow, (0, -27, 0))
        hand = g.compose(fore, g.rot_z(-arm.wrist_extension))
        knuckles = at(hand, wrist, (0, -12, 0))
        part(Kind.UPPER_ARM, side, shoulder, elbow, (4.8, 3.8), upper)
        part(Kind.FOREARM, side, elbow, wrist, (3.6, 2.7), fore)
        part(Kind.HAND, side, wrist, knuckles, (2.9, 2.4), hand)
        marks[Mark.SHOULDER, side] = Sphere(shoulder, 4.8)
        marks[Mark.ELBOW, side] = Sphere(elbow, 3.8)
        marks[Mark.HAND, side] = Sphere(g.lerp(wrist, knuckles, 0.45), 2.8)
    return Body(tuple(parts), marks)
