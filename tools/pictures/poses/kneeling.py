"""The kneeling and all-fours stretches, on a mat: lunges, pigeon, child's pose, down dog."""

from tools.pictures import props
from tools.pictures.camera import View
from tools.pictures.contacts import Contact
from tools.pictures.picture import (
    AngleCue,
    Frame,
    HeightCue,
    Picture,
    Shift,
    ViewCue,
    calf,
    glute,
    hamstring,
    hip_flexor,
    low_back,
    sole,
)
from tools.pictures.poses.common import FLOOR, SEAT, L, M, R, arm, hand_on, leg
from tools.pictures.poses.floor import BLANKET, HANDS_FREE, MAT, on_floor
from tools.pictures.rig import Arm, Kind, Leg, Mark, Pose, Root, Spine

KNEE_X, FOOT_X = 0.0, 58.0  # the kneeling knee and the front heel stay put
CHAIR_Z = 54.0  # the chair beside the kneeling (near, right) leg, its seat by the hips
_kneel = (
    Contact(Mark.KNEE, R, BLANKET, x=KNEE_X),
    Contact(Mark.TOE, R, FLOOR),
    Contact(Mark.HEEL, L, FLOOR, x=FOOT_X),
    Contact(Mark.BALL, L, FLOOR),
    Contact(Mark.HAND, R, SEAT, x=-4.0, z=38.0, level=True),
    Contact(Mark.HAND, L, on=(Mark.HIP, L), face=(0.2, 0.0, -1.0)),
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
        Arm(5, 25, 0, 10),
        Arm(-5, 25, 0, 60),
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
    MAT + props.blanket(-12, 12, -2, 22, 6) + props.chair(2, z=CHAIR_Z),
    (hip_flexor(R),),
    (AngleCue("root.pitch", -12, 0, "the tailbone tucked, not arched"),),
    arrow=Shift(Mark.PELVIS, M, (-32.0, -2.0, 0.0), axis=(1.0, 0.0, 0.0)),
    per_side=True,
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
                Contact(Mark.HAND, R, FLOOR, x=64.0, z=24.0, lift=4.5),
                Contact(Mark.HAND, L, FLOOR, x=60.0, z=-14.0, lift=4.5),
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
    View.SIDE_ABOVE,
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
                *on_floor((Mark.KNEE, R), (Mark.KNEE, L), (Mark.HEAD, M)),
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
                Leg(80, 5, 0, 25, 15, 0, 40),
                Leg(80, 5, 0, 25, 15, 0, 40),
                Arm(175, 15, 0, 0, -60),
                Arm(175, 15, 0, 0, -60),
            ),
            # Hands and feet carry the body: placed together, the arms in line with the back.
            (
                *on_floor((Mark.BALL, R), (Mark.BALL, L), (Mark.TOE, R), (Mark.TOE, L)),
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
            (
                Contact(Mark.KNEE, R, BLANKET),
                Contact(Mark.KNEE, L, BLANKET),
                *on_floor((Mark.TOE, R), (Mark.TOE, L), (Mark.BALL, R), (Mark.BALL, L)),
                hand_on(R, Mark.THIGH, R),
                hand_on(L, Mark.THIGH, L),
            ),
            (
                "root.y",
                "root.x",
                *leg(R, "hip_flexion", "ankle_flexion", "toe_extension"),
                *leg(L, "hip_flexion", "ankle_flexion", "toe_extension"),
                *HANDS_FREE,
            ),
        ),
    ),
    MAT + props.blanket(4, 46, -24, 24, 5),  # the kneecaps on it, the toes behind on the mat
    (*sole(R), *sole(L)),
    (AngleCue("right_leg.toe_extension", 40, 80, "toes tucked under"),),
)

PICTURES = (kneeling_hip_flexor, pigeon, childs_pose, downward_dog, kneeling_toe_stretch)
