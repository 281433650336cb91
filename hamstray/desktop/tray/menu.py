"""The tray menu and tooltip as data: one definition for every tray backend (pystray menus,
hamstray's own popup on XEmbed trays, and the D-Bus menu of StatusNotifierItems)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from hamstray.engine import durations
from hamstray.engine.asks import (
    Ask,
    Pause,
    Resume,
    Skip,
    Snooze,
    Stand,
    StartCheckin,
    StartRoutine,
    StartStretch,
)
from hamstray.engine.model import View
from hamstray.engine.phase import Phase
from hamstray.store import wording
from hamstray.store.translations import _, plural

if TYPE_CHECKING:
    from hamstray.ui.popup.client import Entry


class Command(Enum):
    """A menu action that is not a break-engine event: the app carries it out itself."""

    QUIT = "quit"
    PAUSE_TOMORROW = "pause-tomorrow"
    STATISTICS = "statistics"
    SETTINGS = "settings"
    AUTOSTART = "autostart"


Action = Ask | Command | None


@dataclass(frozen=True, slots=True)
class Item:
    """One menu entry."""

    label: str
    action: Action = None
    enabled: bool = True
    checked: bool | None = None  # None: not a check item
    default: bool = False
    submenu: tuple[Item, ...] = ()

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
    snooze = _("Snooze {duration} ({left} left)").format(
        duration=durations.humanize(extras.snooze_s), left=view.snoozes_left
    )
    pause_or_resume = (
        Item(_("Resume"), Resume())
        if paused
        else Item(
            _("Pause"),
            submenu=(
                Item(_("30 min"), Pause(seconds=30 * 60)),
                Item(_("1 hour"), Pause(seconds=60 * 60)),
                Item(_("2 hours"), Pause(seconds=2 * 60 * 60)),
                Item(_("Until tomorrow"), Command.PAUSE_TOMORROW),
            ),
        )
    )
    return (
        Item(status(view), enabled=False),  # hosts without tooltips (GNOME, XEmbed) show this
        Item(
            _("Start: {name}").format(name=stretch.name) if stretch else _("Start a stretch"),
            StartStretch(),
            enabled=view.can_start,
            default=True,
        ),
        Item(snooze, Snooze(), enabled=view.can_snooze),
        Item(_("Skip this break"), Skip(), enabled=not paused and view.phase is not Phase.AWAY),
        pause_or_resume,
        SEPARATOR,
        Item(_("Morning routine"), StartRoutine("morning")),
        Item(_("Evening routine"), StartRoutine("evening")),
        Item(_("Flexibility check-in…"), StartCheckin()),
        SEPARATOR,
        Item(
            _("Today: {breaks} · {stretches}").format(
                breaks=plural(extras.breaks_today, "{n} break", "{n} breaks"),
                stretches=plural(extras.stretches_today, "{n} stretch", "{n} stretches"),
            ),
            enabled=False,
        ),
        Item(_("I'm standing"), Stand(not view.standing), checked=view.standing),
        Item(_("Statistics…"), Command.STATISTICS),
        Item(_("Settings…"), Command.SETTINGS),
        Item(_("Start at login"), Command.AUTOSTART, checked=extras.autostart),
        SEPARATOR,
        Item(_("Quit"), Command.QUIT),
    )


def default_action(items: tuple[Item, ...]) -> Action:
    """What a plain click on the icon does: the default item's action, when it is enabled."""
    default = next((i for i in items if i.default), None)
    return default.action if default is not None and default.enabled else None


def title_for(view: View) -> str:
    """The tooltip: when the next break comes and what it suggests."""
    line = status(view)
    if view.stretch is None or view.phase in (Phase.PAUSED, Phase.AWAY):
        return line
    return _("{status} · {stretch}").format(status=line, stretch=view.stretch.name)


def status(view: View) -> str:
    """Where the user is, in a few words: the menu's first line and the tooltip's start."""
    if view.standing and view.phase is Phase.SITTING:
        return _("Standing: sitting time is on hold")
    match view.phase:
        case Phase.SITTING:
            return _("Next break in {duration}").format(
                duration=durations.humanize(view.next_break_in or 0)
            )
        case Phase.DUE if view.held_back is not None:
            return _("Time for a break, held back: {reason}").format(
                reason=wording.reason(view.held_back)
            )
        case Phase.DUE:
            return _("Time for a break")
        case Phase.SNOOZED:
            return _("Snoozed: break in {duration}").format(
                duration=durations.humanize(view.next_break_in or 0)
            )
        case Phase.PAUSED:
            return (
                _("Paused: no reminders until you resume")
                if view.paused_until is None
                else _("Paused: no reminders for now")
            )
        case Phase.AWAY:
            return _("Away: this counts as a break")
        case Phase.STRETCHING:
            return _("Stretching")


def flatten(items: tuple[Item, ...], prefix: str = "") -> dict[str, Item]:
    """Every item by its path ("3.1"), as the popup reports it."""
    found: dict[str, Item] = {}
    for index, item in enumerate(items):
        found[f"{prefix}{index}"] = item
        found.update(flatten(item.submenu, f"{prefix}{index}."))
    return found


def action_at(menu: tuple[Item, ...], path: str) -> Action:
    """The action of the entry the popup reported as chosen (None for no such enabled entry)."""
    item = flatten(menu).get(path)
    return item.action if item is not None and item.enabled else None


def entries(items: tuple[Item, ...]) -> tuple[Entry, ...]:
    """The menu as the popup shows it."""
    from hamstray.ui.popup.client import Entry  # noqa: PLC0415 - with the first popup

    return tuple(
        Entry(item.label, item.enabled, item.checked, entries(item.submenu)) for item in items
    )
