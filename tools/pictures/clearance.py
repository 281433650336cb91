"""In front or behind on the flat picture: which solids are drawn among the limbs, and what
reads wrong though it is right in space (a foot drawn over a chair's or desk's leg that stands
in front of it looks as if it went through it)."""

from tools.pictures import geometry as g
from tools.pictures.camera import Camera
from tools.pictures.layout import Flat, flatten, flatten_solid
from tools.pictures.props import Ball, Box, Solid
from tools.pictures.rig import Body, Kind, Part

FEET = {Kind.HEEL, Kind.FOOT, Kind.TOES}
MARGIN = 0.5  # cm: a touch at the edge is not an overlap


def posts(solids: tuple[Solid, ...]) -> list[Box]:
    """The upright posts among ``solids``: chair and desk legs, a rail's post."""
    return [
        s for s in solids if isinstance(s, Box) and max(s.half[0], s.half[2]) <= 2.5 < s.half[1]
    ]


def among_limbs(solids: tuple[Solid, ...], camera: Camera) -> list[Solid]:
    """The solids drawn among the limbs, in front of those behind them: a ball, and an upright
    post (a chair's or desk's leg) unless another stands behind it in the same place (a desk's
    near and far legs, seen from the side: a limb between them reads as in front of both). The
    rest (a seat, a wall, a rail's bar, a cushion) lies behind the figure."""
    upright = posts(solids)

    def hides_another(post: Box) -> bool:
        x, _, depth = camera.project(post.centre)
        return any(
            abs(camera.project(o.centre)[0] - x) < 1.0 and camera.project(o.centre)[2] < depth
            for o in upright
            if o is not post
        )

    balls: list[Solid] = [s for s in solids if isinstance(s, Ball)]
    return balls + [p for p in upright if not hides_another(p)]


def _overlap(a: Flat, b: Flat) -> bool:
    d, s, t = g.segment_distance((*a.a, 0.0), (*a.b, 0.0), (*b.a, 0.0), (*b.b, 0.0))
    return d < a.ra + (a.rb - a.ra) * s + b.ra + (b.rb - b.ra) * t - MARGIN


def feet_through_posts(body: Body, solids: tuple[Solid, ...], camera: Camera) -> list[Part]:
    """The foot parts drawn over a post that stands in front of them (one drawn behind the
    figure, such as a desk's near leg in a side view): they read as going through it."""
    drawn_behind = [p for p in posts(solids) if p not in among_limbs(solids, camera)]
    found = []
    for part in body.parts:
        if part.kind not in FEET:
            continue
        foot = flatten(part, camera)
        for post in drawn_behind:
            leg = flatten_solid(post, camera)
            nearer = leg.depth_a > max(foot.depth_a, foot.depth_b)
            if nearer and _overlap(foot, leg):
                found.append(part)
                break
    return found
