"""Desktop notifications that never raise: plyer first, then the tray's own, then the log."""

import logging
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

TIMEOUT_S = 60


class Notifier:
    """Delivers a notification by the first path that works and remembers which one that was."""

    def __init__(
        self,
        app_icon: Path,
        tray_notify: Callable[[str, str], bool] | None = None,
        server_check: Callable[[], str | None] | None = None,
    ) -> None:
        self._app_icon = app_icon
        self._tray_notify = tray_notify
        self._server_check = server_check or _notification_server
        self._warned: set[str] = set()
        self.last_path = ""

    def notify(self, title: str, message: str) -> str:
        """Show ``title`` and ``message``; return the path used: "plyer", "tray" or "log"."""
        problem = self._server_check()
        if problem is None and self._plyer(title, message):
            self.last_path = "plyer"
        elif self._tray_notify is not None and self._tray_notify(title, message):
            self.last_path = "tray"
        else:
            self._warn_once(
                "log", "No way to show notifications here; reminders go to the log only."
            )
            log.info("Reminder: %s. %s", title, message)
            self.last_path = "log"
        if problem is not None:
            self._warn_once(problem, f"Desktop notifications are unavailable: {problem}.")
        return self.last_path

    def _plyer(self, title: str, message: str) -> bool:
        try:
            with warnings.catch_warnings():
                # plyer warns in every process that dbus-python is missing, then uses notify-send.
                warnings.simplefilter("ignore")
                from plyer import notification  # noqa: PLC0415 - plyer is slow to import; only load it when needed

                notification.notify(
                    title=title,
                    message=message,
                    app_name="hamstray",
                    app_icon=str(self._app_icon),
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


def _notification_server() -> str | None:
    """Return None when a notification server answers on this desktop, else what is missing."""
    if not sys.platform.startswith("linux"):
        return None  # plyer talks to the system's own notification centre there
    try:
        from jeepney import DBusAddress, new_method_call  # noqa: PLC0415
        from jeepney.io.blocking import open_dbus_connection  # noqa: PLC0415
        from jeepney.wrappers import unwrap_msg  # noqa: PLC0415
    except ImportError:
        return None
    address = DBusAddress(
        "/org/freedesktop/Notifications",
        bus_name="org.freedesktop.Notifications",
        interface="org.freedesktop.Notifications",
    )
    try:
        with open_dbus_connection(bus="SESSION") as connection:
            reply = connection.send_and_get_reply(
                new_method_call(address, "GetServerInformation"), timeout=3
            )
            unwrap_msg(reply)
    except (OSError, KeyError, TimeoutError) as error:
        return f"no session D-Bus ({error})"
    except Exception as error:  # noqa: BLE001 - jeepney raises its own error types for D-Bus errors
        return f"no notification server on the session bus ({error})"
    return None
