"""Durations as people write them."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hamstray.engine import durations


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("90s", 90),
        ("5m", 300),
        ("1h30m", 5400),
        ("2h", 7200),
        ("1h0m5s", 3605),
        ("45", 45),
        (" 10m ", 600),
        ("0s", 0),
        ("2H", 7200),
    ],
)
def test_parse_reads_the_forms_people_write(text: str, seconds: int) -> None:
    assert durations.parse(text) == seconds


def test_parse_takes_whole_seconds_as_a_number() -> None:
    assert durations.parse(600) == 600


@pytest.mark.parametrize("bad", ["soon", "", "5 min", "1.5h", "m", "-5m", "30m1h", "1h 30m"])
def test_parse_quotes_the_bad_value_and_shows_an_example(bad: str) -> None:
    with pytest.raises(durations.DurationError) as error:
        durations.parse(bad)
    assert f'"{bad}"' in str(error.value)
    assert '"45m"' in str(error.value)


@pytest.mark.parametrize("bad", [-1, 1.5, True, None, [5]])
def test_parse_refuses_what_is_not_a_duration(bad: object) -> None:
    with pytest.raises(durations.DurationError, match="expected a duration"):
        durations.parse(bad)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0s"), (45, "45s"), (300, "5m"), (5400, "1h30m"), (7200, "2h"), (3605, "1h5s")],
)
def test_format_gives_the_shortest_form(seconds: int, text: str) -> None:
    assert durations.compact(seconds) == text


@given(st.integers(0, 10**7))
def test_format_and_parse_round_trip(seconds: int) -> None:
    assert durations.parse(durations.compact(seconds)) == seconds


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (3, "3 s"),
        (59, "59 s"),
        (90, "2 min"),
        (1380, "23 min"),
        (3600, "1 h"),
        (3900, "1 h 05 min"),
    ],
)
def test_humanize_rounds_for_people(seconds: int, text: str) -> None:
    assert durations.humanize(seconds) == text
