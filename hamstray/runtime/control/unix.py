"""The control channel over a Unix socket in the user's private runtime dir.

Only the user who runs the app can connect: the directory is 0700, the socket 0600, and the
server checks the peer's uid (SO_PEERCRED) where the OS gives it. The server listens before the
tray icon shows and answers once the app is set up: the protocol and the request model load
then, in its thread.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import struct
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hamstray.runtime.control.errors import ControlError, NotRunning
from hamstray.runtime.control.lock import private_dir

if TYPE_CHECKING:
    from hamstray.runtime.control.protocol import Handler
    from hamstray.runtime.requests import Request

log = logging.getLogger(__name__)


class Server:
    """Accepts one connection at a time on the control socket and answers it with ``handler``."""

    def __init__(
        self, path: Path, handler: Handler, clock: Callable[[], float] = time.time
    ) -> None:
        self.path = path
        self._handler = handler
        self._clock = clock
        private_dir(path.parent)
        with contextlib.suppress(FileNotFoundError):
            path.unlink()  # the instance lock is ours, so a socket file left here is stale
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._socket.bind(str(path))
        path.chmod(0o600)  # the 0700 dir already keeps others out; this says so on the file too
        self._socket.listen(8)
        self._thread = threading.Thread(target=self._serve, name="hamstray-control", daemon=True)

    def start(self) -> None:
        """Start answering in a background thread."""
        self._thread.start()

    def close(self) -> None:
        """Stop answering and remove the socket file."""
        with contextlib.suppress(OSError):
            self._socket.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept()
        self._socket.close()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._socket.accept()
            except OSError:
                return  # closed
            with connection:
                try:
                    self._answer(connection)
                except Exception:
                    log.exception("A control request failed")

    def _answer(self, connection: socket.socket) -> None:
        from hamstray.runtime.control import protocol  # noqa: PLC0415 - once the app answers

        connection.settimeout(protocol.CLIENT_TIMEOUT)
        if not _same_user(connection):
            log.warning("Refused a control connection from another user.")
            _send(connection, protocol.failure("permission denied"))
            # Else its unread request resets the connection before our reply.
            _drain(connection, 16 * protocol.MAX_REQUEST)
            return
        try:
            request = protocol.decode(read_line(connection), self._clock())
        except protocol.ProtocolError as error:
            _send(connection, protocol.failure(str(error)))
            _drain(connection, 16 * protocol.MAX_REQUEST)
            return
        except TimeoutError:
            return  # a client that sends nothing loses its turn
        _send(connection, protocol.reply(self._handler, request))


def read_line(connection: socket.socket) -> bytes:
    """One line from ``connection`` (ProtocolError past MAX_REQUEST bytes)."""
    from hamstray.runtime.control.protocol import MAX_REQUEST, ProtocolError  # noqa: PLC0415

    data = b""
    while b"\n" not in data:
        chunk = connection.recv(1024)
        if not chunk:
            break
        data += chunk
        if len(data) > MAX_REQUEST:
            raise ProtocolError(f"request too long (more than {MAX_REQUEST} bytes)")
    return data.split(b"\n", 1)[0]


def _drain(connection: socket.socket, limit: int) -> None:
    """Read (a bounded amount of) what the client still sends, so that closing does not reset
    the connection before it has read our reply."""
    with contextlib.suppress(OSError):
        connection.shutdown(socket.SHUT_WR)
        read = 0
        while read < limit and (chunk := connection.recv(4096)):
            read += len(chunk)


def _send(connection: socket.socket, message: dict[str, Any]) -> None:
    import json  # noqa: PLC0415

    with contextlib.suppress(OSError):
        connection.sendall(json.dumps(message).encode() + b"\n")


def _same_user(connection: socket.socket) -> bool:
    if not hasattr(socket, "SO_PEERCRED"):
        return True  # the 0700 directory is the guard where the OS gives no peer credentials
    credentials = connection.getsockopt(
        socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i")
    )
    _, uid, _ = struct.unpack("3i", credentials)
    return bool(uid == os.getuid())


def request(path: Path, message: Request, timeout: float = 10.0) -> dict[str, Any]:
    """Send one request to the running app and return its reply; raise NotRunning if none."""
    import json  # noqa: PLC0415

    from hamstray.runtime.control.protocol import ProtocolError, encode  # noqa: PLC0415
    from hamstray.store.translations import _  # noqa: PLC0415

    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(timeout)
            client.connect(str(path))
            client.sendall(encode(message))
            line = read_line(client)
    except (FileNotFoundError, ConnectionRefusedError) as error:
        raise NotRunning(_("hamstray is not running")) from error
    except (OSError, ProtocolError) as error:
        raise ControlError(
            _("the running app did not answer ({error})").format(error=error)
        ) from error
    try:
        answer: dict[str, Any] = json.loads(line)
    except json.JSONDecodeError as error:
        raise ControlError(_("the running app sent a reply that is not JSON")) from error
    return answer
