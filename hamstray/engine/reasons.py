"""Why now is a bad moment for a reminder: do-not-disturb, a full-screen window, or a call.

A call (the microphone, the camera or the screen in use, or a named app running) differs from the
rest in one way the rules care about: the user is at the desk, so no input during it is not a break.
"""

from dataclasses import dataclass
from enum import Enum


class Cause(Enum):
    """What holds reminders back; the value names it in the history, stats and status."""

    MICROPHONE = "microphone"
    CAMERA = "camera"
    SCREEN_SHARING = "screen_sharing"
    APP = "app"
    DO_NOT_DISTURB = "do_not_disturb"
    FULL_SCREEN = "full_screen"


CALLS = frozenset({Cause.MICROPHONE, Cause.CAMERA, Cause.SCREEN_SHARING, Cause.APP})

_TEXTS = {
    Cause.MICROPHONE: "microphone in use",
    Cause.CAMERA: "camera in use",
    Cause.SCREEN_SHARING: "screen shared",
    Cause.APP: "an app that keeps reminders quiet is running",
    Cause.DO_NOT_DISTURB: "do not disturb",
    Cause.FULL_SCREEN: "a full-screen window",
}


@dataclass(frozen=True, slots=True)
class Reason:
    """One cause, and who is behind it when the probe can tell (an app's name, or "")."""

    cause: Cause
    by: str = ""

    @property
    def in_call(self) -> bool:
        """Whether this reason means the user is in a call (and so at the desk)."""
        return self.cause in CALLS

    @property
    def text(self) -> str:
        """The reason as a person reads it, e.g. "microphone in use by Firefox"."""
        if self.cause is Cause.APP and self.by:
            return f"{self.by} is running"
        if self.by and self.cause in (Cause.MICROPHONE, Cause.CAMERA):
            return f"{_TEXTS[self.cause]} by {self.by}"
        return _TEXTS[self.cause]


def label(cause: Cause) -> str:
    """The cause alone, as the stats name it ("screen sharing")."""
    return cause.value.replace("_", " ")


def in_call(reason: Reason | None) -> bool:
    """Whether ``reason`` (None: nothing is quiet) means a call."""
    return reason is not None and reason.in_call
