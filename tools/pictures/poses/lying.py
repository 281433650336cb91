"""The floor stretches done lying on the back: legs up the wall, the strap, knees to chest."""

from tools.pictures import props
from tools.pictures.camera import View
from tools.pictures.contacts import Contact, Surface
from tools.pictures.picture import (
    AngleCue,
    Frame,
    Picture,
    Spread,
    adductor,
    glute,
    hamstring,
    low_back,
)
from tools.pictures.poses.common import FLOOR, FOOT_FREE, REACH, L, R, arm, flat, leg, lying
from tools.pictures.poses.floor import HANDS_FREE, MAT
from tools.pictures.rig import Arm, Leg, Mark, Pose, Root, Side, Spine

WALL_X = 14.0


def _wall(spread: float) -> Frame:
    return Frame(
        "wide" if spread > 20 else "up",
        Pose(
            Root(0, 12, 0, -90),
            Spine(neck_flexion=5),
            Leg(82, spread, 0, 10),
            Leg(82, spread, 0, 10),
            Arm(0, 40, 0, 15),
            Arm(0, 40, 0, 15),
        ),
        (
            *lying(),
            Contact(Mark.HEEL, R, Surface.WALL),
            Contact(Mark.HEEL, L, Surface.WALL),
            Contact(Mark.HAND, R, FLOOR, level=True),
            Contact(Mark.HAND, L, FLOOR, level=True),
            Contact(Mark.ELBOW, R, FLOOR),
            Contact(Mark.ELBOW, L, FLOOR),
        ),
        (
            "root.y",
            "root.x",
            "spine.lumbar_flexion",
            "spine.upper_flexion",
            "spine.neck_flexion",
            *leg(R, "knee_flexion"),
            *leg(L, "knee_flexion"),
            *HANDS_FREE,
        ),
        (AngleCue("right_leg.hip_abduction", 25, 45, "the legs open into a wide V"),)
        if spread > 20
        else (),
    )


legs_up_the_wall = Picture(
    "legs-up-the-wall",
    View.WALL,
    (_wall(4), _wall(32)),
    MAT + props.wall(WALL_X),
    (hamstring(R), hamstring(L), adductor(R), adductor(L)),
    (AngleCue("right_leg.knee_flexion", 3, 25, "knees soft"),),
    arrow=Spread(Mark.ANKLE, 10.0),
)


lying_strap_hamstring = Picture(
    "lying-strap-hamstring",
    View.SIDE,
    (
        Frame(
            "hold",
            Pose(
                Root(0, 12, 0, -90),
                Spine(neck_flexion=5),
                Leg(78, 0, 0, 8, 15),
                Leg(50, 4, 0, 95, 0),
                Arm(0, 55, 0, 95),
                Arm(0, 55, 0, 95),
            ),
            (
                *lying(),
                *flat(L),
                Contact(Mark.ELBOW, R, FLOOR),
                Contact(Mark.ELBOW, L, FLOOR),
            ),
            (
                "root.y",
                "spine.lumbar_flexion",
                "spine.upper_flexion",
                "spine.neck_flexion",
                *leg(L, *FOOT_FREE),
                *arm(R, "shoulder_flexion", "elbow_flexion"),
                *arm(L, "shoulder_flexion", "elbow_flexion"),
            ),
        ),
    ),
    MAT + props.Props(strap=props.Strap(((Mark.HAND, R), (Mark.HAND, L)), (Mark.BALL, R))),
    (hamstring(R),),
    (
        AngleCue("right_leg.knee_flexion", 0, 15, "knee nearly straight"),
        AngleCue("right_leg.ankle_flexion", 5, 30, "the foot flexed against the towel"),
        AngleCue("left_leg.knee_flexion", 60, 120, "the other knee bent, foot flat"),
    ),
    per_side=True,
)


def behind(side: Side, outer: float = 0.8) -> tuple[float, float, float]:
    """The back of a thigh, a little toward its outer side (where a hand holds it)."""
    return (-0.6, 0.0, outer * float(side))


knees_to_chest = Picture(
    "knees-to-chest",
    View.SIDE,
    (
        Frame(
            "hold",
            Pose(
                Root(0, 12, 0, -110),
                Spine(20, 0, 0, neck_flexion=8),
                Leg(118, 10, 0, 128, -25),
                Leg(118, 10, 0, 128, -25),
                Arm(30, 45, -60, 120),
                Arm(30, 45, -60, 120),
            ),
            # The hands clasped behind the thighs near the knee crease, elbows bent and out,
            # the shins relaxed: the grip that spares a sore knee.
            (
                *lying(),
                Contact(Mark.HAND, R, on=(Mark.THIGH, R), face=behind(R, 0.3)),
                Contact(Mark.HAND, L, on=(Mark.THIGH, L), face=behind(L, 0.3)),
            ),
            (
                "root.y",
                "spine.lumbar_flexion",
                "spine.upper_flexion",
                "spine.neck_flexion",
                *arm(R, *REACH, "shoulder_rotation"),
                *arm(L, *REACH, "shoulder_rotation"),
            ),
        ),
    ),
    MAT,
    (*low_back(), glute(R)),
    (
        AngleCue("right_leg.hip_flexion", 110, 125, "knees hugged in"),
        AngleCue("right_leg.knee_flexion", 100, 135, "knees bent, the shins relaxed"),
        AngleCue("right_arm.elbow_flexion", 70, 150, "elbows bent, the hands behind the thighs"),
    ),
)


PICTURES = (legs_up_the_wall, lying_strap_hamstring, knees_to_chest)
