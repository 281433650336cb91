"""What a menu choice or a click does: events go to the loop, the rest to the app."""

import logging
from collections.abc import Callable

from hamstray.desktop.tray.menu import Action, Command
from hamstray.engine.asks import Ask, Pause
from hamstray.engine.calendar import next_local_midnight
from hamstray.engine.model import View

log = logging.getLogger(__name__)


class Actions:
    """Carries out menu actions: an event is posted, "until tomorrow" is resolved to a time,
    any other command is handed to the app. ``look`` gives the view of this moment (a menu
    that opens shows it, not the one of the last redraw); ``tell`` tells the user something."""

    def __init__(
        self,
        post: Callable[[Ask], None],
        command: Callable[[Command], None],
        clock: Callable[[], float],
        look: Callable[[], View | None] = lambda: None,
        tell: Callable[[str, str], None] | None = None,
    ) -> None:
        self._post = post
        self._command = command
        self._clock = clock
        self.look = look
        self._tell = tell

    def __call__(self, action: Action) -> None:
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
