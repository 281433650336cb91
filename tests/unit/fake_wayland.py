"""A fake Wayland compositor on a Unix socket, written from the protocols' XML: it announces
globals, answers wl_display.sync, and records what clients bind and ask, so that the tests can
send the events a real compositor sends (idle notices, toplevel windows)."""

import contextlib
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path


def uint(value: int) -> bytes:
    return struct.pack("=I", value)


def string(text: str) -> bytes:
    data = text.encode() + b"\0"
    return uint(len(data)) + data + b"\0" * (-len(data) % 4)


def array(data: bytes) -> bytes:
    return uint(len(data)) + data + b"\0" * (-len(data) % 4)


def read_string(data: bytes, offset: int) -> tuple[str, int]:
    (length,) = struct.unpack_from("=I", data, offset)
    text = data[offset + 4 : offset + 4 + length - 1].decode()
    return text, offset + 4 + length + (-length % 4)


@dataclass
class Request:
    """One request a client sent: to which object, which opcode, the raw arguments."""

    object_id: int
    opcode: int
    data: bytes

    def uints(self) -> tuple[int, ...]:
        return struct.unpack(f"={len(self.data) // 4}I", self.data)


@dataclass
class FakeCompositor:
    """Listens at ``path``; ``globals`` are announced to each client (name = position + 1)."""

    path: Path
    globals: list[tuple[str, int]]
    requests: list[Request] = field(default_factory=list)
    bound: dict[str, int] = field(default_factory=dict)  # interface -> the client's object id
    changed: threading.Condition = field(default_factory=threading.Condition)

    def __post_init__(self) -> None:
        self._server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._server.bind(str(self.path))
        self._server.listen(1)
        self._client: socket.socket | None = None
        self._registry = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def send(self, object_id: int, opcode: int, arguments: bytes = b"") -> None:
        """Send an event to the client."""
        assert self._client is not None
        header = struct.pack("=II", object_id, (8 + len(arguments)) << 16 | opcode)
        self._client.sendall(header + arguments)

    def wait_for(self, found, timeout: float = 5.0):  # type: ignore[no-untyped-def]
        """The first truthy ``found()`` as the client's requests come in."""
        with self.changed:
            assert self.changed.wait_for(found, timeout), "the client never asked"
            return found()

    def close(self) -> None:
        """Hang up, as a compositor that quits does."""
        if self._client is not None:
            with contextlib.suppress(OSError):
                self._client.shutdown(socket.SHUT_RDWR)
            self._client.close()
        self._server.close()

    def _serve(self) -> None:
        self._client, _ = self._server.accept()
        buffer = b""
        while True:
            try:
                chunk = self._client.recv(4096)
            except OSError:
                return
            if not chunk:
                return
            buffer += chunk
            while len(buffer) >= 8:
                object_id, word = struct.unpack_from("=II", buffer)
                size = word >> 16
                if len(buffer) < size:
                    break
                request = Request(object_id, word & 0xFFFF, buffer[8:size])
                buffer = buffer[size:]
                self._handle(request)

    def _handle(self, request: Request) -> None:
        if request.object_id == 1 and request.opcode == 1:  # wl_display.get_registry
            self._registry = request.uints()[0]
            for name, (interface, version) in enumerate(self.globals, 1):
                self.send(self._registry, 0, uint(name) + string(interface) + uint(version))
        elif request.object_id == 1 and request.opcode == 0:  # wl_display.sync
            self.send(request.uints()[0], 0, uint(0))  # wl_callback.done
        elif request.object_id == self._registry and request.opcode == 0:  # bind
            (name,) = struct.unpack_from("=I", request.data)
            interface, offset = read_string(request.data, 4)
            _, new_id = struct.unpack_from("=II", request.data, offset)
            assert self.globals[name - 1][0] == interface
            self.bound[interface] = new_id
        with self.changed:
            self.requests.append(request)
            self.changed.notify_all()


def until(check, timeout: float = 5.0):  # type: ignore[no-untyped-def]
    """The first truthy ``check()``, looked at every 10 ms (the client's side changes when its
    reader thread has read an event)."""
    deadline = time.monotonic() + timeout
    while not (found := check()):
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)
    return found
