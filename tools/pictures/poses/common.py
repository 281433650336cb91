"""Shorthands the pose tables share: sides, contacts that come in pairs, free-joint lists."""

from tools.pictures.contacts import Contact, Surface
from tools.pictures.rig import Mark, Side

R, L, M = Side.RIGHT, Side.LEFT, Side.MIDDLE
FLOOR, SEAT, DESK = Surface.FLOOR, Surface.SEAT, Surface.DESK
SEATED_Y = 55.0  # the root's height on a 44 cm seat


def limb(side: Side, what: str, *names: str) -> tuple[str, ...]:
    """Paths of joints on one limb: ``limb(R, "leg", "knee_flexion")``."""
    return tuple(f"{side.name.lower()}_{what}.{n}" for n in names)


def leg(side: Side, *names: str) -> tuple[str, ...]:
    """Paths of one leg's joints."""
    return limb(side, "leg", *names)


def arm(side: Side, *names: str) -> tuple[str, ...]:
    """Paths of one arm's joints."""
    return limb(side, "arm", *names)


FOOT_FREE = ("hip_flexion", "knee_flexion", "ankle_flexion")
REACH = ("shoulder_flexion", "shoulder_abduction", "elbow_flexion", "wrist_extension")


def flat(side: Side, surface: Surface = FLOOR, level: bool = False) -> tuple[Contact, ...]:
    """A foot flat: heel and ball down."""
    return (Contact(Mark.HEEL, side, surface), Contact(Mark.BALL, side, surface, level=level))


def sit(surface: Surface = SEAT) -> tuple[Contact, ...]:
    """The pelvis on the seat (its lowest point, however far it tips)."""
    return (Contact(Mark.PELVIS, M, surface),)


def hand_on(side: Side, mark: Mark, on_side: Side) -> Contact:
    """A hand resting on top of a mark."""
    return Contact(Mark.HAND, side, on=(mark, on_side))


def lying() -> tuple[Contact, ...]:
    """Lying on the back: pelvis, chest and head down."""
    return (
        Contact(Mark.PELVIS, M, FLOOR),
        Contact(Mark.CHEST, M, FLOOR),
        Contact(Mark.HEAD, M, FLOOR),
    )
