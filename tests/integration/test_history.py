"""The SQLite history for real: corruption, newer schemas, two years of use, the chart."""

import sqlite3
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image

from hamstray.engine import stats
from hamstray.engine.entries import Entry, Kind
from hamstray.store.history import SCHEMA_VERSION, History, HistoryError
from hamstray.ui import chart
from tests.synthetic import workdays


def test_a_new_file_uses_wal_and_the_current_schema(tmp_path: Path) -> None:
    history = History(tmp_path / "history.sqlite3")
    history.record(Entry(1.0, Kind.APP_STARTED))
    history.close()
    with sqlite3.connect(tmp_path / "history.sqlite3") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"events_at", "events_kind_at"} <= indexes


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_file_is_moved_aside_and_a_new_one_started(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "history.sqlite3"
    if damage == "garbage":
        path.write_bytes(b"this is not a database" * 100)
    else:
        good = History(path)
        for n in range(200):
            good.record(Entry(float(n), Kind.REMINDER))
        good.close()
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 3])
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    original = path.read_bytes()
    history = History(path)
    history.record(Entry(1.0, Kind.APP_STARTED))
    if damage == "garbage":
        assert history.moved_aside is not None
        assert history.moved_aside.read_bytes() == original  # kept, not deleted
        assert history.rows()[0].kind is Kind.APP_STARTED
    else:  # SQLite may still read a truncated file; either way nothing is lost or raised
        assert history.moved_aside is None or history.moved_aside.read_bytes() == original
    history.close()


def test_a_newer_schema_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    before = path.read_bytes()
    with pytest.raises(HistoryError, match="written by a newer hamstray"):
        History(path)
    assert path.read_bytes() == before


def test_two_years_of_use_stay_small_and_fast(tmp_path: Path) -> None:
    """About 27 000 events: the file stays well under 5 MB and a week's stats come quickly."""
    path = tmp_path / "history.sqlite3"
    history = History(path)
    today = date(2026, 11, 25)
    events = workdays(history, today - timedelta(days=730), 731)
    history.close()
    size = sum(p.stat().st_size for p in tmp_path.glob("history.sqlite3*"))
    assert events > 20_000
    assert size < 5_000_000
    history = History(path)
    started = time.perf_counter()
    start = stats.midnight(today - timedelta(days=6), None)
    rows = history.between(start - 400 * 86400, start, kinds=(Kind.STRETCH_DONE,))
    rows += history.between(start - 86400)
    summary = stats.summarize(rows, today, 7)
    elapsed = time.perf_counter() - started
    history.close()
    print(f"\n2 years: {events} events, {size / 1e6:.2f} MB, week stats in {elapsed * 1000:.0f} ms")
    assert elapsed < 1.0  # a guard against a full scan, not a benchmark
    assert sum(d.stretches for d in summary.days) > 0


@pytest.fixture
def berlin(monkeypatch: pytest.MonkeyPatch):
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset exists on Unix only")
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_streak_is_followed_back_past_the_days_shown(berlin: None, tmp_path: Path) -> None:
    """Twenty days of three stretches at 00:30 (the day before in UTC), then a gap: a week's
    stats count all twenty days, in local days, and the gap ends the streak."""
    history = History(tmp_path / "history.sqlite3")
    today = date(2026, 11, 25)
    now = stats.midnight(today, None) + 12 * 3600
    for back in [*range(20), 21]:
        early = stats.midnight(today - timedelta(days=back), None) + 1800
        for minute in range(3):
            history.record(Entry(early + 60 * minute, Kind.STRETCH_DONE, "c", ("calves",), 30))
    assert history.summary(now, 7, 3).streak == 20
    assert history.summary(now, 30, 3).streak == 20
    history.close()


def test_the_chart_draws_the_bars_where_the_data_says(tmp_path: Path) -> None:
    days = [stats.Day(date(2026, 11, 19) + timedelta(days=n)) for n in range(7)]
    days[1].reminders, days[1].breaks = 8, 4
    days[3].reminders, days[3].breaks = 4, 4
    days[5].longest_sitting_s = 3600
    groups = dict.fromkeys(
        ("hamstrings", "hip_flexors", "inner_thighs", "calves", "glutes", "low_back", "feet"),
        (0, 0.0),
    )
    groups["calves"] = (5, 150.0)
    summary = stats.Summary(days, groups, streak=2, goal=3)
    for scale in (1, 2):
        path = tmp_path / f"week@{scale}x.png"
        chart.draw(summary, scale).save(path)
        with Image.open(path) as picture:
            rgb = picture.convert("RGB")
        assert rgb.size == (800 * scale, 580 * scale)
        half = chart.day_bar(summary, 1, 4, scale)  # Tuesday: 4 breaks of 8 reminders
        assert colour(rgb, half, 0.5) == chart.TEAL
        assert colour(rgb, chart.day_bar(summary, 1, 8, scale), 0.9) == chart.PALE
        assert colour(rgb, chart.day_bar(summary, 0, 8, scale), 0.6) == chart.PAPER  # no data
        assert colour(rgb, chart.day_bar(summary, 3, 4, scale), 0.99) == chart.TEAL


@pytest.mark.parametrize(
    ("most", "numbers"),
    [(0, [0, 1, 2, 3, 4]), (1, [0, 1, 2, 3, 4]), (5, [0, 2, 4, 6, 8]), (8, [0, 2, 4, 6, 8])],
)
def test_the_chart_numbers_its_grid_lines_with_whole_numbers(most: int, numbers: list[int]) -> None:
    """Five reminders on the busiest day once read 0, 2.5, 5; now every line is a whole number."""
    days = [stats.Day(date(2026, 11, 19) + timedelta(days=n)) for n in range(7)]
    days[2].reminders = most
    summary = stats.Summary(days, {}, streak=0, goal=3)
    assert chart.ticks(summary) == numbers
    assert chart.day_bar(summary, 2, numbers[-1])[1] == chart.BARS[1]  # the top line is the top


def colour(image: Image.Image, box: tuple[int, int, int, int], height: float) -> tuple[int, ...]:
    """The pixel in the middle of ``box``, ``height`` of the way up."""
    x = (box[0] + box[2]) // 2
    return image.getpixel((x, round(box[3] - (box[3] - box[1]) * height)))  # type: ignore[return-value]
