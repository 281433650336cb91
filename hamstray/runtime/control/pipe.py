"""The control channel over a named pipe (Windows, where Python has no Unix sockets).

Built on multiprocessing.connection; tests run it over AF_UNIX. A pipe's default security lets
only its creator, administrators and the system write to it.
"""

import contextlib
import getpass
import json
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from hamstray.runtime.control.errors import ControlError, NotRunning
from hamstray.runtime.control.protocol import (
    CLIENT_TIMEOUT,
    Handler,
    ProtocolError,
    decode,
    encode,
    failure,
    reply,
)
from hamstray.runtime.requests import Request
from hamstray.store.translations import _

log = logging.getLogger(__name__)


def pipe_name() -> str:
    """The control channel's named pipe on Windows, one per user."""
    return rf"\\.\pipe\hamstray-{getpass.getuser()}"


class PipeServer:
    """Answers requests on a multiprocessing.connection listener with ``handler``."""

    def __init__(
        self,
        address: str,
        handler: Handler,
        family: str,
        clock: Callable[[], float] = time.time,
    ) -> None:
        from multiprocessing.connection import Listener  # noqa: PLC0415

        self._handler = handler
        self._clock = clock
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
                        answer = reply(self._handler, decode(data.rstrip(b"\n"), self._clock()))
                    except ProtocolError as error:
                        answer = failure(str(error))
                    connection.send_bytes(json.dumps(answer).encode())
                except (OSError, EOFError):
                    log.debug("a control client went away")
                except Exception:
                    log.exception("A control request failed")


def pipe_request(
    address: str, message: Request, timeout: float, family: str = "AF_PIPE"
) -> dict[str, Any]:
    """One request over the named pipe (see PipeServer)."""
    from multiprocessing.connection import Client  # noqa: PLC0415

    try:
        with Client(address, family=family) as connection:
            connection.send_bytes(encode(message))
            if not connection.poll(timeout):
                raise ControlError(_("the running app did not answer in time"))
            answer: dict[str, Any] = json.loads(connection.recv_bytes())
    except (FileNotFoundError, ConnectionRefusedError) as error:
        raise NotRunning(_("hamstray is not running")) from error
    except (OSError, EOFError, json.JSONDecodeError) as error:
        raise ControlError(
            _("the running app did not answer ({error})").format(error=error)
        ) from error
    return answer
