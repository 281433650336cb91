"""Writing the history from the running app, and telling the user once when that fails."""

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

from hamstray.engine.entries import Entry
from hamstray.store.history import History, HistoryError

log = logging.getLogger(__name__)

Tell = Callable[[str, str], None]  # (title, message): a notification for the user


def open_history(path: Path) -> History | None:
    """The history file, or None (logged) when it cannot be opened: the app runs without it. A
    damaged file was moved aside by History and a new one started."""
    try:
        history = History(path)
    except (HistoryError, OSError, sqlite3.Error) as error:
        log.warning("History is off for this run: %s", error)
        return None
    if history.moved_aside is not None:
        log.warning(
            "The history file was damaged: it was kept as %s and a new one started.",
            history.moved_aside,
        )
    return history


class Recorder:
    """Writes events; when the file cannot be written, says so once and keeps them in memory."""

    def __init__(self, history: History | None, tell: Tell) -> None:
        self.history = history
        self._tell = tell
        self._in_trouble = False

    def write(self, entry: Entry) -> None:
        """Record ``entry`` (nothing when the history is off for this run)."""
        if self.history is not None:
            self._report(self.history.record(entry))

    def tell_about_the_file(self) -> None:
        """At start: whether the history was damaged, or cannot be written."""
        if self.history is None:
            return
        if self.history.moved_aside is not None:
            self._tell(
                "hamstray started a new history",
                f"The old history file could not be read. It was kept as "
                f"{self.history.moved_aside.name}; nothing was deleted.",
            )
        self._report(self.history.trouble is None)

    def _report(self, written: bool) -> None:
        """Say once when the history cannot be written, and when it can again."""
        assert self.history is not None  # noqa: S101 - only called with a history
        if written and self._in_trouble:
            log.info("The history is written again (%s).", self.history.path)
            self._in_trouble = False
        elif not written and not self._in_trouble:
            self._in_trouble = True
            log.warning("%s: events are kept in memory and written later.", self.history.trouble)
            self._tell(
                "hamstray cannot save its history",
                f"{self.history.trouble}. Nothing is lost: events are kept in memory and "
                "saved as soon as the file can be written.",
            )
