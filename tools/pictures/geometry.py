"""Small 3D vector and rotation helpers, and the distances the checks need."""

import math

Vec = tuple[float, float, float]
Mat = tuple[Vec, Vec, Vec]

UP: Vec = (0.0, 1.0, 0.0)
IDENTITY: Mat = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))


def add(a: Vec, b: Vec) -> Vec:
    """The sum of two vectors."""
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub(a: Vec, b: Vec) -> Vec:
    """The difference ``a - b``."""
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def scale(a: Vec, k: float) -> Vec:
    """``a`` times ``k``."""
    return (a[0] * k, a[1] * k, a[2] * k)


def dot(a: Vec, b: Vec) -> float:
    """The dot product."""
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def norm(a: Vec) -> float:
    """The length of ``a``."""
    return math.sqrt(dot(a, a))


def unit(a: Vec) -> Vec:
    """``a`` scaled to length one (the zero vector stays zero)."""
    length = norm(a)
    return scale(a, 1.0 / length) if length > 1e-9 else (0.0, 0.0, 0.0)


def lerp(a: Vec, b: Vec, t: float) -> Vec:
    """The point a share ``t`` of the way from ``a`` to ``b``."""
    return add(a, scale(sub(b, a), t))


def apply(m: Mat, v: Vec) -> Vec:
    """The matrix ``m`` applied to ``v``."""
    return (dot(m[0], v), dot(m[1], v), dot(m[2], v))


def compose(a: Mat, b: Mat) -> Mat:
    """The rotation ``a`` after ``b`` (``a @ b``)."""
    columns = [apply(a, (b[0][j], b[1][j], b[2][j])) for j in range(3)]
    return (
        (columns[0][0], columns[1][0], columns[2][0]),
        (columns[0][1], columns[1][1], columns[2][1]),
        (columns[0][2], columns[1][2], columns[2][2]),
    )


def rot_x(degrees: float) -> Mat:
    """A rotation about the x axis (forward), right-handed."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return ((1.0, 0.0, 0.0), (0.0, c, -s), (0.0, s, c))


def rot_y(degrees: float) -> Mat:
    """A rotation about the y axis (up), right-handed."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return ((c, 0.0, s), (0.0, 1.0, 0.0), (-s, 0.0, c))


def rot_z(degrees: float) -> Mat:
    """A rotation about the z axis (to the figure's right), right-handed."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return ((c, -s, 0.0), (s, c, 0.0), (0.0, 0.0, 1.0))


def column(m: Mat, j: int) -> Vec:
    """Column ``j`` of ``m``: where the local axis ``j`` points."""
    return (m[0][j], m[1][j], m[2][j])


def closest_on_segment(p: Vec, a: Vec, b: Vec) -> float:
    """The share along ``a``-``b`` of the point nearest ``p``."""
    ab = sub(b, a)
    length = dot(ab, ab)
    if length < 1e-12:
        return 0.0
    return min(1.0, max(0.0, dot(sub(p, a), ab) / length))


def segment_distance(a0: Vec, a1: Vec, b0: Vec, b1: Vec) -> tuple[float, float, float]:
    """The distance between two segments and the shares along each where it is reached."""
    d1, d2, r = sub(a1, a0), sub(b1, b0), sub(a0, b0)
    a, e, f = dot(d1, d1), dot(d2, d2), dot(d2, r)
    if a < 1e-12 and e < 1e-12:
        return norm(r), 0.0, 0.0
    if a < 1e-12:
        s, t = 0.0, min(1.0, max(0.0, f / e))
    else:
        c = dot(d1, r)
        if e < 1e-12:
            s, t = min(1.0, max(0.0, -c / a)), 0.0
        else:
            b = dot(d1, d2)
            denom = a * e - b * b
            s = min(1.0, max(0.0, (b * f - c * e) / denom)) if denom > 1e-12 else 0.0
            t = (b * s + f) / e
            if t < 0.0:
                s, t = min(1.0, max(0.0, -c / a)), 0.0
            elif t > 1.0:
                s, t = min(1.0, max(0.0, (b - c) / a)), 1.0
    return norm(sub(lerp(a0, a1, s), lerp(b0, b1, t))), s, t


def box_distance(p: Vec, centre: Vec, half: Vec) -> float:
    """The signed distance from ``p`` to an axis-aligned box (negative inside)."""
    q = [abs(p[i] - centre[i]) - half[i] for i in range(3)]
    outside = math.sqrt(sum(max(v, 0.0) ** 2 for v in q))
    return outside + min(max(q[0], q[1], q[2]), 0.0)
