"""Stretch pictograms: a stick figure in each pose, drawn with Pillow.

Run ``python -m hamstray.pictures [DIR]`` to redraw ``icons/stretches/*.png`` (transparent
background, readable on light and dark windows). A pose is given by a few points in a 100 x 100
box (y up, floor at 8); knees and elbows are found by two-bone inverse kinematics.
"""

import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw

SIZE = 160
SCALE = 4  # supersampling
INK = (32, 48, 58, 255)
FAR = (32, 48, 58, 110)  # the limbs on the far side
HALO = (255, 255, 255, 200)  # keeps the figure readable on dark backgrounds
PROP = (125, 138, 146, 255)
ACCENT = (23, 143, 131, 255)
TORSO, NECK, HEAD_R = 27.0, 8.5, 6.3
THIGH, SHIN, FOOT = 22.0, 21.0, 7.0
UPPER, FORE = 15.0, 14.0
FLOOR = 8.0

Point = tuple[float, float]


@dataclass(frozen=True)
class Leg:
    """A leg reaching for ``ankle``; ``bend`` +1 puts the knee to the left of hip-to-ankle."""

    ankle: Point
    foot: float = 0.0  # the foot's direction, degrees
    bend: int = 1
    knee: Point | None = None  # where the knee is, when the pose is seen from the front


@dataclass(frozen=True)
class Arm:
    """An arm reaching for ``wrist``; ``bend`` as for legs."""

    wrist: Point
    bend: int = -1


@dataclass(frozen=True)
class Pose:
    """One pictogram: the body, the far limbs, props and an optional motion cue."""

    hip: Point
    torso: float  # degrees from the hip to the neck
    legs: tuple[Leg, Leg]  # near, far
    arms: tuple[Arm, Arm]
    props: tuple[str, ...] = ("floor",)
    bulge: float = 0.0  # a rounded (+) or arched (-) back
    strap: bool = False  # a towel from the near hand to the near foot
    ball: Point | None = None
    cue: str = ""  # "twist" or "flow": a small arrow for stretches that move
    mirror: bool = False
    extra: dict[str, Point] = field(default_factory=dict)


def _along(origin: Point, degrees: float, length: float) -> Point:
    radians = math.radians(degrees)
    return (origin[0] + length * math.cos(radians), origin[1] + length * math.sin(radians))


def _joint(root: Point, target: Point, first: float, second: float, bend: int) -> Point:
    """The middle joint of a two-bone limb from ``root`` reaching ``target``."""
    dx, dy = target[0] - root[0], target[1] - root[1]
    distance = min(max(math.hypot(dx, dy), 1e-6), first + second - 1e-6)
    cos_angle = (first**2 + distance**2 - second**2) / (2 * first * distance)
    angle = math.acos(max(-1.0, min(1.0, cos_angle)))
    direction = math.atan2(dy, dx) + bend * angle
    return (root[0] + first * math.cos(direction), root[1] + first * math.sin(direction))


def _reach(root: Point, joint: Point, target: Point, length: float) -> Point:
    """Where the second bone ends: at ``target`` if it reaches, else as far as it goes."""
    dx, dy = target[0] - joint[0], target[1] - joint[1]
    distance = math.hypot(dx, dy) or 1.0
    return (joint[0] + dx / distance * length, joint[1] + dy / distance * length)


def draw(pose: Pose, size: int = SIZE) -> Image.Image:
    """Return the pictogram of ``pose`` as a transparent RGBA image."""
    big = size * SCALE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    unit = big / 100

    def px(point: Point) -> tuple[float, float]:
        x = 100 - point[0] if pose.mirror else point[0]
        return (x * unit, (100 - point[1]) * unit)

    def line(points: list[Point], colour: tuple[int, ...], width: float) -> None:
        pixels = [px(p) for p in points]
        w = round(width * unit)
        pen.line(pixels, fill=colour, width=w, joint="curve")
        for x, y in (pixels[0], pixels[-1]):
            pen.ellipse((x - w / 2, y - w / 2, x + w / 2, y + w / 2), fill=colour)

    for prop in pose.props:
        _prop(prop, line, pose)
    neck = _along(pose.hip, pose.torso, TORSO)
    head = _along(neck, pose.torso, NECK)
    spine = [pose.hip, _bulged(pose.hip, neck, pose.bulge), neck]
    limbs = []
    for leg in pose.legs:
        knee = leg.knee or _joint(pose.hip, leg.ankle, THIGH, SHIN, leg.bend)
        ankle = _reach(pose.hip, knee, leg.ankle, SHIN)
        limbs.append([pose.hip, knee, ankle, _along(ankle, leg.foot, FOOT)])
    for arm in pose.arms:
        elbow = _joint(neck, arm.wrist, UPPER, FORE, arm.bend)
        limbs.append([neck, elbow, _reach(neck, elbow, arm.wrist, FORE)])
    far = [limbs[1], limbs[3]]
    near = [limbs[0], limbs[2]]
    for limb in far:
        line(limb, FAR, 5.2)
    for limb in [spine, *near]:
        line(limb, HALO, 7.4)
    line(spine, INK, 5.6)
    for limb in near:
        line(limb, INK, 5.2)
    hx, hy = px(head)
    r = HEAD_R * unit
    pen.ellipse((hx - r - unit, hy - r - unit, hx + r + unit, hy + r + unit), fill=HALO)
    pen.ellipse((hx - r, hy - r, hx + r, hy + r), fill=INK)
    if pose.strap:
        line([limbs[2][-1], limbs[0][-1]], ACCENT, 1.8)
    if pose.ball is not None:
        bx, by = px(pose.ball)
        pen.ellipse((bx - 4 * unit, by - 4 * unit, bx + 4 * unit, by + 4 * unit), fill=ACCENT)
    if pose.cue:
        _cue(pose.cue, head, line)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def _bulged(start: Point, end: Point, bulge: float) -> Point:
    mx, my = (start[0] + end[0]) / 2, (start[1] + end[1]) / 2
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy) or 1.0
    return (mx + dy / length * bulge, my - dx / length * bulge)


def _prop(name: str, line: object, pose: Pose) -> None:
    draw_line = line  # (points, colour, width)
    if name == "floor":
        draw_line([(2, FLOOR - 2), (98, FLOOR - 2)], PROP, 2.2)  # type: ignore[operator]
    elif name == "chair":
        for points in (
            [(24, 26), (52, 26)],
            [(24, 26), (21, 60)],
            [(27, 26), (27, 6)],
            [(49, 26), (49, 6)],
        ):
            draw_line(points, PROP, 3.2)  # type: ignore[operator]
    elif name == "desk":
        for points in ([(74, 50), (100, 50)], [(95, 50), (95, 6)]):
            draw_line(points, PROP, 3.2)  # type: ignore[operator]
    elif name == "wall":
        draw_line([(86, 6), (86, 96)], PROP, 3.2)  # type: ignore[operator]
    elif name == "step":
        for points in ([(50, 18), (92, 18)], [(50, 18), (50, 6)]):
            draw_line(points, PROP, 3.2)  # type: ignore[operator]


def _cue(kind: str, head: Point, line: object) -> None:
    draw_line = line
    x, y = head
    if kind == "twist":
        arc = [(x - 12 + 24 * t / 8, y + 11 + 4 * math.sin(math.pi * t / 8)) for t in range(9)]
        draw_line(arc, ACCENT, 1.8)  # type: ignore[operator]
        draw_line([arc[-1], (arc[-1][0] - 4, arc[-1][1] + 3)], ACCENT, 1.8)  # type: ignore[operator]
        draw_line([arc[-1], (arc[-1][0] - 4, arc[-1][1] - 3)], ACCENT, 1.8)  # type: ignore[operator]
    elif kind == "flow":
        for sign in (1, -1):
            tip = (x + 13, y + sign * 10)
            draw_line([(x + 13, y), tip], ACCENT, 1.8)  # type: ignore[operator]
            draw_line([tip, (tip[0] - 3, tip[1] - sign * 3)], ACCENT, 1.8)  # type: ignore[operator]
            draw_line([tip, (tip[0] + 3, tip[1] - sign * 3)], ACCENT, 1.8)  # type: ignore[operator]


def _seated(
    torso: float,
    near: Leg,
    far: Leg | None = None,
    arms: tuple[Arm, Arm] | None = None,
    **options: object,
) -> Pose:
    """A pose on the chair: hip on the seat, facing right."""
    far = far or Leg((62, 11), -6)
    arms = arms or (Arm((60, 34)), Arm((58, 36)))
    return Pose((40, 30), torso, (near, far), arms, props=("floor", "chair"), **options)  # type: ignore[arg-type]


BENT = Leg((62, 11), -6)
POSES: dict[str, Pose] = {
    "chair-hamstring": _seated(62, Leg((82, 11), 70, 1), arms=(Arm((64, 27)), Arm((62, 29)))),
    "chair-forward-fold": _seated(-25, BENT, arms=(Arm((68, 12)), Arm((66, 13)))),
    "seated-calf": _seated(
        84, Leg((81, 12), 85, 1), arms=(Arm((57, 34)), Arm((55, 35))), strap=True
    ),
    "chair-hip-flexor": _seated(92, Leg((20, 10), 180, 1), arms=(Arm((52, 30)), Arm((50, 31)))),
    "chair-wide-leg": _seated(
        58, Leg((64, 11), -25), Leg((60, 12), 20, 1), arms=(Arm((60, 33)), Arm((57, 36)))
    ),
    "chair-figure-four": _seated(70, Leg((60, 33), -10, 1), arms=(Arm((60, 37)), Arm((58, 38)))),
    "sole-stretch": _seated(84, Leg((60, 33), 60, 1), arms=(Arm((66, 38)), Arm((58, 38)))),
    "seated-twist": _seated(92, BENT, arms=(Arm((24, 42), 1), Arm((58, 40))), cue="twist"),
    "seated-cat-cow": _seated(78, BENT, arms=(Arm((60, 31)), Arm((58, 32))), bulge=5, cue="flow"),
    "foot-roll": _seated(90, Leg((63, 16), -4), arms=(Arm((55, 33)), Arm((53, 34))), ball=(67, 10)),
    "standing-hamstring": Pose(
        (42, 46), 42, (Leg((70, 11), 62, 1), Leg((30, 10), 0, 1)), (Arm((62, 30)), Arm((60, 31)))
    ),
    "desk-calf": Pose(
        (46, 45),
        62,
        (Leg((24, 10), -4, 1), Leg((55, 10), -6, 1)),
        (Arm((78, 52)), Arm((76, 53))),
        props=("floor", "desk"),
    ),
    "bent-knee-calf": Pose(
        (46, 42),
        70,
        (Leg((32, 10), -4, 1), Leg((54, 10), -6, 1)),
        (Arm((78, 52)), Arm((76, 53))),
        props=("floor", "desk"),
    ),
    "step-heel-drop": Pose(
        (48, 57),
        90,
        (Leg((47, 14), 30, 1), Leg((50, 19), -4, 1)),
        (Arm((58, 42)), Arm((56, 44))),
        props=("floor", "step"),
    ),
    "standing-hip-flexor": Pose(
        (46, 36),
        94,
        (Leg((20, 11), -10, -1), Leg((64, 10), -4, 1)),
        (Arm((74, 52)), Arm((72, 53))),
        props=("floor", "desk"),
    ),
    "standing-quad-hip": Pose(
        (46, 49),
        92,
        (Leg((38, 46), 170, 1), Leg((47, 10), -4, 1)),
        (Arm((40, 47)), Arm((74, 52))),
        props=("floor", "desk"),
    ),
    "standing-side-lunge": Pose(
        (48, 32),
        82,
        (Leg((28, 10), -10, -1), Leg((78, 10), 0, 1)),
        (Arm((40, 30)), Arm((57, 30))),
        props=("floor", "desk"),
    ),
    "seated-forward-fold": Pose(
        (24, 13), 24, (Leg((66, 12), 88, 1), Leg((64, 12), 85, 1)), (Arm((64, 17)), Arm((62, 18)))
    ),
    "legs-up-the-wall": Pose(
        (74, 12),
        180,
        (Leg((76, 54), 175, -1), Leg((66, 52), 170, -1)),
        (Arm((48, 10)), Arm((46, 11))),
        props=("floor", "wall"),
    ),
    "lying-strap-hamstring": Pose(
        (56, 12),
        180,
        (Leg((68, 52), 160, -1), Leg((96, 12), 85, 1)),
        (Arm((42, 34), 1), Arm((40, 33), 1)),
        strap=True,
    ),
    "kneeling-hip-flexor": Pose(
        (42, 32),
        95,
        (Leg((16, 10), 180, -1), Leg((62, 11), -4, 1)),
        (Arm((44, 94), 1), Arm((58, 30))),
    ),
    "seated-wide-leg": Pose(
        (22, 13), 62, (Leg((64, 13), 80, 1), Leg((60, 20), 75, 1)), (Arm((50, 16)), Arm((48, 19)))
    ),
    "butterfly": Pose(
        (50, 15),
        90,
        (Leg((47, 11), 0, knee=(30, 20)), Leg((53, 11), 180, knee=(70, 20))),
        (Arm((46, 14), 1), Arm((54, 14))),
    ),
    "pigeon": Pose(
        (44, 18),
        80,
        (Leg((10, 10), 180, -1), Leg((58, 11), 100, 1)),
        (Arm((60, 12)), Arm((58, 13))),
    ),
    "knees-to-chest": Pose(
        (60, 12),
        180,
        (Leg((60, 30), 170, 1), Leg((58, 31), 170, 1)),
        (Arm((60, 34), -1), Arm((58, 35), -1)),
    ),
    "childs-pose": Pose(
        (30, 17),
        -10,
        (Leg((30, 10.5), 180, 1), Leg((31, 11), 180, 1)),
        (Arm((90, 10), 1), Arm((88, 11), 1)),
    ),
    "downward-dog": Pose(
        (50, 52),
        -125,
        (Leg((76, 11), -10, -1), Leg((74, 12), -10, -1)),
        (Arm((18, 10), -1), Arm((20, 11), -1)),
    ),
    "kneeling-toe-stretch": Pose(
        (36, 22), 90, (Leg((33, 13), -60, 1), Leg((34, 14), -60, 1)), (Arm((52, 14)), Arm((50, 15)))
    ),
}


def main(argv: list[str]) -> int:
    """Redraw every pictogram into ``argv[0]`` (default: the source tree's icons/stretches)."""
    target = (
        Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "icons" / "stretches"
    )
    target.mkdir(parents=True, exist_ok=True)
    for stretch_id, pose in POSES.items():
        draw(pose).save(target / f"{stretch_id}.png", optimize=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
