"""The control channel of this platform: a Unix socket, or a named pipe on Windows."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # the server listens before the icon shows; the request model loads later
    from hamstray.runtime.control.protocol import Handler
    from hamstray.runtime.requests import Request


class Channel(Protocol):
    """A control server: answers from a thread of its own once started."""

    def start(self) -> None: ...

    def close(self) -> None: ...


def serve(path: Path, handler: Handler) -> Channel:
    """Listen for requests at ``path`` (the pipe on Windows), answered by ``handler``."""
    if sys.platform == "win32":
        from hamstray.runtime.control.pipe import PipeServer, pipe_name  # noqa: PLC0415

        return PipeServer(pipe_name(), handler, family="AF_PIPE")
    from hamstray.runtime.control.unix import Server  # noqa: PLC0415

    return Server(path, handler)


def request(path: Path, message: Request, timeout: float = 10.0) -> dict[str, Any]:
    """Send ``message`` to the running app; its reply. NotRunning when no app answers."""
    if sys.platform == "win32":
        from hamstray.runtime.control.pipe import pipe_name, pipe_request  # noqa: PLC0415

        return pipe_request(pipe_name(), message, timeout)
    from hamstray.runtime.control.unix import request as unix_request  # noqa: PLC0415

    return unix_request(path, message, timeout)
