"""The things a stretch uses, as simple solids: chair (no wheels), desk, wall, step and rail,
blanket or cushion, ball, mat; plus the strap, which is drawn but never collides."""

import enum
from dataclasses import dataclass

from tools.pictures import geometry as g
from tools.pictures.contacts import Surface
from tools.pictures.rig import Mark, Side


class Tone(enum.Enum):
    """How a solid is shaded: furniture, soft things, the mat."""

    HARD = "hard"
    SOFT = "soft"
    MAT = "mat"


@dataclass(frozen=True, slots=True)
class Box:
    """An axis-aligned box."""

    centre: g.Vec
    half: g.Vec
    tone: Tone = Tone.HARD


@dataclass(frozen=True, slots=True)
class Ball:
    """A ball on the floor."""

    centre: g.Vec
    radius: float


Solid = Box | Ball


@dataclass(frozen=True, slots=True)
class Strap:
    """A towel or strap from the hands around one foot."""

    hands: tuple[tuple[Mark, Side], ...]
    foot: tuple[Mark, Side]


@dataclass(frozen=True, slots=True)
class Props:
    """What one picture uses, and the surfaces its contacts name."""

    solids: tuple[Solid, ...] = ()
    surfaces: tuple[tuple[Surface, g.Vec], ...] = ()
    strap: Strap | None = None
    mat: bool = False  # a floor stretch: the mat under the body

    def __add__(self, other: "Props") -> "Props":
        return Props(
            self.solids + other.solids,
            tuple(dict(self.surfaces + other.surfaces).items()),
            self.strap or other.strap,
            self.mat or other.mat,
        )

    def surface_map(self) -> dict[Surface, g.Vec]:
        """The surfaces by name."""
        return {Surface.FLOOR: (0.0, 0.0, 0.0), **dict(self.surfaces)}


def box(
    x0: float, x1: float, y0: float, y1: float, z0: float, z1: float, tone: Tone = Tone.HARD
) -> Box:
    """A box from its extents."""
    return Box(
        ((x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2),
        ((x1 - x0) / 2, (y1 - y0) / 2, (z1 - z0) / 2),
        tone,
    )


def chair(front: float, seat: float = 44, z: float = 0.0, facing_viewer: bool = False) -> Props:
    """A four-legged chair without wheels, its seat's front edge at ``front``.

    Facing the figure's way (+x) by default; ``facing_viewer`` turns it to face +z, its front
    edge at z = ``front``, for sitting on it sideways."""
    depth, width, back = 42.0, 44.0, 40.0
    if facing_viewer:
        x0, x1, z0, z1 = z - width / 2, z + width / 2, front - depth, front
    else:
        x0, x1, z0, z1 = front - depth, front, z - width / 2, z + width / 2
    solids: list[Solid] = [box(x0, x1, seat - 4, seat, z0, z1)]
    for lx in (x0 + 1.5, x1 - 1.5):
        for lz in (z0 + 1.5, z1 - 1.5):
            solids.append(box(lx - 1.5, lx + 1.5, 0, seat - 4, lz - 1.5, lz + 1.5))
    if facing_viewer:
        solids.append(box(x0 + 2, x1 - 2, seat, seat + back, z0, z0 + 3))
    else:
        solids.append(box(x0, x0 + 3, seat, seat + back, z0 + 2, z1 - 2))
    centre = ((x0 + x1) / 2, seat, (z0 + z1) / 2)
    grip = (x0 + 1.5, seat + back, z1 - 6) if not facing_viewer else (x1 - 6, seat + back, z0 + 1.5)
    # the backrest's top edge: a hand rests on it
    return Props(tuple(solids), ((Surface.SEAT, centre), (Surface.BACKREST, grip)))


def desk(
    front: float, height: float = 74, z: float = 0.0, half: float = 60.0, inset: float = 4.0
) -> Props:
    """A desk whose near edge is at ``front`` (it stands in front of the figure), ``half``
    its half-width, its legs ``inset`` cm in from the edges (a top that overhangs its frame
    leaves room for the feet under it)."""
    top = box(front, front + 60, height - 3, height, z - half, z + half)
    legs = tuple(
        box(lx - 2, lx + 2, 0, height - 3, lz - 2, lz + 2)
        for lx in (front + inset, front + 60 - inset)
        for lz in (z - half + 4, z + half - 4)
    )
    return Props((top, *legs), ((Surface.DESK, (front, height, z)),))


def wall(x: float) -> Props:
    """A wall facing the figure, its face at ``x``."""
    return Props((box(x, x + 8, -1, 170, -70, 70),), ((Surface.WALL, (x, 0.0, 0.0)),))


def step(edge: float, height: float = 18, rail_z: float = 27, rail_x: float = 44) -> Props:
    """A stair step whose back edge is at ``edge`` (the heel hangs behind it), with a rail
    post and bar beside it; the rail's grip is ``rail_x`` cm ahead of the edge."""
    tread = box(edge, edge + 42, 0, height, -30, 40)
    top = height + 84
    post = box(edge + rail_x - 2, edge + rail_x + 2, height, top - 2, rail_z - 2, rail_z + 2)
    bar = box(edge - 12, edge + rail_x + 8, top - 4, top, rail_z - 2.5, rail_z + 2.5)
    return Props(
        (tread, post, bar),
        (
            (Surface.STEP, (edge, height, 0.0)),
            (Surface.RAIL, (edge, top, rail_z)),
        ),
    )


def blanket(x0: float, x1: float, z0: float, z1: float, height: float = 8) -> Props:
    """A folded blanket or a cushion."""
    return Props(
        (box(x0, x1, 0, height, z0, z1, Tone.SOFT),),
        ((Surface.BLANKET, ((x0 + x1) / 2, height, (z0 + z1) / 2)),),
    )


def ball(x: float, z: float, radius: float = 3.4) -> Props:
    """A tennis ball on the floor."""
    return Props((Ball((x, radius, z), radius),), ((Surface.BALL, (x, 2 * radius, z)),))


MAT = Props(mat=True)
