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
import logging
import os
import socket
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from hamstray.desktop.tray import dbusmenu
from hamstray.desktop.tray.actions import Actions
from hamstray.desktop.tray.base import APP, TrayError, click_starts
from hamstray.desktop.tray.menu import (
    Command,
    Extras,
    Item,
    action_at,
    default_action,
    entries,
    items,
)
from hamstray.desktop.tray.sni_item import (
    ITEM,
    ITEM_PATH,
    MENU,
    MENU_PATH,
    MENU_PROPERTIES,
    introspection,
    item_properties,
    item_signals,
)
from hamstray.engine.asks import Snooze
from hamstray.engine.model import View

if TYPE_CHECKING:
    from hamstray.ui.popup.client import Popup

log = logging.getLogger(__name__)

WATCHER = "org.kde.StatusNotifierWatcher"
PROPERTIES = "org.freedesktop.DBus.Properties"
Reply = tuple[str, tuple[Any, ...]]
Call = tuple[str | None, str | None, str | None]
UNKNOWN, FAILED = "org.freedesktop.DBus.Error.UnknownMethod", "org.freedesktop.DBus.Error.Failed"


class SniTray:
    """A StatusNotifierItem whose clicks only post events; ``show`` works from any thread."""

    backend = "sni"
    can_notify = False

    def __init__(self, actions: Actions) -> None:
        from jeepney.io.blocking import open_dbus_connection  # noqa: PLC0415

        self._act = actions
        self._view, self._extras = actions.look()  # the host asks for both at once
        self._items = items(self._view, self._extras)
        self._revision = 1
        self._lock = threading.Lock()  # the view and menu, read by the D-Bus thread
        self._send_lock = threading.Lock()
        self._stopping = False
        self._register_serial = -1
        self._popup: Popup | None = None  # made when a host first asks for the item's own menu
        self.name = f"{ITEM}-{os.getpid()}-1"
        self.click_starts = click_starts(self.backend, os.environ.get("XDG_CURRENT_DESKTOP", ""))
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
        """Register with the watcher and answer the host until ``stop``; ``setup`` runs once,
        in a thread of its own, while this one answers the host's first questions (the icon)."""
        self._register()
        threading.Thread(target=setup, name="hamstray-setup", daemon=True).start()
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
        if self._popup is not None:
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
            self._view, self._items, self._extras = view, menu, extras
            layout_changed, updated = dbusmenu.changes(old_items, menu)
            if layout_changed:
                self._revision += 1
            revision = self._revision
        item = DBusAddress(ITEM_PATH, interface=ITEM)
        signals = [new_signal(item, *signal) for signal in item_signals(old_view, view)]
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
                return "s", (introspection(call[0]),)
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
                return "b", (self._about_to_show(args[0]),)
            case (_, "com.canonical.dbusmenu", "AboutToShowGroup"):
                return "aiai", ([], [])
        raise LookupError(f"no method {call[1]}.{call[2]} at {call[0]}")

    def _about_to_show(self, item_id: int) -> bool:
        """The menu opens: show this moment's view (the last redraw may be minutes old, and its
        first line says when the next break is); True when the labels changed."""
        if item_id != dbusmenu.ROOT:
            return False
        with self._lock:
            old = self._items
        self.show(*self._act.look())
        return self._items != old

    def _clicked(self, menu: tuple[Item, ...], item_id: int, kind: str) -> None:
        item = dbusmenu.find(menu, item_id)
        if kind == "clicked" and item is not None and item.enabled:
            self._act(item.action)

    def _context_menu(self, menu: tuple[Item, ...], x: int, y: int) -> None:
        """Hosts without dbusmenu ask the item to show its own menu (X11 only)."""
        if not os.environ.get("DISPLAY"):
            return
        from hamstray.ui.popup.client import Popup  # noqa: PLC0415 - with the first menu

        if self._popup is None:
            self._popup = Popup(on_crash=lambda sentence: self._act.tell(APP, sentence))
        self._popup.open(entries(menu), x, y, lambda key: self._act(action_at(menu, key)))
