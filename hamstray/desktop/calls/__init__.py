"""Whether the user is in a call: the microphone, the camera or the screen in use, or a named app.

One small module per thing looked at; every probe takes its OS call as an argument, so each
platform is tested here. A probe answers who uses the thing ("" when it cannot tell) or None when
nothing does, and raises ProbeError when it cannot look now, Unsupported when this desktop offers
no way to look (``doctor`` shows which).
"""

from collections.abc import Callable
from dataclasses import dataclass

from hamstray.engine.reasons import Cause

InUse = Callable[[], str | None]


class ProbeError(Exception):
    """A probe cannot look here (no sound server, no bus): the message says why, for people."""


class Unsupported(ProbeError):
    """This desktop offers no way to look at all (not a problem the user can fix)."""


@dataclass(frozen=True, slots=True)
class Look:
    """One check: what it finds, how it looks (for ``doctor``), the ``[quiet]`` key that turns
    it off (None: none does), and the look itself."""

    cause: Cause
    how: str
    switch: str | None
    look: InUse
