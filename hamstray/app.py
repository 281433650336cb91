"""The running tray app: wires config, history, tray, notifications, control socket and loop."""

import logging
import os
import signal
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

import hamstray
from hamstray import (
    autostart,
    config,
    control,
    core,
    desktop,
    durations,
    guide,
    idle,
    logs,
    menu,
    notify,
    quiet,
    rotation,
    schedule,
    stats,
)
from hamstray.assets import app_icon
from hamstray.autostart import AutostartError
from hamstray.catalogue import Stretch
from hamstray.core import Do, Effect, Guide, Notify, OpenRoutine, Record, Refuse, Render
from hamstray.files import write_atomically
from hamstray.history import History, HistoryError
from hamstray.loop import Loop, Outcome
from hamstray.menu import Extras
from hamstray.notify import Notifier
from hamstray.paths import Paths
from hamstray.practice import Practice

if TYPE_CHECKING:
    from hamstray.tray import Tray

log = logging.getLogger(__name__)


class StartError(Exception):
    """The app cannot start; the message is one sentence for the user."""


class AlreadyRunning(StartError):
    """Another hamstray of this user is running: not a failure."""


def status(outcome: Outcome, cfg: config.Config) -> dict[str, Any]:
    """The ``status --json`` object of INTERFACE.md."""
    state, now = outcome.state, outcome.now
    due = core.next_break_at(state, now, cfg)
    stretch = state.stretch
    paused_until = state.paused_until if state.phase is core.Phase.PAUSED else None
    return {
        "phase": state.phase.value,
        "sitting_s": round(core.sitting_seconds(state, now)),
        "next_break_in_s": None if due is None else round(due - now),
        "next_stretch": None
        if stretch is None
        else {"id": stretch.id, "name": stretch.name, "groups": list(stretch.groups)},
        "snoozes_left": max(0, cfg.breaks.max_snoozes - state.snoozes),
        "standing": state.standing,
        "paused_until": None
        if paused_until is None
        else datetime.fromtimestamp(paused_until, UTC).isoformat(timespec="seconds"),
        "pid": os.getpid(),
        "version": hamstray.__version__,
    }


def _exit_if_stuck(after: float) -> None:
    """End the process if the tray's main loop has not returned ``after`` seconds from now.

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


def check_display() -> None:
    """Raise StartError when there is no graphical session to put an icon in."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        raise StartError(
            "hamstray needs a graphical desktop session, but neither DISPLAY nor "
            "WAYLAND_DISPLAY is set."
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


class App:
    """One running hamstray."""

    # Set by _start, once this process holds the instance lock.
    history: History | None
    practice: Practice
    loop: Loop

    def __init__(self, paths: Paths, verbose: bool = False) -> None:
        self.paths = paths
        logs.setup(paths.log_file, verbose)
        self.config, problems = config.load(paths.config_file)
        for problem in problems:
            log.warning("%s", problem)
        self.notifier: Notifier | None = None
        self._tray: Tray | None = None
        self._history_trouble = False
        self._guide: guide.Session | None = None
        self._autostart = autostart.for_this_user()

    def _start(self) -> None:
        """Open the history and the desktop probes: only the one instance that runs does this
        (a second start must not touch the history file or the display)."""
        self.history = self._open_history()
        self.practice = Practice(self.config, self.history)
        self.loop = Loop(
            self.config,
            core.initial(time.time()),
            time.time,
            self._run_effect,
            idle=_lazily(idle.default_probe),
            quiet=_lazily(lambda: quiet.default_probe(sys.platform, os.environ)),
            suggest=lambda: self.practice.suggest(time.time()),
            schedule=lambda now: schedule.next_routine(now, self.config.routines),
        )

    def _open_history(self) -> History | None:
        try:
            history = History(self.paths.history)
        except (HistoryError, OSError, sqlite3.Error) as error:
            log.warning("History is off for this run: %s", error)
            return None
        if history.moved_aside is not None:
            log.warning(
                "The history file was damaged: it was kept as %s and a new one started.",
                history.moved_aside,
            )
        return history

    def _run_effect(self, effect: Effect) -> None:
        match effect:
            case Render(view):
                if self._tray is not None:
                    self._tray.show(view, self._extras())
            case Notify(title, message, stretch):
                if self.notifier is not None:
                    buttons = (
                        (
                            ("default", "Start stretch"),
                            ("start", "Start stretch"),
                            ("snooze", "Snooze"),
                        )
                        if stretch is not None
                        else ()
                    )
                    self.notifier.notify(title, message, buttons)
            case Record(kind, at, stretch, seconds, detail):
                log.info("%s%s", kind.value, f": {stretch.name}" if stretch else "")
                self._write(
                    kind.value,
                    at,
                    stretch.id if stretch else None,
                    stretch.groups if stretch else (),
                    seconds,
                    detail,
                )
            case Guide(stretch):
                self._open_guide([stretch], "Stretch break", can_snooze=True)
            case OpenRoutine(name):
                stretches = self.practice.routine(time.time())
                self._open_guide(stretches, f"{name.capitalize()} routine", can_snooze=False)
            case Do(name):
                self._do(name)
            case Refuse(reason):
                log.info("Refused: %s", reason)

    def _hello(self) -> None:
        """The first start without a config says what will happen, once."""
        if self.paths.config_file.exists() or self.history is None or self.notifier is None:
            return
        if self.history.rows(("hello",), limit=1):
            return
        minutes = durations.humanize(self.config.breaks.interval)
        self.notifier.notify(
            "hamstray is running",
            f"After {minutes} of sitting it will suggest a stretch. Right-click the tray icon "
            "for the menu, or run `hamstray setup` to change the interval and routines.",
        )
        self._write("hello", time.time())

    def _notifications(self, tray: "Tray") -> Notifier:
        """Notifications with buttons where the desktop has them, else plainer ones."""
        freedesktop = notify.Freedesktop() if sys.platform == "linux" else None
        if freedesktop is not None:
            freedesktop.listen(self._on_notification_button)
        return Notifier(app_icon(), tray.notify, freedesktop)

    def _on_notification_button(self, notification: int, key: str) -> None:
        """A button of our latest reminder was pressed (in the D-Bus listener thread)."""
        if self.notifier is None or notification != self.notifier.last_id:
            return
        if key in ("default", "start"):
            self.loop.post(core.StartStretch())
        elif key == "snooze":
            self.loop.post(core.Snooze())

    def _extras(self) -> Extras:
        """What the menu shows besides the view."""
        breaks = stretches = 0
        if self.history is not None:
            start = stats.midnight(stats.local_date(time.time(), None), None)
            kinds = [
                row.kind
                for row in self.history.between(start, kinds=("stretch_done", "natural_break"))
            ]
            stretches = kinds.count("stretch_done")
            breaks = len(kinds)
        return Extras(self.config.breaks.snooze, breaks, stretches, self._autostart.enabled())

    def _do(self, name: str) -> None:
        """Carry out an app command from the menu (in the loop thread)."""
        try:
            match name:
                case menu.STATISTICS:
                    from hamstray import chart, commands  # noqa: PLC0415 - Pillow when needed

                    picture = self.paths.data_dir / "this-week.png"
                    summary = commands.summarize(self.paths, 7, stats.DEFAULT_GOAL)
                    chart.draw(summary, 1).save(picture)
                    desktop.open_file(picture)
                case menu.SETTINGS:
                    path = self.paths.config_file
                    if not path.exists():
                        write_atomically(path, config.DEFAULT_FILE.encode())
                    desktop.open_file(path)
                case menu.AUTOSTART:
                    if self._autostart.enabled():
                        self._autostart.disable()
                    else:
                        self._autostart.enable()
                    if self._tray is not None:
                        self._tray.show(
                            core.view(self.loop.state, time.time(), self.config), self._extras()
                        )
        except (OSError, AutostartError) as error:
            log.warning("%s failed: %s", name.capitalize(), error)

    def _open_guide(self, stretches: list[Stretch], title: str, can_snooze: bool) -> None:
        if self._guide is not None and self._guide.running:
            log.info("The guide window is already open.")
            return
        if not stretches:
            log.warning("No stretch fits the %s (check stretches.exclude).", title.lower())
            return
        reported: list[bool] = []

        def on_event(event: dict[str, Any]) -> None:  # runs in the guide's reader thread
            match event.get("event"):
                case "stretch":
                    reported.append(True)
                    stretch = self.practice.find(str(event.get("id")), time.time())
                    held = event.get("held_s")
                    self.loop.post(
                        core.StretchEnded(
                            bool(event.get("done")), held if isinstance(held, int) else 0, stretch
                        )
                    )
                case "feedback":
                    stretch = self.practice.find(str(event.get("id")), time.time())
                    if stretch is not None and event.get("word") in rotation.FEEDBACK:
                        self.loop.post(core.Feedback(stretch, str(event["word"])))
                case "end" if event.get("action") == "snooze":
                    self.loop.post(core.Snooze())
                case "end" if not reported:
                    self.loop.post(core.StretchEnded(done=False))

        try:
            self._guide = guide.start(stretches, title, can_snooze, on_event)
        except OSError as error:
            log.warning("The guide window could not open: %s", error)

    def handle(self, command: str, args: dict[str, Any]) -> dict[str, Any]:
        """Answer one control request (runs in the control thread)."""
        if command == "quit":
            self.loop.quit()
            return {"ok": True}
        try:
            event = self._event_for(command, args)
        except ValueError as error:
            return {"ok": False, "error": str(error)}
        outcome = self.loop.ask(event)
        reply: dict[str, Any] = {"ok": not outcome.refusals, "status": status(outcome, self.config)}
        if outcome.refusals:
            reply["error"] = outcome.refusals[0]
        return reply

    def _event_for(self, command: str, args: dict[str, Any]) -> core.Event | None:
        match command:
            case "status":
                return None
            case "snooze":
                seconds = args.get("seconds")
                if seconds is not None and (not isinstance(seconds, int) or seconds <= 0):
                    raise ValueError("snooze seconds must be a positive whole number")
                return core.Snooze(seconds)
            case "pause":
                until = args.get("until")
                if until is not None and not isinstance(until, int | float):
                    raise ValueError("pause until must be a time in seconds since the epoch")
                return core.Pause(until)
            case "resume":
                return core.Resume()
            case "skip":
                return core.Skip()
            case "stretch":
                stretch_id = args.get("id")
                if stretch_id is None:
                    return core.StartStretch()
                stretch = self.practice.find(str(stretch_id), time.time())
                if stretch is None:
                    raise ValueError(f"unknown stretch {stretch_id!r} (see: hamstray stretches)")
                return core.StartStretch(stretch)
            case "stand" | "sit":
                return core.Stand(command == "stand")
            case "routine":
                name = args.get("name")
                if name not in ("morning", "evening"):
                    raise ValueError(f"routine must be morning or evening, not {name!r}")
                return core.StartRoutine(str(name))
        raise ValueError(f"unknown command {command!r}")

    def run(self) -> int:
        """Show the icon and run until Quit; return the exit code."""
        from hamstray import tray as trays  # noqa: PLC0415 - loads the GUI stack

        lock = control.InstanceLock(self.paths.runtime_dir / "instance.lock")
        try:
            if not lock.acquire():
                raise AlreadyRunning(self._already_running(lock))
        except control.ControlError as error:
            raise StartError(str(error)) from error
        self._start()
        try:
            now = time.time()
            tray = trays.create(
                self.loop.post,
                time.time,
                self.loop.quit,
                core.view(self.loop.state, now, self.config),
                self._extras(),
            )
            server = control.serve(self.paths.socket, self.handle)
        except (trays.TrayError, control.ControlError) as error:
            lock.release()
            raise StartError(str(error)) from error
        self._tray = tray
        signal.signal(signal.SIGTERM, lambda *_: self.loop.quit())
        signal.signal(signal.SIGINT, lambda *_: self.loop.quit())
        finished = threading.Lock()

        def shutdown() -> None:
            """Close everything once, from whichever thread gets here first."""
            if not finished.acquire(blocking=False):
                return
            server.close()
            self._record("app_stopped")
            if self.history is not None:
                self.history.close()
            lock.release()

        def run_loop() -> None:
            try:
                self.loop.run()
            finally:
                shutdown()
                _exit_if_stuck(after=3.0)
                tray.stop()

        def setup() -> None:
            """Once the icon is up: what it did not need to show itself, then the loop."""
            self._after_icon(tray)
            server.start()
            threading.Thread(target=run_loop, name="hamstray-loop", daemon=True).start()
            log.info(
                "hamstray %s is running (tray backend: %s)", hamstray.__version__, tray.backend
            )

        try:
            tray.run(setup)
        finally:
            shutdown()
        return 0

    def _after_icon(self, tray: "Tray") -> None:
        """Notifications, the hello, the history notices: after the icon, and never fatal."""
        try:
            self.notifier = self._notifications(tray)
            self._hello()
            self._tell_about_history()
            self._record("app_started")
        except Exception:  # the loop must start whatever happens here
            log.exception("Part of the start-up failed; hamstray runs without it")

    def _already_running(self, lock: control.InstanceLock) -> str:
        try:
            pid = control.request(self.paths.socket, "status", timeout=3)["status"]["pid"]
        except (control.ControlError, KeyError, TypeError):
            pid = lock.holder()
        return f"hamstray is already running (pid {pid})"

    def _record(self, kind: str) -> None:
        self._write(kind, time.time(), detail=hamstray.__version__)

    def _write(
        self,
        kind: str,
        at: float,
        stretch: str | None = None,
        groups: tuple[str, ...] = (),
        seconds: float | None = None,
        detail: str = "",
    ) -> None:
        """Record an event; when the history cannot be written, say so once, keep it in memory."""
        if self.history is None:
            return
        self._report_history(self.history.record(kind, at, stretch, groups, seconds, detail))

    def _tell_about_history(self) -> None:
        """At start: whether the history was damaged, or cannot be written."""
        if self.history is None or self.notifier is None:
            return
        if self.history.moved_aside is not None:
            self.notifier.notify(
                "hamstray started a new history",
                f"The old history file could not be read. It was kept as "
                f"{self.history.moved_aside.name}; nothing was deleted.",
            )
        self._report_history(self.history.trouble is None)

    def _report_history(self, written: bool) -> None:
        """Say once when the history cannot be written, and when it can again."""
        if self.history is None:
            return
        if written and self._history_trouble:
            log.info("The history is written again (%s).", self.history.path)
            self._history_trouble = False
        elif not written and not self._history_trouble:
            self._history_trouble = True
            log.warning("%s: events are kept in memory and written later.", self.history.trouble)
            if self.notifier is not None:
                self.notifier.notify(
                    "hamstray cannot save its history",
                    f"{self.history.trouble}. Nothing is lost: events are kept in memory and "
                    "saved as soon as the file can be written.",
                )
