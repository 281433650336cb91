"""The tray icon as a StatusNotifierItem, in pure Python over D-Bus (jeepney).

The modern Linux tray: KDE Plasma, GNOME with the AppIndicator extension, Xfce, Cinnamon, MATE
and Wayland bars host icons this way, and on Wayland it is the only way in. The icon speaks
``org.kde.StatusNotifierItem`` and its menu ``com.canonical.dbusmenu`` (built from the same menu
model as every other backend). One connection; the tray thread blocks until a message arrives.

jeepney rather than dbus-fast: it is pure Python, hamstray already speaks D-Bus through it, and
its blocking connection fits one thread that sleeps in ``receive``; dbus-fast would bring an
asyncio loop (and a compiled extension for its speed) to a service that answers a few calls a day.
"""

import contextlib
import functools
import logging
import os
import socket
import threading
from collections.abc import Callable
from typing import Any

from PIL import Image

from hamstray.desktop.tray import dbusmenu, icons
from hamstray.desktop.tray.actions import Actions
from hamstray.desktop.tray.base import TrayError
from hamstray.desktop.tray.menu import (
    Command,
    Extras,
    Item,
    action_at,
    default_action,
    entries,
    items,
    title_for,
)
from hamstray.engine.events import Snooze
from hamstray.engine.model import Phase, View
from hamstray.ui.popup.client import Popup

log = logging.getLogger(__name__)

ITEM = "org.kde.StatusNotifierItem"
MENU = "com.canonical.dbusmenu"
WATCHER = "org.kde.StatusNotifierWatcher"
PROPERTIES = "org.freedesktop.DBus.Properties"
ITEM_PATH = "/StatusNotifierItem"
MENU_PATH = "/MenuBar"
SIZES = (16, 22, 24, 32, 48, 64)
Pixmap = tuple[int, int, bytes]
Reply = tuple[str, tuple[Any, ...]]
Call = tuple[str | None, str | None, str | None]
UNKNOWN, FAILED = "org.freedesktop.DBus.Error.UnknownMethod", "org.freedesktop.DBus.Error.Failed"


@functools.lru_cache(maxsize=64)
def pixmaps(phase: Phase, progress: int, standing: bool) -> list[Pixmap]:
    """The icon at each of ``SIZES`` as the spec's ARGB32, network byte order."""
    found = []
    for size in SIZES:
        image = icons.draw(phase, progress, size, standing).convert("RGBA")
        red, green, blue, alpha = image.split()
        argb = Image.merge("RGBA", (alpha, red, green, blue)).tobytes()
        found.append((size, size, argb))
    return found


def item_properties(view: View) -> dict[str, tuple[str, Any]]:
    """Every ``org.kde.StatusNotifierItem`` property for ``view``."""
    icon = pixmaps(view.phase, view.progress, view.standing)
    return {
        "Category": ("s", "ApplicationStatus"),
        "Id": ("s", "hamstray"),
        "Title": ("s", "hamstray"),
        "Status": ("s", "NeedsAttention" if view.phase is Phase.DUE else "Active"),
        "WindowId": ("i", 0),
        "IconName": ("s", ""),
        "IconPixmap": ("a(iiay)", icon),
        "AttentionIconName": ("s", ""),
        "AttentionIconPixmap": ("a(iiay)", icon),
        "OverlayIconName": ("s", ""),
        "OverlayIconPixmap": ("a(iiay)", []),
        "IconThemePath": ("s", ""),
        "ToolTip": ("(sa(iiay)ss)", ("", [], "hamstray", title_for(view))),
        "ItemIsMenu": ("b", False),
        "Menu": ("o", MENU_PATH),
    }


MENU_PROPERTIES = {
    "Version": ("u", 3),
    "TextDirection": ("s", "ltr"),
    "Status": ("s", "normal"),
    "IconThemePath": ("as", []),
}


class SniTray:
    """A StatusNotifierItem whose clicks only post events; ``show`` works from any thread."""

    backend = "sni"
    can_notify = False

    def __init__(self, actions: Actions, view: View, extras: Extras) -> None:
        from jeepney.io.blocking import open_dbus_connection  # noqa: PLC0415

        self._act = actions
        self._view = view
        self._items = items(view, extras)
        self._revision = 1
        self._lock = threading.Lock()  # the view and menu, read by the D-Bus thread
        self._send_lock = threading.Lock()
        self._stopping = False
        self._register_serial = -1
        self._popup = Popup()
        self.name = f"{ITEM}-{os.getpid()}-1"
        try:
            self._bus = open_dbus_connection(bus="SESSION")
            self._call_bus("RequestName", "su", self.name, 4)  # 4: do not queue
            self._call_bus(
                "AddMatch",
                "s",
                f"type='signal',interface='org.freedesktop.DBus',member='NameOwnerChanged',"
                f"arg0='{WATCHER}'",
            )
        except Exception as error:
            raise TrayError(
                f"the StatusNotifierItem tray needs the session D-Bus: {error}"
            ) from error

    def _call_bus(self, method: str, signature: str, *args: Any) -> None:
        from jeepney import message_bus, new_method_call  # noqa: PLC0415
        from jeepney.wrappers import unwrap_msg  # noqa: PLC0415

        reply = self._bus.send_and_get_reply(
            new_method_call(message_bus, method, signature, args), timeout=5
        )
        unwrap_msg(reply)

    def run(self, setup: Callable[[], None]) -> None:
        """Register with the watcher and answer the host until ``stop``; ``setup`` runs once."""
        self._register()
        setup()
        while True:
            try:
                message = self._bus.receive()
            except (OSError, ValueError) as error:
                if not self._stopping:
                    log.warning("The session D-Bus closed (%s): hamstray stops.", error)
                    self._act(Command.QUIT)
                break
            try:
                self._dispatch(message)
            except Exception:
                log.exception("A tray request failed")
        self._bus.close()

    def stop(self) -> None:
        """End ``run``: the bus drops the item and the host removes the icon; an open menu
        closes."""
        self._stopping = True
        self._popup.close()
        with contextlib.suppress(OSError):
            self._bus.sock.shutdown(socket.SHUT_RDWR)

    def notify(self, title: str, message: str) -> bool:
        """StatusNotifierItems show no notifications of their own."""
        return False

    def show(self, view: View, extras: Extras) -> None:
        """Show ``view``: the host hears only about what changed."""
        from jeepney import DBusAddress, new_signal  # noqa: PLC0415

        menu = items(view, extras)
        with self._lock:
            old_view, old_items = self._view, self._items
            self._view, self._items = view, menu
            layout_changed, updated = dbusmenu.changes(old_items, menu)
            if layout_changed:
                self._revision += 1
            revision = self._revision
        item = DBusAddress(ITEM_PATH, interface=ITEM)
        signals = []
        if (old_view.phase, old_view.progress, old_view.standing) != (
            view.phase,
            view.progress,
            view.standing,
        ):
            signals.append(new_signal(item, "NewIcon"))
        if title_for(old_view) != title_for(view):
            signals.append(new_signal(item, "NewToolTip"))
        old_status, status = item_properties(old_view)["Status"], item_properties(view)["Status"]
        if old_status != status:
            signals.append(new_signal(item, "NewStatus", "s", (status[1],)))
        bar = DBusAddress(MENU_PATH, interface=MENU)
        if layout_changed:
            signals.append(new_signal(bar, "LayoutUpdated", "ui", (revision, dbusmenu.ROOT)))
        elif updated:
            signals.append(
                new_signal(bar, "ItemsPropertiesUpdated", "a(ia{sv})a(ias)", (updated, []))
            )
        for signal in signals:
            self._send(signal)

    def _send(self, message: Any) -> int:
        serial: int = next(self._bus.outgoing_serial)
        with self._send_lock:
            try:
                self._bus.send(message, serial=serial)
            except OSError as error:
                log.debug("could not send to the session bus: %r", error)
        return serial

    def _register(self) -> None:
        from jeepney import DBusAddress, new_method_call  # noqa: PLC0415

        watcher = DBusAddress("/StatusNotifierWatcher", bus_name=WATCHER, interface=WATCHER)
        message = new_method_call(watcher, "RegisterStatusNotifierItem", "s", (self.name,))
        self._register_serial = self._send(message)

    def _dispatch(self, message: Any) -> None:
        from jeepney import HeaderFields, MessageType  # noqa: PLC0415

        header = message.header
        fields = header.fields
        if header.message_type is MessageType.method_call:
            self._answer(message)
        elif header.message_type is MessageType.signal:
            if fields.get(HeaderFields.member) == "NameOwnerChanged":
                name, _, owner = message.body
                if name == WATCHER and owner:
                    log.info("The tray host came back: showing the icon again.")
                    self._register()
        elif fields.get(HeaderFields.reply_serial) == self._register_serial:
            if header.message_type is MessageType.error:
                log.warning(
                    "No StatusNotifierItem host took the icon (%s): it appears when one starts; "
                    "reminders still come as notifications.",
                    message.body[0] if message.body else fields.get(HeaderFields.error_name),
                )
            else:
                log.debug("registered %s with the StatusNotifierWatcher", self.name)

    def _answer(self, message: Any) -> None:
        from jeepney import HeaderFields, new_error, new_method_return  # noqa: PLC0415

        fields = message.header.fields
        call = (
            fields.get(HeaderFields.path),
            fields.get(HeaderFields.interface),
            fields.get(HeaderFields.member),
        )
        try:
            signature, body = self._method(call, tuple(message.body))
            reply = new_method_return(message, signature, body)
        except LookupError as error:
            reply = new_error(message, UNKNOWN, "s", (str(error),))
        except Exception as error:
            log.exception("The tray could not answer %s", call)
            reply = new_error(message, FAILED, "s", (str(error),))
        if not message.header.flags & 1:  # NO_REPLY_EXPECTED
            self._send(reply)

    def _method(
        self, call: tuple[str | None, str | None, str | None], args: tuple[Any, ...]
    ) -> Reply:
        """The reply to one method call: (signature, body)."""
        with self._lock:
            view, menu, revision = self._view, self._items, self._revision
        match call:
            case (_, "org.freedesktop.DBus.Introspectable", "Introspect"):
                return "s", (_introspection(call[0]),)
            case (_, "org.freedesktop.DBus.Peer", "Ping"):
                return "", ()
            case (path, "org.freedesktop.DBus.Properties", "Get" | "GetAll" as method):
                found = item_properties(view) if path == ITEM_PATH else MENU_PROPERTIES
                if method == "GetAll":
                    return "a{sv}", (found,)
                if args[1] not in found:
                    raise LookupError(f"no property {args[1]}")
                return "v", (found[args[1]],)
            case (_, "org.kde.StatusNotifierItem", "Activate"):
                self._act(default_action(menu))
                return "", ()
            case (_, "org.kde.StatusNotifierItem", "SecondaryActivate"):
                snooze = next((i for i in menu if isinstance(i.action, Snooze)), None)
                self._act(snooze.action if snooze and snooze.enabled else None)
                return "", ()
            case (_, "org.kde.StatusNotifierItem", "ContextMenu"):
                self._context_menu(menu, *args)
                return "", ()
            case (_, "org.kde.StatusNotifierItem", "Scroll"):
                return "", ()
            case (_, "com.canonical.dbusmenu", "GetLayout"):
                return "u(ia{sv}av)", (revision, dbusmenu.layout(menu, *args))
            case (_, "com.canonical.dbusmenu", "GetGroupProperties"):
                return "a(ia{sv})", (dbusmenu.group_properties(menu, *args),)
            case (_, "com.canonical.dbusmenu", "GetProperty"):
                properties = dbusmenu.properties(dbusmenu.find(menu, args[0]))
                if args[1] not in properties:
                    raise LookupError(f"item {args[0]} has no property {args[1]}")
                return "v", (properties[args[1]],)
            case (_, "com.canonical.dbusmenu", "Event"):
                self._clicked(menu, args[0], args[1])
                return "", ()
            case (_, "com.canonical.dbusmenu", "EventGroup"):
                for item_id, kind, *_ in args[0]:
                    self._clicked(menu, item_id, kind)
                return "ai", ([],)
            case (_, "com.canonical.dbusmenu", "AboutToShow"):
                return "b", (False,)
            case (_, "com.canonical.dbusmenu", "AboutToShowGroup"):
                return "aiai", ([], [])
        raise LookupError(f"no method {call[1]}.{call[2]} at {call[0]}")

    def _clicked(self, menu: tuple[Item, ...], item_id: int, kind: str) -> None:
        item = dbusmenu.find(menu, item_id)
        if kind == "clicked" and item is not None and item.enabled:
            self._act(item.action)

    def _context_menu(self, menu: tuple[Item, ...], x: int, y: int) -> None:
        """Hosts without dbusmenu ask the item to show its own menu (X11 only)."""
        if not os.environ.get("DISPLAY"):
            return
        self._popup.open(entries(menu), x, y, lambda key: self._act(action_at(menu, key)))


def _introspection(path: str | None) -> str:
    interfaces = {
        ITEM_PATH: f'<interface name="{ITEM}"/>',
        MENU_PATH: f'<interface name="{MENU}"/>',
    }
    nodes = "" if path in interfaces else '<node name="StatusNotifierItem"/><node name="MenuBar"/>'
    return (
        '<!DOCTYPE node PUBLIC "-//freedesktop//DTD D-BUS Object Introspection 1.0//EN" '
        '"http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd">'
        f"<node>{interfaces.get(path or '', '')}"
        '<interface name="org.freedesktop.DBus.Properties"/>'
        f"{nodes}</node>"
    )
