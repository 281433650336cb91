"""Carrying out the engine's effects: the tray shows, notifications pop up, the history records,
the guide opens. Runs in the loop's thread."""

import logging
from collections.abc import Callable

from hamstray.desktop.notify import Notifier
from hamstray.desktop.tray.base import Tray
from hamstray.desktop.tray.menu import Extras
from hamstray.engine.model import (
    CloseGuide,
    Effect,
    Guide,
    OpenRoutine,
    Record,
    Refuse,
    Remind,
    RemindRoutine,
    Render,
    Withdraw,
)
from hamstray.engine.settings import Config
from hamstray.runtime import reminders
from hamstray.runtime.guides import Guides
from hamstray.runtime.practice import Practice
from hamstray.runtime.recorder import Recorder

log = logging.getLogger(__name__)


class Effects:
    """Hands each effect to its adapter; ``tray`` and ``notifier`` are set once they exist."""

    def __init__(
        self,
        config: Config,
        recorder: Recorder,
        guides: Guides,
        practice: Practice,
        extras: Callable[[], Extras],
        clock: Callable[[], float],
    ) -> None:
        self.config = config
        self.tray: Tray | None = None
        self.notifier: Notifier | None = None
        self._recorder = recorder
        self._guides = guides
        self._practice = practice
        self._extras = extras
        self._clock = clock

    def __call__(self, effect: Effect) -> None:
        match effect:
            case Render(view):
                if self.tray is not None:
                    self.tray.show(view, self._extras())
            case Remind():
                if self.notifier is not None:
                    click_starts = self.tray is None or self.tray.click_starts
                    title, body, buttons = reminders.break_reminder(
                        effect, self.config.breaks.snooze, click_starts
                    )
                    self.notifier.remind(title, body, buttons)
            case Withdraw():
                if self.notifier is not None:
                    self.notifier.withdraw()
            case RemindRoutine():
                if self.notifier is not None:
                    self.notifier.notify(*reminders.routine_reminder(effect))
            case Record(kind, _, stretch):
                log.info("%s%s", kind.value, f": {stretch.name}" if stretch else "")
                self._recorder.write(effect.entry())
            case Guide(stretch):
                self._guides.open([stretch], "Stretch break", can_snooze=True)
            case CloseGuide():
                self._guides.close()
            case OpenRoutine(name):
                stretches = self._practice.routine(self._clock())
                self._guides.open(stretches, f"{name.capitalize()} routine", can_snooze=False)
            case Refuse(reason):
                log.info("Refused: %s", reason)
