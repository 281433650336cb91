"""D-Bus from the test's side (jeepney): calls into a desktop, and a monitor of notifications.

The monitor eavesdrops on a private session bus (its config allows that) and records the
freedesktop notification traffic both ways: what hamstray asked, what the server answered, and
which signals it sent. Desktops that have no way to list what is on screen (dunst, Plasma) use it
to name the notifications that are open.
"""

import contextlib
import socket
import threading
from dataclasses import dataclass, field
from typing import Any

from jeepney import DBusAddress, HeaderFields, MessageType, new_method_call
from jeepney.io.blocking import open_dbus_connection
from jeepney.wrappers import unwrap_msg

from .stack import wait_for

NOTIFICATIONS = "org.freedesktop.Notifications"
WATCHER = "org.kde.StatusNotifierWatcher"
BUS = DBusAddress(
    "/org/freedesktop/DBus", bus_name="org.freedesktop.DBus", interface="org.freedesktop.DBus"
)


def call(
    address: str,
    dest: str,
    path: str,
    interface: str,
    method: str,
    signature: str | None = None,
    *args: Any,
    timeout: float = 10,
) -> tuple[Any, ...]:
    """Call ``method`` on the bus at ``address`` and return the reply's body (raises on error)."""
    with open_dbus_connection(bus=address) as connection:
        message = new_method_call(
            DBusAddress(path, bus_name=dest, interface=interface), method, signature, args
        )
        return tuple(unwrap_msg(connection.send_and_get_reply(message, timeout=timeout)))


def has_owner(address: str, name: str) -> bool:
    """Whether ``name`` is owned on the bus at ``address``."""
    try:
        return bool(
            call(address, BUS.bus_name, BUS.object_path, BUS.interface, "NameHasOwner", "s", name)[
                0
            ]
        )
    except OSError:
        return False


def owner_pid(address: str, name: str) -> int | None:
    """The process id of ``name``'s owner, if it has one."""
    try:
        found = call(
            address,
            BUS.bus_name,
            BUS.object_path,
            BUS.interface,
            "GetConnectionUnixProcessID",
            "s",
            name,
        )
    except Exception:  # noqa: BLE001 - no owner: a D-Bus error
        return None
    return int(found[0])


def sni_items(address: str) -> list[str]:
    """The StatusNotifierWatcher's RegisteredStatusNotifierItems ([] when there is no watcher)."""
    try:
        (value,) = call(
            address,
            WATCHER,
            "/StatusNotifierWatcher",
            "org.freedesktop.DBus.Properties",
            "Get",
            "ss",
            WATCHER,
            "RegisteredStatusNotifierItems",
        )
    except Exception:  # noqa: BLE001 - no watcher yet
        return []
    return list(value[1])


@dataclass
class Sent:
    """One Notify call and what the server answered."""

    caller: str
    serial: int
    replaces: int
    summary: str
    body: str
    actions: list[str]
    id: int | None = None  # from the method return
    errors: list[str] = field(default_factory=list)
    replies: int = 0  # method returns and errors for this call: a sound server sends one


@dataclass
class Traffic:
    """The notification traffic seen on a bus, oldest first."""

    sent: list[Sent] = field(default_factory=list)
    closed: list[tuple[int, int]] = field(default_factory=list)  # (id, reason) signals
    withdrawn: list[int] = field(default_factory=list)  # CloseNotification calls
    invoked: list[tuple[str, str | None, int, str]] = field(default_factory=list)
    # ActionInvoked: (sender, destination or None for a broadcast, id, key)
    order: list[tuple[str, int]] = field(default_factory=list)  # ("shown" | "closed", id)
    replies: dict[tuple[str, str, int], int] = field(default_factory=dict)
    # (method, caller, serial) of every call to the server -> how many replies it got

    def open(self) -> list[Sent]:
        """The notifications the server took and has not closed, newest first."""
        latest: dict[int, Sent] = {}
        for what, nid in self.order:
            if what == "closed":
                latest.pop(nid, None)
            else:
                latest[nid] = next(s for s in reversed(self.sent) if s.id == nid)
        return sorted(latest.values(), key=lambda s: s.serial, reverse=True)


class Monitor:
    """Records the notification traffic on a bus from a thread of its own until ``close``."""

    def __init__(self, address: str) -> None:
        self.traffic = Traffic()
        self._lock = threading.Lock()
        self._connection = open_dbus_connection(bus=address)
        rules = [
            f"type='method_call',interface='{NOTIFICATIONS}'",
            f"type='signal',interface='{NOTIFICATIONS}'",
            "type='method_return'",
            "type='error'",
        ]
        monitoring = DBusAddress(
            "/org/freedesktop/DBus",
            bus_name="org.freedesktop.DBus",
            interface="org.freedesktop.DBus.Monitoring",
        )
        reply = self._connection.send_and_get_reply(
            new_method_call(monitoring, "BecomeMonitor", "asu", (rules, 0)), timeout=5
        )
        unwrap_msg(reply)
        self._thread = threading.Thread(target=self._run, name="notification-monitor", daemon=True)
        self._thread.start()

    def snapshot(self) -> Traffic:
        """A copy of what was seen so far."""
        with self._lock:
            return Traffic(
                [Sent(**vars(s)) for s in self.traffic.sent],
                list(self.traffic.closed),
                list(self.traffic.withdrawn),
                list(self.traffic.invoked),
                list(self.traffic.order),
                dict(self.traffic.replies),
            )

    def sent_as(self, notification: int, timeout: float = 5) -> Sent:
        """The Notify call the server answered with ``notification``, once this monitor has
        seen the answer (the server may show it, and say so, before the monitor reads it)."""
        found = wait_for(
            lambda: [s for s in self.snapshot().sent if s.id == notification],
            timeout,
            f"the monitor to see notification {notification} sent",
            every=0.02,
        )
        return found[-1]  # type: ignore[index,no-any-return]

    def close(self) -> None:
        """Stop monitoring."""
        with contextlib.suppress(OSError):  # wakes the thread blocked in receive
            self._connection.sock.shutdown(socket.SHUT_RDWR)
        self._connection.close()
        self._thread.join(timeout=2)

    def _run(self) -> None:
        while True:
            try:
                message = self._connection.receive()
            except Exception:  # noqa: BLE001 - closed by close(), or the bus went away
                return
            with self._lock:
                self._record(message)

    def _record(self, message: Any) -> None:
        fields = message.header.fields
        kind = message.header.message_type
        sender = fields.get(HeaderFields.sender, "")
        if kind is MessageType.method_call:
            member = fields.get(HeaderFields.member)
            self.traffic.replies[(str(member), sender, message.header.serial)] = 0
            if member == "Notify":
                _, replaces, _, summary, body, actions, _, _ = message.body
                self.traffic.sent.append(
                    Sent(sender, message.header.serial, replaces, summary, body, list(actions))
                )
            elif member == "CloseNotification":
                self.traffic.withdrawn.append(int(message.body[0]))
        elif kind is MessageType.signal:
            member = fields.get(HeaderFields.member)
            if member == "NotificationClosed":
                self.traffic.closed.append((int(message.body[0]), int(message.body[1])))
                self.traffic.order.append(("closed", int(message.body[0])))
            elif member == "ActionInvoked":
                destination = fields.get(HeaderFields.destination)
                self.traffic.invoked.append(
                    (sender, destination, int(message.body[0]), str(message.body[1]))
                )
        elif kind in (MessageType.method_return, MessageType.error):
            destination = fields.get(HeaderFields.destination, "")
            serial = fields.get(HeaderFields.reply_serial)
            for asked in self.traffic.replies:
                if asked[1:] == (destination, serial):
                    self.traffic.replies[asked] += 1
            for sent in self.traffic.sent:
                if sent.caller == destination and sent.serial == serial:
                    sent.replies += 1
                    if kind is MessageType.error:
                        sent.errors.append(str(fields.get(HeaderFields.error_name)))
                    elif sent.id is None:
                        sent.id = int(message.body[0])
                        self.traffic.order.append(("shown", sent.id))
                    return
