"""Statistics against histories computed by hand, across midnight and DST."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from hamstray.engine.entries import Entry, Kind
from hamstray.engine.stats import midnight, streak, summarize

BERLIN = ZoneInfo("Europe/Berlin")


def at(text: str) -> float:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=BERLIN).timestamp()


def row(
    kind: str,
    when: str,
    seconds: float | None = None,
    stretch: str | None = None,
    groups: tuple[str, ...] = (),
) -> Entry:
    return Entry(at(when), Kind(kind), stretch, groups, seconds, "")


def test_an_empty_history_gives_empty_days() -> None:
    summary = summarize([], date(2026, 11, 25), 7, BERLIN)
    assert summary.days[0].date == date(2026, 11, 19)
    assert len(summary.days) == 7
    assert all(d.at_computer_s == 0 and d.breaks == 0 for d in summary.days)
    assert summary.streak == 0
    assert summary.groups["hamstrings"] == (0, 0.0)


def test_one_event() -> None:
    summary = summarize([row("reminder", "2026-11-25 10:00")], date(2026, 11, 25), 1, BERLIN)
    assert summary.days[0].reminders == 1


def test_a_working_day_by_hand() -> None:
    rows = [
        row("sitting", "2026-11-25 09:40", 40 * 60),  # 09:00-09:40
        row("reminder", "2026-11-25 09:30"),
        row("snoozed", "2026-11-25 09:31", 300),
        row("stretch_done", "2026-11-25 09:42", 60, "desk-calf", ("calves",)),
        row("sitting", "2026-11-25 10:30", 48 * 60),  # 09:42-10:30
        row("natural_break", "2026-11-25 10:50", 20 * 60),
        row("sitting", "2026-11-25 12:00", 70 * 60),  # 10:50-12:00, the longest
        row("reminder", "2026-11-25 11:20"),
        row("skipped", "2026-11-25 11:21"),
        row(
            "stretch_done",
            "2026-11-25 12:02",
            45,
            "legs-up-the-wall",
            ("hamstrings", "inner_thighs"),
        ),
    ]
    (day,) = summarize(rows, date(2026, 11, 25), 1, BERLIN).days
    assert day.at_computer_s == (40 + 48 + 70) * 60
    assert day.longest_sitting_s == 70 * 60
    assert (day.reminders, day.snoozes, day.skips) == (2, 1, 1)
    assert day.stretches == 2
    assert day.breaks == 3  # two stretches and one natural break
    summary = summarize(rows, date(2026, 11, 25), 1, BERLIN)
    assert summary.groups["calves"] == (1, 60)
    assert summary.groups["hamstrings"] == (1, 45)
    assert summary.groups["inner_thighs"] == (1, 45)


def test_a_sitting_period_across_midnight_counts_on_both_days() -> None:
    rows = [row("sitting", "2026-11-25 00:30", 90 * 60)]  # 23:00 to 00:30
    first, second = summarize(rows, date(2026, 11, 25), 2, BERLIN).days
    assert first.at_computer_s == 60 * 60
    assert second.at_computer_s == 30 * 60
    assert (first.longest_sitting_s, second.longest_sitting_s) == (0, 90 * 60)


def test_dst_days_are_23_and_25_hours_long() -> None:
    assert midnight(date(2026, 3, 30), BERLIN) - midnight(date(2026, 3, 29), BERLIN) == 23 * 3600
    assert midnight(date(2026, 10, 26), BERLIN) - midnight(date(2026, 10, 25), BERLIN) == 25 * 3600
    # Sitting from 01:00 to 04:00 wall time across the spring change is two real hours.
    rows = [row("sitting", "2026-03-29 04:00", 2 * 3600)]
    (day,) = summarize(rows, date(2026, 3, 29), 1, BERLIN).days
    assert day.at_computer_s == 2 * 3600


def test_the_streak_counts_days_in_a_row_reaching_the_goal() -> None:
    done = {date(2026, 11, d): n for d, n in ((20, 3), (21, 1), (22, 3), (23, 4), (24, 3))}
    assert streak(done, date(2026, 11, 24), 3) == 3
    # Today does not break the streak before it is over...
    assert streak({**done, date(2026, 11, 25): 1}, date(2026, 11, 25), 3) == 3
    # ...and counts once it reaches the goal.
    assert streak({**done, date(2026, 11, 25): 3}, date(2026, 11, 25), 3) == 4
    assert streak(done, date(2026, 11, 24), 5) == 0


def test_the_streak_reaches_back_before_the_shown_days() -> None:
    rows = [
        row("stretch_done", f"2026-11-{d:02d} 10:0{n}", 30, "desk-calf", ("calves",))
        for d in range(10, 26)
        for n in range(3)
    ]
    summary = summarize(rows, date(2026, 11, 25), 7, BERLIN)
    assert summary.streak == 16
    assert sum(d.stretches for d in summary.days) == 21


def test_holds_show_the_progression_per_stretch() -> None:
    rows = [
        row("stretch_done", "2026-11-20 10:00", 30, "desk-calf", ("calves",)),
        row("stretch_done", "2026-11-25 10:00", 35, "desk-calf", ("calves",)),
    ]
    summary = summarize(rows, date(2026, 11, 25), 7, BERLIN)
    assert summary.holds["desk-calf"] == [(date(2026, 11, 20), 30), (date(2026, 11, 25), 35)]


def test_one_absence_counts_as_one_break_even_when_recorded_twice() -> None:
    """Histories from before the fix hold two overlapping natural breaks for one absence."""
    rows = [
        row("natural_break", "2026-11-25 20:00", 14 * 60),  # 19:46 to 20:00
        row("natural_break", "2026-11-25 20:03", 16.5 * 60),  # 19:46:30 to 20:03: the same
        row("natural_break", "2026-11-25 22:00", 10 * 60),  # a later absence
    ]
    (day,) = summarize(rows, date(2026, 11, 25), 1, BERLIN).days
    assert day.breaks == 2


def test_held_back_reminders_are_counted_by_reason() -> None:
    rows = [
        Entry(at("2026-11-24 10:00"), Kind.REMINDER_HELD, detail="microphone"),
        Entry(at("2026-11-25 09:30"), Kind.REMINDER_HELD, detail="microphone"),
        Entry(at("2026-11-25 11:00"), Kind.REMINDER_HELD, detail="do_not_disturb"),
        row("reminder", "2026-11-25 11:40"),  # the held one, shown after the call
    ]
    summary = summarize(rows, date(2026, 11, 25), 2, BERLIN)
    assert [d.held_back for d in summary.days] == [1, 2]
    assert summary.held_back == {"microphone": 2, "do_not_disturb": 1}
    assert summary.days[1].reminders == 1
