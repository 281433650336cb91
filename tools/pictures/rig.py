"""The figure's vocabulary: a pose as joint angles within human ranges, and the parts and
marks a posed body is made of (``skeleton.build`` poses it).

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
    return float(getattr(getattr(pose, group), name))


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
    """Every joint angle of ``pose`` by its path, and where the root is and how it tips."""
    return {
        f"{group}.{field.name}": float(getattr(getattr(pose, group), field.name))
        for group in ("root", *RANGES)
        for field in dataclasses.fields(getattr(pose, group))
    }


def clamped(pose: Pose) -> Pose:
    """``pose`` with every joint held inside its range."""
    for path, value in angles(pose).items():
        group, name = path.split(".")
        if group in RANGES:
            pose = put(pose, path, RANGES[group][name].clamp(value))
    return pose


@dataclass(frozen=True, slots=True)
class Body:
    """A posed figure: its parts to draw and test, and its marks for contacts."""

    parts: tuple[Part, ...]
    marks: dict[tuple[Mark, Side], Sphere]
