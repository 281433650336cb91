"""What is drawn in front of what: a chair's legs among the limbs, by depth; a close-up where
the picture is too small to read."""

import dataclasses
import math

from PIL import ImageChops, ImageStat

from tools.pictures import props, render
from tools.pictures.camera import View
from tools.pictures.checks import Problem, check
from tools.pictures.clearance import among_limbs
from tools.pictures.figure import _order, _placed
from tools.pictures.layout import Flat, flatten_solid
from tools.pictures.poses import PICTURES
from tools.pictures.props import Box
from tools.pictures.rig import Side
from tools.pictures.scenes import scenes


def legs(solids: list[props.Solid]) -> list[Box]:
    return [s for s in solids if isinstance(s, Box) and s.half[1] > 2.5 >= s.half[0]]


def test_a_chair_beside_the_kneeling_figure_has_all_four_legs_among_the_limbs() -> None:
    picture = PICTURES["kneeling-hip-flexor"]
    among = among_limbs(picture.props.solids, picture.view.value)
    assert len(legs(among)) == 4
    assert not [s for s in among if isinstance(s, Box) and s.half[1] <= 2.5]  # no seat, no mat


def test_a_desk_seen_from_the_side_keeps_its_near_legs_behind_the_limbs() -> None:
    desk = props.desk(18, height=80).solids
    among = legs(among_limbs(desk, View.SIDE.value))
    assert len(among) == 2  # the far legs, hidden by the near ones: a limb between reads right
    assert all(leg.centre[2] < 0 for leg in among)


def test_a_post_goes_after_the_limb_it_stands_in_front_of_and_before_one_behind_it() -> None:
    shin = [Flat((0.0, 0.0), (40.0, 0.0), 5.0, 4.0, 10.0, 10.0)]
    far_shin = [Flat((0.0, 30.0), (40.0, 30.0), 5.0, 4.0, -10.0, -10.0)]
    pieces = {("lower leg", Side.RIGHT): shin, ("lower leg", Side.LEFT): far_shin}
    ranked = _order(pieces)
    assert ranked == [("lower leg", Side.LEFT), ("lower leg", Side.RIGHT)]
    near_post = Flat((20.0, -20.0), (20.0, 40.0), 1.5, 1.5, 50.0, 50.0)
    assert _placed(ranked, pieces, near_post) == 2  # over both shins
    between = Flat((20.0, -20.0), (20.0, 40.0), 1.5, 1.5, 0.0, 0.0)
    assert _placed(ranked, pieces, between) == 1  # over the far shin, under the near one
    chair = props.chair(2, z=54.0).solids
    post = next(s for s in legs(list(chair)) if s.centre[2] > 54)
    assert flatten_solid(post, View.SIDE.value).depth_a > 10  # nearer than the shin at z = 10


def test_the_sole_stretch_shows_its_toes_in_a_close_up_that_covers_none_of_the_figure() -> None:
    picture = PICTURES["sole-stretch"]
    assert picture.detail is not None
    shown = render.draw(picture, 0, 240).getchannel("A")
    bare = render.draw(dataclasses.replace(picture, detail=None), 0, 240).getchannel("A")
    disc = math.pi * (240 * render.INSET / 2) ** 2
    drawn = ImageStat.Stat(bare.point(lambda a: 255 if a > 128 else 0)).sum[0] / 255
    added = ImageStat.Stat(shown.point(lambda a: 255 if a > 128 else 0)).sum[0] / 255 - drawn
    assert added > 0.85 * disc  # the round close-up, opaque
    changed = ImageChops.multiply(
        ImageChops.difference(shown, bare).point(lambda d: 255 if d > 64 else 0),
        bare.point(lambda a: 255 if a > 128 else 0),
    )
    assert ImageStat.Stat(changed).sum[0] / 255 < 0.02 * drawn  # only its thin line crosses


def test_a_foot_over_the_desk_leg_in_front_of_it_is_found() -> None:
    lunge = PICTURES["standing-hip-flexor"]
    assert not [f for _, s in scenes(lunge) for f in check(s) if f.problem is Problem.THROUGH]
    old_desk = dataclasses.replace(lunge, props=props.desk(18, height=80))  # its legs at the toes
    found = [f for _, s in scenes(old_desk) for f in check(s) if f.problem is Problem.THROUGH]
    assert found
    assert "drawn over the furniture leg in front of it" in str(found[0])
