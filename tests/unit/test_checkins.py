"""The flexibility check-in: offered every two weeks, its trend in honest words."""

from hamstray.engine import checkins
from hamstray.engine.entries import Entry, Kind
from hamstray.store import assets

CHECKIN = assets.guidance().checkin
REACH = CHECKIN.tests[0]
DAY = 24 * 3600.0
WEEK = 7 * DAY


def answered(at: float, answer: str, test: str = "chair-reach") -> Entry:
    return Entry(at, Kind.CHECKIN, detail=checkins.detail(test, answer))


def test_the_first_check_in_is_offered_the_day_after_first_use() -> None:
    assert checkins.next_offer(None, []) is None
    assert checkins.next_offer(100.0, []) == 100.0 + DAY


def test_the_next_comes_two_weeks_after_the_last_check_in_or_prompt() -> None:
    done = [answered(5 * DAY, "knee")]
    assert checkins.next_offer(0.0, done) == 19 * DAY
    ignored = [*done, Entry(20 * DAY, Kind.CHECKIN_OFFERED)]
    assert checkins.next_offer(0.0, ignored) == 34 * DAY  # one prompt, then two weeks' peace


def test_answers_become_points_on_the_scale_oldest_first() -> None:
    entries = [answered(2 * WEEK, "ankle"), answered(0, "knee"), answered(WEEK, "gone")]
    assert checkins.points(CHECKIN, entries, REACH) == [(0, 1), (2 * WEEK, 3)]


def test_the_trend_is_too_early_before_four_weeks() -> None:
    entries = [answered(0, "knee"), answered(3 * WEEK, "toes")]
    (progress,) = checkins.progress(CHECKIN, entries)
    assert progress.trend == CHECKIN.early
    assert progress.latest == "The toes"


def test_after_weeks_the_trend_compares_with_the_first_answer() -> None:
    looser = checkins.progress(CHECKIN, [answered(0, "knee"), answered(6 * WEEK, "mid-shin")])
    assert looser[0].trend == "Looser than 6 weeks ago: keep going."
    same = checkins.progress(CHECKIN, [answered(0, "knee"), answered(5 * WEEK, "knee")])
    assert same[0].trend.startswith("About the same as 5 weeks ago.")
    tighter = checkins.progress(CHECKIN, [answered(0, "ankle"), answered(4 * WEEK, "knee")])
    assert tighter[0].trend.startswith("A little tighter than 4 weeks ago.")


def test_each_test_has_its_own_trend() -> None:
    entries = [answered(0, "knee"), answered(0, "halfway", "knee-extension")]
    assert [p.test.id for p in checkins.progress(CHECKIN, entries)] == [
        "chair-reach",
        "knee-extension",
    ]
    assert checkins.trend(CHECKIN, [], 0, 2) == CHECKIN.early
