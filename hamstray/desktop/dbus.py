"""Small, never-raising calls on the session D-Bus (jeepney, pure Python)."""

import logging
import threading
from typing import Any

log = logging.getLogger(__name__)

TIMEOUT_S = 2.0


class Session:
    """A session-bus connection opened on first use and reopened after a failure."""

    def __init__(self) -> None:
        self._connection: Any = None
        self._lock = threading.Lock()  # one call at a time on the shared connection

    def call(
        self,
        bus_name: str,
        path: str,
        interface: str,
        method: str,
        signature: str | None = None,
        *args: Any,
    ) -> Any:
        """The first value a method returns, or None when it cannot be called."""
        from jeepney import DBusAddress, new_method_call  # noqa: PLC0415
        from jeepney.wrappers import unwrap_msg  # noqa: PLC0415

        message = new_method_call(
            DBusAddress(path, bus_name=bus_name, interface=interface), method, signature, args
        )
        with self._lock:
            try:
                if self._connection is None:
                    from jeepney.io.blocking import open_dbus_connection  # noqa: PLC0415

                    self._connection = open_dbus_connection(bus="SESSION")
                body = unwrap_msg(self._connection.send_and_get_reply(message, timeout=TIMEOUT_S))
            except Exception as error:  # noqa: BLE001 - no bus, no service, or a D-Bus error
                log.debug("D-Bus %s.%s failed: %r", interface, method, error)
                if not is_dbus_error(error):
                    self.close()
                return None
        return body[0] if len(body) == 1 else body

    def get(self, bus_name: str, path: str, interface: str, name: str) -> Any:
        """A property's value, or None."""
        value = self.call(
            bus_name, path, "org.freedesktop.DBus.Properties", "Get", "ss", interface, name
        )
        return value[1] if isinstance(value, tuple) and len(value) == 2 else value  # (sig, value)

    def close(self) -> None:
        """Drop the connection (the next call opens a new one)."""
        if self._connection is not None:
            try:
                self._connection.close()
            finally:
                self._connection = None


def has_owner(name: str) -> bool | None:
    """Whether someone owns ``name`` on the session bus (None: there is no bus)."""
    session = Session()
    try:
        found = session.call(
            "org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus",
            "NameHasOwner",
            "s",
            name,
        )
    finally:
        session.close()
    return None if found is None else bool(found)


def is_dbus_error(error: Exception) -> bool:
    """Whether ``error`` is an error reply (the connection itself is fine)."""
    from jeepney.wrappers import DBusErrorResponse  # noqa: PLC0415 - jeepney only when used

    return isinstance(error, DBusErrorResponse)
