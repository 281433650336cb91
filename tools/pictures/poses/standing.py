"""The standing stretches: at the desk, on a step, and the march warm-up."""

from tools.pictures import props
from tools.pictures.camera import View
from tools.pictures.contacts import Contact, Surface
from tools.pictures.picture import (
    AngleCue,
    Detail,
    Frame,
    HeightCue,
    OverCue,
    Picture,
    Shift,
    ViewCue,
    adductor,
    calf,
    hamstring,
    hip_flexor,
    quadriceps,
    sole,
    soleus,
)
from tools.pictures.poses.common import (
    DESK,
    FLOOR,
    FOOT_FREE,
    REACH,
    L,
    M,
    R,
    arm,
    flat,
    leg,
)
from tools.pictures.rig import Arm, Kind, Leg, Mark, Pose, Root, Spine

DESK_X = 48.0
AT_DESK = props.desk(DESK_X)
HANDS_ON_DESK = (
    Contact(Mark.HAND, R, DESK, x=DESK_X + 8, level=True),
    Contact(Mark.HAND, L, DESK, x=DESK_X + 8, level=True),
)
BOTH_REACH = arm(R, *REACH) + arm(L, *REACH)
STAND_FREE = ("root.y", *leg(R, *FOOT_FREE), *leg(L, *FOOT_FREE))

HINGE_DESK = props.desk(52, height=76, half=40)
standing_hamstring = Picture(
    "standing-hamstring",
    View.SIDE,
    (
        Frame(
            "hold",
            Pose(
                Root(-16, 82, 0, 40),
                Spine(2, 0, 0, neck_flexion=-26),
                Leg(72, 0, 0, 0, 20),
                Leg(34, 0, 0, 40, 12),
                Arm(60, 8, 0, 10),
                Arm(30, 5, 0, 20),
            ),
            (
                Contact(Mark.HEEL, R, FLOOR),
                Contact(Mark.HEEL, L, FLOOR, x=-34.0),
                Contact(Mark.BALL, L, FLOOR),
                Contact(Mark.HAND, L, DESK, x=56.0, level=True),
                Contact(Mark.HAND, R, on=(Mark.THIGH, R), level=True),
            ),
            ("root.y", *leg(R, "hip_flexion"), *leg(L, *FOOT_FREE), *BOTH_REACH),
        ),
    ),
    HINGE_DESK,
    (hamstring(R), calf(R, faint=True)),
    (
        AngleCue("right_leg.knee_flexion", 0, 8, "the front leg straight"),
        AngleCue("right_leg.ankle_flexion", 10, 30, "toes up"),
        AngleCue("left_leg.knee_flexion", 20, 90, "the back knee bent"),
        AngleCue("spine.lumbar_flexion", -5, 10, "the spine long"),
    ),
    per_side=True,
)


def _calf(back_knee: float, back_ankle: float, front_knee: float) -> Pose:
    return Pose(
        Root(0, 86, 0, 34),
        Spine(neck_flexion=-18),
        Leg(12, 0, 0, back_knee, back_ankle),
        Leg(60, 0, 0, front_knee, 10),
        Arm(60, 8, 0, 10),
        Arm(60, 8, 0, 10),
    )


CALF_FREE = ("root.y", "root.x", *leg(R, "hip_flexion", "ankle_flexion"), *leg(L, *FOOT_FREE))
desk_calf = Picture(
    "desk-calf",
    View.SIDE,
    (
        Frame(
            "hold",
            _calf(0, 18, 35),
            (*flat(R), *flat(L), *HANDS_ON_DESK),
            (*CALF_FREE, *BOTH_REACH),
        ),
    ),
    AT_DESK,
    (calf(R),),
    (AngleCue("right_leg.knee_flexion", 0, 5, "the back knee straight"),),
    per_side=True,
)

bent_knee_calf = Picture(
    "bent-knee-calf",
    View.SIDE,
    (
        Frame(
            "hold",
            _calf(48, 28, 45),
            (*flat(R), *flat(L), *HANDS_ON_DESK),
            (*CALF_FREE, *BOTH_REACH),
        ),
    ),
    AT_DESK,
    (soleus(R),),
    (AngleCue("right_leg.knee_flexion", 35, 60, "the back knee bent"),),
    per_side=True,
)

STEP = props.step(0.0)
BALL_X = 6.0  # the working foot's ball just on the edge, its back half over the drop
# Both soles on the tread, the hips over the balls of the feet with a slight forward lean
# (the body tips forward from the ankle, so the heel can still sink), a hand on the rail.
_step_contacts = (
    Contact(Mark.BALL, R, Surface.STEP, x=BALL_X, lift=0.3),
    Contact(Mark.HEEL, L, Surface.STEP),
    Contact(Mark.BALL, L, Surface.STEP, x=32.0),
    Contact(Mark.HAND, R, Surface.RAIL, x=20.0, z=27.0, level=True, lift=1.0),
)
_step_free = (
    "root.y",
    *leg(R, "hip_flexion"),
    *leg(L, "hip_flexion", "knee_flexion", "ankle_flexion"),
    *arm(R, *REACH),
)


def _heel(ankle: float, other_knee: float, toes: float = 0.0) -> Pose:
    return Pose(
        Root(5, 108, 0, 4),
        Spine(neck_flexion=-6),
        Leg(0, 0, 0, 0, ankle, 0, toes),
        Leg(8, 0, 0, other_knee, 0),
        Arm(30, 20, 0, 40),
        Arm(5, 8, 0, 15),
    )


step_heel_drop = Picture(
    "step-heel-drop",
    View.SIDE,
    (
        Frame("level", _heel(9, 3), _step_contacts, _step_free),
        Frame(
            "down",
            _heel(29, 20),
            _step_contacts,
            _step_free,
            (
                AngleCue("right_leg.ankle_flexion", 20, 30, "the heel sinks below the step"),
                HeightCue((Mark.BALL, R), (Mark.HEEL, R), 5, "the heel below the edge"),
            ),
        ),
    ),
    STEP,
    (calf(R),),
    (AngleCue("right_leg.knee_flexion", 0, 5, "the knee straight"),),
    arrow=Shift(Mark.HEEL, R, (-14.0, 0.0, 8.0), axis=(0.0, 1.0, 0.0)),
    per_side=True,
)

LUNGE_DESK = props.desk(26, height=80, inset=18)  # its legs ahead of the front toes
BACK_BALL, FRONT_HEEL = -30.0, 16.0  # the feet stay where they are while the hips shift
_lunge_hands = (
    Contact(Mark.HAND, R, DESK, x=30, level=True, lift=0.5),
    Contact(Mark.HAND, L, DESK, x=30, level=True, lift=0.5),
)
_lunge_feet = (
    Contact(Mark.BALL, R, FLOOR, x=BACK_BALL),
    Contact(Mark.TOE, R, FLOOR),
    Contact(Mark.HEEL, L, FLOOR, x=FRONT_HEEL),
    Contact(Mark.BALL, L, FLOOR),
)
_lunge_free = (
    "root.y",
    *leg(R, "knee_flexion", "ankle_flexion", "toe_extension"),
    *leg(L, *FOOT_FREE),
    *BOTH_REACH,
)


def _lunge(x: float, back_hip: float, back_knee: float, front_knee: float) -> Pose:
    return Pose(
        Root(x, 86, 0, -6),
        Spine(6, 0, 0, neck_flexion=-4),
        Leg(back_hip, 0, 0, back_knee, -10, 0, 40),
        Leg(30, 0, 0, front_knee),
        Arm(30, 5, 0, 30),
        Arm(30, 10, 0, 30),
    )


standing_hip_flexor = Picture(
    "standing-hip-flexor",
    View.SIDE,
    (
        Frame("upright", _lunge(-6, -10, 25, 20), (*_lunge_feet, *_lunge_hands), _lunge_free),
        Frame(
            "forward",
            _lunge(3, -20, 20, 40),
            (*_lunge_feet, *_lunge_hands),
            _lunge_free,
            (AngleCue("right_leg.hip_flexion", -20, -10, "the back hip opens"),),
        ),
    ),
    LUNGE_DESK,
    (hip_flexor(R),),
    (AngleCue("root.pitch", -12, 0, "the tailbone tucked, not arched"),),
    arrow=Shift(Mark.PELVIS, M, (-30.0, -4.0, 0.0), axis=(1.0, 0.0, 0.0)),
    per_side=True,
)

standing_quad_hip = Picture(
    "standing-quad-hip",
    View.SIDE,
    (
        Frame(
            "hold",
            Pose(
                Root(0, 93, 0, -3),
                Spine(3, 0, 0, neck_flexion=0),
                Leg(-5, 0, 0, 140, -40),
                Leg(-5),
                Arm(-40, 10, 0, 20),
                Arm(60, 5, 0, 20),
            ),
            (
                *flat(L),
                Contact(Mark.HAND, R, on=(Mark.ANKLE, R), grip=True),
                Contact(Mark.HAND, L, DESK, x=20, level=True),
            ),
            (
                "root.y",
                *leg(L, "hip_flexion", "ankle_flexion"),
                *arm(R, *REACH, "shoulder_rotation"),
                *arm(L, *REACH),
            ),
        ),
    ),
    props.desk(12, height=80, inset=18),  # its legs clear of the standing foot
    (quadriceps(R),),
    (
        AngleCue("right_leg.hip_flexion", -20, 5, "the knees together"),
        AngleCue("right_leg.knee_flexion", 110, 150, "the knee bent behind"),
    ),
    per_side=True,
)

SIDE_DESK_Z = -92.0
standing_side_lunge = Picture(
    "standing-side-lunge",
    View.FRONT,
    (
        Frame(
            "hold",
            Pose(
                Root(-4, 68, -26, 18),  # low enough for the bent knee to show
                Spine(2, 0, 0, neck_flexion=-12),
                Leg(15, 45, 35, 0, 0, -15),
                Leg(50, 25, 8, 80, 10),
                Arm(8, 12, 0, 15),
                Arm(20, 20, 0, 20),
            ),
            (
                *flat(R, level=True),
                *flat(L, level=True),
                Contact(Mark.HAND, L, DESK, x=-6.0, z=SIDE_DESK_Z + 22, level=True, lift=0.5),
            ),
            (
                *leg(R, "hip_abduction", "ankle_flexion", "ankle_inversion"),
                *leg(L, *FOOT_FREE, "ankle_inversion"),
                *arm(L, *REACH),
            ),
        ),
    ),
    props.desk(-14, 74, SIDE_DESK_Z, 26),
    (adductor(R),),
    (
        AngleCue("right_leg.knee_flexion", 0, 5, "the other leg straight"),
        AngleCue("left_leg.knee_flexion", 60, 100, "one knee bent"),
        OverCue((Mark.KNEE, L), ((Mark.HEEL, L), (Mark.TOE, L)), 10, "the bent knee over its toes"),
        ViewCue((Kind.THIGH, R), (Kind.THIGH, L), "feet wide"),
    ),
    per_side=True,
)

_march = (Contact(Mark.HEEL, R, FLOOR), Contact(Mark.BALL, R, FLOOR))
march_in_place = Picture(
    "march-in-place",
    View.SIDE,
    (
        Frame(
            "left-knee-up",
            Pose(
                Root(0, 93, 0, 0),
                Spine(),
                Leg(0),
                Leg(75, 0, 0, 85, -10),
                Arm(35, 8, 0, 70),
                Arm(-30, 8, 0, 30),
            ),
            _march,
            ("root.y", *leg(R, "hip_flexion", "ankle_flexion")),
        ),
        Frame(
            "right-knee-up",
            Pose(
                Root(0, 93, 0, 0),
                Spine(),
                Leg(75, 0, 0, 85, -10),
                Leg(0),
                Arm(-30, 8, 0, 30),
                Arm(35, 8, 0, 70),
            ),
            (Contact(Mark.HEEL, L, FLOOR), Contact(Mark.BALL, L, FLOOR)),
            ("root.y", *leg(L, "hip_flexion", "ankle_flexion")),
        ),
    ),
    props.desk(56, 74, -50, 30),  # its legs clear of the raised foot
    arrow=Shift(Mark.KNEE, R, (18.0, -6.0, 0.0), both_ways=True, axis=(0.0, 1.0, 0.0)),
)

TOE_WALL_X = 40.0
# Facing a wall, hands on it: the front foot's heel on the floor and its toes up against the
# wall, bent back toward the shin; the back foot flat, a step behind. The toes are small on the
# whole figure: a close-up from the same side shows them flat against the wall.
sole_stretch = Picture(
    "sole-stretch",
    View.SIDE,
    (
        Frame(
            "hold",
            Pose(
                Root(0, 90, 0, 6),
                Spine(neck_flexion=-6),
                Leg(25, 0, 0, 10, 30, 0, 60),
                Leg(-10, 0, 0, 5, 0),
                Arm(100, 10, 0, 60),
                Arm(100, 10, 0, 60),
            ),
            (
                Contact(Mark.HEEL, R, FLOOR),
                Contact(Mark.BALL, R, Surface.WALL),
                Contact(Mark.TOE, R, Surface.WALL),
                *flat(L),
                Contact(Mark.HAND, R, Surface.WALL, y=135.0, z=16.0, level=True),
                Contact(Mark.HAND, L, Surface.WALL, y=135.0, z=-16.0, level=True),
            ),
            (
                "root.y",
                "root.x",
                *leg(R, "hip_flexion", "knee_flexion", "ankle_flexion", "toe_extension"),
                *leg(L, *FOOT_FREE),
                *BOTH_REACH,
            ),
        ),
    ),
    props.wall(TOE_WALL_X),
    sole(R),
    (
        AngleCue("right_leg.toe_extension", 40, 80, "toes bent back against the wall"),
        AngleCue("right_leg.knee_flexion", 0, 15, "the front knee almost straight"),
    ),
    per_side=True,
    detail=Detail(((Mark.TOE, R), (Mark.HEEL, R), (Mark.ANKLE, R)), View.SIDE, 44.0),
)

PICTURES = (
    sole_stretch,
    standing_hamstring,
    desk_calf,
    bent_knee_calf,
    step_heel_drop,
    standing_hip_flexor,
    standing_quad_hip,
    standing_side_lunge,
    march_in_place,
)
