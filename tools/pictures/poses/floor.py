"""The floor stretches, on a mat: sitting, kneeling and lying, framed to fill the picture."""

from tools.pictures import props
from tools.pictures.camera import View
from tools.pictures.contacts import Contact, Surface
from tools.pictures.picture import (
    AngleCue,
    Frame,
    HeightCue,
    Picture,
    Shift,
    ViewCue,
    adductor,
    calf,
    glute,
    hamstring,
    hip_flexor,
    low_back,
    sole,
)
from tools.pictures.poses.common import FLOOR, REACH, L, M, R, arm, hand_on, leg
from tools.pictures.rig import Arm, Kind, Leg, Mark, Pose, Root, Spine

MAT = props.MAT
HANDS_FREE = arm(R, *REACH) + arm(L, *REACH)
BLANKET = Surface.BLANKET
BACKREST = Surface.BACKREST


def _on_floor(*marks: tuple[Mark, object]) -> tuple[Contact, ...]:
    return tuple(Contact(m, s, FLOOR) for m, s in marks)  # type: ignore[arg-type]


seated_forward_fold = Picture(
    "seated-forward-fold",
    View.SIDE,
    (
        Frame(
            "hold",
            Pose(
                Root(0, 20, 0, 30),
                Spine(10, 6, 4, neck_flexion=10),
                Leg(118, 12, 0, 15, 5),
                Leg(118, 12, 0, 15, 5),
                Arm(60, 8, 0, 20),
                Arm(60, 8, 0, 20),
            ),
            (
                Contact(Mark.SEAT, R, BLANKET),
                Contact(Mark.SEAT, L, BLANKET),
                Contact(Mark.HEEL, R, FLOOR),
                Contact(Mark.HEEL, L, FLOOR),
                hand_on(R, Mark.SHIN, R),
                hand_on(L, Mark.SHIN, L),
            ),
            ("root.y", *leg(R, "hip_flexion"), *leg(L, "hip_flexion"), *HANDS_FREE),
        ),
    ),
    MAT + props.blanket(-26, 10, -24, 24),
    (hamstring(R), hamstring(L), *low_back()),
    (AngleCue("right_leg.knee_flexion", 5, 25, "knees soft"),),
)

KNEE_X, FOOT_X = 0.0, 58.0  # the kneeling knee and the front heel stay put
_kneel = (
    Contact(Mark.KNEE, R, BLANKET, x=KNEE_X),
    Contact(Mark.TOE, R, FLOOR),
    Contact(Mark.HEEL, L, FLOOR, x=FOOT_X),
    Contact(Mark.BALL, L, FLOOR),
    Contact(Mark.HAND, L, BACKREST, x=48.0, z=-56.5, lift=0.5),
    Contact(Mark.HAND, R, on=(Mark.HIP, R), face=(0.2, 0.0, 1.0)),
)
_kneel_free = (
    "root.y",
    *leg(R, "hip_flexion", "knee_flexion", "ankle_flexion"),
    *leg(L, "hip_flexion", "knee_flexion", "ankle_flexion"),
    *HANDS_FREE,
)


def _kneeling(x: float, pitch: float) -> Pose:
    return Pose(
        Root(x, 52, 0, pitch),
        Spine(4, 0, 0, neck_flexion=-4),
        Leg(-5, 0, 0, 90, -40),
        Leg(85, 0, 0, 90),
        Arm(-5, 25, 0, 60),
        Arm(30, 20, 0, 20),
    )


kneeling_hip_flexor = Picture(
    "kneeling-hip-flexor",
    View.SIDE_TURNED,
    (
        Frame("upright", _kneeling(2, -4), _kneel, _kneel_free),
        Frame(
            "forward",
            _kneeling(10, -4),
            _kneel,
            _kneel_free,
            (AngleCue("right_leg.hip_flexion", -20, -10, "hips forward, the back hip opens"),),
        ),
    ),
    MAT + props.blanket(-12, 12, -2, 22, 6) + props.chair(-16, z=64, facing_viewer=True),
    (hip_flexor(R),),
    (AngleCue("root.pitch", -12, 0, "the tailbone tucked, not arched"),),
    arrow=Shift(Mark.PELVIS, M, (20.0, -28.0, 30.0), axis=(1.0, 0.0, 0.0)),
    per_side=True,
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
    View.FRONT,
    (
        Frame(
            "hold",
            Pose(
                Root(0, 18, 0, 8),
                Spine(2, 0, 0, neck_flexion=-5),
                Leg(62, 42, 42, 120, 0, 25),
                Leg(62, 42, 42, 120, 0, 25),
                Arm(50, 0, 0, 30),
                Arm(50, 0, 0, 30),
            ),
            (
                Contact(Mark.SEAT, R, BLANKET),
                Contact(Mark.SEAT, L, BLANKET),
                Contact(Mark.BALL, R, FLOOR, z=3.5, lift=1.5),
                Contact(Mark.BALL, L, FLOOR, z=-3.5, lift=1.5),
                Contact(Mark.HEEL, R, FLOOR, z=7.0, lift=2.5),
                Contact(Mark.HEEL, L, FLOOR, z=-7.0, lift=2.5),
                hand_on(R, Mark.ANKLE, R),
                hand_on(L, Mark.ANKLE, L),
            ),
            (*_butterfly_free, *HANDS_FREE),
        ),
    ),
    MAT + props.blanket(-26, 6, -22, 22, 7),
    (adductor(R), adductor(L)),
    (
        AngleCue("right_leg.hip_abduction", 30, 45, "knees drop out"),
        ViewCue((Kind.THIGH, R), (Kind.THIGH, L), "the knees open"),
    ),
)

pigeon = Picture(
    "pigeon",
    View.PIGEON,
    (
        Frame(
            "hold",
            Pose(
                Root(0, 20, 0, 53, 0, 10),
                Spine(-10, -5, -5, neck_flexion=-30),
                Leg(125, 0, 60, 146, 10, 35, -30),
                Leg(-20, 0, 0, 17, -50, 0, 0),
                Arm(60, 10, 0, 5),
                Arm(60, 10, 0, 5),
            ),
            # The front hip on the blanket, the front knee on the mat and the shin across in
            # front of the body; the back leg long with the top of its foot down; the hands on
            # their fingertips either side of the front knee.
            (
                Contact(Mark.PELVIS, M, BLANKET, lift=0.5),
                Contact(Mark.KNEE, R, FLOOR),
                Contact(Mark.TOE, L, FLOOR, lift=0.8),
                Contact(Mark.HAND, R, FLOOR, x=54.0, z=34.0, lift=4.5),
                Contact(Mark.HAND, L, FLOOR, x=50.0, z=-12.0, lift=4.5),
            ),
            (
                "root.y",
                *leg(L, "ankle_flexion"),
                *HANDS_FREE,
            ),
        ),
    ),
    MAT + props.blanket(-26, -2, -1, 26, 11),
    (glute(R), hip_flexor(L)),
    (
        AngleCue("left_leg.knee_flexion", 0, 20, "the back leg long on the mat"),
        AngleCue("right_leg.ankle_flexion", 0, 30, "the front foot flexed"),
        ViewCue((Kind.SHIN, R), (Kind.THIGH, R), "the front shin angled"),
    ),
    per_side=True,
)


childs_pose = Picture(
    "childs-pose",
    View.SIDE_HIGH,
    (
        Frame(
            "hold",
            Pose(
                Root(0, 27, 0, 70),
                Spine(30, 15, 10, neck_flexion=15),
                Leg(120, 20, 0, 148, -50),
                Leg(120, 20, 0, 148, -50),
                Arm(170, 22, 0, 0),
                Arm(170, 22, 0, 0),
            ),
            (
                *_on_floor((Mark.KNEE, R), (Mark.KNEE, L), (Mark.HEAD, M)),
                Contact(Mark.TOE, R, FLOOR, lift=0.5),
                Contact(Mark.TOE, L, FLOOR, lift=0.5),
                Contact(Mark.HAND, R, FLOOR, level=True),
                Contact(Mark.HAND, L, FLOOR, level=True),
            ),
            (
                "root.y",
                "root.pitch",
                "spine.lumbar_flexion",
                "spine.thorax_flexion",
                "spine.neck_flexion",
                *leg(R, "hip_flexion", "ankle_flexion"),
                *leg(L, "hip_flexion", "ankle_flexion"),
                *arm(R, "shoulder_flexion", "elbow_flexion", "wrist_extension"),
                *arm(L, "shoulder_flexion", "elbow_flexion", "wrist_extension"),
            ),
        ),
    ),
    MAT,
    (*low_back(), glute(R)),
    (
        HeightCue((Mark.PELVIS, M), (Mark.HEEL, R), 4, "hips back over the heels"),
        AngleCue("right_leg.knee_flexion", 130, 150, "kneeling, sitting back"),
    ),
)

downward_dog = Picture(
    "downward-dog",
    View.SIDE,
    (
        Frame(
            "hold",
            Pose(
                Root(0, 95, 0, 125),
                Spine(neck_flexion=-5),
                Leg(80, 5, 0, 15, 15, 0, 40),
                Leg(80, 5, 0, 15, 15, 0, 40),
                Arm(175, 15, 0, 0, -60),
                Arm(175, 15, 0, 0, -60),
            ),
            # Hands and feet carry the body: placed together, the arms in line with the back.
            (
                *_on_floor((Mark.BALL, R), (Mark.BALL, L), (Mark.TOE, R), (Mark.TOE, L)),
                Contact(Mark.HAND, R, FLOOR, level=True, bears=True),
                Contact(Mark.HAND, L, FLOOR, level=True, bears=True),
            ),
            (
                "root.y",
                "root.pitch",
                *leg(R, "hip_flexion", "ankle_flexion", "toe_extension"),
                *leg(L, "hip_flexion", "ankle_flexion", "toe_extension"),
                *arm(R, "wrist_extension"),
                *arm(L, "wrist_extension"),
            ),
        ),
    ),
    MAT,
    (calf(R), calf(L), hamstring(R), hamstring(L)),
    (AngleCue("right_leg.knee_flexion", 0, 35, "knees a little bent at most"),),
)

kneeling_toe_stretch = Picture(
    "kneeling-toe-stretch",
    View.SIDE,
    (
        Frame(
            "hold",
            Pose(
                Root(0, 45, 0, 0),
                Spine(neck_flexion=-5),
                Leg(50, 8, 0, 150, 0, 0, 70),
                Leg(50, 8, 0, 150, 0, 0, 70),
                Arm(12, 18, 0, 25, 20),
                Arm(12, 18, 0, 25, 20),
            ),
            _on_floor(
                (Mark.KNEE, R),
                (Mark.KNEE, L),
                (Mark.TOE, R),
                (Mark.TOE, L),
                (Mark.BALL, R),
                (Mark.BALL, L),
            ),
            (
                "root.y",
                "root.x",
                *leg(R, "hip_flexion", "ankle_flexion", "toe_extension"),
                *leg(L, "hip_flexion", "ankle_flexion", "toe_extension"),
            ),
        ),
    ),
    MAT,
    (*sole(R), *sole(L)),
    (AngleCue("right_leg.toe_extension", 40, 80, "toes tucked under"),),
)

PICTURES = (
    seated_forward_fold,
    kneeling_hip_flexor,
    seated_wide_leg,
    butterfly,
    pigeon,
    childs_pose,
    downward_dog,
    kneeling_toe_stretch,
)
