"""Carrying out the engine's effects: the tray shows, notifications pop up, the history records,
the guide opens. Runs in the loop's thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from hamstray.desktop.notify import Notifier
from hamstray.desktop.tray.base import Tray
from hamstray.desktop.tray.menu import Extras
from hamstray.engine.asks import StartCheckin, StartStretch
from hamstray.engine.effects import (
    CloseGuide,
    Effect,
    Guide,
    OpenCheckin,
    OpenRoutine,
    Record,
    Refuse,
    Remind,
    RemindCheckin,
    RemindRoutine,
    Render,
    Withdraw,
)
from hamstray.engine.entries import Entry, Kind
from hamstray.engine.events import Event
from hamstray.engine.settings import Config
from hamstray.runtime import reminders
from hamstray.runtime.practice import Practice
from hamstray.runtime.recorder import Recorder
from hamstray.store import assets
from hamstray.store.translations import _

if TYPE_CHECKING:
    from hamstray.runtime.guides import Guides

log = logging.getLogger(__name__)


class Effects:
    """Hands each effect to its adapter; ``tray`` and ``notifier`` are set once they exist."""

    def __init__(
        self,
        config: Config,
        recorder: Recorder,
        make_guides: Callable[[], Guides],
        practice: Practice,
        extras: Callable[[], Extras],
        clock: Callable[[], float],
    ) -> None:
        self.config = config
        self.tray: Tray | None = None
        self.notifier: Notifier | None = None
        self.on_click: Event | None = None  # what a click on the latest notification starts
        self._recorder = recorder
        self._make_guides = make_guides
        self._guides: Guides | None = None  # made with the first guide
        self._practice = practice
        self._extras = extras
        self._clock = clock

    def __call__(self, effect: Effect) -> None:
        match effect:
            case Render(view):
                if self.tray is not None:
                    self.tray.show(view, self._extras())
            case Remind():
                self._remind(effect)
            case Withdraw():
                if self.notifier is not None:
                    self.notifier.withdraw()
            case RemindRoutine():
                if self.notifier is not None:
                    self.notifier.notify(*reminders.routine_reminder(effect))
                    self.on_click = None
            case RemindCheckin():
                if self.notifier is not None:
                    self.notifier.remind(*reminders.checkin_reminder(), due_icon=False)
                    self.on_click = StartCheckin()
            case Record(kind, _, stretch):
                log.info("%s%s", kind.value, f": {stretch.name}" if stretch else "")
                self._recorder.write(effect.entry())
            case Guide(stretch, snooze):
                self._guide().open([stretch], _("Stretch break"), snooze)
            case CloseGuide():
                if self._guides is not None:
                    self._guides.close()
            case OpenRoutine(name):
                stretches = self._practice.routine(self._clock())
                self._guide().open(stretches, reminders.routine_title(name), False, routine=True)
            case OpenCheckin():
                self._guide().open_checkin()
            case Refuse(reason):
                log.info("Refused: %s", reason)

    def _guide(self) -> Guides:
        if self._guides is None:
            self._guides = self._make_guides()
        return self._guides

    def _remind(self, effect: Remind) -> None:
        """The break's reminder, with the day's tip if none was shown today."""
        if self.notifier is None:
            return
        now = self._clock()
        tip = self._practice.tip(now)
        click_starts = self.tray is None or self.tray.click_starts
        title, body, buttons = reminders.break_reminder(
            effect, self.config.breaks.snooze, tip, click_starts
        )
        picture = assets.picture(effect.stretch.picture) if effect.stretch is not None else None
        self.notifier.remind(title, body, buttons, picture)  # the stretch's end pose and arrow
        self.on_click = StartStretch() if dict(buttons).get("default") else None
        if tip is not None:
            self._recorder.write(Entry(now, Kind.TIP_SHOWN, detail=tip.id))
