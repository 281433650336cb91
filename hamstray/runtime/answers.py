"""Answering control requests: the request as an engine event, the outcome as the reply."""

from collections.abc import Callable
from typing import Any

from hamstray.engine.catalogue import Stretch
from hamstray.runtime import status
from hamstray.runtime.config_file import Reading
from hamstray.runtime.loop import Loop
from hamstray.runtime.requests import Command, Request, RequestError, to_event


class Answers:
    """The control channel's handler for the running app (runs in the control thread)."""

    def __init__(
        self,
        loop: Loop,
        find: Callable[[str], Stretch | None],
        reading: Callable[[], Reading],
        open_settings: Callable[[], None] = lambda: None,
    ) -> None:
        self._loop = loop
        self._find = find
        self._reading = reading
        self._open_settings = open_settings

    def __call__(self, request: Request) -> dict[str, Any]:
        match request.command:
            case Command.QUIT:
                self._loop.quit()
                return {"ok": True}
            case Command.RELOAD:
                self._loop.reload()
            case Command.SETTINGS:
                self._open_settings()
        try:
            event = to_event(request, self._find)
        except RequestError as error:
            return {"ok": False, "error": str(error)}
        outcome = self._loop.ask(event)
        reading = self._reading()
        reply: dict[str, Any] = {
            "ok": not outcome.refusals,
            "status": status.as_json(outcome.view, reading),
        }
        if request.command is Command.RELOAD:
            reply["reload"] = {
                "changes": list(reading.changes),
                "problems": [str(p) for p in reading.problems],
            }
        if outcome.refusals:
            reply["error"] = outcome.refusals[0]
        return reply
