"""The desk stretches that move: seated twist, seated cat-cow and foot rolling, in keyframes."""

from tools.pictures import props
from tools.pictures.camera import View
from tools.pictures.contacts import Contact, Surface
from tools.pictures.picture import AngleCue, Frame, Picture, Shift, Tilt, Turn, low_back, sole
from tools.pictures.poses.common import (
    FLOOR,
    FOOT_FREE,
    REACH,
    SEATED_Y,
    L,
    R,
    arm,
    flat,
    hand_on,
    leg,
    sit,
)
from tools.pictures.poses.desk import CHAIR, FEET, FEET_FREE, HANDS_FREE, HANDS_ON_KNEES
from tools.pictures.rig import Arm, Leg, Mark, Pose, Root, Spine

_upright = Pose(
    Root(2, SEATED_Y, 0, 0),
    Spine(neck_flexion=-5),
    Leg(90, 4, 4, 90),
    Leg(90, 4, 4, 90),
    Arm(30, 5, 0, 40),
    Arm(30, 5, 0, 40),
)
seated_twist = Picture(
    "seated-twist",
    View.THREE_QUARTER,
    (
        Frame(
            "centre",
            _upright,
            (*sit(), *FEET, hand_on(R, Mark.THIGH, R), hand_on(L, Mark.THIGH, L)),
            ("root.y", *FEET_FREE, *HANDS_FREE),
        ),
        Frame(
            "turned",
            Pose(
                Root(2, SEATED_Y, 0, 0),
                Spine(rotation=45, neck_rotation=30),
                Leg(90, 4, 4, 90),
                Leg(90, 4, 4, 90),
                Arm(-40, 20, 0, 60),
                Arm(40, -20, 0, 30),
            ),
            (
                *sit(),
                *FEET,
                Contact(Mark.HAND, R, Surface.BACKREST, x=-27.5, z=15.5, level=True, lift=2.0),
                hand_on(L, Mark.KNEE, R),
            ),
            ("root.y", *FEET_FREE, *arm(R, *REACH, "shoulder_rotation"), *arm(L, *REACH)),
            (AngleCue("spine.rotation", 30, 45, "turn toward the chair back"),),
        ),
    ),
    CHAIR,
    low_back(),
    arrow=Turn(lift=68.0, radius=26.0),
    per_side=True,
)

_knees = (*sit(), *FEET, *HANDS_ON_KNEES)
HANDS_ON_THIGHS = (hand_on(R, Mark.THIGH, R), hand_on(L, Mark.THIGH, L))
_knees_free = ("root.y", *FEET_FREE, *HANDS_FREE)
seated_cat_cow = Picture(
    "seated-cat-cow",
    View.SIDE,
    (
        Frame(
            "arch",
            Pose(
                Root(4, SEATED_Y, 0, 22),
                Spine(-15, -4, 0, neck_flexion=-5),
                Leg(112, 4, 4, 90),
                Leg(112, 4, 4, 90),
                Arm(40),
                Arm(40),
            ),
            _knees,
            _knees_free,
            (AngleCue("spine.lumbar_flexion", -15, -5, "arch the back"),),
        ),
        Frame(
            "round",
            Pose(
                Root(4, SEATED_Y, 0, -4),
                Spine(30, 15, 10, neck_flexion=35),
                Leg(82, 4, 4, 90),
                Leg(82, 4, 4, 90),
                Arm(40),
                Arm(40),
            ),
            _knees,
            _knees_free,
            (AngleCue("spine.lumbar_flexion", 15, 45, "round the back"),),
        ),
    ),
    CHAIR,
    low_back(),
    arrow=Tilt(radius=30.0, around=62.0),
)

_roll = Pose(
    Root(2, SEATED_Y, 0, 0),
    Spine(neck_flexion=12),
    Leg(88, 0, 0, 65, 0),
    Leg(90, 4, 4, 122),
    Arm(30, 5, 0, 40),
    Arm(30, 5, 0, 40),
)
BALL_X = 60.0
_roll_free = (
    "root.y",
    *leg(R, "hip_flexion", "knee_flexion", "ankle_flexion"),
    *leg(L, *FOOT_FREE),
    *HANDS_FREE,
)
foot_roll = Picture(
    "foot-roll",
    View.SIDE,
    (
        Frame(
            "heel",
            _roll,
            (
                *sit(),
                Contact(Mark.HEEL, R, Surface.BALL, x=BALL_X),
                Contact(Mark.BALL, R, FLOOR, lift=1.5),
                *flat(L),
                *HANDS_ON_THIGHS,
            ),
            _roll_free,
        ),
        Frame(
            "toes",
            _roll,
            (
                *sit(),
                Contact(Mark.BALL, R, Surface.BALL, x=BALL_X),
                Contact(Mark.HEEL, R, FLOOR, lift=1.5),
                *flat(L),
                *HANDS_ON_THIGHS,
            ),
            _roll_free,
        ),
    ),
    CHAIR + props.ball(BALL_X, 9, 4.0),
    sole(R),
    arrow=Shift(Mark.BALL, R, (-4.0, 12.0, 0.0), both_ways=True, axis=(1.0, 0.0, 0.0)),
    per_side=True,
)


PICTURES = (seated_twist, seated_cat_cow, foot_roll)
