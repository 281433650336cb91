"""The desk stretches: on a chair without wheels, seen from whichever side explains them."""

from tools.pictures import props
from tools.pictures.camera import View
from tools.pictures.contacts import Contact, Surface
from tools.pictures.picture import (
    AngleCue,
    Frame,
    HeightCue,
    OverCue,
    Picture,
    ViewCue,
    adductor,
    calf,
    glute,
    hamstring,
    hip_flexor,
    low_back,
)
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
from tools.pictures.rig import Arm, Kind, Leg, Mark, Pose, Root, Spine

CHAIR = props.chair(14)
SEATED = Pose(
    Root(2, SEATED_Y, 0, 0),
    Spine(neck_flexion=-5),
    Leg(90, 4, 4, 90),
    Leg(90, 4, 4, 90),
    Arm(25, 5, 0, 50),
    Arm(25, 5, 0, 50),
)
FEET = flat(R) + flat(L)
FEET_FREE = leg(R, *FOOT_FREE) + leg(L, *FOOT_FREE)
HANDS_ON_KNEES = (hand_on(R, Mark.KNEE, R), hand_on(L, Mark.KNEE, L))
HANDS_FREE = arm(R, *REACH) + arm(L, *REACH)


def seated(pose: Pose, *contacts: Contact, free: tuple[str, ...] = ()) -> tuple[Contact, ...]:
    """Contacts of a seated pose: the seat, plus ``contacts``."""
    del pose, free
    return (*sit(), *contacts)


chair_hamstring = Picture(
    "chair-hamstring",
    View.SIDE,
    (
        Frame(
            "hold",
            Pose(
                Root(6, SEATED_Y, 0, 25),
                Spine(2, 0, 0, neck_flexion=-18),
                Leg(80, 0, 0, 3, 15),
                Leg(115, 4, 4, 90),
                Arm(30, 10, 0, 40),
                Arm(35, 0, 0, 55),
            ),
            (
                *sit(),
                Contact(Mark.HEEL, R, FLOOR),
                *flat(L),
                hand_on(R, Mark.KNEE, R),
                Contact(Mark.HAND, L, on=(Mark.KNEE, L), level=True, face=(1.0, 0.0, -0.4)),
            ),
            (
                "root.y",
                *leg(R, "hip_flexion"),
                *leg(L, *FOOT_FREE),
                *arm(R, *REACH),
                *arm(L, *REACH),
            ),
        ),
    ),
    props.chair(6),
    (hamstring(R),),
    (
        AngleCue("right_leg.knee_flexion", 0, 10, "the leg is straight"),
        AngleCue("right_leg.ankle_flexion", 5, 30, "toes up"),
    ),
    per_side=True,
)

chair_forward_fold = Picture(
    "chair-forward-fold",
    View.SIDE,
    (
        Frame(
            "hold",
            Pose(
                Root(2, SEATED_Y, 0, 30),
                Spine(40, 20, 15, neck_flexion=45),
                Leg(118, 25, 15, 90),
                Leg(118, 25, 15, 90),
                Arm(110, -20, 0, 10),
                Arm(110, -20, 0, 10),
            ),
            (
                *sit(),
                *FEET,
                Contact(Mark.HAND, R, FLOOR, z=4.0, lift=5.0),
                Contact(Mark.HAND, L, FLOOR, z=-4.0, lift=5.0),
            ),
            ("root.y", *FEET_FREE, *HANDS_FREE),
        ),
    ),
    CHAIR,
    low_back(),
    (AngleCue("right_leg.knee_flexion", 75, 105, "knees at about 90 degrees"),),
)

seated_calf = Picture(
    "seated-calf",
    View.SIDE,
    (
        Frame(
            "hold",
            Pose(
                Root(6, SEATED_Y, 0, 8),
                Spine(neck_flexion=-5),
                Leg(62, 0, 0, 0, 28),
                Leg(98, 4, 4, 90),
                Arm(45, 5, 0, 55),
                Arm(45, 5, 0, 55),
            ),
            (*sit(), Contact(Mark.HEEL, R, FLOOR), *flat(L)),
            ("root.y", *leg(R, "hip_flexion"), *leg(L, *FOOT_FREE)),
        ),
    ),
    props.chair(10)
    + props.Props(strap=props.Strap(((Mark.HAND, R), (Mark.HAND, L)), (Mark.BALL, R))),
    (calf(R),),
    (
        AngleCue("right_leg.knee_flexion", 0, 5, "the knee is straight"),
        AngleCue("right_leg.ankle_flexion", 20, 30, "toes pulled toward you"),
    ),
    per_side=True,
)

SIDEWAYS_CHAIR = props.chair(-3, facing_viewer=True)
chair_hip_flexor = Picture(
    "chair-hip-flexor",
    View.SIDE_TURNED,
    (
        Frame(
            "hold",
            Pose(
                Root(2, SEATED_Y, 0, -2),
                Spine(2, 0, 0, neck_flexion=0),
                Leg(-20, 0, 0, 75, 0, 0, 60),
                Leg(92, 4, 4, 90),
                Arm(-5, 25, 0, 60),
                Arm(-30, 15, 50, 120),
            ),
            (
                Contact(Mark.SEAT, L, Surface.SEAT),
                Contact(Mark.TOE, R, FLOOR),
                Contact(Mark.BALL, R, FLOOR),
                *flat(L),
                Contact(Mark.HAND, L, Surface.BACKREST, x=12.0, z=-43.5, lift=0.5),
                Contact(Mark.HAND, R, on=(Mark.HIP, R), face=(0.2, 0.0, 1.0)),
            ),
            (
                "root.y",
                *leg(R, "knee_flexion", "ankle_flexion", "toe_extension"),
                *leg(L, *FOOT_FREE),
                *arm(R, *REACH),
                *arm(L, *REACH, "shoulder_rotation"),
            ),
        ),
    ),
    SIDEWAYS_CHAIR,
    (hip_flexor(R),),
    (
        AngleCue("right_leg.hip_flexion", -20, -10, "the outer thigh goes back"),
        AngleCue("root.pitch", -10, 0, "the tailbone tucked, not arched"),
        HeightCue((Mark.KNEE, R), (Mark.BALL, R), 4, "the knee points down, off the floor"),
    ),
    per_side=True,
)

chair_wide_leg = Picture(
    "chair-wide-leg",
    View.FRONT,
    (
        Frame(
            "hold",
            Pose(
                Root(4, SEATED_Y, 0, 20),
                Spine(0, 0, 0, neck_flexion=-16),
                Leg(112, 35, 10, 90),
                Leg(112, 35, 10, 90),
                Arm(45, 10, 0, 20),
                Arm(45, 10, 0, 20),
            ),
            (*sit(), *flat(R, level=True), *flat(L, level=True), *HANDS_ON_KNEES),
            (
                "root.y",
                *leg(R, *FOOT_FREE, "ankle_inversion"),
                *leg(L, *FOOT_FREE, "ankle_inversion"),
                *HANDS_FREE,
            ),
        ),
    ),
    CHAIR,
    (adductor(R), adductor(L)),
    (
        AngleCue("right_leg.hip_abduction", 25, 45, "feet wide, knees out"),
        OverCue((Mark.KNEE, R), ((Mark.HEEL, R), (Mark.TOE, R)), 8, "knees over the toes"),
        OverCue((Mark.KNEE, L), ((Mark.HEEL, L), (Mark.TOE, L)), 8, "knees over the toes"),
        AngleCue("root.pitch", 15, 35, "hinged forward from the hips"),
        AngleCue("spine.lumbar_flexion", -5, 5, "the back long and flat"),
        ViewCue((Kind.THIGH, R), (Kind.THIGH, L), "the wide legs"),
    ),
)


def _crossed(pitch: float, toes: float) -> Pose:
    return Pose(
        Root(2, SEATED_Y, 0, pitch),
        Spine(neck_flexion=-5),
        Leg(110, 40, 60, 110, 28, 0, toes),
        Leg(80, 4, 4, 70),
        Arm(40, 10, 0, 30),
        Arm(40, 0, 0, 40),
    )


CROSSED_FREE = (
    "root.y",
    *leg(R, "hip_flexion", "hip_abduction", "hip_rotation", "knee_flexion"),
    *leg(L, *FOOT_FREE),
)

chair_figure_four = Picture(
    "chair-figure-four",
    View.THREE_QUARTER,
    (
        Frame(
            "hold",
            _crossed(6, 0),
            (
                *sit(),
                Contact(Mark.ANKLE, R, on=(Mark.KNEE, L)),
                *flat(L),
                hand_on(R, Mark.KNEE, R),
                Contact(Mark.HAND, L, on=(Mark.ANKLE, R)),  # the other hand on the crossed ankle
            ),
            (*CROSSED_FREE, *HANDS_FREE),
        ),
    ),
    CHAIR,
    (glute(R),),
    (
        AngleCue("right_leg.hip_abduction", 20, 45, "the raised knee drops out"),
        AngleCue("right_leg.ankle_flexion", 15, 30, "the foot flexed"),
        ViewCue((Kind.THIGH, R), (Kind.THIGH, L), "the knee out to the side"),
    ),
    per_side=True,
)

PICTURES = (
    chair_hamstring,
    chair_forward_fold,
    seated_calf,
    chair_hip_flexor,
    chair_wide_leg,
    chair_figure_four,
)
