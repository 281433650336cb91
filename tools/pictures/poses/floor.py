"""The floor stretches sitting on a mat (the kneeling and lying ones have tables of their own)."""

from tools.pictures import props
from tools.pictures.camera import View
from tools.pictures.contacts import Contact, Surface
from tools.pictures.picture import (
    AngleCue,
    Frame,
    Picture,
    ViewCue,
    adductor,
    hamstring,
)
from tools.pictures.poses.common import FLOOR, REACH, L, R, arm, hand_on, leg
from tools.pictures.rig import Arm, Kind, Leg, Mark, Pose, Root, Spine

MAT = props.MAT
HANDS_FREE = arm(R, *REACH) + arm(L, *REACH)
BLANKET = Surface.BLANKET


def on_floor(*marks: tuple[Mark, object]) -> tuple[Contact, ...]:
    """Marks resting on the floor."""
    return tuple(Contact(m, s, FLOOR) for m, s in marks)  # type: ignore[arg-type]


seated_forward_fold = Picture(
    "seated-forward-fold",
    View.SIDE,
    (
        Frame(
            "hold",
            Pose(
                Root(0, 20, 0, 32),
                Spine(6, 3, 2, neck_flexion=6),
                Leg(118, 12, 0, 22, 25),
                Leg(118, 12, 0, 22, 25),
                Arm(40, 8, 0, 20),
                Arm(40, 8, 0, 20),
            ),
            (
                Contact(Mark.SEAT, R, BLANKET),
                Contact(Mark.SEAT, L, BLANKET),
                Contact(Mark.HEEL, R, FLOOR),
                Contact(Mark.HEEL, L, FLOOR),
                Contact(Mark.HAND, R, on=(Mark.KNEE, R), level=True),
                Contact(Mark.HAND, L, on=(Mark.KNEE, L), level=True),
            ),
            ("root.y", *leg(R, "hip_flexion"), *leg(L, "hip_flexion"), *HANDS_FREE),
        ),
    ),
    MAT + props.blanket(-26, 10, -24, 24),
    (hamstring(R), hamstring(L)),  # only the hamstrings: "not in the low back"
    (
        AngleCue("right_leg.knee_flexion", 5, 25, "knees soft"),
        AngleCue("spine.lumbar_flexion", 0, 12, "a long spine, the low back not rounded"),
    ),
)

seated_wide_leg = Picture(
    "seated-wide-leg",
    View.FRONT_RAISED,
    (
        Frame(
            "hold",
            Pose(
                Root(0, 19, 0, 26),
                Spine(2, 0, 0, neck_flexion=-4),
                Leg(112, 42, 0, 0, 10),
                Leg(112, 42, 0, 0, 10),
                Arm(70, 10, 0, 10),
                Arm(70, 10, 0, 10),
            ),
            (
                Contact(Mark.SEAT, R, BLANKET),
                Contact(Mark.SEAT, L, BLANKET),
                Contact(Mark.HEEL, R, FLOOR),
                Contact(Mark.HEEL, L, FLOOR),
                Contact(Mark.HAND, R, FLOOR, x=42.0, z=12.0, level=True),
                Contact(Mark.HAND, L, FLOOR, x=42.0, z=-12.0, level=True),
            ),
            ("root.y", *leg(R, "hip_flexion"), *leg(L, "hip_flexion"), *HANDS_FREE),
        ),
    ),
    MAT + props.blanket(-24, 6, -20, 20, 7),
    (adductor(R), adductor(L)),
    (
        AngleCue("right_leg.hip_abduction", 30, 45, "legs open wide"),
        AngleCue("right_leg.knee_flexion", 0, 10, "knees up, legs long"),
        ViewCue((Kind.THIGH, R), (Kind.THIGH, L), "the wide legs"),
    ),
)

_FOLDED = (
    "hip_flexion",
    "hip_abduction",
    "hip_rotation",
    "knee_flexion",
    "ankle_flexion",
    "ankle_inversion",
)
_butterfly_free = ("root.y", *leg(R, *_FOLDED), *leg(L, *_FOLDED))
butterfly = Picture(
    "butterfly",
    View.FRONT_ABOVE,
    (
        Frame(
            "hold",
            Pose(
                Root(0, 18, 0, 8),
                Spine(2, 0, 0, neck_flexion=-5),
                Leg(62, 42, 42, 120, 0, 25),
                Leg(62, 42, 42, 120, 0, 25),
                Arm(25, 35, -20, 60),
                Arm(25, 35, -20, 60),
            ),
            (
                Contact(Mark.SEAT, R, BLANKET),
                Contact(Mark.SEAT, L, BLANKET),
                Contact(Mark.BALL, R, FLOOR, z=3.2, lift=0.5),
                Contact(Mark.BALL, L, FLOOR, z=-3.2, lift=0.5),
                Contact(Mark.HEEL, R, FLOOR, z=3.6, lift=0.5),
                Contact(Mark.HEEL, L, FLOOR, z=-3.6, lift=0.5),
                hand_on(R, Mark.ANKLE, R),
                hand_on(L, Mark.ANKLE, L),
            ),
            (
                *_butterfly_free,
                *arm(R, *REACH, "shoulder_rotation"),
                *arm(L, *REACH, "shoulder_rotation"),
            ),
        ),
    ),
    MAT + props.blanket(-30, 4, -26, 26, 8),
    (adductor(R), adductor(L)),
    (
        AngleCue("right_leg.hip_abduction", 30, 45, "knees drop out"),
        ViewCue((Kind.THIGH, R), (Kind.THIGH, L), "the knees open"),
    ),
)

PICTURES = (seated_forward_fold, seated_wide_leg, butterfly)
