"""The history's part in progress: only holds that mostly ran count, and a routine's warm-up is
done but is no stretch."""

from hamstray.engine import stats
from hamstray.engine.entries import BRIEF, Entry, Kind
from hamstray.store.history import History


def test_a_stretch_ended_early_is_no_step_of_progress(tmp_path) -> None:
    history = History(tmp_path / "history.sqlite3")
    history.record(Entry(1.0, Kind.STRETCH_DONE, "desk-calf", ("calves",), 60))
    history.record(Entry(2.0, Kind.STRETCH_DONE, "desk-calf", ("calves",), 4, BRIEF))
    assert history.done_times() == {"desk-calf": [1.0]}


def test_the_warm_up_is_not_counted_as_a_stretch() -> None:
    rows = [
        Entry(100.0, Kind.STRETCH_DONE, "march-in-place", (), 60),
        Entry(200.0, Kind.STRETCH_DONE, "pigeon", ("glutes", "hip_flexors"), 60),
    ]
    summary = stats.summarize(rows, stats.local_date(200.0, None), 1)
    assert summary.days[0].stretches == 1
