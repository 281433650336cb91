"""The event log: one SQLite file in the user data dir that says what the user actually did."""

import logging
import sqlite3
import time
from collections import deque
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path

from hamstray.engine import stats
from hamstray.engine.entries import BREAK_ENDINGS, BRIEF, Entry, Kind
from hamstray.engine.rotation import Served
from hamstray.engine.stats import Summary

log = logging.getLogger(__name__)

# Migration N takes a file from schema N-1 to N; a new file runs them all, in order.
_MIGRATIONS = {
    1: """
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    at REAL NOT NULL,          -- seconds since the epoch (UTC)
    kind TEXT NOT NULL,
    stretch TEXT,
    groups TEXT,               -- comma-separated muscle groups of the stretch
    seconds REAL,              -- a length: hold achieved, snooze, pause, natural break
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS events_at ON events (at);
CREATE INDEX IF NOT EXISTS events_kind_at ON events (kind, at);
""",
}
SCHEMA_VERSION = max(_MIGRATIONS)
_COLUMNS = "at, kind, stretch, groups, seconds, detail"
_INSERT = (
    "INSERT INTO events (at, kind, stretch, groups, seconds, detail) VALUES (?, ?, ?, ?, ?, ?)"
)
MAX_PENDING = 20_000  # events kept in memory while the file cannot be written (months of use)
_KINDS = {kind.value: kind for kind in Kind}
STREAK_DAYS = 400  # how far back ``summary`` follows a streak


class HistoryError(Exception):
    """The history file cannot be used; the message says why and what to do."""


class History:
    """An open history file. Use from one thread at a time."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.moved_aside: Path | None = None
        self.trouble: str | None = None  # why the file cannot be written now (None: it can)
        self._pending: deque[tuple[object, ...]] = deque(maxlen=MAX_PENDING)
        self._in_memory = False
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch(mode=0o600)  # private: SQLite gives its journal files the same mode
            self._db = self._open(path)
        except (sqlite3.OperationalError, OSError) as error:  # read-only, full, no permission
            self._use_memory(error)
        except sqlite3.DatabaseError as error:  # not a database: keep it, start afresh
            self.moved_aside = _move_aside(path, error)
            self._db = self._open(path)

    def _use_memory(self, error: Exception) -> None:
        """Keep this run's events in memory until the file can be written."""
        self.trouble = f"{self.path} cannot be written ({error})"
        self._in_memory = True
        self._db = self._open(":memory:")

    def _open(self, where: Path | str) -> sqlite3.Connection:
        db = sqlite3.connect(where, check_same_thread=False, isolation_level=None)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise HistoryError(
                    f"{self.path} was written by a newer hamstray (schema {version}, this one "
                    f"knows {SCHEMA_VERSION}); upgrade hamstray or move the file away"
                )
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA cache_size=-512")  # KiB: the app reads little, and rarely
            for number in range(version + 1, SCHEMA_VERSION + 1):
                db.executescript(
                    f"BEGIN; {_MIGRATIONS[number]} PRAGMA user_version={number}; COMMIT;"
                )
        except BaseException:
            db.close()
            raise
        return db

    def record(self, entry: Entry) -> bool:
        """Append one event; False when the file cannot be written just now.

        Then the event is kept in memory (``trouble`` says why) and written, with every other
        waiting one, by the next call that succeeds, or by ``close``.
        """
        row = (
            entry.at,
            entry.kind.value,
            entry.stretch,
            ",".join(entry.groups) or None,
            entry.seconds,
            entry.detail,
        )
        self._pending.append(row)
        if self._in_memory:
            self._db.execute(_INSERT, row)  # so this run's reads still see it
        return self.flush()

    def flush(self) -> bool:
        """Write the events kept in memory; False (and ``trouble`` set) when that fails."""
        if not self._pending:
            return True
        try:
            if self._in_memory:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.path.touch(mode=0o600)
                db = self._open(self.path)
                self._db.close()
                self._db, self._in_memory = db, False
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany(_INSERT, list(self._pending))
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:  # SQLite itself rolls back when the disk is full
                    self._db.execute("ROLLBACK")
                raise
        except (sqlite3.OperationalError, OSError) as error:
            self.trouble = f"{self.path} cannot be written ({error})"
            return False
        self._pending.clear()
        self.trouble = None
        return True

    @property
    def waiting(self) -> int:
        """How many events wait in memory to be written."""
        return len(self._pending)

    def rows(self, kinds: Sequence[Kind] = (), limit: int | None = None) -> list[Entry]:
        """Return events oldest first: all, or only ``kinds``, or only the newest ``limit``.

        Events of kinds this version does not know (a newer hamstray wrote them) are left out.
        """
        where = f"WHERE kind IN ({_marks(kinds)})" if kinds else ""
        # Only placeholders and an int go into the text; the values go in as parameters.
        sql = f"SELECT {_COLUMNS} FROM events {where} ORDER BY id DESC"  # noqa: S608
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        found = self._db.execute(sql, tuple(k.value for k in kinds)).fetchall()
        return _entries(reversed(found))

    def between(
        self, start: float, end: float = float("inf"), kinds: Sequence[Kind] = ()
    ) -> list[Entry]:
        """Events from ``start`` (inclusive) to ``end`` (exclusive), oldest first."""
        where = f" AND kind IN ({_marks(kinds)})" if kinds else ""
        sql = f"SELECT {_COLUMNS} FROM events WHERE at >= ? AND at < ?{where} ORDER BY at, id"  # noqa: S608
        values = (start, end, *(k.value for k in kinds))
        return _entries(self._db.execute(sql, values).fetchall())

    def served(self, limit: int = 500) -> list[Served]:
        """The latest breaks that ended with a stretch, oldest first, for the rotation."""
        return [
            Served(row.stretch, row.groups[0] if row.groups else "", row.at)
            for row in self.rows(BREAK_ENDINGS, limit=limit)
            if row.stretch
        ]

    def done_times(self) -> dict[str, list[float]]:
        """When each stretch was completed, most of its dose held, for the hold progression."""
        done: dict[str, list[float]] = {}
        for row in self.rows((Kind.STRETCH_DONE,)):
            if row.stretch and (row.seconds or 0) > 0 and row.detail != BRIEF:
                done.setdefault(row.stretch, []).append(row.at)
        return done

    def first_at(self) -> float | None:
        """When the oldest event was recorded (None: no event yet)."""
        found: float | None = self._db.execute("SELECT MIN(at) FROM events").fetchone()[0]
        return found

    def feedback(self) -> dict[str, str]:
        """Each stretch's latest feedback ("reset" clears it)."""
        latest: dict[str, str] = {}
        for row in self.rows((Kind.FEEDBACK,)):
            if row.stretch:
                latest[row.stretch] = row.detail
        return {stretch: word for stretch, word in latest.items() if word != "reset"}

    def summary(self, now: float, days: int, goal: int) -> Summary:
        """The statistics of the ``days`` local days up to ``now``."""
        today = stats.local_date(now, None)
        # The window's events from the day before it, where a sitting period may begin...
        start = stats.midnight(today - timedelta(days=days), None)
        rows = self.between(start, now + 1)
        # ...and, for a streak that reaches further back, the stretches done on each day before.
        summary = stats.summarize(rows, today, days, None, goal, self._done_per_day(start))
        summary.checkins = self.rows((Kind.CHECKIN,))
        return summary

    def _done_per_day(self, end: float) -> dict[date, int]:
        """How many stretches were done on each local day in the ``STREAK_DAYS`` before ``end``."""
        found = self._db.execute(
            "SELECT date(at, 'unixepoch', 'localtime'), count(*) FROM events"
            " WHERE kind = ? AND at >= ? AND at < ? GROUP BY 1",
            (Kind.STRETCH_DONE.value, end - STREAK_DAYS * 86400, end),
        )
        return {date.fromisoformat(day): count for day, count in found}

    def close(self) -> None:
        """Write what waits in memory if the file allows it now, and close."""
        if not self.flush():
            log.warning("%s: %d events could not be saved.", self.trouble, self.waiting)
        self._db.close()


def _marks(kinds: Sequence[Kind]) -> str:
    return ",".join("?" * len(kinds))


_Values = tuple[float, str, str | None, str | None, float | None, str]


def _entries(found: Iterable[_Values]) -> list[Entry]:
    return [
        Entry(
            at, _KINDS[kind], stretch, tuple(groups.split(",")) if groups else (), seconds, detail
        )
        for at, kind, stretch, groups, seconds, detail in found
        if kind in _KINDS
    ]


def _move_aside(path: Path, error: Exception) -> Path:
    aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
    path.rename(aside)
    for suffix in ("-wal", "-shm"):  # the journal belongs to the old file: keep it beside it
        journal = Path(f"{path}{suffix}")
        if journal.exists():
            journal.rename(f"{aside}{suffix}")
    log.warning(
        "The history file %s could not be read (%s); it was moved to %s and a new one started.",
        path,
        error,
        aside,
    )
    return aside
