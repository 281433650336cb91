"""Synthetic but realistic history: workdays of sitting, reminders, stretches and breaks."""

import random
from datetime import date, datetime, time, timedelta

from hamstray.engine.entries import Entry, Kind
from hamstray.store.assets import stretches
from hamstray.store.history import History


def workdays(history: History, first: date, days: int, seed: int = 7) -> int:
    """Fill ``history`` with ``days`` days of use from ``first``; return the number of events."""
    rng = random.Random(seed)
    catalogue = [s for s in stretches() if s.context != "floor"]
    count = 0

    def record(kind: str, at: float, stretch=None, seconds=None, detail: str = "") -> None:
        nonlocal count
        groups = stretch.groups if stretch else ()
        history.record(
            Entry(at, Kind(kind), stretch.id if stretch else None, groups, seconds, detail)
        )
        count += 1

    for offset in range(days):
        day = first + timedelta(days=offset)
        if day.weekday() >= 5 and rng.random() < 0.8:
            continue
        now = datetime.combine(day, time(8, 30)).timestamp() + rng.uniform(0, 3600)
        end = now + rng.uniform(7, 9) * 3600
        record("app_started", now, detail="0.1.0")
        while now < end:
            sat = rng.uniform(25, 40) * 60
            now += sat
            stretch = rng.choice(catalogue)
            if rng.random() < 0.25:  # left the desk before the reminder
                record("sitting", now, seconds=sat)
                away = rng.uniform(5, 40) * 60
                now += away
                record("natural_break", now, seconds=away, detail="idle")
                continue
            record("sitting", now, seconds=sat)
            record("reminder", now, stretch)
            roll = rng.random()
            if roll < 0.2:
                record("snoozed", now + 60, stretch, seconds=300)
                now += 360
                record("reminder", now, stretch)
            if roll < 0.7:
                record("stretch_started", now + 30, stretch)
                hold = stretch.hold_s * (2 if stretch.per_side else 1)
                now += 30 + hold + 20
                record("stretch_done", now, stretch, seconds=hold)
            else:
                now += 60
                record("skipped", now, stretch)
        record("sitting", now, seconds=rng.uniform(5, 20) * 60)
        record("app_stopped", now + 1, detail="0.1.0")
    return count
