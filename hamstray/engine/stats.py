"""What the history says, per day and per muscle group: pure functions of the events.

Days are local calendar days (``zone``; None: the system's local time), so a sitting period that
crosses midnight counts on both days, and a DST change gives a 23- or 25-hour day.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from hamstray.engine.catalogue import GROUPS
from hamstray.engine.entries import Entry, Kind

DEFAULT_GOAL = 3  # stretches a day that keep the streak going


@dataclass
class Day:
    """One local day."""

    date: date
    at_computer_s: float = 0.0
    longest_sitting_s: float = 0.0
    reminders: int = 0
    breaks: int = 0
    stretches: int = 0
    snoozes: int = 0
    skips: int = 0
    held_back: int = 0  # reminders that waited for a call, do-not-disturb or a full screen


@dataclass
class Summary:
    """The statistics for a run of days."""

    days: list[Day]
    groups: dict[str, tuple[int, float]]  # group -> (stretches done, seconds held)
    streak: int
    goal: int
    holds: dict[str, list[tuple[date, float]]] = field(default_factory=dict)
    # Every flexibility check-in, not only those of these days: the trend reaches further back.
    checkins: list[Entry] = field(default_factory=list)
    held_back: dict[str, int] = field(default_factory=dict)  # cause -> reminders held back


def local_date(at: float, zone: tzinfo | None) -> date:
    """The local calendar day of ``at``."""
    return datetime.fromtimestamp(at, zone).date()


def midnight(day: date, zone: tzinfo | None) -> float:
    """The first moment of ``day``, local time."""
    return datetime.combine(day, time(0), tzinfo=zone).timestamp()


def summarize(
    rows: Sequence[Entry],
    today: date,
    days: int,
    zone: tzinfo | None = None,
    goal: int = DEFAULT_GOAL,
    done_before: Mapping[date, int] | None = None,
) -> Summary:
    """Statistics for the ``days`` days up to and including ``today``; ``done_before`` counts the
    stretches of the days before ``rows`` begin, for a streak that reaches back that far."""
    first = today - timedelta(days=days - 1)
    table = {first + timedelta(days=n): Day(first + timedelta(days=n)) for n in range(days)}
    groups: dict[str, tuple[int, float]] = dict.fromkeys(GROUPS, (0, 0.0))
    holds: dict[str, list[tuple[date, float]]] = {}
    done_per_day: dict[date, int] = dict(done_before or {})
    held_back: dict[str, int] = {}
    break_until = float("-inf")  # where the last natural break ended: an overlap is the same one
    for row in rows:
        if row.kind is Kind.STRETCH_DONE and not row.groups:
            continue  # the warm-up before a routine: a good start, but not a stretch
        day = local_date(row.at, zone)
        if row.kind is Kind.STRETCH_DONE:
            done_per_day[day] = done_per_day.get(day, 0) + 1
        if row.kind is Kind.SITTING and row.seconds:
            _spread(table, row.at - row.seconds, row.at, zone)
        if row.kind is Kind.NATURAL_BREAK:
            began, ended = row.at - (row.seconds or 0.0), break_until
            break_until = max(break_until, row.at)
            if began < ended:
                continue  # it overlaps the last one: one absence, one break
        entry = table.get(day)
        if entry is None:
            continue
        match row.kind:
            case Kind.SITTING:
                entry.longest_sitting_s = max(entry.longest_sitting_s, row.seconds or 0.0)
            case Kind.REMINDER:
                entry.reminders += 1
            case Kind.NATURAL_BREAK:
                entry.breaks += 1
            case Kind.STRETCH_DONE:
                entry.breaks += 1
                entry.stretches += 1
                for group in row.groups:
                    count, held = groups.get(group, (0, 0.0))
                    groups[group] = (count + 1, held + (row.seconds or 0.0))
                if row.stretch:
                    holds.setdefault(row.stretch, []).append((day, row.seconds or 0.0))
            case Kind.SNOOZED:
                entry.snoozes += 1
            case Kind.SKIPPED:
                entry.skips += 1
            case Kind.REMINDER_HELD:
                entry.held_back += 1
                held_back[row.detail] = held_back.get(row.detail, 0) + 1
    days_seen = list(table.values())
    return Summary(
        days_seen, groups, streak(done_per_day, today, goal), goal, holds, held_back=held_back
    )


def _spread(table: dict[date, Day], start: float, end: float, zone: tzinfo | None) -> None:
    """Add the sitting period [start, end] to each day it touches."""
    day = local_date(start, zone)
    while True:
        next_midnight = midnight(day + timedelta(days=1), zone)
        piece = min(end, next_midnight) - max(start, midnight(day, zone))
        if day in table and piece > 0:
            table[day].at_computer_s += piece
        if end <= next_midnight:
            return
        day += timedelta(days=1)


def streak(done_per_day: dict[date, int], today: date, goal: int) -> int:
    """Days in a row, up to today, with at least ``goal`` stretches (today only once reached)."""
    day = today if done_per_day.get(today, 0) >= goal else today - timedelta(days=1)
    count = 0
    while done_per_day.get(day, 0) >= goal:
        count += 1
        day -= timedelta(days=1)
    return count
