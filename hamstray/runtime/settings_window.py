"""The settings window as hamstray uses it (the running app, or ``hamstray settings`` without
one): one at a time; Save makes the app read the file at once and sets start at login and
standing; Open the file is carried out here, and when no program opens it the window says so."""

import logging
from collections.abc import Callable
from pathlib import Path

from hamstray.desktop import opener
from hamstray.desktop.autostart import Autostart, AutostartError
from hamstray.store.translations import _
from hamstray.ui.settings import session
from hamstray.ui.settings.protocol import Closed, OpenFailed, OpenFile, Report, Saved

log = logging.getLogger(__name__)


class SettingsWindow:
    """Opens the settings window and carries out what it reports (in its reader thread)."""

    def __init__(
        self,
        path: Path,
        autostart: Autostart,
        reload: Callable[[], None] = lambda: None,
        standing: Callable[[], bool] | None = None,
        stand: Callable[[bool], None] = lambda on: None,
        refresh: Callable[[], None] = lambda: None,
    ) -> None:
        self._path = path
        self._autostart = autostart
        self._reload = reload
        self._standing = standing
        self._stand = stand
        self._refresh = refresh
        self._session: session.Session | None = None

    def open(self) -> None:
        """Show the window, unless it is open already."""
        if self._session is not None and self._session.running:
            log.info("The settings window is already open.")
            return
        try:
            login = self._autostart.enabled()
        except (AutostartError, OSError):
            login = None
        standing = None if self._standing is None else self._standing()
        try:
            self._session = session.start(self._path, login, standing, self._on_report)
        except OSError as error:
            log.warning("The settings window could not open: %s", error)

    def wait(self) -> int:
        """Wait until the window has closed and its reports are carried out: its exit code."""
        if self._session is None:
            return 1
        self._session.done.wait()
        return self._session.process.returncode or 0

    def _on_report(self, window: session.Session, report: Report) -> None:
        match report:
            case Saved(written, changes, login, standing):
                if written:
                    log.info("The settings window saved %s", ", ".join(changes))
                    self._reload()
                if login is not None:
                    self._set_login(login)
                if standing is not None:
                    self._stand(standing)
                self._refresh()
            case OpenFile(path):
                opener.open_file(Path(path), lambda why: self._not_opened(window, why))
            case Closed():
                pass

    def _not_opened(self, window: session.Session, why: str) -> None:
        log.warning("No program opened %s (%s).", self._path, why)
        window.tell(
            OpenFailed(
                _("No program opened the file ({why}); open it with a text editor.").format(why=why)
            )
        )

    def _set_login(self, on: bool) -> None:
        try:
            if on:
                self._autostart.enable()
            else:
                self._autostart.disable()
        except (AutostartError, OSError) as error:
            log.warning("Start at login could not be changed: %s", error)
