"""The floor routine rotates across days, opens with the warm-up, closes restfully, and fits."""

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from hamstray.engine import rotation, routines, swaps
from hamstray.engine.catalogue import GROUPS, Stretch
from hamstray.engine.settings import Stretches
from hamstray.engine.vocabulary import CONDITIONS, FEEDBACK
from hamstray.store import assets

CATALOGUE = assets.stretches()
WARM_UPS = assets.warm_ups()
FLOOR_IDS = [s.id for s in CATALOGUE if s.context == "floor"]
DEFAULTS = Stretches()
TEN_MINUTES = 10 * 60
DAY = 24 * 3600.0


def routine(
    settings_: Stretches = DEFAULTS,
    feedback: dict[str, str] | None = None,
    last_done: dict[str, float] | None = None,
    length_s: int = TEN_MINUTES,
    holds: dict[str, int] | None = None,
) -> list[Stretch]:
    return routines.plan(
        CATALOGUE, WARM_UPS, settings_, feedback or {}, last_done or {}, length_s, holds
    )


def days(count: int, settings_: Stretches = DEFAULTS, feedback=None) -> list[list[Stretch]]:
    """``count`` days of routines, each one done in full."""
    done: dict[str, float] = {}
    served = []
    for day in range(count):
        today = routine(settings_, feedback, done)
        served.append(today)
        for minute, stretch in enumerate(today):
            done[stretch.id] = day * DAY + minute * 60
    return served


def ids(steps: list[Stretch]) -> list[str]:
    return [s.id for s in steps]


def test_it_opens_with_the_warm_up_and_closes_with_legs_up_the_wall() -> None:
    steps = routine()
    assert steps[0].id == "march-in-place"
    assert steps[-1].id == "legs-up-the-wall"


def test_every_group_comes_every_time_within_the_length() -> None:
    for steps in days(6):
        assert {g for s in steps for g in s.groups} == set(GROUPS)
        assert sum(routines.duration(s) for s in steps) <= TEN_MINUTES


def test_it_rotates_to_the_stretches_done_longest_ago() -> None:
    first, second, third = days(3)
    assert first != second
    assert ids(third) == ids(first)  # two stretches a group on the floor: every other day
    assert {"pigeon", "seated-wide-leg", "lying-strap-hamstring", "knees-to-chest"} <= set(
        ids(first) + ids(second)
    )
    assert "childs-pose" in ids(first) + ids(second)


def test_the_seeds_favourites_are_served_within_two_days() -> None:
    served = {s.id for steps in days(2) for s in steps}
    assert {"seated-forward-fold", "pigeon", "seated-wide-leg"} <= served
    fold = next(s for s in CATALOGUE if s.id == "seated-forward-fold")
    assert any("blanket" in cue and "knees bent" in cue for cue in fold.cues)
    pigeon = next(s for s in CATALOGUE if s.id == "pigeon")
    assert any("blanket" in cue for cue in pigeon.cues)
    assert any("figure-four" in cue for cue in pigeon.cues)


def test_with_knee_trouble_the_figure_four_stands_in_for_pigeon_and_says_why() -> None:
    steps = routine(replace(DEFAULTS, avoid=("knee",)))
    assert "pigeon" not in ids(steps)
    figure_four = next(s for s in steps if s.id == "chair-figure-four")
    assert figure_four.swap is not None
    assert figure_four.swap.instead_of == "pigeon"
    assert not [s for s in steps if s.cautions_for(["knee"])]


def test_a_closer_that_does_not_suit_gives_way_to_the_next_restful_pose() -> None:
    steps = routine(replace(DEFAULTS, avoid=("pregnancy",)))
    assert steps[-1].id == "childs-pose"
    assert "legs-up-the-wall" not in ids(steps)
    assert not [s for s in steps if s.cautions_for(["pregnancy"])]


def test_too_hard_is_swapped_in_the_routine_as_in_the_day() -> None:
    steps = routine(feedback={"pigeon": "hard"})
    assert "pigeon" not in ids(steps)
    assert "chair-figure-four" in ids(steps)


def test_excluded_and_never_stretches_stay_out_of_the_routine() -> None:
    steps = routine(replace(DEFAULTS, exclude=("pigeon",)), {"butterfly": "never"})
    assert "pigeon" not in ids(steps)
    assert "butterfly" not in ids(days(4, feedback={"butterfly": "never"})[1])


def test_grown_holds_come_back_towards_the_catalogues_before_a_group_is_given_up() -> None:
    grown = replace(DEFAULTS, hold=60, max_hold=60)
    holds = {s.id: rotation.hold_for(s, [], 0, grown) for s in CATALOGUE}
    steps = routine(grown, holds=holds)
    assert {g for s in steps for g in s.groups} == set(GROUPS)
    assert sum(routines.duration(s) for s in steps) <= TEN_MINUTES
    assert all(s.hold_s >= next(c for c in CATALOGUE if c.id == s.id).hold_s for s in steps[1:])
    roomy = routine(grown, holds=holds, length_s=20 * 60)
    assert [s.hold_s for s in roomy if s.id == "seated-forward-fold"] == [60]


def test_a_short_routine_drops_what_others_cover_and_keeps_the_warm_up_and_closer() -> None:
    steps = routine(length_s=4 * 60)
    assert steps[0].id == "march-in-place"
    assert steps[-1].id == "legs-up-the-wall"
    assert sum(routines.duration(s) for s in steps) <= 4 * 60
    assert len(routine(length_s=60)) == 2  # the warm-up and one stretch, however short


def test_a_movement_keeps_its_dose_in_a_short_routine() -> None:
    march = routine(length_s=60)[0]
    assert march.hold_s == 60


@settings(max_examples=120, deadline=None)
@given(
    st.lists(st.sampled_from(CONDITIONS), max_size=3, unique=True),
    st.lists(st.sampled_from(FLOOR_IDS), max_size=3, unique=True),
    st.dictionaries(st.sampled_from(FLOOR_IDS), st.sampled_from(FEEDBACK), max_size=4),
)
def test_over_a_week_of_routines_every_allowed_floor_stretch_comes_up(
    avoid: list[str], exclude: list[str], feedback: dict[str, str]
) -> None:
    settings_ = replace(DEFAULTS, avoid=tuple(avoid), exclude=tuple(exclude))  # type: ignore[arg-type]
    allowed = {s.id for s in swaps.offer(CATALOGUE, settings_, feedback, ("floor",))}
    week = days(7, settings_, feedback)
    served = {s.id for steps in week for s in steps}
    assert allowed <= served, allowed - served
    for steps in week:
        assert sum(routines.duration(s) for s in steps) <= TEN_MINUTES
        assert not [s for s in steps if s.cautions_for(avoid)]
        assert not {s.id for s in steps} & set(exclude)
        assert steps[0].warm_up
