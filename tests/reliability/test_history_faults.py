"""The history when the disk says no: a read-only data dir, a full disk, a damaged file.

Nothing is lost: events wait in memory and are written by the first write that succeeds.
"""

import os
import sqlite3
from pathlib import Path

import pytest

from hamstray.engine.entries import Entry, Kind
from hamstray.store.history import History

from .conftest import run
from .fs import ReadOnly, data_dir, fill, tmpfs


def kinds_in(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        return [k for (k,) in db.execute("SELECT kind FROM events ORDER BY id")]


@pytest.mark.finding(
    "the data dir is read-only when hamstray starts",
    "the history runs in memory; `trouble` names the file and the reason",
    "every event, written in order once the dir is writable again",
)
def test_a_read_only_data_dir_keeps_events_until_it_can_write(tmp_path) -> None:
    with data_dir(tmp_path) as folder:
        path = folder / "hamstray" / "history.sqlite3"
        read_only = ReadOnly(path.parent)
        history = History(path)
        assert history.trouble is not None
        assert str(path) in history.trouble
        assert history.record(Entry(1.0, Kind.APP_STARTED)) is False
        assert history.record(Entry(2.0, Kind.REMINDER, "calf-wall", ("calves",))) is False
        assert [r.kind.value for r in history.rows()] == [
            "app_started",
            "reminder",
        ]  # reads still work
        assert not path.exists()
        read_only.release()
        assert history.record(Entry(3.0, Kind.SNOOZED)) is True
        assert history.trouble is None
        assert history.waiting == 0
        history.close()
        assert kinds_in(path) == ["app_started", "reminder", "snoozed"]


@pytest.mark.finding(
    "the disk fills up while hamstray runs",
    'SQLite says "database or disk is full"; record() returns False, once told',
    "every event, written when space is freed (or at close)",
)
def test_a_full_disk_keeps_events_until_space_comes_back(tmp_path) -> None:
    if os.geteuid() != 0:
        pytest.skip("a full disk needs a tmpfs mount, so root (CI runs as root)")
    with tmpfs(tmp_path / "small", "512k") as folder:
        path = folder / "history.sqlite3"
        history = History(path)
        assert history.record(Entry(1.0, Kind.APP_STARTED)) is True
        filler = fill(folder)
        written = [
            history.record(Entry(2.0 + i, Kind.REMINDER, "calf-wall", ("calves",)))
            for i in range(50)
        ]
        assert False in written
        assert "disk is full" in (history.trouble or "")
        filler.unlink()
        assert history.record(Entry(100.0, Kind.STRETCH_DONE, "calf-wall", ("calves",), 30)) is True
        history.close()
        kinds = kinds_in(path)
        assert kinds == ["app_started", *["reminder"] * 50, "stretch_done"]


@pytest.mark.finding(
    "a feedback command while the data dir is read-only",
    "one sentence: the feedback was not saved, naming the file; exit 1",
    "the rest of the history file, untouched",
)
def test_the_feedback_command_says_when_it_cannot_save(env, tmp_path) -> None:
    with data_dir(tmp_path) as folder:
        env = dict(env, XDG_DATA_HOME=str(folder))
        assert run(env, "feedback", "legs-up-the-wall", "easy").returncode == 0
        path = folder / "hamstray" / "history.sqlite3"
        read_only = ReadOnly(path.parent)
        try:
            result = run(env, "feedback", "legs-up-the-wall", "hard")
        finally:
            read_only.release()
        assert result.returncode == 1
        assert result.stderr.startswith(f"hamstray: the feedback was not saved: {path}")
        assert "Traceback" not in result.stderr
        assert kinds_in(path) == ["feedback"]


@pytest.mark.finding(
    "a history file that is not a database (random bytes)",
    "it is moved aside as history.sqlite3.corrupt-<time>, a new one started",
    "the damaged file, byte for byte",
)
def test_a_damaged_file_is_moved_aside_not_deleted(tmp_path) -> None:
    path = tmp_path / "history.sqlite3"
    damaged = os.urandom(8192)
    path.write_bytes(damaged)
    history = History(path)
    assert history.moved_aside is not None
    assert history.moved_aside.read_bytes() == damaged
    assert history.record(Entry(1.0, Kind.APP_STARTED)) is True
    history.close()
    assert kinds_in(path) == ["app_started"]
