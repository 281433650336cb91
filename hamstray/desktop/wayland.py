"""A small Wayland client in pure Python: the wire protocol, enough to bind a compositor's
globals and hear their events (idle notices, the toplevel windows' states).

Why not pywayland: Debian 12 does not package it, pip builds it against libwayland's headers
with cffi, and each protocol beyond the core must be compiled from its XML first. The protocols
hamstray needs are a handful of messages with plain arguments (no file descriptors), so their
opcodes are written down here, from the protocols' XML, where each is used. Events are read by
one thread that blocks on the socket: nothing is polled.
"""

import contextlib
import logging
import os
import socket
import struct
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

DISPLAY = 1  # wl_display is object 1
# wl_display: requests sync 0, get_registry 1; events error 0, delete_id 1.
# wl_registry: request bind 0; events global 0, global_remove 1. wl_callback: event done 0.
SYNC, GET_REGISTRY, BIND, ERROR = 0, 1, 0, 0
Handler = Callable[[int, bytes], None]  # (opcode, arguments)


class WaylandError(OSError):
    """No compositor to talk to, or it refused what we asked (a protocol error)."""


def uint(value: int) -> bytes:
    """A uint (or object id, or new_id) argument."""
    return struct.pack("=I", value)


def string(text: str) -> bytes:
    """A string argument: its length with the NUL, the bytes, padding to 32 bits."""
    data = text.encode() + b"\0"
    return uint(len(data)) + data + b"\0" * (-len(data) % 4)


def read_uint(data: bytes, offset: int = 0) -> tuple[int, int]:
    """The uint at ``offset`` and the offset after it."""
    return struct.unpack_from("=I", data, offset)[0], offset + 4


def read_string(data: bytes, offset: int = 0) -> tuple[str, int]:
    """The string at ``offset`` and the offset after it."""
    length, offset = read_uint(data, offset)
    text = data[offset : offset + max(0, length - 1)].decode(errors="replace")
    return text, offset + length + (-length % 4)


def read_array(data: bytes, offset: int = 0) -> tuple[bytes, int]:
    """The array at ``offset`` and the offset after it."""
    length, offset = read_uint(data, offset)
    return data[offset : offset + length], offset + length + (-length % 4)


def socket_path(env: Mapping[str, str]) -> Path | None:
    """Where the compositor listens (WAYLAND_DISPLAY, relative to XDG_RUNTIME_DIR), or None."""
    name = env.get("WAYLAND_DISPLAY")
    if not name:
        return None
    if name.startswith("/"):
        return Path(name)
    runtime = env.get("XDG_RUNTIME_DIR")
    return Path(runtime) / name if runtime else None


@dataclass(frozen=True, slots=True)
class Global:
    """A global the compositor offers: its name (a number) and the highest version."""

    name: int
    version: int


class Connection:
    """One connection to the compositor: send requests from any thread; ``start`` reads the
    events in a thread of its own and hands each to the handler of its object."""

    def __init__(self, path: Path) -> None:
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM | socket.SOCK_CLOEXEC)
        try:
            self._socket.connect(str(path))
        except OSError as error:
            self._socket.close()
            raise WaylandError(f"cannot reach the compositor at {path}: {error}") from error
        self._send_lock = threading.Lock()
        self._next_id = DISPLAY + 1
        self._handlers: dict[int, Handler] = {DISPLAY: self._on_display}
        self._buffer = b""
        self.closed = threading.Event()
        self.globals: dict[str, Global] = {}
        self._registry = self.new_id(self._on_registry)
        self.send(DISPLAY, GET_REGISTRY, uint(self._registry))
        self.roundtrip()  # the globals have all been announced once the sync is done

    def new_id(self, handler: Handler) -> int:
        """A new object id, whose events go to ``handler``."""
        with self._send_lock:
            object_id, self._next_id = self._next_id, self._next_id + 1
            self._handlers[object_id] = handler
        return object_id

    def handle(self, object_id: int, handler: Handler) -> None:
        """Send the events of ``object_id`` (an object the compositor made) to ``handler``."""
        self._handlers[object_id] = handler

    def forget(self, object_id: int) -> None:
        """Drop a destroyed object's handler."""
        self._handlers.pop(object_id, None)

    def send(self, object_id: int, opcode: int, arguments: bytes = b"") -> None:
        """Send one request."""
        header = struct.pack("=II", object_id, (8 + len(arguments)) << 16 | opcode)
        with self._send_lock:
            try:
                self._socket.sendall(header + arguments)
            except OSError as error:
                raise WaylandError(f"the compositor went away: {error}") from error

    def bind(self, interface: str, version: int, handler: Handler) -> int:
        """Bind the global ``interface`` at ``version`` (or the compositor's, if lower)."""
        offered = self.globals[interface]
        object_id = self.new_id(handler)
        chosen = min(version, offered.version)
        self.send(
            self._registry,
            BIND,
            uint(offered.name) + string(interface) + uint(chosen) + uint(object_id),
        )
        return object_id

    def roundtrip(self, timeout: float = 5.0) -> None:
        """Wait (before ``start``) until the compositor has handled every request so far."""
        done = threading.Event()
        callback = self.new_id(lambda opcode, data: done.set())
        self.send(DISPLAY, SYNC, uint(callback))
        self._socket.settimeout(timeout)
        try:
            while not done.is_set():
                self._read()
        except TimeoutError as error:
            raise WaylandError("the compositor did not answer") from error
        finally:
            self._socket.settimeout(None)
            self.forget(callback)

    def start(self, name: str) -> None:
        """Read events from now on in a thread of its own."""
        threading.Thread(target=self._run, name=name, daemon=True).start()

    def close(self) -> None:
        """Hang up (the reader thread ends)."""
        self.closed.set()
        with contextlib.suppress(OSError):
            self._socket.shutdown(socket.SHUT_RDWR)
        self._socket.close()

    def _run(self) -> None:
        try:
            while not self.closed.is_set():
                self._read()
        except (OSError, ValueError, struct.error) as error:
            if not self.closed.is_set():
                log.info("The Wayland connection ended: %s", error)
        finally:
            self.closed.set()

    def _read(self) -> None:
        chunk = self._socket.recv(65536)
        if not chunk:
            raise WaylandError("the compositor closed the connection")
        self._buffer += chunk
        while len(self._buffer) >= 8:
            object_id, word = struct.unpack_from("=II", self._buffer)
            size, opcode = word >> 16, word & 0xFFFF
            if size < 8:
                raise WaylandError(f"a message of {size} bytes")
            if len(self._buffer) < size:
                return
            arguments, self._buffer = self._buffer[8:size], self._buffer[size:]
            handler = self._handlers.get(object_id)
            if handler is not None:
                handler(opcode, arguments)

    def _on_display(self, opcode: int, data: bytes) -> None:
        if opcode == ERROR:
            culprit, offset = read_uint(data)
            code, offset = read_uint(data, offset)
            message, _ = read_string(data, offset)
            raise WaylandError(f"protocol error on object {culprit} ({code}): {message}")
        # delete_id: ids are never reused here, nothing to free

    def _on_registry(self, opcode: int, data: bytes) -> None:
        if opcode == 0:  # global(name, interface, version)
            name, offset = read_uint(data)
            interface, offset = read_string(data, offset)
            version, _ = read_uint(data, offset)
            self.globals[interface] = Global(name, version)
        elif opcode == 1:  # global_remove(name)
            name, _ = read_uint(data)
            self.globals = {k: g for k, g in self.globals.items() if g.name != name}


def connect(env: Mapping[str, str] = os.environ) -> Connection:
    """A connection to this session's compositor (WaylandError when there is none)."""
    path = socket_path(env)
    if path is None:
        raise WaylandError("no Wayland session (WAYLAND_DISPLAY is not set)")
    return Connection(path)
