"""The running tray app: its lifecycle, icon first. Before the icon shows it takes the instance
lock, opens the control socket (a request waits there until the app answers) and makes the
loop's queue (which holds early clicks); the icon shows a fresh start. Everything else, the
settings, the engine, the loop, the history, notifications, is imported and set up once the
icon is up (``Services``), and the loop runs after that; the answers to requests, the menu's
commands, the guide, the settings window and the desktop probes when first used. (A
StatusNotifierItem's host asks for the view as the item appears: there the settings are read
before.)"""

from __future__ import annotations

import logging
import os
import queue
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import hamstray
from hamstray.desktop.tray import backend
from hamstray.desktop.tray.actions import Actions
from hamstray.desktop.tray.base import Tray, TrayError
from hamstray.runtime import logs
from hamstray.runtime.control import channel
from hamstray.runtime.control.errors import ControlError
from hamstray.runtime.control.lock import InstanceLock
from hamstray.runtime.jobs import Job, Quit, Reload
from hamstray.store.paths import Paths

if TYPE_CHECKING:
    from hamstray.desktop.tray.menu import Command, Extras
    from hamstray.engine.model import View
    from hamstray.engine.reasons import Reason
    from hamstray.engine.settings import Config
    from hamstray.runtime.config_file import ConfigFile
    from hamstray.runtime.loop import Item, Loop
    from hamstray.runtime.requests import Request
    from hamstray.runtime.services import Services

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
    """One running hamstray: the icon first, then everything else (``Services``)."""

    def __init__(self, paths: Paths, verbose: bool = False) -> None:
        self.paths = paths
        logs.setup(paths.log_file, verbose)
        self.started_at = time.time()  # sitting counts from here
        # The loop's queue: clicks, menu commands and signals before the loop is made wait here.
        self.inbox: queue.SimpleQueue[Item] = queue.SimpleQueue()
        self.services: Services | None = None  # once the icon is up
        self._reading = threading.Lock()
        self._settings_file: ConfigFile | None = None  # read once the icon is up, or first asked
        self._stuck: threading.Timer | None = None

    @property
    def settings_file(self) -> ConfigFile:
        """The settings file as the app follows it, read (and its language taken) when first
        asked for: by the set-up once the icon is up, or by a tray that shows the view at once."""
        with self._reading:
            if self._settings_file is None:
                from hamstray.runtime.config_file import ConfigFile  # noqa: PLC0415
                from hamstray.store import translations  # noqa: PLC0415

                self._settings_file = ConfigFile(self.paths.config_file, time.time)  # logs it
                translations.use(self._settings_file.config.ui.language)
            return self._settings_file

    def _loop(self) -> Loop:
        """The loop, made once the icon is up, on the queue that held what came before; its
        callbacks use ``services``, made next and there before it runs."""
        from hamstray.engine import calendar  # noqa: PLC0415 - the engine: after the icon
        from hamstray.engine.model import initial  # noqa: PLC0415
        from hamstray.runtime.loop import Loop  # noqa: PLC0415

        config = self.settings_file.config
        return Loop(
            config,
            initial(self.started_at),
            time.time,
            lambda effect: self._up().effects(effect),
            idle=_lazily(self._idle_probe),
            quiet=_lazily(self._quiet_probe),
            suggest=lambda: self._up().practice.suggest(time.time()),
            schedule=lambda now: calendar.next_routine(now, self.settings_file.config.routines),
            checkin=lambda: self._up().practice.checkin_at(),  # noqa: PLW0108 - made later
            follow=self._follow,
            inbox=self.inbox,
        )

    def _idle_probe(self) -> Callable[[], float | None] | None:
        from hamstray.desktop import idle  # noqa: PLC0415 - a display or bus connection

        return idle.default_probe(lambda: self.loop.config.breaks.idle_reset)

    def _quiet_probe(self) -> Callable[[], Reason | None] | None:
        from hamstray.desktop import quiet  # noqa: PLC0415 - a display or bus connection

        return quiet.default_probe(lambda: self.loop.config.quiet)

    def _up(self) -> Services:
        """The services; only the loop's thread and later callers ask, and they are there."""
        assert self.services is not None, "used before the icon was up"  # noqa: S101
        return self.services

    def _follow(self, forced: bool) -> Config | None:
        """The loop woke (or ``reload`` asked): the settings file's new values, if any."""
        config = self.settings_file.check(forced)
        if config is not None:
            self._up().practice.config = self._up().effects.config = config
        self._tell_settings()
        return config

    def _tell_settings(self) -> None:
        """One notification about the problems in the settings file, once per content."""
        if (notice := self.settings_file.notice()) is not None:
            self._tell(*notice)

    def _tell(self, title: str, message: str) -> None:
        """Tell the user, as a notification where there is a way (the caller logs it)."""
        if self.services is not None and self.services.notifier is not None:
            self.services.notifier.notify(title, message)

    def _look(self) -> tuple[View, Extras]:
        """The view of this moment and what the menu shows besides, from any thread (the state
        is an immutable value); before the history is open, no counts."""
        from hamstray.desktop.tray.menu import Extras  # noqa: PLC0415 - the menu: after the icon
        from hamstray.engine import timing  # noqa: PLC0415
        from hamstray.engine.model import initial  # noqa: PLC0415

        if (services := self.services) is None:  # the loop runs once they are made
            config = self.settings_file.config
            now = time.time()
            return timing.view(initial(self.started_at), now, config), Extras(config.breaks.snooze)
        return timing.view(self.loop.state, time.time(), self.loop.config), services.extras()

    def _refresh(self) -> None:
        """Show the tray again (after a change the engine does not know of)."""
        if self.services is not None and self.services.effects.tray is not None:
            self.services.effects.tray.show(*self._look())

    def _answer(self, request: Request) -> dict[str, Any]:
        """A control request, answered once the app is set up (the channel starts then)."""
        return self._up().answers(request)

    def _command(self, command: Command) -> None:
        """A menu command, carried out in the loop's thread (it owns the history)."""
        self.inbox.put(Job(lambda: self._up().commands(command)))

    def run(self) -> int:
        """Show the icon, then set up the rest, and run until Quit; return the exit code."""
        self._lock = InstanceLock(self.paths.runtime_dir / "instance.lock")
        try:
            if not self._lock.acquire():
                raise AlreadyRunning(self._already_running(self._lock))
        except ControlError as error:
            raise StartError(str(error)) from error
        try:
            # Listening from the start: a request waits until the app answers, once set up.
            self._server = channel.serve(self.paths.socket, self._answer)
            actions = Actions(self.inbox.put, self._command, time.time, self._look, self._tell)
            tray = backend.create(actions)
        except (TrayError, ControlError, OSError) as error:
            self._lock.release()
            raise StartError(str(error)) from error
        signal.signal(signal.SIGTERM, lambda *_: self.inbox.put(Quit()))
        signal.signal(signal.SIGINT, lambda *_: self.inbox.put(Quit()))
        if hasattr(signal, "SIGHUP"):  # POSIX: scripts ask for a reload the classic way
            signal.signal(signal.SIGHUP, lambda *_: self.inbox.put(Reload()))
        self._finished = threading.Lock()
        self._loop_thread = threading.Thread(
            target=self._run_loop, args=(tray,), name="hamstray-loop", daemon=True
        )
        self._broken: list[Exception] = []
        try:
            tray.run(lambda: self._set_up(tray))
        finally:
            self._shutdown()
            if self._stuck is not None:
                self._stuck.cancel()  # the tray's loop returned: it was not stuck
        if self._broken:
            raise StartError(f"cannot start: {self._broken[0]}") from self._broken[0]
        return 0

    def _set_up(self, tray: Tray) -> None:
        """Once the icon is up: what it did not need to show itself, then the loop."""
        from hamstray.runtime.services import Services  # noqa: PLC0415 - after the icon

        try:
            self.loop = self._loop()
            services = Services(
                self.paths, self.loop, self.settings_file, self._tell, self._refresh
            )
        except Exception as error:  # a broken install: the app ends, as it did before its icon
            log.exception("hamstray cannot start")
            self._broken.append(error)
            tray.stop()
            return
        services.effects.tray = tray
        self.services = services
        services.start(tray)
        self._tell_settings()
        self._server.start()
        self._loop_thread.start()
        log.info("hamstray %s is running (tray backend: %s)", hamstray.__version__, tray.backend)

    def _shutdown(self) -> None:
        """Close everything once, from whichever thread gets here first: the loop is stopped
        and joined before the history it writes to is closed."""
        if not self._finished.acquire(blocking=False):
            return
        self._server.close()
        if (services := self.services) is not None:
            if self._loop_thread.is_alive() and threading.current_thread() is not self._loop_thread:
                self.loop.quit()
                self._loop_thread.join(LOOP_JOIN_S)
            services.stop()
        self._lock.release()

    def _run_loop(self, tray: Tray) -> None:
        try:
            self.loop.run()
        finally:
            self._shutdown()
            self._stuck = _exit_if_stuck(after=3.0)
            tray.stop()

    def _already_running(self, lock: InstanceLock) -> str:
        from hamstray.runtime.requests import Command as Asked  # noqa: PLC0415
        from hamstray.runtime.requests import Request  # noqa: PLC0415

        try:
            reply = channel.request(self.paths.socket, Request(Asked.STATUS), timeout=3)
            pid = reply["status"]["pid"]
        except (ControlError, KeyError, TypeError):
            pid = lock.holder()
        return f"hamstray is already running (pid {pid})"
