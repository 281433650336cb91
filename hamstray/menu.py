"""The tray menu as data: one definition for every tray backend (pystray menus, hamstray's own
popup on XEmbed trays, and later a D-Bus menu)."""

from dataclasses import dataclass

from hamstray import durations
from hamstray.core import (
    Event,
    Pause,
    Phase,
    Resume,
    Skip,
    Snooze,
    Stand,
    StartRoutine,
    StartStretch,
    View,
)

# Actions that are not break-engine events: the tray carries them out itself.
QUIT, PAUSE_TOMORROW, STATISTICS, SETTINGS, AUTOSTART = (
    "quit",
    "pause-tomorrow",
    "statistics",
    "settings",
    "autostart",
)
Action = Event | str | None


@dataclass(frozen=True, slots=True)
class Item:
    """One menu entry."""

    label: str
    action: Action = None
    enabled: bool = True
    checked: bool | None = None  # None: not a check item
    default: bool = False
    submenu: tuple["Item", ...] = ()

    @property
    def separator(self) -> bool:
        """Whether this is a separator line."""
        return self.label == "-"


SEPARATOR = Item("-")


@dataclass(frozen=True, slots=True)
class Extras:
    """What the menu shows beyond the view: today's counts, settings, start at login."""

    snooze_s: int
    breaks_today: int = 0
    stretches_today: int = 0
    autostart: bool = False


def items(view: View, extras: Extras) -> tuple[Item, ...]:
    """The menu for ``view``: labels and enabled states follow the phase."""
    stretch = view.stretch
    paused = view.phase is Phase.PAUSED
    can_snooze = view.phase in (Phase.DUE, Phase.SNOOZED, Phase.STRETCHING)
    snooze = f"Snooze {durations.humanize(extras.snooze_s)} ({view.snoozes_left} left)"
    pause_or_resume = (
        Item("Resume", Resume())
        if paused
        else Item(
            "Pause",
            submenu=(
                Item("30 min", Pause(seconds=30 * 60)),
                Item("1 hour", Pause(seconds=60 * 60)),
                Item("2 hours", Pause(seconds=2 * 60 * 60)),
                Item("Until tomorrow", PAUSE_TOMORROW),
            ),
        )
    )
    return (
        Item(
            f"Start: {stretch.name}" if stretch else "Start a stretch",
            StartStretch(),
            enabled=stretch is not None,
            default=True,
        ),
        Item(snooze, Snooze(), enabled=can_snooze and view.snoozes_left > 0),
        Item("Skip this break", Skip(), enabled=not paused and view.phase is not Phase.AWAY),
        pause_or_resume,
        SEPARATOR,
        Item("Morning routine", StartRoutine("morning")),
        Item("Evening routine", StartRoutine("evening")),
        SEPARATOR,
        Item(
            f"Today: {extras.breaks_today} breaks · {extras.stretches_today} stretches",
            enabled=False,
        ),
        Item("I'm standing", Stand(not view.standing), checked=view.standing),
        Item("Statistics…", STATISTICS),
        Item("Settings…", SETTINGS),
        Item("Start at login", AUTOSTART, checked=extras.autostart),
        SEPARATOR,
        Item("Quit", QUIT),
    )
