"""What the loop's queue carries besides the engine's events: work for the loop's thread, a
reload and the end. Apart from the loop, so that the icon can queue them before the loop (and
the engine's rules) is made."""

import threading
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Job:
    """Work that must run in the loop's thread (it owns the history), outside the engine."""

    run: Callable[[], None]


class Quit:
    """Ends the loop."""


@dataclass(frozen=True, slots=True)
class Reload:
    """Read the settings file now, changed or not (``hamstray reload``, SIGHUP)."""

    done: threading.Event = field(default_factory=threading.Event)  # set once it is read
