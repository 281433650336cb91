"""Desktop notifications that never raise.

On Linux, when the freedesktop notification server offers buttons ("actions"), reminders go over
D-Bus with **Start stretch** and **Snooze** buttons and the stretch's picture, replace the previous
reminder while it is up, and are withdrawn once the break is handled another way. Otherwise
plyer, then the tray's own notification, then the log.
"""

import logging
import subprocess
import sys
import threading
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from PIL import Image

from hamstray.desktop.notification_server import TIMEOUT_S, ServerInfo
from hamstray.desktop.tray import icons
from hamstray.engine.phase import Phase

log = logging.getLogger(__name__)

IMAGE_SIZE = 64  # the due icon in a reminder: a notification's size, not the app icon's 256 px
PICTURE_SIZE = 128  # a stretch picture in a reminder: stock dunst's largest; others scale it down
# Servers that list every action, the default one too, in their action menu (dunst's context
# menu, makoctl menu): a button with the default's label would show twice there.
LISTS_DEFAULT = ("dunst", "mako")


class Server(Protocol):
    """The freedesktop notification server, as hamstray uses it."""

    def capabilities(self) -> list[str] | None: ...

    def information(self) -> ServerInfo | None: ...

    def notify(
        self,
        title: str,
        message: str,
        icon: str,
        actions: Sequence[tuple[str, str]],
        replaces: int,
        image: Image.Image | None = None,
    ) -> int | None: ...

    def close(self, notification: int) -> None: ...


def buttons_for(actions: Sequence[tuple[str, str]], server: str) -> tuple[tuple[str, str], ...]:
    """The actions to send to ``server``: where it lists the default action with the others,
    a button that repeats the default's label is left out (clicking the banner does it)."""
    default = dict(actions).get("default")
    if server.lower() not in LISTS_DEFAULT or default is None:
        return tuple(actions)
    return tuple((key, label) for key, label in actions if key == "default" or label != default)


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
        self._lock = threading.Lock()  # last_id: the loop sets it, the D-Bus reader clears it
        self.last_path = ""

    @property
    def last_id(self) -> int:
        """The server's id of the reminder on screen (0: none)."""
        return self._last_id

    def notify(self, title: str, message: str) -> str:
        """Show a notice; return the path used: "dbus", "plyer", "tray" or "log"."""
        return self._deliver(title, message, (), reminder=False)

    def remind(
        self,
        title: str,
        message: str,
        actions: Sequence[tuple[str, str]],
        picture: Path | None = None,
        due_icon: bool = True,
    ) -> str:
        """Show a reminder with its buttons (where the server has them), replacing the one on
        screen, with ``picture`` (the stretch's end pose), else the due icon (a break's), else
        none beside the app's icon; return the path used."""
        image = _picture(picture) if picture is not None else None
        if image is None and due_icon:
            image = icons.draw(Phase.DUE, 0, IMAGE_SIZE)
        return self._deliver(title, message, actions, reminder=True, image=image)

    def withdraw(self) -> None:
        """Take the reminder on screen down (the break was handled another way)."""
        with self._lock:
            shown, self._last_id = self._last_id, 0
        if shown and self._server is not None:
            self._server.close(shown)

    def closed(self, notification: int) -> None:
        """The server closed ``notification`` (expired, dismissed, or a button pressed): a
        later reminder must not replace it (Plasma then shows nothing)."""
        with self._lock:
            if notification == self._last_id:
                self._last_id = 0

    def _deliver(
        self,
        title: str,
        message: str,
        actions: Sequence[tuple[str, str]],
        reminder: bool,
        image: Image.Image | None = None,
    ) -> str:
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
            path = self._send(title, message, actions, capabilities or [], reminder, image)
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
        reminder: bool,
        image: Image.Image | None,
    ) -> str | None:
        """Show it over D-Bus where a server answers (a reminder with its buttons where the server
        has them, replacing the last reminder), else through AppleScript or plyer; the path."""
        if self._server is not None:
            buttons: tuple[tuple[str, str], ...] = ()
            if "actions" in capabilities and actions:
                info = self._server.information()
                buttons = buttons_for(actions, "" if info is None else info.name)
            with self._lock:
                replaces = self._last_id if reminder else 0  # only a reminder replaces one
            sent = self._server.notify(
                title, message, str(self._app_icon), buttons, replaces, image
            )
            if sent is None:
                return None
            if reminder:
                with self._lock:
                    self._last_id = sent
            return "dbus"
        if self._platform == "darwin" and self._osascript(title, message):
            return "osascript"
        if self._plyer(title, message):
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

    def _plyer(self, title: str, message: str) -> bool:
        try:
            with warnings.catch_warnings():
                # plyer warns in every process that dbus-python is missing, then uses notify-send.
                warnings.simplefilter("ignore")
                from plyer import notification  # noqa: PLC0415 - plyer is slow to import

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


def _picture(path: Path) -> Image.Image | None:
    """The stretch picture at a reminder's size (None, logged, when it cannot be read)."""
    try:
        with Image.open(path) as image:
            image.thumbnail((PICTURE_SIZE, PICTURE_SIZE))
            return image.convert("RGBA")
    except OSError as error:
        log.warning("The reminder goes without its picture: %s", error)
        return None


def _run(argv: list[str]) -> int:
    return subprocess.run(argv, capture_output=True, timeout=10, check=False).returncode
