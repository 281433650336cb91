"""The rig: joint angles within the table's ranges, contacts met by the solver, mirroring."""

import dataclasses

from tools.pictures import geometry as g
from tools.pictures.contacts import Contact, Surface, error, solve
from tools.pictures.ranges import ARM, LEG, SPINE
from tools.pictures.rig import Leg, Mark, Pose, Root, Side, angles, clamped
from tools.pictures.scenes import mirror_pose
from tools.pictures.skeleton import build


def test_every_range_says_where_it_comes_from() -> None:
    for table in (LEG, ARM, SPINE):
        assert all(r.low < r.high and r.source for r in table.values())


def test_the_issue_s_limits_are_in_the_table() -> None:
    assert (LEG["knee_flexion"].low, LEG["knee_flexion"].high) == (0, 150)
    assert LEG["hip_flexion"].low == -20
    assert (LEG["ankle_flexion"].low, LEG["ankle_flexion"].high) == (-50, 30)


def test_a_knee_asked_to_bend_backwards_is_drawn_straight() -> None:
    pose = Pose(right_leg=Leg(knee_flexion=-30))
    assert clamped(pose).right_leg.knee_flexion == 0
    knee = build(pose).marks[Mark.KNEE, Side.RIGHT].centre
    ankle = build(pose).marks[Mark.ANKLE, Side.RIGHT].centre
    assert abs(knee[0] - ankle[0]) < 1e-6


def test_the_standing_figure_stands_on_the_floor_at_human_height() -> None:
    body = build(Pose())
    lowest = min(min(p.a[1] - p.ra, p.b[1] - p.rb) for p in body.parts)
    highest = max(max(p.a[1] + p.ra, p.b[1] + p.rb) for p in body.parts)
    assert abs(lowest) < 1.0
    assert 165 < highest < 180


def test_the_solver_meets_a_contact_by_moving_only_the_free_joints() -> None:
    pose = Pose(Root(y=48), right_leg=Leg(hip_flexion=90, knee_flexion=90))
    heel = Contact(Mark.HEEL, Side.RIGHT, Surface.FLOOR)
    solved = solve(pose, (heel,), ("right_leg.knee_flexion",), {Surface.FLOOR: (0, 0, 0)})
    assert error(heel, build(solved), {Surface.FLOOR: (0, 0, 0)}) < 0.1
    assert dataclasses.replace(solved.right_leg, knee_flexion=90) == pose.right_leg


def test_a_flexed_hip_moves_the_thigh_forward_and_abduction_moves_it_out() -> None:
    body = build(Pose(right_leg=Leg(hip_flexion=90, hip_abduction=30)))
    knee = body.marks[Mark.KNEE, Side.RIGHT].centre
    hip = body.marks[Mark.HIP, Side.RIGHT].centre
    direction = g.unit(g.sub(knee, hip))
    assert direction[0] > 0.8
    assert direction[2] > 0.4
    assert abs(direction[1]) < 0.05


def test_the_mirrored_pose_does_with_the_left_what_the_pose_does_with_the_right() -> None:
    pose = Pose(right_leg=Leg(knee_flexion=40))
    assert angles(mirror_pose(pose))["left_leg.knee_flexion"] == 40
    right = build(pose).marks[Mark.KNEE, Side.RIGHT].centre
    left = build(mirror_pose(pose)).marks[Mark.KNEE, Side.LEFT].centre
    assert g.norm(g.sub(right, (left[0], left[1], -left[2]))) < 1e-6
