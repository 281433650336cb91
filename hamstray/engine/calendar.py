"""Local wall-clock times: midnight for "pause tomorrow", and the routine reminders."""

from datetime import datetime, time, timedelta

from hamstray.engine.settings import Routines


def next_local_midnight(now: float) -> float:
    """The first local midnight after ``now`` (DST-safe: computed on the calendar)."""
    tomorrow = datetime.fromtimestamp(now).date() + timedelta(days=1)
    return datetime.combine(tomorrow, time(0)).timestamp()


def next_routine(now: float, routines: Routines) -> tuple[str, float] | None:
    """The next (name, time) of a routine reminder after ``now``, or None when none is set."""
    today = datetime.fromtimestamp(now).date()
    upcoming = []
    for name, at in (("morning", routines.morning), ("evening", routines.evening)):
        if at is None:
            continue
        for day in (today, today + timedelta(days=1)):
            when = datetime.combine(day, at).timestamp()
            if when > now:
                upcoming.append((when, name))
                break
    if not upcoming:
        return None
    when, name = min(upcoming)
    return name, when
