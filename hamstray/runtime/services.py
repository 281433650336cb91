"""What the running app sets up once its icon shows (the icon needs none of it): the history
and what records in it, the effects, the notifications, the hello and the start-up notices;
the menu commands, the settings window, the guide's end and the answers to control requests
are made when first used (most days none of them is: their modules stay out of memory)."""

from __future__ import annotations

import functools
import logging
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import hamstray
from hamstray.desktop import autostart
from hamstray.desktop.notification_server import Freedesktop
from hamstray.desktop.notify import Notifier
from hamstray.desktop.tray.base import Tray
from hamstray.desktop.tray.menu import Extras
from hamstray.engine.asks import Snooze, Stand, StartCheckin, StartStretch
from hamstray.engine.catalogue import Stretch
from hamstray.engine.entries import Entry, Kind
from hamstray.engine.events import Event, GuideMissing
from hamstray.runtime import reminders
from hamstray.runtime.config_file import ConfigFile
from hamstray.runtime.effects import Effects
from hamstray.runtime.loop import Loop
from hamstray.runtime.practice import Practice
from hamstray.runtime.recorder import Recorder, open_history
from hamstray.store import assets
from hamstray.store.paths import Paths
from hamstray.store.translations import _
from hamstray.ui import tk_display

if TYPE_CHECKING:
    from hamstray.runtime.answers import Answers
    from hamstray.runtime.commands import Commands
    from hamstray.runtime.guides import Guides
    from hamstray.runtime.settings_window import SettingsWindow

log = logging.getLogger(__name__)


class Services:
    """Everything of the running app beyond its icon and its loop; ``notify`` tells the user
    (the app's own, which uses ``notifier`` once it is there)."""

    def __init__(
        self,
        paths: Paths,
        loop: Loop,
        settings_file: ConfigFile,
        notify: Callable[[str, str], None],
        refresh: Callable[[], None],
    ) -> None:
        self.paths = paths
        self.loop = loop
        self.notifier: Notifier | None = None
        self._settings_file = settings_file
        self._notify = notify
        self._refresh = refresh
        self.autostart = autostart.for_this_user()
        self.history = open_history(paths.history)
        self.recorder = Recorder(self.history, notify)
        self.practice = Practice(loop.config, self.history)
        self.effects = Effects(
            loop.config, self.recorder, self._guides, self.practice, self.extras, time.time
        )

    def _guides(self) -> Guides:
        """The guide window's end in the app (the effects make it when the first guide opens)."""
        from hamstray.runtime.guides import Guides  # noqa: PLC0415 - with the first guide

        return Guides(self.loop.post, self.practice, time.time, self._notify)

    @functools.cached_property
    def answers(self) -> Answers:
        """The answers to control requests (the control server's thread asks)."""
        from hamstray.runtime.answers import Answers  # noqa: PLC0415 - when first asked

        return Answers(
            self.loop,
            self._find,
            lambda: self._settings_file.reading,
            lambda: self.loop.call(lambda: self.settings_window.open()),  # noqa: PLW0108 - in the loop
        )

    @functools.cached_property
    def commands(self) -> Commands:
        """The menu's commands (carried out in the loop's thread)."""
        from hamstray.runtime.commands import Commands  # noqa: PLC0415 - when first used

        return Commands(
            self.paths,
            lambda: self.history,
            self.autostart,
            time.time,
            self._refresh,
            self.loop.quit,
            settings=lambda: self.settings_window.open(),  # noqa: PLW0108 - made when opened
            tell=self._notify,
        )

    @functools.cached_property
    def settings_window(self) -> SettingsWindow:
        """The settings window's end in the app (opened in the loop's thread)."""
        from hamstray.runtime.settings_window import SettingsWindow  # noqa: PLC0415

        loop = self.loop
        return SettingsWindow(
            self.paths.config_file,
            self.autostart,
            reload=lambda: loop.reload(wait=None),
            standing=lambda: loop.state.standing,
            stand=lambda on: loop.post(Stand(on)),
            refresh=lambda: loop.call(self._refresh),
        )

    def extras(self) -> Extras:
        """What the menu shows besides the view."""
        breaks = stretches = 0
        if self.history is not None:
            from hamstray.engine import stats  # noqa: PLC0415 - only the menu counts need it

            start = stats.midnight(stats.local_date(time.time(), None), None)
            today = self.history.between(start, kinds=(Kind.STRETCH_DONE, Kind.NATURAL_BREAK))
            stretches = sum(1 for entry in today if entry.kind is Kind.STRETCH_DONE)
            breaks = len(today)
        return Extras(self.loop.config.breaks.snooze, breaks, stretches, self.autostart.enabled())

    def start(self, tray: Tray) -> None:
        """Notifications, the guide's check, the hello, the history notices; never fatal."""
        try:
            self.notifier = self.effects.notifier = self._notifications(tray)
            self._check_guide()
            self._hello()
            self.recorder.tell_about_the_file()
            self.recorder.write(Entry(time.time(), Kind.APP_STARTED, detail=hamstray.__version__))
        except Exception:  # the loop must start whatever happens here
            log.exception("Part of the start-up failed; hamstray runs without it")

    def stop(self) -> None:
        """The last record, then the history closed (the loop no longer writes to it)."""
        self.recorder.write(Entry(time.time(), Kind.APP_STOPPED, detail=hamstray.__version__))
        if self.history is not None:
            self.history.close()

    def _find(self, stretch_id: str) -> Stretch | None:
        return self.practice.find(stretch_id, time.time())

    def _notifications(self, tray: Tray) -> Notifier:
        """Notifications with buttons where the desktop has them, else plainer ones."""
        freedesktop = Freedesktop() if sys.platform == "linux" else None
        notifier = Notifier(assets.app_icon(), tray.notify, freedesktop)
        if freedesktop is not None:
            freedesktop.listen(self._on_notification_button, notifier.closed)
        return notifier

    def _on_notification_button(self, notification: int, key: str) -> None:
        """A button of our latest reminder was pressed (in the D-Bus listener thread)."""
        if self.notifier is None or notification != self.notifier.last_id:
            return
        chosen: dict[str, Event] = {
            "start": StartStretch(),
            "snooze": Snooze(),
            "checkin": StartCheckin(),
        }
        event = self.effects.on_click if key == "default" else chosen.get(key)
        if event is not None:
            self.loop.post(event)

    def _check_guide(self) -> None:
        """Where the guide cannot open (no tkinter, no X display), say so once and never start
        a stretch there, rather than record it as skipped."""
        problem = tk_display.current()
        if problem is None:
            return
        self.loop.post(GuideMissing(problem))
        log.warning("The guide window cannot open: %s", problem)
        if self.notifier is not None:
            self.notifier.notify(_("The guide window cannot open"), tk_display.sentence(problem))

    def _hello(self) -> None:
        """The first start without a config says what will happen, once."""
        if self.paths.config_file.exists() or self.history is None or self.notifier is None:
            return
        if self.history.rows((Kind.HELLO,), limit=1):
            return
        self.notifier.notify(*reminders.hello(self.loop.config.breaks.interval))
        self.recorder.write(Entry(time.time(), Kind.HELLO))
