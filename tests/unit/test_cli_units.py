"""Small pure parts of the command line."""

import os
import time
from datetime import datetime

import pytest

from hamstray.cli import records, remote
from hamstray.engine import calendar, stats
from hamstray.engine.entries import Entry, Kind
from hamstray.engine.model import View
from hamstray.engine.phase import Phase
from hamstray.engine.reasons import Cause, Reason
from hamstray.runtime.status import as_json


@pytest.fixture
def berlin():
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset exists on Unix only")
    old = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Berlin"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


@pytest.mark.parametrize(
    ("now", "midnight"),
    [
        ("2026-11-25 21:40", "2026-11-26 00:00"),
        ("2026-11-25 00:00", "2026-11-26 00:00"),
        ("2026-03-28 23:30", "2026-03-29 00:00"),  # the night clocks go forward (23 h day next)
        ("2026-03-29 12:00", "2026-03-30 00:00"),
        ("2026-10-25 01:00", "2026-10-26 00:00"),  # the 25-hour day
    ],
)
def test_pause_tomorrow_ends_at_the_next_local_midnight(
    berlin: None, now: str, midnight: str
) -> None:
    start = datetime.strptime(now, "%Y-%m-%d %H:%M").timestamp()
    end = calendar.next_local_midnight(start)
    assert datetime.fromtimestamp(end).strftime("%Y-%m-%d %H:%M") == midnight


def test_status_reads_as_sentences() -> None:
    text = remote.describe(
        {
            "phase": "sitting",
            "sitting_s": 600,
            "next_break_in_s": 1200,
            "next_stretch": {"id": "a", "name": "Calf stretch at the desk", "groups": []},
            "snoozes_left": 3,
        },
        time.time(),
    )
    assert text == (
        "Sitting for 10 min; next break in 20 min.\n"
        "Next stretch: Calf stretch at the desk (3 snoozes left)."
    )


@pytest.mark.parametrize(
    ("until", "shown"),
    [
        ("2026-11-25 19:54", "Paused until Wed 19:54."),
        ("2026-11-30 19:54", "Paused until Mon 19:54."),  # five days on: the weekday is clear
        ("2026-12-02 19:54", "Paused until Wed, Dec 2, 2026, 19:54."),  # a Wednesday again
        ("2369-02-28 02:00", "Paused until Fri, Feb 28, 2369, 02:00."),
    ],
)
def test_a_pause_beyond_the_coming_week_shows_its_date(
    berlin: None, until: str, shown: str
) -> None:
    now = datetime.strptime("2026-11-25 12:00", "%Y-%m-%d %H:%M").timestamp()
    ending = datetime.strptime(until, "%Y-%m-%d %H:%M").astimezone().isoformat()
    text = remote.describe({"phase": "paused", "paused_until": ending}, now)
    assert text == shown


def test_status_says_when_the_settings_file_has_problems() -> None:
    message = "settings file has 1 problem; the last good settings are in use"
    text = remote.describe(
        {"phase": "paused", "paused_until": None, "config": {"message": message}}, time.time()
    )
    assert text.splitlines() == [
        "Paused until you resume.",
        f"The {message} (hamstray config check).",
    ]


def test_the_next_routine_is_the_nearest_of_morning_and_evening(berlin: None) -> None:
    from datetime import time as clock

    from hamstray.engine.settings import Routines

    def at(text: str) -> float:
        return datetime.strptime(text, "%Y-%m-%d %H:%M").timestamp()

    routines = Routines(morning=clock(7, 30), evening=clock(21, 0))
    assert calendar.next_routine(at("2026-11-25 06:00"), routines) == (
        "morning",
        at("2026-11-25 07:30"),
    )
    assert calendar.next_routine(at("2026-11-25 12:00"), routines) == (
        "evening",
        at("2026-11-25 21:00"),
    )
    assert calendar.next_routine(at("2026-11-25 22:00"), routines) == (
        "morning",
        at("2026-11-26 07:30"),
    )
    assert calendar.next_routine(at("2026-11-25 12:00"), Routines(None, None)) is None


def test_status_says_why_a_due_reminder_is_held_back() -> None:
    reason = Reason(Cause.MICROPHONE, "Firefox")
    due = View(Phase.DUE, 12, 45 * 60, 0.0, 3, True, None, None, held_back=reason)
    status = as_json(due)
    assert (status["held_back"], status["held_back_cause"]) == (
        "microphone in use by Firefox",
        "microphone",
    )
    assert remote.describe(status, 1e9) == (
        "A break is due (sitting for 45 min); held back: microphone in use by Firefox."
    )
    plain = as_json(View(Phase.DUE, 12, 45 * 60, 0.0, 3, True, None, None))
    assert (plain["held_back"], plain["held_back_cause"]) == (None, None)
    assert remote.describe(plain, 1e9) == "A break is due (sitting for 45 min)."


def test_stats_count_held_back_reminders_by_reason() -> None:
    rows = [
        Entry(1e9, Kind.REMINDER_HELD, detail="screen_sharing"),
        Entry(1e9 + 60, Kind.REMINDER_HELD, detail="microphone"),
        Entry(1e9 + 120, Kind.REMINDER_HELD, detail="microphone"),
    ]
    summary = stats.summarize(rows, stats.local_date(1e9, None), 1)
    assert records.stats_json(summary)["held_back"] == {"microphone": 2, "screen_sharing": 1}
    assert records.stats_json(summary)["days"][0]["held_back"] == 3
    assert "Held back: 3 reminders waited (microphone 2, screen sharing 1)" in (
        records.stats_text(summary).splitlines()
    )


def test_stats_show_lengths_as_minutes_or_hours_and_minutes() -> None:
    days = [stats.Day(datetime(2026, 11, 23 + n).date()) for n in range(3)]
    days[0].at_computer_s, days[0].longest_sitting_s = 7 * 60, 7 * 60
    days[1].at_computer_s, days[1].longest_sitting_s = 3600 + 5 * 60, 40 * 60
    groups = dict.fromkeys(
        ("hamstrings", "hip_flexors", "inner_thighs", "calves", "glutes", "low_back", "feet"),
        (0, 0.0),
    )
    groups["calves"] = (2, 65.0)
    lines = records.stats_text(stats.Summary(days, groups, streak=0, goal=3)).splitlines()
    assert lines[0] == "hamstray, Mon, Nov 23 to Wed, Nov 25, 2026"  # the locale's dates (Babel)
    assert lines[4].startswith("Mon, Nov 23          7 min        7 min"), lines[4]
    assert lines[5].startswith("Tue, Nov 24     1 h 05 min       40 min"), lines[5]
    assert lines[6].startswith("Wed, Nov 25              –            –"), lines[6]
    assert lines[8].startswith("Total           1 h 12 min       40 min"), lines[8]
    assert "Calves                 2   1 min" in lines
