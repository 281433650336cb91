"""What a menu choice or a click does: events go to the loop, the rest to the app."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the icon shows before the engine and the menu are loaded
    from hamstray.desktop.tray.menu import Action, Command, Extras
    from hamstray.engine.asks import Ask
    from hamstray.engine.model import View

log = logging.getLogger(__name__)


class Actions:
    """Carries out menu actions: an event is posted, "until tomorrow" is resolved to a time,
    any other command is handed to the app. ``look`` gives the view of this moment and the
    menu's extras (a menu that opens shows them, not those of the last redraw); ``tell`` tells
    the user something."""

    def __init__(
        self,
        post: Callable[[Ask], None],
        command: Callable[[Command], None],
        clock: Callable[[], float],
        look: Callable[[], tuple[View, Extras]],
        tell: Callable[[str, str], None] | None = None,
    ) -> None:
        self._post = post
        self._command = command
        self._clock = clock
        self.look = look
        self._tell = tell

    def __call__(self, action: Action) -> None:
        from hamstray.desktop.tray.menu import Command  # noqa: PLC0415 - loaded by the menu
        from hamstray.engine.asks import Pause  # noqa: PLC0415
        from hamstray.engine.calendar import next_local_midnight  # noqa: PLC0415

        match action:
            case None:
                return
            case Command.PAUSE_TOMORROW:
                self._post(Pause(next_local_midnight(self._clock())))
            case Command():
                self._command(action)
            case _:
                self._post(action)

    def tell(self, title: str, message: str) -> None:
        """Tell the user (a notification, where there is a way; the log in any case)."""
        log.warning("%s: %s", title, message)
        if self._tell is not None:
            self._tell(title, message)
