"""A picture's keyframes, both sides, as scenes for the limits check.

Side two is the mirror image: here the pose, the props and the view are mirrored in 3D (left
for right), so the check looks at a figure that really stands the other way round.
"""

import dataclasses

from tools.pictures import geometry as g
from tools.pictures.camera import Camera
from tools.pictures.checks import Scene
from tools.pictures.contacts import Contact
from tools.pictures.layout import arrow_path, fill, over_body, picture_framing
from tools.pictures.picture import AngleCue, Cue, HeightCue, OverCue, Picture, posed
from tools.pictures.props import Solid
from tools.pictures.rig import Body, Pose, Side, angles
from tools.pictures.skeleton import build

FRAME_SIZE = 480


def mirror_pose(pose: Pose) -> Pose:
    """The same pose done with the other side."""
    r, s = pose.root, pose.spine
    return Pose(
        dataclasses.replace(r, z=-r.z, yaw=-r.yaw, roll=-r.roll),
        dataclasses.replace(
            s, side_bend=-s.side_bend, rotation=-s.rotation, neck_rotation=-s.neck_rotation
        ),
        pose.left_leg,
        pose.right_leg,
        pose.left_arm,
        pose.right_arm,
    )


def _flip(v: g.Vec) -> g.Vec:
    return (v[0], v[1], -v[2])


def _mirror_body(body: Body) -> Body:
    """Mirror a built body (what a mirrored pose builds, up to rounding)."""
    flip_frame = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, -1.0))
    parts = tuple(
        dataclasses.replace(
            p,
            side=Side(-p.side),
            a=_flip(p.a),
            b=_flip(p.b),
            frame=g.compose(g.compose(flip_frame, p.frame), flip_frame),
        )
        for p in body.parts
    )
    marks = {
        (m, Side(-s)): dataclasses.replace(v, centre=_flip(v.centre))
        for (m, s), v in body.marks.items()
    }
    return Body(parts, marks)


def _mirror_solid(solid: Solid) -> Solid:
    return dataclasses.replace(solid, centre=_flip(solid.centre))


def _mirror_contact(c: Contact) -> Contact:
    on = (c.on[0], Side(-c.on[1])) if c.on else None
    face = _flip(c.face) if c.face is not None else None
    z = -c.z if c.z is not None else None
    return dataclasses.replace(c, side=Side(-c.side), on=on, z=z, face=face)


def scenes(picture: Picture) -> list[tuple[str, Scene]]:
    """Every keyframe of ``picture`` on each side it is done on, labelled ``frame/side``."""
    camera = picture.view.value
    poses = posed(picture)
    bodies = [build(p) for p in poses]
    fit = picture_framing(picture, bodies, camera, FRAME_SIZE)
    path, motion = arrow_path(picture, bodies, camera)
    arrow = ((path[-1][0] - path[0][0], path[-1][1] - path[0][1]), motion) if path else None
    out = []
    for index, (frame, pose, body) in enumerate(zip(picture.frames, poses, bodies, strict=True)):
        scene = Scene(
            angles(pose),
            body,
            picture.props.solids,
            picture.props.surface_map(),
            frame.contacts,
            picture.cues + frame.cues,
            camera,
            fill(body, camera, fit),
            arrow if index == len(poses) - 1 else None,
            over_body(path, body, camera) if index == len(poses) - 1 else 0.0,
        )
        out.append((f"{frame.name}/1", scene))
        if picture.per_side:
            out.append((f"{frame.name}/2", _mirrored(scene, pose)))
    return out


def _mirrored(scene: Scene, pose: Pose) -> Scene:
    surfaces = {k: _flip(v) for k, v in scene.surfaces.items()}
    camera = Camera(180 - scene.camera.yaw, scene.camera.pitch)
    arrow = None
    if scene.arrow is not None:
        (ax, ay), (mx, my) = scene.arrow
        arrow = ((-ax, ay), (-mx, my))
    return dataclasses.replace(
        scene,
        angles=angles(mirror_pose(pose)),
        body=_mirror_body(scene.body),
        solids=tuple(_mirror_solid(s) for s in scene.solids),
        surfaces=surfaces,
        contacts=tuple(_mirror_contact(c) for c in scene.contacts),
        cues=tuple(_mirror_cue(c) for c in scene.cues),
        camera=camera,
        arrow=arrow,
    )


def _mirror_cue(cue: Cue) -> Cue:
    swap = {"right": "left", "left": "right"}
    if isinstance(cue, AngleCue):
        group, name = cue.path.split(".")
        side, _, limb = group.partition("_")
        if side in swap:
            return dataclasses.replace(cue, path=f"{swap[side]}_{limb}.{name}")
        if name in {"rotation", "side_bend", "neck_rotation"}:  # turning right becomes left
            return dataclasses.replace(cue, low=-cue.high, high=-cue.low)
        return cue
    if isinstance(cue, OverCue):
        (a, side_a), (b, side_b) = cue.line
        return dataclasses.replace(
            cue,
            high=(cue.high[0], Side(-cue.high[1])),
            line=((a, Side(-side_a)), (b, Side(-side_b))),
        )
    if isinstance(cue, HeightCue):
        return dataclasses.replace(
            cue, high=(cue.high[0], Side(-cue.high[1])), low=(cue.low[0], Side(-cue.low[1]))
        )
    return dataclasses.replace(cue, a=(cue.a[0], Side(-cue.a[1])), b=(cue.b[0], Side(-cue.b[1])))
