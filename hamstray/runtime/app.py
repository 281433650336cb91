"""The running tray app: wires the loop, the tray, notifications, the history and the control
channel together, and owns their lifecycle: what starts first, and what stops last."""

import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import TypeVar

import hamstray
from hamstray.desktop import autostart, idle, quiet
from hamstray.desktop.notification_server import Freedesktop
from hamstray.desktop.notify import Notifier
from hamstray.desktop.tray import backend
from hamstray.desktop.tray.actions import Actions
from hamstray.desktop.tray.base import Tray, TrayError
from hamstray.desktop.tray.menu import Command, Extras
from hamstray.engine import calendar, stats, timing
from hamstray.engine.catalogue import Stretch
from hamstray.engine.entries import Entry, Kind
from hamstray.engine.events import Event, GuideMissing, Snooze, Stand, StartCheckin, StartStretch
from hamstray.engine.model import Effect, View, initial
from hamstray.engine.settings import Config
from hamstray.runtime import logs, reminders
from hamstray.runtime.answers import Answers
from hamstray.runtime.commands import Commands
from hamstray.runtime.config_file import ConfigFile
from hamstray.runtime.control import channel
from hamstray.runtime.control.lock import InstanceLock
from hamstray.runtime.control.protocol import ControlError
from hamstray.runtime.effects import Effects
from hamstray.runtime.guides import Guides
from hamstray.runtime.loop import Loop
from hamstray.runtime.practice import Practice
from hamstray.runtime.recorder import Recorder, open_history
from hamstray.runtime.requests import Command as Asked
from hamstray.runtime.requests import Request
from hamstray.runtime.settings_window import SettingsWindow
from hamstray.store import assets
from hamstray.store.paths import Paths
from hamstray.store.translations import _
from hamstray.ui import tk_display

log = logging.getLogger(__name__)

LOOP_JOIN_S = 5.0  # how long the app waits for the loop to write its last records at exit


class StartError(Exception):
    """The app cannot start; the message is one sentence for the user, shown after "hamstray: "."""


class AlreadyRunning(StartError):
    """Another hamstray of this user is running: not a failure."""


def check_display() -> None:
    """Raise StartError when there is no graphical session to put an icon in."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        raise StartError(
            "needs a graphical desktop session, but neither DISPLAY nor WAYLAND_DISPLAY is set."
        )


Probe = TypeVar("Probe")


def _lazily(make: Callable[[], Callable[[], Probe] | None]) -> Callable[[], Probe | None]:
    """A desktop probe made when the loop first asks (minutes after start), not before the icon
    shows: each opens its own display or bus connection."""
    made: list[Callable[[], Probe] | None] = []

    def probe() -> Probe | None:
        if not made:
            made.append(make())
        found = made[0]
        return None if found is None else found()

    return probe


def _exit_if_stuck(after: float) -> threading.Timer:
    """End the process unless the tray's main loop returns within ``after`` seconds (cancel the
    returned timer when it does).

    Everything is saved and closed by then. Stopping pystray's xorg backend from another thread
    now and then leaves its main loop waiting for X events forever (seen about one stop in two
    on Xvfb + tint2): its window is never destroyed although ``stop()`` returned.
    """

    def force() -> None:
        log.info("The tray did not stop within %s s; exiting anyway.", after)
        logging.shutdown()
        os._exit(0)

    timer = threading.Timer(after, force)
    timer.daemon = True  # a normal exit does not wait for it
    timer.start()
    return timer


class App:
    """One running hamstray."""

    def __init__(self, paths: Paths, verbose: bool = False) -> None:
        self.paths = paths
        logs.setup(paths.log_file, verbose)
        self.settings_file = ConfigFile(paths.config_file, time.time)  # logs what it finds
        self.config = self.settings_file.config
        self.notifier: Notifier | None = None
        self._stuck: threading.Timer | None = None
        self._autostart = autostart.for_this_user()

    def _start(self) -> None:
        """Open the history and make the loop: only the one instance that runs does this (a
        second start must not touch the history file or the display)."""
        self.history = open_history(self.paths.history)
        self.recorder = Recorder(self.history, self._tell)
        self.practice = Practice(self.config, self.history)
        self.loop = Loop(
            self.config,
            initial(time.time()),
            time.time,
            self._run_effect,
            idle=_lazily(lambda: idle.default_probe(lambda: self.loop.config.breaks.idle_reset)),
            quiet=_lazily(lambda: quiet.default_probe(lambda: self.loop.config.quiet)),
            suggest=lambda: self.practice.suggest(time.time()),
            schedule=lambda now: calendar.next_routine(now, self.config.routines),
            checkin=self.practice.checkin_at,
            follow=self._follow,
        )
        guides = Guides(self.loop.post, self.practice, time.time, self._tell)
        self.effects = Effects(
            self.config, self.recorder, guides, self.practice, self._extras, time.time
        )
        self.settings_window = SettingsWindow(
            self.paths.config_file,
            self._autostart,
            reload=lambda: self.loop.reload(wait=None),
            standing=lambda: self.loop.state.standing,
            stand=lambda on: self.loop.post(Stand(on)),
            refresh=lambda: self.loop.call(self._refresh),
        )
        self.commands = Commands(
            self.paths,
            lambda: self.history,
            self._autostart,
            time.time,
            self._refresh,
            self.loop.quit,
            settings=self.settings_window.open,
            tell=self._tell,
        )

    def _follow(self, forced: bool) -> Config | None:
        """The loop woke (or ``reload`` asked): the settings file's new values, if any."""
        config = self.settings_file.check(forced)
        if config is not None:
            self.config = self.practice.config = self.effects.config = config
        self._tell_settings()
        return config

    def _tell_settings(self) -> None:
        """One notification about the problems in the settings file, once per content."""
        if self.notifier is not None and (notice := self.settings_file.notice()) is not None:
            self.notifier.notify(*notice)

    def _run_effect(self, effect: Effect) -> None:
        self.effects(effect)  # made after the loop: its guides post to the loop

    def _tell(self, title: str, message: str) -> None:
        """Tell the user, as a notification where there is a way (the caller logs it)."""
        if self.notifier is not None:
            self.notifier.notify(title, message)

    def _extras(self) -> Extras:
        """What the menu shows besides the view."""
        breaks = stretches = 0
        if self.history is not None:
            start = stats.midnight(stats.local_date(time.time(), None), None)
            today = self.history.between(start, kinds=(Kind.STRETCH_DONE, Kind.NATURAL_BREAK))
            stretches = sum(1 for entry in today if entry.kind is Kind.STRETCH_DONE)
            breaks = len(today)
        return Extras(self.config.breaks.snooze, breaks, stretches, self._autostart.enabled())

    def _look(self) -> View:
        """The view of this moment, from any thread (the state is an immutable value)."""
        return timing.view(self.loop.state, time.time(), self.loop.config)

    def _refresh(self) -> None:
        """Show the tray again (after a change the engine does not know of)."""
        if self.effects.tray is not None:
            view = timing.view(self.loop.state, time.time(), self.config)
            self.effects.tray.show(view, self._extras())

    def _command(self, command: Command) -> None:
        """A menu command, carried out in the loop's thread (it owns the history)."""
        self.loop.call(lambda: self.commands(command))

    def run(self) -> int:
        """Show the icon and run until Quit; return the exit code."""
        lock = InstanceLock(self.paths.runtime_dir / "instance.lock")
        try:
            if not lock.acquire():
                raise AlreadyRunning(self._already_running(lock))
        except ControlError as error:
            raise StartError(str(error)) from error
        self._start()
        try:
            actions = Actions(self.loop.post, self._command, time.time, self._look, self._tell)
            view = timing.view(self.loop.state, time.time(), self.config)
            tray = backend.create(actions, view, self._extras())
            answers = Answers(
                self.loop,
                self._find,
                lambda: self.settings_file.reading,
                lambda: self.loop.call(self.settings_window.open),
            )
            server = channel.serve(self.paths.socket, answers)
        except (TrayError, ControlError, OSError) as error:
            lock.release()
            raise StartError(str(error)) from error
        self.effects.tray = tray
        signal.signal(signal.SIGTERM, lambda *_: self.loop.quit())
        signal.signal(signal.SIGINT, lambda *_: self.loop.quit())
        if hasattr(signal, "SIGHUP"):  # POSIX: scripts ask for a reload the classic way
            signal.signal(signal.SIGHUP, lambda *_: self.loop.reload(wait=None))
        finished = threading.Lock()
        loop_thread = threading.Thread(target=self._run_loop, args=(tray,), name="hamstray-loop")
        loop_thread.daemon = True

        def shutdown() -> None:
            """Close everything once, from whichever thread gets here first: the loop is
            stopped and joined before the history it writes to is closed."""
            if not finished.acquire(blocking=False):
                return
            server.close()
            if loop_thread.is_alive() and threading.current_thread() is not loop_thread:
                self.loop.quit()
                loop_thread.join(LOOP_JOIN_S)
            self.recorder.write(Entry(time.time(), Kind.APP_STOPPED, detail=hamstray.__version__))
            if self.history is not None:
                self.history.close()
            lock.release()

        self._shutdown = shutdown

        def setup() -> None:
            """Once the icon is up: what it did not need to show itself, then the loop."""
            self._after_icon(tray)
            server.start()
            loop_thread.start()
            log.info(
                "hamstray %s is running (tray backend: %s)", hamstray.__version__, tray.backend
            )

        try:
            tray.run(setup)
        finally:
            shutdown()
            if self._stuck is not None:
                self._stuck.cancel()  # the tray's loop returned: it was not stuck
        return 0

    def _run_loop(self, tray: Tray) -> None:
        try:
            self.loop.run()
        finally:
            self._shutdown()
            self._stuck = _exit_if_stuck(after=3.0)
            tray.stop()

    def _find(self, stretch_id: str) -> Stretch | None:
        return self.practice.find(stretch_id, time.time())

    def _after_icon(self, tray: Tray) -> None:
        """Notifications, the hello, the history notices: after the icon, and never fatal."""
        try:
            self.notifier = self._notifications(tray)
            self.effects.notifier = self.notifier
            self._check_guide()
            self._hello()
            self._tell_settings()
            self.recorder.tell_about_the_file()
            self.recorder.write(Entry(time.time(), Kind.APP_STARTED, detail=hamstray.__version__))
        except Exception:  # the loop must start whatever happens here
            log.exception("Part of the start-up failed; hamstray runs without it")

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
        self._tell(_("The guide window cannot open"), tk_display.sentence(problem))

    def _hello(self) -> None:
        """The first start without a config says what will happen, once."""
        if self.paths.config_file.exists() or self.history is None or self.notifier is None:
            return
        if self.history.rows((Kind.HELLO,), limit=1):
            return
        self.notifier.notify(*reminders.hello(self.config.breaks.interval))
        self.recorder.write(Entry(time.time(), Kind.HELLO))

    def _already_running(self, lock: InstanceLock) -> str:
        try:
            reply = channel.request(self.paths.socket, Request(Asked.STATUS), timeout=3)
            pid = reply["status"]["pid"]
        except (ControlError, KeyError, TypeError):
            pid = lock.holder()
        return f"hamstray is already running (pid {pid})"
