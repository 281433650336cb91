"""Contacts a pose states (a foot flat on the floor, a hand on the desk) and the solver that
meets them by moving the pose's stated free joints, a small damped least-squares loop."""

import enum
from dataclasses import dataclass

from tools.pictures import geometry as g
from tools.pictures.rig import Body, Kind, Mark, Pose, Side, get, joint_range, put
from tools.pictures.skeleton import build


class Surface(enum.Enum):
    """A place on a prop: its top (or, for the wall, its face; for a rail, its bar)."""

    FLOOR = "floor"
    SEAT = "seat"
    DESK = "desk"
    STEP = "step"
    BLANKET = "blanket"
    BALL = "ball"
    WALL = "wall"
    RAIL = "rail"
    BACKREST = "backrest"


MARK_PART = {
    Mark.HIP: Kind.THIGH,
    Mark.THIGH: Kind.THIGH,
    Mark.KNEE: Kind.THIGH,
    Mark.SHIN: Kind.SHIN,
    Mark.ANKLE: Kind.SHIN,
    Mark.HEEL: Kind.FOOT,
    Mark.BALL: Kind.FOOT,
    Mark.TOE: Kind.TOES,
    Mark.ELBOW: Kind.UPPER_ARM,
    Mark.HAND: Kind.HAND,
}

LOWEST = {Mark.PELVIS: Kind.PELVIS, Mark.CHEST: Kind.CHEST, Mark.HEAD: Kind.HEAD}

Surfaces = dict[Surface, g.Vec]  # a point on each surface: its height, the wall's x, the rail


@dataclass(frozen=True, slots=True)
class Contact:
    """``mark`` on ``side`` touches a surface, or rests on (or grips) another mark."""

    mark: Mark
    side: Side = Side.MIDDLE
    surface: Surface | None = None
    on: tuple[Mark, Side] | None = None
    grip: bool = False  # centres together: a hand around an ankle, on a rail
    x: float | None = None  # where along the surface, when that matters
    y: float | None = None  # how high on a wall
    z: float | None = None
    level: bool = False  # a foot flat across too (not on its edge); a hand flat on its surface
    lift: float = 0.0  # held this far above the surface: hands hanging toward the floor
    bears: bool = False  # a hand that carries weight (down dog): placed with the body
    face: g.Vec | None = None  # on another mark's limb, on this face of it (the limb's frame)

    def describe(self) -> str:
        """The contact in words, for findings."""
        if self.on is not None:
            where = f"the {self.on[1].name.lower()} {self.on[0].value}"
        else:
            where = f"the {self.surface.value}" if self.surface else "?"
        return f"{self.side.name.lower()} {self.mark.value} on {where}"


def residuals(contact: Contact, body: Body, surfaces: Surfaces, aims: bool = True) -> list[float]:
    """How far ``contact`` is from being met, per axis, in cm (and, with ``aims``, how far a
    foot or hand that should lie flat is tilted: the solver's aim, not a miss)."""
    sphere = body.marks[contact.mark, contact.side]
    c, r = sphere.centre, sphere.radius
    out: list[float] = []
    if contact.on is not None:
        other = body.marks[contact.on]
        reach = 0.0 if contact.grip else r + other.radius
        way: g.Vec = (0.0, 1.0, 0.0)
        if contact.face is not None:
            limb = next(
                (
                    p
                    for p in body.parts
                    if (p.kind, p.side) == (MARK_PART[contact.on[0]], contact.on[1])
                ),
                None,
            )
            if limb is not None:  # a body drawn without that part (the old pictures' toes)
                way = g.unit(g.apply(limb.frame, contact.face))
        out += list(g.sub(c, g.add(other.centre, g.scale(way, reach))))
    elif contact.surface is not None:
        point = surfaces[contact.surface]
        if contact.surface is Surface.WALL:
            out.append(c[0] + r - point[0])
        elif contact.grip:
            out += list(g.sub(c, point))
        elif contact.mark in LOWEST:  # the trunk rests on its lowest point, however it tips
            part = next(p for p in body.parts if p.kind is LOWEST[contact.mark])
            low = min(part.a[1] - part.ra, part.b[1] - part.rb)
            out.append(low - point[1] - contact.lift)
        else:
            out.append(c[1] - r - point[1] - contact.lift)
    if contact.x is not None:
        out.append(c[0] - contact.x)
    if contact.y is not None:
        out.append(c[1] - contact.y)
    if contact.z is not None:
        out.append(c[2] - contact.z)
    if aims and contact.level and contact.mark is Mark.HAND:
        hand = next(p for p in body.parts if p.kind is Kind.HAND and p.side is contact.side)
        across = 0 if contact.surface is Surface.WALL else 1  # flat on a wall: fingers up
        out.append(4.0 * g.unit(g.sub(hand.b, hand.a))[across])
    elif aims and contact.level:
        foot = next(p for p in body.parts if p.kind is Kind.FOOT and p.side is contact.side)
        out.append(10.0 * g.column(foot.frame, 2)[1])
    return out


def error(contact: Contact, body: Body, surfaces: Surfaces) -> float:
    """The largest miss of ``contact``, cm."""
    return max((abs(v) for v in residuals(contact, body, surfaces, aims=False)), default=0.0)


REACHING = frozenset({Mark.HAND, Mark.ELBOW})
PRIOR = 0.01  # cm of miss a degree away from the written arm pose is worth


def solve(
    pose: Pose, contacts: tuple[Contact, ...], free: tuple[str, ...], surfaces: Surfaces
) -> Pose:
    """``pose`` with its ``free`` values moved (within their ranges) to meet ``contacts``.

    The body is placed first (seat, feet, knees on a surface, moving every free joint but the
    arms'), then a limb resting on the body moves only itself, then the arms reach for what
    the hands hold: a hand that cannot reach never drags the body off its seat."""
    reach = tuple(c for c in contacts if c.mark in REACHING and not c.bears)
    support = tuple(c for c in contacts if (c.mark not in REACHING or c.bears) and c.on is None)
    resting = tuple(c for c in contacts if c.mark not in REACHING and c.on is not None)
    bearing = any(c.bears for c in contacts)
    body_free = tuple(p for p in free if bearing or "_arm." not in p)
    placed = _solve(pose, support, body_free, surfaces)
    for contact in resting:  # an ankle on the other knee moves the two legs only
        legs = (f"{contact.side.name.lower()}_leg.", f"{contact.on[1].name.lower()}_leg.")  # type: ignore[index]
        own = tuple(p for p in free if p.startswith(legs))
        placed = _solve(placed, (contact, *support), own, surfaces)
    for side in sorted({c.side for c in reach}):  # each arm alone, from a few starts
        held = tuple(c for c in reach if c.side is side)
        name = side.name.lower()
        own = tuple(p for p in free if p.startswith(f"{name}_arm."))
        seeds = ((20, 30, 10), (70, 60, 10), (30, 110, 10), (40, 70, -25), (60, 40, 25))
        starts = [placed]
        for seed in seeds:  # only the joints the pose lets move
            start = placed
            for joint, value in zip(
                ("elbow_flexion", "shoulder_flexion", "shoulder_abduction"), seed, strict=True
            ):
                if f"{name}_arm.{joint}" in own:
                    start = put(start, f"{name}_arm.{joint}", value)
            starts.append(start)
        best = _solve(placed, held, own, surfaces, PRIOR)
        for start in starts[1:]:  # other starts only when the arm's own pose falls short
            if _cost(held, build(best), surfaces) < 0.5:
                break
            tried = _solve(start, held, own, surfaces, PRIOR)
            if _cost(held, build(tried), surfaces) < _cost(held, build(best), surfaces):
                best = tried
        placed = best
    return placed


OBSTACLES = frozenset({Kind.PELVIS, Kind.ABDOMEN, Kind.CHEST, Kind.UPPER_CHEST})


def overlap(body: Body, side: Side) -> list[float]:
    """How far one arm's upper arm and forearm sink into the torso (cm, >= 0)."""
    arm = [p for p in body.parts if p.side is side and p.kind in {Kind.UPPER_ARM, Kind.FOREARM}]
    out = []
    for limb in arm:
        start = g.lerp(limb.a, limb.b, 0.4) if limb.kind is Kind.UPPER_ARM else limb.a
        for other in body.parts:
            if other.kind not in OBSTACLES:
                continue
            across = g.column(other.frame, 2)
            worst = 0.0
            for sign in (-1.0, 1.0) if other.wa > other.ra else (0.0,):
                oa = g.add(other.a, g.scale(across, sign * (other.wa - other.ra)))
                ob = g.add(other.b, g.scale(across, sign * (other.wb - other.rb)))
                d, s, t = g.segment_distance(start, limb.b, oa, ob)
                reach = (
                    limb.rb + (limb.ra - limb.rb) * (1 - s) + other.ra + (other.rb - other.ra) * t
                )
                worst = max(worst, reach - d - 1.0)
            out.append(worst)
    return out


def _cost(contacts: tuple[Contact, ...], body: Body, surfaces: Surfaces) -> float:
    return sum(v * v for c in contacts for v in residuals(c, body, surfaces))


def _solve(
    pose: Pose,
    contacts: tuple[Contact, ...],
    free: tuple[str, ...],
    surfaces: Surfaces,
    prior: float = 0.0,
) -> Pose:
    if not contacts or not free:
        return pose

    def bounded(path: str, value: float) -> float:
        allowed = joint_range(path)
        return allowed.clamp(value) if allowed else value

    start = [bounded(p, get(pose, p)) for p in free]

    def evaluate(values: list[float]) -> tuple[Pose, list[float]]:
        candidate = pose
        for path, value in zip(free, values, strict=True):
            candidate = put(candidate, path, value)
        body = build(candidate)
        res = [v for c in contacts for v in residuals(c, body, surfaces)]
        for side in {c.side for c in contacts if c.mark in REACHING}:
            res += overlap(body, side)  # an arm reaches round the body, never through it
        # A faint pull back toward the pose as written: of the many ways to reach, the one
        # the pose table meant (an elbow out to the side, not along the floor).
        res += [prior * (v - s) for v, s in zip(values, start, strict=True)]
        return candidate, res

    values = list(start)
    current, res = evaluate(values)
    cost = sum(v * v for v in res)
    damping = 1.0
    for _ in range(60):
        if max(abs(v) for v in res[: len(res) - len(free)]) < 0.05:
            break
        jacobian = []
        for i in range(len(free)):
            nudged = list(values)
            nudged[i] = values[i] + 0.2
            jacobian.append([(b - a) / 0.2 for a, b in zip(res, evaluate(nudged)[1], strict=True)])
        n = len(free)
        normal = [
            [sum(jacobian[i][k] * jacobian[j][k] for k in range(len(res))) for j in range(n)]
            for i in range(n)
        ]
        gradient = [sum(jacobian[i][k] * res[k] for k in range(len(res))) for i in range(n)]
        for _attempt in range(12):
            system = [row[:] for row in normal]
            for i in range(n):
                system[i][i] += damping * (1.0 + normal[i][i])
            step = _linear_solve(system, [-v for v in gradient])
            trial = [bounded(p, v + d) for p, v, d in zip(free, values, step, strict=True)]
            trial_pose, trial_res = evaluate(trial)
            trial_cost = sum(v * v for v in trial_res)
            if trial_cost < cost:
                values, current, res, cost = trial, trial_pose, trial_res, trial_cost
                damping = max(damping / 3, 1e-4)
                break
            damping *= 4
        else:
            break
    return current


def _linear_solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the systems here are a dozen wide)."""
    n = len(b)
    m = [[*row, b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        if abs(m[pivot][col]) < 1e-12:
            continue
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, n):
            k = m[r][col] / m[col][col]
            for c in range(col, n + 1):
                m[r][c] -= k * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        if abs(m[r][r]) < 1e-12:
            continue
        x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x


def worst(contacts: tuple[Contact, ...], body: Body, surfaces: Surfaces) -> float:
    """The largest miss over all contacts (0 when there are none)."""
    return max((error(c, body, surfaces) for c in contacts), default=0.0)
