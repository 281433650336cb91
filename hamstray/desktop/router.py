"""A session-bus connection read by one thread of its own, which no reply can kill.

jeepney's threaded router dies when a second reply comes for a call it already answered (mako
answers ``GetCapabilities`` with a method return and then an ``UnknownMethod`` error for the same
serial): its reader thread raises, and every later call on that connection times out. Here each
reply goes once to the call that waits for it; a second or stray one is logged and dropped. Each
signal goes to ``on_signal``, each method call to ``on_call`` (which returns the reply). The
reader blocks on the socket: no polling. The connection is jeepney's blocking one, sent on under
a lock (its threaded one, with concurrent.futures, would stay in memory all day for nothing).
"""

import contextlib
import logging
import queue
import socket
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

Message = Any  # a jeepney Message
Connect = Callable[[], Any]  # opens a jeepney.io.blocking.DBusConnection


class Closed(ConnectionError):
    """The connection ended before the reply came."""


def session(bus: str = "SESSION") -> Any:
    """A connection to the session bus (or the bus at the address ``bus``)."""
    from jeepney.io.blocking import open_dbus_connection  # noqa: PLC0415

    return open_dbus_connection(bus=bus)


class Router:
    """Sends calls from any thread; one reader thread hands out replies and signals."""

    def __init__(
        self,
        on_signal: Callable[[Message], None],
        connect: Connect = session,
        on_call: Callable[[Message], Message | None] | None = None,
    ) -> None:
        self._connection = connect()
        self._on_signal = on_signal
        self._on_call = on_call
        self._lock = threading.Lock()
        self._sending = threading.Lock()
        self._waiting: dict[int, queue.SimpleQueue[Message | Closed]] = {}
        self._closed = False
        self.stray = 0  # replies nobody waited for (counted so tests can see them dropped)
        self._thread = threading.Thread(target=self._read, name="hamstray-dbus", daemon=True)
        self._thread.start()

    @property
    def unique_name(self) -> str:
        """This connection's name on the bus."""
        return str(self._connection.unique_name)

    @property
    def alive(self) -> bool:
        """Whether the connection still reads."""
        return not self._closed

    def call(self, message: Message, timeout: float) -> Message:
        """Send a method call and return its reply (an error reply too); raise TimeoutError or
        Closed when none comes."""
        serial = next(self._connection.outgoing_serial)
        reply: queue.SimpleQueue[Message | Closed] = queue.SimpleQueue()
        with self._lock:
            if self._closed:
                raise Closed("the D-Bus connection is closed")
            self._waiting[serial] = reply
        try:
            with self._sending:
                self._connection.send(message, serial=serial)
            try:
                got = reply.get(timeout=timeout)
            except queue.Empty:
                raise TimeoutError(f"no D-Bus reply within {timeout} s") from None
            if isinstance(got, Closed):
                raise got
            return got
        finally:
            with self._lock:
                self._waiting.pop(serial, None)

    def send(self, message: Message) -> None:
        """Send a message that needs no reply."""
        with self._sending:
            self._connection.send(message)

    def close(self) -> None:
        """Stop reading (the socket's shutdown wakes the reader) and close the connection."""
        self._closed = True
        with contextlib.suppress(OSError):  # already gone
            self._connection.sock.shutdown(socket.SHUT_RDWR)
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout=2)
        try:
            self._connection.close()
        except OSError as error:
            log.debug("closing the D-Bus connection: %r", error)

    def _read(self) -> None:
        from jeepney import HeaderFields, MessageType  # noqa: PLC0415

        try:
            while True:
                message = self._connection.receive()
                kind = message.header.message_type
                if kind in (MessageType.method_return, MessageType.error):
                    self._reply(message.header.fields.get(HeaderFields.reply_serial), message)
                elif kind is MessageType.signal:
                    try:
                        self._on_signal(message)
                    except Exception:
                        log.exception("A D-Bus signal handler failed")
                elif kind is MessageType.method_call:
                    self._answer(message)
        except Exception as error:  # noqa: BLE001 - closed, or the bus went away
            if not self._closed:
                log.debug("the D-Bus connection ended: %r", error)
        finally:
            with self._lock:
                self._closed = True
                waiting, self._waiting = self._waiting, {}
            for reply in waiting.values():
                reply.put(Closed("the D-Bus connection ended"))

    def _answer(self, message: Message) -> None:
        """Answer a call made to us: ``on_call``'s reply, or UnknownMethod."""
        from jeepney import new_error  # noqa: PLC0415

        reply = None
        try:
            reply = self._on_call(message) if self._on_call is not None else None
        except Exception:
            log.exception("Answering a D-Bus call failed")
        if reply is None:
            reply = new_error(message, "org.freedesktop.DBus.Error.UnknownMethod")
        if not message.header.flags & 1:  # NO_REPLY_EXPECTED
            self.send(reply)

    def _reply(self, serial: int | None, message: Message) -> None:
        with self._lock:
            reply = self._waiting.pop(serial, None) if serial is not None else None
        if reply is None:  # answered already, or never asked
            self.stray += 1
            log.debug("dropped a reply nobody waits for (serial %s)", serial)
            return
        reply.put(message)
