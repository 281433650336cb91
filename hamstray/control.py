"""One instance per user, and a local socket through which the CLI controls it.

The protocol is one JSON object per line each way, e.g. ``{"v": 1, "cmd": "snooze",
"args": {"seconds": 300}}`` answered by ``{"v": 1, "ok": true, "status": {...}}`` or
``{"v": 1, "ok": false, "error": "..."}``. Only the user who runs the app can connect.
"""

import contextlib
import getpass
import json
import logging
import os
import socket
import struct
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

log = logging.getLogger(__name__)

PROTOCOL = 1
MAX_REQUEST = 4096
CLIENT_TIMEOUT = 2.0
COMMANDS = {
    "status": (),
    "snooze": ("seconds",),
    "pause": ("until",),
    "resume": (),
    "stretch": ("id",),
    "skip": (),
    "routine": ("name",),
    "stand": (),
    "sit": (),
    "quit": (),
}
Handler = Callable[[str, dict[str, Any]], dict[str, Any]]


class ControlError(Exception):
    """A control request failed; the message is for the user."""


class NotRunning(ControlError):
    """No hamstray answers for this user."""


class ProtocolError(ValueError):
    """A request that does not follow the protocol."""


def private_dir(path: Path) -> Path:
    """Create ``path`` as a 0700 directory of this user, or refuse one that others can enter."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = path.stat()
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise ControlError(f"{path} belongs to another user; refusing to use it")
    if info.st_mode & 0o077:
        path.chmod(0o700)
    return path


def parse_request(line: bytes) -> tuple[str, dict[str, Any]]:
    """Return (command, arguments) from one request line, or raise ProtocolError."""
    if len(line) > MAX_REQUEST:
        raise ProtocolError(f"request too long (more than {MAX_REQUEST} bytes)")
    try:
        message = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ProtocolError(f"request is not JSON ({error})") from error
    if not isinstance(message, dict):
        raise ProtocolError("request must be a JSON object")
    if message.get("v") != PROTOCOL:
        raise ProtocolError(
            f"unsupported protocol version {message.get('v')!r} (this is {PROTOCOL})"
        )
    command, args = message.get("cmd"), message.get("args", {})
    if command not in COMMANDS:
        raise ProtocolError(f"unknown command {command!r}")
    if not isinstance(args, dict) or set(args) - set(COMMANDS[command]):
        raise ProtocolError(f"bad arguments for {command}: {args!r}")
    return command, args


class Server:
    """Accepts one connection at a time on the control socket and answers it with ``handler``."""

    def __init__(self, path: Path, handler: Handler) -> None:
        self.path = path
        self._handler = handler
        private_dir(path.parent)
        with contextlib.suppress(FileNotFoundError):
            path.unlink()  # the instance lock is ours, so a socket file left here is stale
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old_umask = os.umask(0o177)
        try:
            self._socket.bind(str(path))
        finally:
            os.umask(old_umask)
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
        connection.settimeout(CLIENT_TIMEOUT)
        if not _same_user(connection):
            log.warning("Refused a control connection from another user.")
            _send(connection, {"v": PROTOCOL, "ok": False, "error": "permission denied"})
            return
        try:
            line = _read_line(connection)
            command, args = parse_request(line)
        except ProtocolError as error:
            _send(connection, {"v": PROTOCOL, "ok": False, "error": str(error)})
            _drain(connection)
            return
        except TimeoutError:
            return  # a client that sends nothing loses its turn
        _send(connection, _reply(self._handler, command, args))


def _reply(handler: Handler, command: str, args: dict[str, Any]) -> dict[str, Any]:
    """The handler's answer; a crash in it is logged, and the client told in one sentence."""
    try:
        reply = handler(command, args)
    except Exception:
        log.exception("A control request failed")
        reply = {"ok": False, "error": "hamstray could not carry this out (details in its log)"}
    return {"v": PROTOCOL, **reply}


def _read_line(connection: socket.socket) -> bytes:
    data = b""
    while b"\n" not in data:
        chunk = connection.recv(1024)
        if not chunk:
            break
        data += chunk
        if len(data) > MAX_REQUEST:
            raise ProtocolError(f"request too long (more than {MAX_REQUEST} bytes)")
    return data.split(b"\n", 1)[0]


def _drain(connection: socket.socket, limit: int = 16 * MAX_REQUEST) -> None:
    """Read (a bounded amount of) what the client still sends, so that closing does not reset
    the connection before it has read our reply."""
    with contextlib.suppress(OSError):
        connection.shutdown(socket.SHUT_WR)
        read = 0
        while read < limit and (chunk := connection.recv(4096)):
            read += len(chunk)


def _send(connection: socket.socket, message: dict[str, Any]) -> None:
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


def _lock(handle: TextIO) -> None:
    """Lock ``handle`` without waiting; OSError if another process holds it."""
    if sys.platform == "win32":
        import msvcrt  # noqa: PLC0415

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl  # noqa: PLC0415

        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)


def pipe_name() -> str:
    """The control channel's named pipe on Windows, one per user."""
    return rf"\\.\pipe\hamstray-{getpass.getuser()}"


def serve(path: Path, handler: Handler) -> "Server | PipeServer":
    """The control channel for this platform: a Unix socket, or a named pipe on Windows."""
    if sys.platform == "win32":
        return PipeServer(pipe_name(), handler, family="AF_PIPE")
    return Server(path, handler)


class PipeServer:
    """The same protocol over a multiprocessing.connection listener: a named pipe on Windows
    (Python has no Unix sockets there); tests run it over AF_UNIX. A pipe's default security
    lets only its creator, administrators and the system write to it."""

    def __init__(self, address: str, handler: Handler, family: str) -> None:
        from multiprocessing.connection import Listener  # noqa: PLC0415

        self._handler = handler
        self._listener = Listener(address, family=family)
        self._thread = threading.Thread(target=self._serve, name="hamstray-control", daemon=True)

    def start(self) -> None:
        """Start answering in a background thread."""
        self._thread.start()

    def close(self) -> None:
        """Stop answering."""
        with contextlib.suppress(OSError):
            self._listener.close()

    def _serve(self) -> None:
        while True:
            try:
                connection = self._listener.accept()
            except OSError:
                return  # closed
            with connection:
                try:
                    if not connection.poll(CLIENT_TIMEOUT):
                        continue  # a client that sends nothing loses its turn
                    data = connection.recv_bytes()
                    try:
                        reply = _reply(self._handler, *parse_request(data.rstrip(b"\n")))
                    except ProtocolError as error:
                        reply = {"v": PROTOCOL, "ok": False, "error": str(error)}
                    connection.send_bytes(json.dumps(reply).encode())
                except (OSError, EOFError):
                    log.debug("a control client went away")
                except Exception:
                    log.exception("A control request failed")


def pipe_request(
    address: str, command: str, args: dict[str, Any] | None, timeout: float, family: str = "AF_PIPE"
) -> dict[str, Any]:
    """One request over the named pipe (see PipeServer)."""
    from multiprocessing.connection import Client  # noqa: PLC0415

    try:
        with Client(address, family=family) as connection:
            connection.send_bytes(
                json.dumps({"v": PROTOCOL, "cmd": command, "args": args or {}}).encode()
            )
            if not connection.poll(timeout):
                raise ControlError("hamstray did not answer in time")
            answer: dict[str, Any] = json.loads(connection.recv_bytes())
    except (FileNotFoundError, ConnectionRefusedError) as error:
        raise NotRunning("hamstray is not running") from error
    except (OSError, EOFError, json.JSONDecodeError) as error:
        raise ControlError(f"hamstray did not answer ({error})") from error
    return answer


def request(
    path: Path, command: str, args: dict[str, Any] | None = None, timeout: float = 10.0
) -> dict[str, Any]:
    """Send one command to the running app and return its reply; raise NotRunning if none."""
    if sys.platform == "win32":
        return pipe_request(pipe_name(), command, args, timeout)
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(timeout)
            client.connect(str(path))
            client.sendall(
                json.dumps({"v": PROTOCOL, "cmd": command, "args": args or {}}).encode() + b"\n"
            )
            reply = _read_line(client)
    except (FileNotFoundError, ConnectionRefusedError) as error:
        raise NotRunning("hamstray is not running") from error
    except OSError as error:
        raise ControlError(f"hamstray did not answer ({error})") from error
    try:
        answer: dict[str, Any] = json.loads(reply)
    except json.JSONDecodeError as error:
        raise ControlError("hamstray sent a reply that is not JSON") from error
    return answer


class InstanceLock:
    """An advisory lock that only one running app per user holds; the OS drops it on any exit."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: TextIO | None = None

    def acquire(self) -> bool:
        """Take the lock; False when another instance holds it."""
        private_dir(self.path.parent)
        handle = self.path.open("a+", encoding="ascii")
        try:
            _lock(handle)
        except OSError:
            handle.close()
            return False
        handle.truncate(0)
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._file = handle
        return True

    def holder(self) -> int | None:
        """The pid written by the instance that holds the lock, if it can be read."""
        try:
            return int(self.path.read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            return None

    def release(self) -> None:
        """Give the lock up."""
        if self._file is not None:
            self._file.close()
            self._file = None
