"""A month of workdays through the real loop, core, rotation and SQLite history, on a fake clock.

Each workday: at the desk 09:00-17:00, lunch away 12:00-13:00 (the idle probe says so), every
reminder answered by starting the stretch a minute later and finishing it two minutes after
that; the machine suspends from 17:00 to 09:00 (and over the weekend). With the default 30 min
interval that is, by hand: reminders at 9:30, 10:03, 10:36, 11:09, 11:42 (the 12:15 one falls in
lunch), then from 13:00 (+ up to one 2.5 min idle check) at 13:30 ... 16:48: 5 + 7 = 12 a day.
"""

import itertools
import os
import queue
import threading
import time
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from hamstray.engine import asks, events, model
from hamstray.engine.effects import Effect, Guide, Record, Remind
from hamstray.engine.entries import Kind
from hamstray.engine.settings import Config, Routines
from hamstray.runtime.jobs import Quit
from hamstray.runtime.loop import Item, Loop
from hamstray.runtime.practice import Practice
from hamstray.store.history import History

FIRST_MONDAY = date(2026, 11, 2)
WEEKS = 4
WORKDAYS = [FIRST_MONDAY + timedelta(days=d) for d in range(7 * WEEKS) if d % 7 < 5]
REMINDERS_A_DAY = 12


def at(day: date, hour: float) -> float:
    return datetime(day.year, day.month, day.day).timestamp() + hour * 3600


class Month:
    """The fake world: a clock, the user's habits, and the machine's sleep."""

    def __init__(self) -> None:
        self.now = at(WORKDAYS[0], 9)
        self.scheduled: list[tuple[float, Item]] = []
        self.waits = 0

    def clock(self) -> float:
        return self.now

    def idle(self) -> float:
        local = datetime.fromtimestamp(self.now)
        noon = local.replace(hour=12, minute=0, second=0, microsecond=0).timestamp()
        return self.now - noon if noon <= self.now < noon + 3600 else 0.0

    def desk_hours(self) -> tuple[float, float]:
        """Today's 09:00 and 17:00."""
        today = datetime.fromtimestamp(self.now).date()
        return at(today, 9), at(today, 17)

    def wake_next(self) -> bool:
        """Suspend until the next workday's 09:00; False after the last one."""
        today = datetime.fromtimestamp(self.now).date()
        later = [d for d in WORKDAYS if d > today]
        if not later:
            return False
        self.now = at(later[0], 9)
        return True

    # The loop's inbox.
    def put(self, item: Item) -> None:
        self.scheduled.append((self.now, item))
        self.scheduled.sort(key=lambda pair: pair[0])

    def get(self, block: bool = True, timeout: float | None = None) -> Item:
        self.waits += 1
        deadline = self.now + (float("inf") if timeout is None else timeout)
        if self.scheduled and self.scheduled[0][0] <= deadline:
            when, item = self.scheduled.pop(0)
            self.now = max(self.now, when)
            return item
        _, evening = self.desk_hours()
        if deadline >= evening:  # the lid closes at 17:00: the timer fires after the night
            self.now = evening
            if not self.wake_next():
                return Quit()
        else:
            self.now = deadline
        raise queue.Empty


def open_files() -> int:
    return len(list(Path("/proc/self/fd").iterdir()))


def rss_kib() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


@pytest.mark.finding(
    "four weeks of workdays (lunches away, nightly and weekend suspends, 240 stretch breaks) "
    "through the real loop, core, rotation and history on an accelerated clock",
    "exactly 12 reminders every day at the times the rules give, each answered; no drift, "
    "no burst after a suspend",
    "every event in the history (about 0.1 MB); memory (+16 KiB), threads, open files unchanged",
)
def test_a_simulated_month_gives_exactly_the_reminders_the_rules_say(tmp_path) -> None:
    config = Config(routines=Routines(morning=None, evening=None))
    month = Month()
    threads, fds = threading.active_count(), open_files()
    history = History(tmp_path / "history.sqlite3")
    practice = Practice(config, history)
    reminders: list[float] = []

    def run_effect(effect: Effect) -> None:
        if isinstance(effect, Remind):
            reminders.append(month.now)
            month.scheduled.append((month.now + 60, asks.StartStretch()))
            month.scheduled.sort(key=lambda pair: pair[0])
        elif isinstance(effect, Guide):
            month.scheduled.append((month.now + 120, events.StretchEnded(True, 30, effect.stretch)))
            month.scheduled.sort(key=lambda pair: pair[0])
        elif isinstance(effect, Record):
            history.record(effect.entry())

    loop = Loop(
        config,
        model.initial(month.now),
        month.clock,
        run_effect,
        idle=month.idle,
        suggest=lambda: practice.suggest(month.now),
        inbox=month,
    )
    before = rss_kib()
    started = time.monotonic()
    loop.run()
    elapsed = time.monotonic() - started
    grown_kib = rss_kib() - before
    history.close()

    per_day = Counter(datetime.fromtimestamp(t).date() for t in reminders)
    assert per_day == dict.fromkeys(WORKDAYS, REMINDERS_A_DAY)
    for day in WORKDAYS:  # no drift: the first reminder of every day comes at 09:30 sharp
        assert min(t for t in reminders if datetime.fromtimestamp(t).date() == day) == at(day, 9.5)
    gaps = [b - a for a, b in itertools.pairwise(reminders)]
    assert min(gaps) >= config.breaks.interval  # never a burst, not even after a suspend

    reopened = History(tmp_path / "history.sqlite3")
    kinds = Counter(row.kind for row in reopened.rows())
    served = reopened.served(limit=1000)
    reopened.close()
    assert kinds[Kind.REMINDER] == kinds[Kind.STRETCH_DONE] == len(WORKDAYS) * REMINDERS_A_DAY
    assert kinds[Kind.NATURAL_BREAK] == 2 * len(WORKDAYS) - 1  # lunches, and every night but last
    groups = Counter(s.group for s in served)
    assert max(groups.values()) - min(groups.values()) <= 1  # the rotation stays balanced

    size = (tmp_path / "history.sqlite3").stat().st_size
    assert size < 1_000_000
    assert threading.active_count() <= threads
    assert open_files() <= fds  # (others may close theirs meanwhile: no growth is the point)
    assert grown_kib < 4 * 1024, f"RSS grew {grown_kib} KiB over the month"
    print(
        f"\nsoak: {len(reminders)} reminders, {sum(kinds.values())} events, {size} bytes, "
        f"{month.waits} loop waits, RSS {grown_kib:+d} KiB, {elapsed:.1f} s"
    )
