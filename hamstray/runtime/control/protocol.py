"""The control protocol: one JSON object per line each way.

``{"v": 1, "cmd": "snooze", "args": {"seconds": 300}}`` is answered by ``{"v": 1, "ok": true,
"status": {...}}`` or ``{"v": 1, "ok": false, "error": "..."}``. What a command and its arguments
may be is ``runtime.requests``'s business; this module only frames and unframes messages.
"""

import json
import logging
from collections.abc import Callable
from typing import Any

from hamstray.runtime.requests import Request, RequestError

log = logging.getLogger(__name__)

PROTOCOL = 1
MAX_REQUEST = 4096
CLIENT_TIMEOUT = 2.0
Handler = Callable[[Request], dict[str, Any]]


class ProtocolError(ValueError):
    """A request that does not follow the protocol."""


def encode(request: Request) -> bytes:
    """One request line."""
    command, args = request.as_json()
    return json.dumps({"v": PROTOCOL, "cmd": command, "args": args}).encode() + b"\n"


def decode(line: bytes, now: float) -> Request:
    """The request in one line, or ProtocolError saying what is wrong with it."""
    if len(line) > MAX_REQUEST:
        raise ProtocolError(f"request too long (more than {MAX_REQUEST} bytes)")
    try:
        message = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ProtocolError(f"request is not JSON ({error})") from error
    except RecursionError as error:
        raise ProtocolError("request is nested too deeply") from error
    if not isinstance(message, dict):
        raise ProtocolError("request must be a JSON object")
    if message.get("v") != PROTOCOL:
        raise ProtocolError(
            f"unsupported protocol version {message.get('v')!r} (this is {PROTOCOL})"
        )
    try:
        return Request.from_json(message.get("cmd"), message.get("args", {}), now)
    except RequestError as error:
        raise ProtocolError(str(error)) from error


def failure(error: str) -> dict[str, Any]:
    """A refusal, framed."""
    return {"v": PROTOCOL, "ok": False, "error": error}


def reply(handler: Handler, request: Request) -> dict[str, Any]:
    """The handler's answer, framed; a crash in it is logged and the client told in a sentence."""
    try:
        answer = handler(request)
    except Exception:
        log.exception("A control request failed")
        return failure("hamstray could not carry this out (details in its log)")
    return {"v": PROTOCOL, **answer}
