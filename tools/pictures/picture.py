"""What one stretch's picture is made of: its view, keyframes, props, stretched muscles, the
cues the pose must honour and the motion arrow; and the solved poses of its keyframes."""

import functools
from dataclasses import dataclass, field

from tools.pictures import geometry as g
from tools.pictures.camera import View
from tools.pictures.contacts import Contact, solve
from tools.pictures.props import Props
from tools.pictures.rig import Kind, Mark, Pose, Side

FRONT: g.Vec = (1.0, 0.0, 0.0)
BACK: g.Vec = (-1.0, 0.0, 0.0)
BELOW: g.Vec = (0.0, -1.0, 0.0)


@dataclass(frozen=True, slots=True)
class Muscle:
    """A band on one part's surface, facing ``face`` (in the part's frame), from share
    ``start`` to ``end`` along it: the stretched muscle, drawn in the accent colour."""

    kind: Kind
    side: Side
    face: g.Vec
    start: float = 0.1
    end: float = 0.9
    between: tuple[Mark, Mark] | None = None  # from one mark to another instead (the sole)
    faint: bool = False  # felt a little, as well: a lighter tint


def hamstring(side: Side) -> Muscle:
    """The back of the thigh."""
    return Muscle(Kind.THIGH, side, BACK, 0.12, 0.88)


def hip_flexor(side: Side) -> Muscle:
    """The front of the hip and the top of the thigh."""
    return Muscle(Kind.THIGH, side, FRONT, 0.0, 0.55)


def quadriceps(side: Side) -> Muscle:
    """The front of the thigh."""
    return Muscle(Kind.THIGH, side, FRONT, 0.1, 0.85)


def adductor(side: Side) -> Muscle:
    """The inner thigh."""
    return Muscle(Kind.THIGH, side, (0.0, 0.0, -float(side)), 0.05, 0.7)


def calf(side: Side, faint: bool = False) -> Muscle:
    """The upper calf (gastrocnemius)."""
    return Muscle(Kind.SHIN, side, BACK, 0.05, 0.6, faint=faint)


def soleus(side: Side) -> Muscle:
    """The low calf, near the heel."""
    return Muscle(Kind.SHIN, side, BACK, 0.35, 0.92)


def glute(side: Side) -> Muscle:
    """The buttock on ``side``."""
    return Muscle(Kind.PELVIS, Side.MIDDLE, (-0.7, 0.0, 0.7 * float(side)), 0.0, 0.6)


def low_back() -> tuple[Muscle, ...]:
    """The muscles beside the lumbar spine."""
    return (Muscle(Kind.ABDOMEN, Side.MIDDLE, BACK, 0.0, 1.0),)


def sole(side: Side) -> tuple[Muscle, ...]:
    """The sole and arch."""
    return (Muscle(Kind.FOOT, side, BELOW, 0.0, 1.0, (Mark.HEEL, Mark.BALL)),)


@dataclass(frozen=True, slots=True)
class AngleCue:
    """A joint angle the cue asks for (the back knee straight: at most 5 degrees)."""

    path: str
    low: float
    high: float
    why: str


@dataclass(frozen=True, slots=True)
class HeightCue:
    """One mark at least ``by`` cm above another (hips high over the heels)."""

    high: tuple[Mark, Side]
    low: tuple[Mark, Side]
    by: float
    why: str


@dataclass(frozen=True, slots=True)
class ViewCue:
    """The angle between two parts must show in the view (a straddle's V, an angled shin)."""

    a: tuple[Kind, Side]
    b: tuple[Kind, Side]
    why: str


@dataclass(frozen=True, slots=True)
class OverCue:
    """A mark over the line between two others, at most ``within`` cm off it across the floor
    (the knee over its foot, from the heel to the toes)."""

    high: tuple[Mark, Side]
    line: tuple[tuple[Mark, Side], tuple[Mark, Side]]
    within: float
    why: str


Cue = AngleCue | HeightCue | ViewCue | OverCue


@dataclass(frozen=True, slots=True)
class Shift:
    """A straight arrow beside ``mark`` from where it starts to where it ends."""

    mark: Mark
    side: Side
    offset: g.Vec
    both_ways: bool = False
    axis: g.Vec | None = None  # show only the motion along this direction (the foot's roll)


@dataclass(frozen=True, slots=True)
class Turn:
    """A curved arrow round the body at chest height, the way the chest turns."""

    lift: float = 38.0
    radius: float = 30.0


@dataclass(frozen=True, slots=True)
class Tilt:
    """A curved arrow round the pelvis, the way it tips (forward and back, both ways): drawn
    ``around`` degrees on from the pelvis's own axis, so it sits behind the low back."""

    radius: float = 24.0
    around: float = 50.0
    both_ways: bool = True


@dataclass(frozen=True, slots=True)
class Spread:
    """A double arrow across from the left ``mark`` to the right one, ``lift`` cm above them
    as they end: the legs opening."""

    mark: Mark
    lift: float = 10.0
    both_ways: bool = True


Arrow = Shift | Turn | Tilt | Spread


@dataclass(frozen=True, slots=True)
class Detail:
    """A close-up in a round inset: round ``marks``, ``across`` cm wide, seen from ``view``
    (the hand bending the toes back, too small to read on the whole figure)."""

    marks: tuple[tuple[Mark, Side], ...]
    view: View
    across: float


@dataclass(frozen=True, slots=True)
class Frame:
    """One keyframe: a pose, the contacts it keeps and the joints the solver may move."""

    name: str
    pose: Pose
    contacts: tuple[Contact, ...] = ()
    free: tuple[str, ...] = ()
    cues: tuple["Cue", ...] = ()  # what this keyframe alone must show


@dataclass(frozen=True, slots=True)
class Picture:
    """One stretch's picture; side one is the figure's right, near in a side view."""

    id: str
    view: View
    frames: tuple[Frame, ...]
    props: Props = field(default_factory=Props)
    muscles: tuple[Muscle, ...] = ()
    cues: tuple[Cue, ...] = ()
    arrow: Arrow | None = None
    per_side: bool = False
    detail: Detail | None = None

    @property
    def end(self) -> str:
        """The end pose: the one the reminder and the contact sheet show."""
        return self.frames[-1].name


@functools.cache
def posed(picture: Picture) -> tuple[Pose, ...]:
    """Each keyframe's pose with its contacts met."""
    surfaces = picture.props.surface_map()
    return tuple(solve(f.pose, f.contacts, f.free, surfaces) for f in picture.frames)
