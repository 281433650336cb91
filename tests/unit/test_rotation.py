"""Daytime rotation and gentle progression: pure functions of the history."""

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from hamstray.engine import rotation, swaps
from hamstray.engine.catalogue import GROUPS
from hamstray.engine.rotation import Served
from hamstray.engine.settings import Stretches
from hamstray.engine.vocabulary import FEEDBACK
from hamstray.store import assets

CATALOGUE = assets.stretches()
IDS = [s.id for s in CATALOGUE]
DAY = 24 * 3600.0
DEFAULTS = Stretches()


def take(
    count: int,
    settings_: Stretches = DEFAULTS,
    served: list[Served] | None = None,
    feedback: dict[str, str] | None = None,
) -> list:
    return rotation.plan(CATALOGUE, settings_, served or [], feedback or {}, count, 0.0)


def test_daytime_suggestions_use_only_desk_and_standing_stretches() -> None:
    assert {s.context for s in take(50)} <= {"desk", "standing"}


def test_the_first_seven_suggestions_cover_the_seven_groups_in_order() -> None:
    assert [s.groups[0] for s in take(7)] == list(GROUPS)


def test_the_next_group_is_the_least_recently_served() -> None:
    served = [Served("desk-calf", "calves", 1), Served("foot-roll", "feet", 2)]
    groups = [s.groups[0] for s in take(7, served=served)]
    assert groups == [
        "hamstrings",
        "hip_flexors",
        "inner_thighs",
        "glutes",
        "low_back",
        "calves",
        "feet",
    ]


def test_within_a_group_the_least_recently_used_stretch_comes_next() -> None:
    hamstrings = [s.id for s in take(14) if s.groups[0] == "hamstrings"]  # two in the daytime
    assert hamstrings[:2] == ["chair-hamstring", "standing-hamstring"]
    assert len(set(hamstrings)) == len(hamstrings)  # no repeat before the others had a turn


def test_excluded_and_never_stretches_are_not_suggested() -> None:
    settings_ = replace(DEFAULTS, exclude=("desk-calf",))
    ids = {s.id for s in take(60, settings_, feedback={"foot-roll": "never"})}
    assert "desk-calf" not in ids
    assert "foot-roll" not in ids
    assert "sole-stretch" in ids  # the feet are still served


def test_floor_in_contexts_lets_floor_stretches_into_the_day() -> None:
    settings_ = replace(DEFAULTS, contexts=("floor",))
    assert {s.context for s in take(20, settings_)} == {"floor"}


def test_a_favourite_comes_up_more_often_in_its_group() -> None:
    plain = [s.id for s in take(70) if s.groups[0] == "feet"]
    liked = [
        s.id for s in take(70, feedback={"sole-stretch": "favourite"}) if s.groups[0] == "feet"
    ]
    assert liked.count("sole-stretch") > plain.count("sole-stretch")


def test_too_hard_serves_the_gentler_variation() -> None:
    settings_ = replace(DEFAULTS, contexts=("floor",))
    served = [
        Served(i, g, n)
        for n, (i, g) in enumerate(
            [
                ("legs-up-the-wall", "hamstrings"),
                ("kneeling-hip-flexor", "hip_flexors"),
                ("seated-wide-leg", "inner_thighs"),
                ("downward-dog", "calves"),
            ]
        )
    ]
    normal = take(1, settings_, served)[0]
    assert normal.id == "pigeon"
    both = replace(settings_, contexts=("floor", "desk"))
    gentler = take(1, both, served, feedback={"pigeon": "hard"})[0]
    assert gentler.id != "pigeon"


def test_a_plan_changes_nothing_and_is_deterministic() -> None:
    served = [Served("desk-calf", "calves", 1)]
    assert take(8, served=served) == take(8, served=served)
    assert served == [Served("desk-calf", "calves", 1)]


contexts = st.lists(
    st.sampled_from(["desk", "standing", "floor"]), min_size=1, max_size=3, unique=True
)
histories = st.lists(st.tuples(st.sampled_from(IDS), st.sampled_from(GROUPS)), max_size=40)
feedbacks = st.dictionaries(st.sampled_from(IDS), st.sampled_from(FEEDBACK), max_size=8)


@settings(max_examples=150, deadline=None)
@given(contexts, st.lists(st.sampled_from(IDS), max_size=6), histories, feedbacks)
def test_every_run_as_long_as_the_groups_holds_each_group_once(
    allowed: list[str],
    exclude: list[str],
    history: list[tuple[str, str]],
    feedback: dict[str, str],
) -> None:
    settings_ = replace(DEFAULTS, contexts=tuple(allowed), exclude=tuple(exclude))
    served = [Served(i, g, n) for n, (i, g) in enumerate(history)]
    pool = swaps.offer(CATALOGUE, settings_, feedback, settings_.contexts)
    groups = {g for s in pool for g in s.groups}
    upcoming = take(3 * len(groups) + 2, settings_, served, feedback)
    targets = [s.groups[0] for s in upcoming]
    for start in range(len(targets) - len(groups) + 1):
        assert set(targets[start : start + len(groups)]) == groups
    for stretch in upcoming:
        assert stretch.context in allowed or stretch.swap is not None
        assert feedback.get(stretch.id) != "never"


def hold(
    done: list[float],
    now: float = 100 * DAY,
    progression: str = "gentle",
    feedback: str | None = None,
    stretch_id: str = "desk-calf",
) -> int:
    settings_ = replace(DEFAULTS, progression=progression)  # type: ignore[arg-type]
    stretch = next(s for s in CATALOGUE if s.id == stretch_id)
    return rotation.hold_for(stretch, done, now, settings_, feedback)


def test_the_hold_starts_at_the_configured_hold() -> None:
    assert hold([]) == 30


def test_gentle_adds_five_seconds_after_every_five_completed_holds() -> None:
    assert [hold([99 * DAY] * n) for n in (4, 5, 9, 10, 15)] == [30, 35, 35, 40, 45]


def test_steady_adds_five_seconds_after_every_three() -> None:
    assert [hold([99 * DAY] * n, progression="steady") for n in (2, 3, 6)] == [30, 35, 40]


def test_off_keeps_the_hold_fixed() -> None:
    assert hold([99 * DAY] * 50, progression="off") == 30


def test_the_hold_never_passes_max_hold() -> None:
    assert hold([99 * DAY] * 500) == 60


def test_two_weeks_without_the_stretch_steps_back() -> None:
    done = [50 * DAY] * 10  # two steps earned, last done on day 50
    assert hold(done, now=60 * DAY) == 40
    assert hold(done, now=65 * DAY) == 35
    assert hold(done, now=80 * DAY) == 30
    assert hold(done, now=400 * DAY) == 30  # never below the start


def test_a_longer_base_hold_scales_with_the_setting() -> None:
    assert hold([], stretch_id="legs-up-the-wall") == 90
    settings_ = replace(DEFAULTS, hold=20)
    stretch = next(s for s in CATALOGUE if s.id == "legs-up-the-wall")
    assert rotation.hold_for(stretch, [], 0, settings_) == 60


def test_easy_and_hard_feedback_shape_the_hold() -> None:
    assert hold([], feedback="easy") == 30  # nothing done yet: nothing to add to
    assert hold([99 * DAY] * 5, feedback="easy") == 40
    assert hold([], feedback="hard") == 20


def test_a_movement_keeps_its_dose_whatever_the_progress() -> None:
    for stretch_id, seconds in (("seated-cat-cow", 64), ("foot-roll", 60)):
        assert hold([], stretch_id=stretch_id) == seconds
        assert hold([99 * DAY] * 50, stretch_id=stretch_id, progression="steady") == seconds
        assert hold([99 * DAY] * 5, stretch_id=stretch_id, feedback="easy") == seconds


def test_a_stretch_with_its_own_max_hold_never_passes_it() -> None:
    assert hold([99 * DAY] * 500, stretch_id="seated-twist") == 30
    settings_ = replace(DEFAULTS, hold=45, max_hold=120)
    twist = next(s for s in CATALOGUE if s.id == "seated-twist")
    assert rotation.hold_for(twist, [], 0, settings_) == 30
    assert rotation.hold_for(twist, [], 0, DEFAULTS, "hard") == 20  # "too hard" still shortens it


def test_a_condition_swaps_the_daytime_suggestion_and_says_why() -> None:
    settings_ = replace(DEFAULTS, avoid=("balance",))
    ids = [s.id for s in take(40, settings_)]
    assert "standing-hip-flexor" not in ids
    assert "standing-quad-hip" not in ids
    assert "chair-hip-flexor" in ids
    assert all(s.cautions_for(["balance"]) == () for s in take(40, settings_))


def test_the_heel_drop_is_served_only_to_someone_with_a_step() -> None:
    assert "step-heel-drop" not in {s.id for s in take(60)}
    with_step = replace(DEFAULTS, have=("step",))
    assert "step-heel-drop" in {s.id for s in take(60, with_step)}
