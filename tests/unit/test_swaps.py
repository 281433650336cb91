"""Which stretches suit a user: conditions swap or leave out, "too hard" steps down, needs."""

from dataclasses import replace

from hamstray.engine import swaps
from hamstray.engine.entries import Entry, Kind
from hamstray.engine.settings import Stretches
from hamstray.store import assets

CATALOGUE = assets.stretches()
BY_ID = {s.id: s for s in CATALOGUE}
DEFAULTS = Stretches()
FLOOR = ("floor",)


def fit(stretch_id: str, contexts=FLOOR, feedback=None, **settings):
    return swaps.fit(
        BY_ID[stretch_id], CATALOGUE, replace(DEFAULTS, **settings), feedback or {}, contexts
    )


def test_a_stretch_without_a_matching_caution_is_served_as_it_is() -> None:
    assert fit("pigeon", avoid=("balance",)) is BY_ID["pigeon"]


def test_a_matching_caution_swaps_for_the_gentler_variation_and_says_why() -> None:
    swapped = fit("pigeon", avoid=("knee",))
    assert swapped is not None
    assert swapped.id == "chair-figure-four"
    assert swapped.swap is not None
    assert swapped.swap.instead_of == "pigeon"
    assert swapped.swap.text == (
        "Swapped in for Pigeon pose: Pigeon twists the front knee; the figure-four on a chair "
        "spares it."
    )


def test_the_swap_follows_the_chain_to_the_first_that_suits_and_keeps_the_first_reason() -> None:
    """Seated fold -> lying towel stretch (on the back: not in pregnancy) -> chair hamstring."""
    swapped = fit("seated-forward-fold", avoid=("low-back", "pregnancy"))
    assert swapped is not None
    assert swapped.id == "chair-hamstring"
    assert swapped.swap is not None
    assert swapped.swap.reason.startswith("A seated fold loads the low back")


def test_a_stretch_is_left_out_when_nothing_along_its_chain_suits() -> None:
    assert fit("legs-up-the-wall", avoid=("pregnancy",)) is None
    assert fit("knees-to-chest", avoid=("osteoporosis",)) is None


def test_an_excluded_or_never_variation_is_passed_over() -> None:
    swapped = fit("seated-forward-fold", avoid=("low-back",), exclude=("lying-strap-hamstring",))
    assert swapped is not None
    assert swapped.id == "chair-hamstring"
    never = fit("pigeon", avoid=("knee",), feedback={"chair-figure-four": "never"})
    assert never is None


def test_too_hard_steps_one_down_and_says_so() -> None:
    swapped = fit("pigeon", feedback={"pigeon": "hard"})
    assert swapped is not None
    assert swapped.id == "chair-figure-four"
    assert swapped.swap is not None
    assert swapped.swap.reason == swaps.HARD
    assert fit("chair-figure-four", ("desk",), {"chair-figure-four": "hard"}) is not None


def test_a_daytime_swap_never_lies_you_down_on_the_office_floor() -> None:
    for stretch in CATALOGUE:
        if stretch.context != "floor":
            for avoid in (("knee",), ("balance",), ("hip-replacement",), ("osteoporosis",)):
                fitted = fit(stretch.id, ("desk", "standing"), avoid=avoid)
                assert fitted is None or fitted.context != "floor", (stretch.id, avoid)


def test_the_offer_holds_each_stretch_once_preferring_it_in_its_own_right() -> None:
    settings_ = replace(DEFAULTS, avoid=("knee",))
    both = swaps.offer(CATALOGUE, settings_, {}, ("floor", "desk"))
    figure_four = [s for s in both if s.id == "chair-figure-four"]
    assert len(figure_four) == 1
    assert figure_four[0].swap is None  # it is a desk stretch of its own
    floor_only = swaps.offer(CATALOGUE, settings_, {}, FLOOR)
    assert [s.swap.instead_of for s in floor_only if s.id == "chair-figure-four"] == ["pigeon"]


def test_a_stretch_that_needs_a_step_suits_only_someone_who_has_one() -> None:
    heel_drop = BY_ID["step-heel-drop"]
    assert not swaps.suits(heel_drop, DEFAULTS, {})
    assert swaps.suits(heel_drop, replace(DEFAULTS, have=("step",)), {})


def test_conditions_named_in_the_guide_add_up_until_setup_takes_them_over() -> None:
    def said(at: float, condition: str) -> Entry:
        return Entry(at, Kind.CONDITION, "pigeon", ("glutes",), detail=condition)

    assert swaps.named([said(1, "knee"), said(2, "wrists"), said(3, "knee")]) == (
        "knee",
        "wrists",
    )
    assert swaps.named([said(1, "knee"), said(2, ""), said(3, "wrists")]) == ("wrists",)
    assert swaps.named([said(1, "not-a-condition")]) == ()


def test_named_conditions_join_those_of_the_config() -> None:
    settings_ = replace(DEFAULTS, avoid=("knee",))
    assert swaps.with_named(settings_, ("wrists", "knee")).avoid == ("knee", "wrists")
    assert swaps.with_named(settings_, ()) is settings_
