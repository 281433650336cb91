"""The freedesktop notification server over the session D-Bus (jeepney, pure Python).

One connection sends the notifications and receives their signals: servers may send
``ActionInvoked`` only to the connection that created the notification. A signal counts only
when it comes from the server that took the notification (GNOME 43 sends every ``ActionInvoked``
twice: from gnome-shell and from its notification proxy, which owns the name), and an action
only once per notification.
"""

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PIL import Image

from hamstray.desktop import router

log = logging.getLogger(__name__)

BUS_NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
TIMEOUT_S = 60  # how long a notification stays up, where the server lets it expire
CALL_TIMEOUT_S = 3.0


@dataclass(frozen=True, slots=True)
class ServerInfo:
    """What ``GetServerInformation`` says: the server's name, vendor and version."""

    name: str
    vendor: str
    version: str


class Deliveries:
    """Which signals to believe: those from the server that took the notification, and each
    action once per notification (until that id is sent again, as a replacement)."""

    def __init__(self) -> None:
        self._server: dict[int, str] = {}  # notification id -> the unique name that took it
        self._acted: set[tuple[int, str]] = set()
        self._lock = threading.Lock()

    def sent(self, notification: int, server: str) -> None:
        """``server`` took (or replaced) ``notification``."""
        with self._lock:
            self._server[notification] = server
            self._acted = {(n, key) for n, key in self._acted if n != notification}

    def action(self, sender: str, notification: int, key: str) -> bool:
        """Whether this ActionInvoked is one to act on."""
        with self._lock:
            if self._server.get(notification) != sender or (notification, key) in self._acted:
                return False
            self._acted.add((notification, key))
            return True

    def closed(self, sender: str, notification: int) -> bool:
        """Whether this NotificationClosed is about one of ours; it then is gone."""
        with self._lock:
            if self._server.get(notification) != sender:
                return False
            del self._server[notification]
            return True


def image_data(image: Image.Image) -> tuple[str, tuple[Any, ...]]:
    """The ``image-data`` hint for ``image``: (iiibiiay) raw RGBA rows."""
    rgba = image.convert("RGBA")
    width, height = rgba.size
    return "(iiibiiay)", (width, height, width * 4, True, 8, 4, rgba.tobytes())


class Freedesktop:
    """The notification server: calls that never raise, and its signals from ``listen``."""

    def __init__(self, connect: router.Connect = router.session) -> None:
        self._connect_bus = connect
        self._router: router.Router | None = None
        self._lock = threading.Lock()
        self._deliveries = Deliveries()
        self._on_action: Callable[[int, str], None] | None = None
        self._on_closed: Callable[[int], None] | None = None

    def listen(
        self, on_action: Callable[[int, str], None], on_closed: Callable[[int], None]
    ) -> bool:
        """Report each button press (id, action key) and each close (id), from the reader
        thread; False when there is no bus."""
        self._on_action, self._on_closed = on_action, on_closed
        return self._bus() is not None

    def _bus(self) -> router.Router | None:
        """The connection, opened (with its match rules) on first use and after a failure."""
        with self._lock:
            if self._router is not None and self._router.alive:
                return self._router
            try:
                bus = router.Router(self._signal, self._connect_bus)
            except Exception as error:  # noqa: BLE001 - no bus
                log.debug("no session bus for notifications: %r", error)
                self._router = None
                return None
            self._router = bus
        if self._on_action is not None:
            for member in ("ActionInvoked", "NotificationClosed"):
                self._add_match(bus, member)
        return bus

    @staticmethod
    def _add_match(bus: router.Router, member: str) -> None:
        from jeepney import MatchRule, message_bus  # noqa: PLC0415

        rule = MatchRule(type="signal", interface=BUS_NAME, member=member)
        try:
            bus.call(message_bus.AddMatch(rule), timeout=CALL_TIMEOUT_S)
        except Exception as error:  # noqa: BLE001 - no buttons then, but notifications still
            log.debug("could not listen for %s: %r", member, error)

    def _signal(self, message: Any) -> None:
        from jeepney import HeaderFields  # noqa: PLC0415

        fields = message.header.fields
        if fields.get(HeaderFields.interface) != BUS_NAME:
            return
        sender = str(fields.get(HeaderFields.sender, ""))
        member = fields.get(HeaderFields.member)
        if member == "ActionInvoked" and self._on_action is not None:
            notification, key = int(message.body[0]), str(message.body[1])
            if self._deliveries.action(sender, notification, key):
                self._on_action(notification, key)
            else:
                log.debug("ignored ActionInvoked(%s, %s) from %s", notification, key, sender)
        elif member == "NotificationClosed" and self._on_closed is not None:
            notification = int(message.body[0])
            if self._deliveries.closed(sender, notification):
                self._on_closed(notification)

    def _call(self, method: str, signature: str | None = None, *args: Any) -> Any:
        """The reply to ``method`` (None when it cannot be called)."""
        from jeepney import DBusAddress, MessageType, new_method_call  # noqa: PLC0415

        bus = self._bus()
        if bus is None:
            return None
        address = DBusAddress(PATH, bus_name=BUS_NAME, interface=BUS_NAME)
        try:
            reply = bus.call(new_method_call(address, method, signature, args), CALL_TIMEOUT_S)
        except Exception as error:  # noqa: BLE001 - no server, or the bus went away
            log.debug("Notifications.%s failed: %r", method, error)
            return None
        if reply.header.message_type is MessageType.error:
            log.debug("Notifications.%s: %s %s", method, reply.header.fields, reply.body)
            return None
        return reply

    def capabilities(self) -> list[str] | None:
        """What the server can do, or None when there is no server."""
        reply = self._call("GetCapabilities")
        return None if reply is None else [str(c) for c in reply.body[0]]

    def information(self) -> ServerInfo | None:
        """The server's name, vendor and version, or None."""
        reply = self._call("GetServerInformation")
        if reply is None or len(reply.body) < 3:
            return None
        name, vendor, version = (str(part) for part in reply.body[:3])
        return ServerInfo(name, vendor, version)

    def notify(
        self,
        title: str,
        message: str,
        icon: str,
        actions: Sequence[tuple[str, str]],
        replaces: int,
        image: Image.Image | None = None,
    ) -> int | None:
        """Show (or replace) a notification; return its id."""
        from jeepney import HeaderFields  # noqa: PLC0415

        flat = [part for key, label in actions for part in (key, label)]
        hints: dict[str, tuple[str, Any]] = {
            "category": ("s", "x-hamstray.reminder"),
            "desktop-entry": ("s", "hamstray"),
        }
        if image is not None:
            hints["image-data"] = image_data(image)
        reply = self._call(
            "Notify", "susssasa{sv}i", "hamstray", replaces, icon, title, message, flat, hints,
            TIMEOUT_S * 1000,
        )  # fmt: skip
        if reply is None:
            return None
        notification = int(reply.body[0])
        self._deliveries.sent(notification, str(reply.header.fields.get(HeaderFields.sender, "")))
        return notification

    def close(self, notification: int) -> None:
        """Withdraw ``notification`` (the server then sends NotificationClosed)."""
        self._call("CloseNotification", "u", notification)
