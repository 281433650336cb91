"""What the user is doing, as far as hamstray knows, and the steps of the tray's ring: apart from
the engine's state, so that the tray can draw its first icon before the engine loads."""

from enum import Enum


class Phase(Enum):
    """What the user is doing, as far as hamstray knows."""

    SITTING = "sitting"
    DUE = "due"
    SNOOZED = "snoozed"
    PAUSED = "paused"
    STRETCHING = "stretching"
    AWAY = "away"


SITTING_PHASES = (Phase.SITTING, Phase.DUE, Phase.SNOOZED)  # sitting time grows in these
RING_STEPS = 12  # the tray ring fills in twelfths of the interval
