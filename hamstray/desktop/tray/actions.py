"""What a menu choice or a click does: events go to the loop, the rest to the app."""

from collections.abc import Callable

from hamstray.desktop.tray.menu import Action, Command
from hamstray.engine.calendar import next_local_midnight
from hamstray.engine.events import Event, Pause


class Actions:
    """Carries out menu actions: an event is posted, "until tomorrow" is resolved to a time,
    any other command is handed to the app."""

    def __init__(
        self,
        post: Callable[[Event], None],
        command: Callable[[Command], None],
        clock: Callable[[], float],
    ) -> None:
        self._post = post
        self._command = command
        self._clock = clock

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
