"""The menu's commands that are not break-engine events: Statistics…, Settings… (the settings
window), Start at login, Quit. Each runs in the loop's thread, which owns the history."""

import logging
from collections.abc import Callable
from pathlib import Path

from hamstray.desktop import opener
from hamstray.desktop.autostart import Autostart, AutostartError
from hamstray.desktop.tray.menu import Command
from hamstray.engine import checkins, stats
from hamstray.store import assets
from hamstray.store.history import History
from hamstray.store.paths import Paths
from hamstray.store.translations import _

log = logging.getLogger(__name__)

WEEK_PICTURE = "this-week.png"


class Commands:
    """Carries out a menu command; ``refresh`` shows the tray again after a change."""

    def __init__(
        self,
        paths: Paths,
        history: Callable[[], History | None],
        autostart: Autostart,
        clock: Callable[[], float],
        refresh: Callable[[], None],
        quit_app: Callable[[], None],
        settings: Callable[[], None] = lambda: None,
        tell: Callable[[str, str], None] = lambda title, body: None,
    ) -> None:
        self._paths = paths
        self._history = history
        self._autostart = autostart
        self._clock = clock
        self._refresh = refresh
        self._quit = quit_app
        self._settings = settings
        self._tell = tell

    def __call__(self, command: Command) -> None:
        try:
            match command:
                case Command.QUIT:
                    self._quit()
                case Command.STATISTICS:
                    opener.open_file(self._week_picture(), self._not_shown)
                case Command.SETTINGS:
                    self._settings()
                case Command.AUTOSTART:
                    if self._autostart.enabled():
                        self._autostart.disable()
                    else:
                        self._autostart.enable()
                    self._refresh()
        except (OSError, AutostartError) as error:
            log.warning("%s failed: %s", command.value.capitalize(), error)

    def _not_shown(self, why: str) -> None:
        """No program showed the chart (in the opener's thread): say so, and where it is."""
        picture = self._paths.data_dir / WEEK_PICTURE
        log.warning("No program showed %s (%s).", picture, why)
        self._tell(
            _("hamstray could not show this week's chart"),
            _("No program opened the picture ({why}). It is {path}.").format(why=why, path=picture),
        )

    def _week_picture(self) -> Path:
        from hamstray.ui import chart  # noqa: PLC0415 - Pillow's fonts only when asked

        history = self._history()
        summary = (
            history.summary(self._clock(), 7, stats.DEFAULT_GOAL)
            if history is not None
            else stats.summarize([], stats.local_date(self._clock(), None), 7)
        )
        flexibility = checkins.progress(assets.guidance().checkin, summary.checkins)
        picture = self._paths.data_dir / WEEK_PICTURE
        picture.parent.mkdir(parents=True, exist_ok=True)
        chart.draw(summary, 1, flexibility).save(picture)
        return picture
