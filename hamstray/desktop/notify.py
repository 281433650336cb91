"""Desktop notifications that never raise.

On Linux, when the freedesktop notification server offers buttons ("actions"), reminders go over
D-Bus with **Start stretch** and **Snooze** buttons and replace the previous reminder. Otherwise
plyer, then the tray's own notification, then the log.
"""

import logging
import subprocess
import sys
import threading
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from hamstray.desktop import dbus

log = logging.getLogger(__name__)

TIMEOUT_S = 60
BUS_NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"


class Server(Protocol):
    """The freedesktop notification server, as hamstray uses it."""

    def capabilities(self) -> list[str] | None: ...

    def notify(
        self, title: str, message: str, icon: str, actions: Sequence[tuple[str, str]], replaces: int
    ) -> int | None: ...


class Notifier:
    """Delivers a notification by the first path that works and remembers which one that was."""

    def __init__(
        self,
        app_icon: Path,
        tray_notify: Callable[[str, str], bool] | None = None,
        server: Server | None = None,
        platform: str = sys.platform,
        run: Callable[[list[str]], int] | None = None,
    ) -> None:
        self._app_icon = app_icon
        self._platform = platform
        self._run = run or _run
        self._tray_notify = tray_notify
        self._server = server
        self._warned: set[str] = set()
        self._last_id = 0
        self.last_path = ""

    @property
    def last_id(self) -> int:
        """The server's id of the last reminder sent over D-Bus (0: none)."""
        return self._last_id

    def notify(
        self,
        title: str,
        message: str,
        actions: Sequence[tuple[str, str]] = (),
        icon: Path | None = None,
    ) -> str:
        """Show a notification (with ``icon``, else the app's); return the path used: "dbus",
        "plyer", "tray" or "log"."""
        capabilities = None if self._server is None else self._server.capabilities()
        if self._server is not None and capabilities is None:
            self._warn_once(
                "server",
                "No notification server answers on the session bus; "
                "reminders show in the tray icon only.",
            )
        else:
            if "server" in self._warned:
                self._warned.discard("server")  # a later outage is told again
                log.info("The notification server answers again.")
            path = self._send(title, message, actions, capabilities or [], icon or self._app_icon)
            if path is not None:
                self.last_path = path
                return path
        if self._tray_notify is not None and self._tray_notify(title, message):
            self.last_path = "tray"
        else:
            self._warn_once("log", "No way to show notifications here; reminders go to the log.")
            log.info("Reminder: %s. %s", title, message)
            self.last_path = "log"
        return self.last_path

    def _send(
        self,
        title: str,
        message: str,
        actions: Sequence[tuple[str, str]],
        capabilities: list[str],
        icon: Path,
    ) -> str | None:
        """Show it over D-Bus where a server answers (a reminder with its buttons where the server
        has them, replacing the last reminder), else through AppleScript or plyer; the path."""
        if self._server is not None:
            buttons = actions if "actions" in capabilities else ()
            replaces = self._last_id if actions else 0  # only a reminder replaces a reminder
            sent = self._server.notify(title, message, str(icon), buttons, replaces)
            if sent is None:
                return None
            if actions:
                self._last_id = sent
            return "dbus"
        if self._platform == "darwin" and self._osascript(title, message):
            return "osascript"
        if self._plyer(title, message, icon):
            return "plyer"
        return None

    def _osascript(self, title: str, message: str) -> bool:
        """macOS: plyer needs pyobjus there, so ask AppleScript; the texts go in as arguments,
        never into the script."""
        script = [
            "osascript",
            "-e",
            "on run argv",
            "-e",
            "display notification (item 2 of argv) with title (item 1 of argv)",
            "-e",
            "end run",
            title,
            message,
        ]
        try:
            return self._run(script) == 0
        except OSError as error:
            self._warn_once("osascript", f"osascript could not notify ({error}).")
            return False

    def _plyer(self, title: str, message: str, icon: Path) -> bool:
        try:
            with warnings.catch_warnings():
                # plyer warns in every process that dbus-python is missing, then uses notify-send.
                warnings.simplefilter("ignore")
                from plyer import notification  # noqa: PLC0415 - plyer is slow to import

                notification.notify(
                    title=title,
                    message=message,
                    app_name="hamstray",
                    app_icon=str(icon),
                    timeout=TIMEOUT_S,
                )
        except Exception as error:  # noqa: BLE001 - any plyer failure means: try the next path
            self._warn_once(f"plyer:{type(error).__name__}", f"plyer could not notify ({error!r}).")
            return False
        return True

    def _warn_once(self, key: str, text: str) -> None:
        if key not in self._warned:
            self._warned.add(key)
            log.warning(text)


def _run(argv: list[str]) -> int:
    return subprocess.run(argv, capture_output=True, timeout=10, check=False).returncode


class Freedesktop:
    """The notification server over the session D-Bus (jeepney, pure Python).

    One connection sends the notifications and receives their signals: servers may send
    ActionInvoked only to the connection that created the notification. jeepney's threaded
    router reads it in its own thread, which blocks on the socket (no polling).
    """

    def __init__(self) -> None:
        self._router: Any = None
        self._lock = threading.Lock()

    def _call(self, method: str, signature: str | None = None, *args: Any) -> Any:
        from jeepney import DBusAddress, new_method_call  # noqa: PLC0415
        from jeepney.wrappers import unwrap_msg  # noqa: PLC0415

        address = DBusAddress(PATH, bus_name=BUS_NAME, interface=BUS_NAME)
        try:
            router = self._connect()
            reply = router.send_and_get_reply(
                new_method_call(address, method, signature, args), timeout=3
            )
            body = unwrap_msg(reply)
        except Exception as error:  # noqa: BLE001 - no bus, no server, or a D-Bus error
            log.debug("Notifications.%s failed: %r", method, error)
            if not dbus.is_dbus_error(error):
                self._drop()
            return None
        return body[0] if body else None

    def _connect(self) -> Any:
        with self._lock:
            if self._router is None:
                from jeepney.io.threading import DBusRouter, open_dbus_connection  # noqa: PLC0415

                self._router = DBusRouter(open_dbus_connection(bus="SESSION"))
            return self._router

    def _drop(self) -> None:
        with self._lock:
            router, self._router = self._router, None
        if router is not None:
            router.close()

    def capabilities(self) -> list[str] | None:
        """What the server can do, or None when there is no server."""
        found = self._call("GetCapabilities")
        return None if found is None else list(found)

    def notify(
        self, title: str, message: str, icon: str, actions: Sequence[tuple[str, str]], replaces: int
    ) -> int | None:
        """Show (or replace) a notification with buttons; return its id."""
        flat = [part for key, label in actions for part in (key, label)]
        hints = {"category": ("s", "x-hamstray.reminder"), "desktop-entry": ("s", "hamstray")}
        found = self._call(
            "Notify",
            "susssasa{sv}i",
            "hamstray",
            replaces,
            icon,
            title,
            message,
            flat,
            hints,
            TIMEOUT_S * 1000,
        )
        return None if found is None else int(found)

    def listen(self, on_action: Callable[[int, str], None]) -> threading.Thread | None:
        """Report each ActionInvoked (notification id, action key) from a thread of its own."""
        try:
            from jeepney import MatchRule, message_bus  # noqa: PLC0415

            router = self._connect()
            rule = MatchRule(type="signal", interface=BUS_NAME, member="ActionInvoked")
            router.send_and_get_reply(message_bus.AddMatch(rule), timeout=3)
        except Exception as error:  # noqa: BLE001 - no bus: no buttons
            log.debug("no notification buttons: %r", error)
            return None

        def run() -> None:
            with router.filter(rule, bufsize=16) as signals:
                while True:
                    message = signals.get()
                    notification, key = message.body
                    on_action(int(notification), str(key))

        thread = threading.Thread(target=run, name="hamstray-notifications", daemon=True)
        thread.start()
        return thread
