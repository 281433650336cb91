"""Posing the figure: clamp the joints to their ranges, then walk out from the pelvis.

Lengths and radii are an adult's, in cm: hip joint to knee 43, knee to ankle 42, shoulder to
elbow 32, elbow to wrist 27; the spine 43 from the pelvis to the base of the neck.
"""

from tools.pictures import geometry as g
from tools.pictures.rig import Arm, Body, Kind, Leg, Mark, Part, Pose, Side, Sphere, clamped

MID = Side.MIDDLE


def _at(frame: g.Mat, base: g.Vec, local: g.Vec) -> g.Vec:
    return g.add(base, g.apply(frame, local))


def _turn(frame: g.Mat, *rotations: g.Mat) -> g.Mat:
    for rotation in rotations:
        frame = g.compose(frame, rotation)
    return frame


class _Builder:
    """Collects the parts and marks while the figure is walked out."""

    def __init__(self) -> None:
        self.parts: list[Part] = []
        self.marks: dict[tuple[Mark, Side], Sphere] = {}

    def part(
        self,
        kind: Kind,
        side: Side,
        ends: tuple[g.Vec, g.Vec],
        radii: tuple[float, ...],
        frame: g.Mat,
    ) -> None:
        ra, rb = radii[0], radii[1]
        wa, wb = (radii[2], radii[3]) if len(radii) == 4 else (ra, rb)
        self.parts.append(Part(kind, side, ends[0], ends[1], ra, rb, wa, wb, frame))

    def mark(self, mark: Mark, side: Side, centre: g.Vec, radius: float) -> None:
        self.marks[mark, side] = Sphere(centre, radius)


def build(pose: Pose) -> Body:
    """The posed body of ``pose`` (its joints held inside their ranges first)."""
    pose = clamped(pose)
    r = pose.root
    origin: g.Vec = (r.x, r.y, r.z)
    pelvis = _turn(g.rot_y(r.yaw), g.rot_z(-r.pitch), g.rot_x(r.roll))
    out = _Builder()
    shoulders, chest = _trunk(out, pose, origin, pelvis)
    for side, leg in ((Side.RIGHT, pose.right_leg), (Side.LEFT, pose.left_leg)):
        _leg(out, side, leg, _at(pelvis, origin, (0, 0, 9 * side)), pelvis)
    for side, arm in ((Side.RIGHT, pose.right_arm), (Side.LEFT, pose.left_arm)):
        _arm(out, side, arm, shoulders[side], chest)
    return Body(tuple(out.parts), out.marks)


def _trunk(
    out: _Builder, pose: Pose, origin: g.Vec, pelvis: g.Mat
) -> tuple[dict[Side, g.Vec], g.Mat]:
    """Pelvis, three spine segments, shoulders, neck and head; the shoulder joints."""
    sp = pose.spine
    out.part(
        Kind.PELVIS,
        MID,
        (_at(pelvis, origin, (-4, -1, 0)), _at(pelvis, origin, (-3, 9, 0))),
        (10, 10, 16, 15),
        pelvis,
    )
    out.mark(Mark.PELVIS, MID, _at(pelvis, origin, (-4, -1, 0)), 10)
    for side in (Side.RIGHT, Side.LEFT):
        out.mark(Mark.SEAT, side, _at(pelvis, origin, (-3, -7, 7 * side)), 4)
    points = [_at(pelvis, origin, (-5, 10, 0))]
    frames = []
    frame = pelvis
    # Most of the bending is low in the back, most of the turning in the thorax.
    for flexion, bend, turn, length in (
        (sp.lumbar_flexion, 0.4, 0.1, 16.0),
        (sp.thorax_flexion, 0.3, 0.45, 14.0),
        (sp.upper_flexion, 0.3, 0.45, 13.0),
    ):
        frame = _turn(
            frame, g.rot_z(-flexion), g.rot_x(sp.side_bend * bend), g.rot_y(-sp.rotation * turn)
        )
        frames.append(frame)
        points.append(_at(frame, points[-1], (0, length, 0)))
    (f1, f2, f3), (s0, s1, s2, s3) = frames, points
    out.part(
        Kind.ABDOMEN, MID, (_at(f1, s0, (5, 0, 0)), _at(f1, s1, (5, 0, 0))), (10, 10, 14, 14.5), f1
    )
    out.part(
        Kind.CHEST,
        MID,
        (_at(f2, s1, (5.5, 0, 0)), _at(f2, s2, (5.5, 0, 0))),
        (10.5, 11, 14, 14.5),
        f2,
    )
    out.part(
        Kind.UPPER_CHEST,
        MID,
        (_at(f3, s2, (5.5, 0, 0)), _at(f3, s3, (3.5, -2, 0))),
        (11, 9, 14.5, 15.5),
        f3,
    )
    out.mark(Mark.CHEST, MID, _at(f2, s2, (5.5, 0, 0)), 11)
    shoulders = {side: _at(f3, s3, (4, -3, 19 * side)) for side in (Side.RIGHT, Side.LEFT)}
    out.part(Kind.SHOULDERS, MID, (shoulders[Side.RIGHT], shoulders[Side.LEFT]), (5.5, 5.5), f3)
    neck = _turn(f3, g.rot_z(-sp.neck_flexion), g.rot_y(-sp.neck_rotation))
    n0 = _at(f3, s3, (2, 0, 0))
    n1 = _at(neck, n0, (1, 9, 0))
    head = _at(neck, n1, (2, 8, 0))
    out.part(Kind.NECK, MID, (n0, n1), (5.5, 5), neck)
    out.part(
        Kind.HEAD,
        MID,
        (_at(neck, head, (-0.5, 1.5, 0)), _at(neck, head, (3.5, -4.5, 0))),
        (9.8, 7.5),
        neck,
    )
    out.mark(Mark.HEAD, MID, head, 10)
    return shoulders, f3


def _leg(out: _Builder, side: Side, leg: Leg, hip: g.Vec, pelvis: g.Mat) -> None:
    s = float(side)
    thigh = _turn(
        pelvis,
        g.rot_z(leg.hip_flexion),
        g.rot_x(-s * leg.hip_abduction),
        g.rot_y(-s * leg.hip_rotation),
    )
    knee = _at(thigh, hip, (0, -43, 0))
    shin = g.compose(thigh, g.rot_z(-leg.knee_flexion))
    ankle = _at(shin, knee, (0, -42, 0))
    foot = _turn(shin, g.rot_z(leg.ankle_flexion), g.rot_x(s * leg.ankle_inversion))
    heel = _at(foot, ankle, (-4, -4.8, 0))
    ball = _at(foot, ankle, (13.5, -5.5, 0))
    toes = g.compose(foot, g.rot_z(leg.toe_extension))
    tip = _at(toes, ball, (5.5, 0.6, 0))
    out.part(Kind.THIGH, side, (hip, knee), (8, 5.5), thigh)
    out.part(Kind.SHIN, side, (knee, ankle), (5.2, 3.6), shin)
    out.part(Kind.HEEL, side, (ankle, heel), (3.6, 3.2), foot)
    out.part(Kind.FOOT, side, (ankle, ball), (3.4, 2.5), foot)
    out.part(Kind.TOES, side, (ball, tip), (2.4, 1.9), toes)
    for mark, centre, radius in (
        (Mark.HIP, hip, 8),
        (Mark.THIGH, g.lerp(hip, knee, 0.75), 6.2),
        (Mark.KNEE, knee, 5.5),
        (Mark.SHIN, g.lerp(knee, ankle, 0.45), 4.6),
        (Mark.ANKLE, ankle, 3.6),
        (Mark.HEEL, heel, 3.2),
        (Mark.BALL, ball, 2.5),
        (Mark.TOE, tip, 1.9),
    ):
        out.mark(mark, side, centre, radius)


def _arm(out: _Builder, side: Side, arm: Arm, shoulder: g.Vec, chest: g.Mat) -> None:
    s = float(side)
    upper = _turn(
        chest,
        g.rot_z(arm.shoulder_flexion),
        g.rot_x(-s * arm.shoulder_abduction),
        g.rot_y(-s * arm.shoulder_rotation),
    )
    elbow = _at(upper, shoulder, (0, -32, 0))
    fore = g.compose(upper, g.rot_z(arm.elbow_flexion))
    wrist = _at(fore, elbow, (0, -27, 0))
    hand = g.compose(fore, g.rot_z(-arm.wrist_extension))
    knuckles = _at(hand, wrist, (0, -12, 0))
    out.part(Kind.UPPER_ARM, side, (shoulder, elbow), (4.8, 3.8), upper)
    out.part(Kind.FOREARM, side, (elbow, wrist), (3.6, 2.7), fore)
    out.part(Kind.HAND, side, (wrist, knuckles), (2.9, 2.4), hand)
    out.mark(Mark.SHOULDER, side, shoulder, 4.8)
    out.mark(Mark.ELBOW, side, elbow, 3.8)
    out.mark(Mark.HAND, side, g.lerp(wrist, knuckles, 0.45), 2.8)
