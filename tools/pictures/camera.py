"""Views: an orthographic camera turned around the figure and tipped down a little."""

import enum
import math
from dataclasses import dataclass

from tools.pictures import geometry as g


@dataclass(frozen=True, slots=True)
class Camera:
    """Looks at the figure from ``yaw`` degrees round from its right side toward its front,
    from ``pitch`` degrees above the horizon."""

    yaw: float
    pitch: float

    def axes(self) -> tuple[g.Vec, g.Vec, g.Vec]:
        """The screen's right and up, and the direction toward the viewer."""
        yaw, pitch = math.radians(self.yaw), math.radians(self.pitch)
        toward: g.Vec = (math.sin(yaw), 0.0, math.cos(yaw))
        right: g.Vec = (math.cos(yaw), 0.0, -math.sin(yaw))
        viewer = g.add(g.scale(toward, math.cos(pitch)), (0.0, math.sin(pitch), 0.0))
        up = g.sub((0.0, math.cos(pitch), 0.0), g.scale(toward, math.sin(pitch)))
        return right, up, viewer

    def project(self, p: g.Vec) -> tuple[float, float, float]:
        """Screen x (right), screen y (up) and depth (toward the viewer) of ``p``, in cm."""
        right, up, viewer = self.axes()
        return g.dot(p, right), g.dot(p, up), g.dot(p, viewer)


class View(enum.Enum):
    """The views a picture can be drawn from, named for what they show."""

    SIDE = Camera(0, 3)  # low, so what is off the floor reads as off it
    SIDE_ABOVE = Camera(0, 35)  # the side from well above: the forehead down between the arms
    SIDE_TURNED = Camera(25, 10)  # the side, turned a little toward the front
    PIGEON = Camera(
        10, 12
    )  # the front leg's side, a little above: the folded front leg, the long back leg
    FRONT = Camera(90, 10)
    FRONT_ABOVE = Camera(90, 45)  # the front from above: the knees out, soles together
    FRONT_RAISED = Camera(70, 40)  # the front corner from well above: legs wide on the floor
    THREE_QUARTER = Camera(50, 16)
    WALL = Camera(-65, 35)  # from above the head: the legs up the wall, and their V

    @property
    def label(self) -> str:
        """The manifest's name for the view."""
        return self.name.lower().replace("_", "-")
