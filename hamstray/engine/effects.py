"""What the break engine asks the outside world to do: plain frozen data, carried out by the
runtime (``hamstray.runtime.effects``)."""

from dataclasses import dataclass

from hamstray.engine.catalogue import Stretch
from hamstray.engine.entries import Entry, Kind
from hamstray.engine.model import View


@dataclass(frozen=True, slots=True)
class Remind:
    """Tell the user a break is due: they have sat ``sat_s``; ``stretch`` is suggested."""

    sat_s: float
    stretch: Stretch | None
    can_start: bool = True  # False: the guide cannot open, so the reminder offers no Start


@dataclass(frozen=True, slots=True)
class Withdraw:
    """Take the break's reminder down: the break was handled another way (snoozed, started,
    skipped, paused, or a natural break)."""


@dataclass(frozen=True, slots=True)
class RemindRoutine:
    """Tell the user it is time for the ``name`` floor routine of ``length_s``."""

    name: str
    length_s: int


@dataclass(frozen=True, slots=True)
class Render:
    """Show ``view`` in the tray."""

    view: View


@dataclass(frozen=True, slots=True)
class Record:
    """Append an event to the history."""

    kind: Kind
    at: float
    stretch: Stretch | None = None
    seconds: float | None = None
    detail: str = ""

    def entry(self) -> Entry:
        """The event as the history keeps it."""
        stretch = self.stretch
        return Entry(
            self.at,
            self.kind,
            None if stretch is None else stretch.id,
            () if stretch is None else stretch.groups,
            self.seconds,
            self.detail,
        )


@dataclass(frozen=True, slots=True)
class Guide:
    """Open the guided stretch window for ``stretch`` (with Snooze if it answers a reminder)."""

    stretch: Stretch
    snooze: bool = False


@dataclass(frozen=True, slots=True)
class CloseGuide:
    """Close the guide window without a report: its stretch ended another way (skipped,
    snoozed, timed out) or the app stops."""


@dataclass(frozen=True, slots=True)
class OpenRoutine:
    """Open the guide with the ``name`` (morning or evening) floor routine."""

    name: str


@dataclass(frozen=True, slots=True)
class OpenCheckin:
    """Open the guide with the flexibility check-in."""


@dataclass(frozen=True, slots=True)
class RemindCheckin:
    """Tell the user, once, that the flexibility check-in is due."""


@dataclass(frozen=True, slots=True)
class Refuse:
    """A request could not be carried out; ``reason`` says why, for the user."""

    reason: str


Effect = (
    Remind
    | Withdraw
    | RemindRoutine
    | RemindCheckin
    | Render
    | Record
    | Guide
    | CloseGuide
    | OpenRoutine
    | OpenCheckin
    | Refuse
)
