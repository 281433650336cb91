"""Small pure parts of the command line."""

import os
import time
from datetime import datetime

import pytest

from hamstray.cli import remote
from hamstray.engine import calendar


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
        }
    )
    assert text == (
        "Sitting for 10 min; next break in 20 min.\n"
        "Next stretch: Calf stretch at the desk (3 snoozes left)."
    )


def test_status_says_when_the_settings_file_has_problems() -> None:
    message = "settings file has 1 problem; the last good settings are in use"
    text = remote.describe(
        {"phase": "paused", "paused_until": None, "config": {"message": message}}
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
