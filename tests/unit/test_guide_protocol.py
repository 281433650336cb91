"""What the guide is told about each stretch, what it reports, and the reports as events."""

from dataclasses import replace

import pytest

from hamstray.engine import asks, entries, events
from hamstray.engine.catalogue import Swap
from hamstray.engine.settings import Config
from hamstray.runtime import guides
from hamstray.runtime.alone import Recording
from hamstray.runtime.practice import Practice
from hamstray.store import assets
from hamstray.store.history import History
from hamstray.ui.guide import protocol
from hamstray.ui.guide.protocol import Answered, Avoided, Ended, Held, Marked, RulesRead

BY_ID = {s.id: s for s in (*assets.stretches(), *assets.warm_ups())}
RULES = assets.guidance().rules


def stretch_spec(stretch_id: str, **options) -> dict:
    spec = protocol.spec([BY_ID[stretch_id]], "Stretch break", False, RULES, **options)
    return spec["stretches"][0]


def test_each_stretch_comes_with_why_feel_and_its_dose() -> None:
    cat_cow = stretch_spec("seated-cat-cow")
    assert cat_cow["why"].startswith("Moves the spine and pelvis")
    assert cat_cow["feel"].startswith("Easy movement")
    assert (cat_cow["dose"], cat_cow["rounds"], cat_cow["hold_s"]) == ("rounds", 8, 64)
    assert stretch_spec("foot-roll")["dose"] == "minutes"


def test_notes_carry_the_caution_and_those_for_the_users_conditions() -> None:
    pigeon = stretch_spec("pigeon", conditions=("knee", "osteoporosis"))
    assert [n["kind"] for n in pigeon["notes"]] == ["caution", "caution", "adapt"]
    assert pigeon["notes"][1]["text"].startswith("Knee pain or a knee injury: Pigeon twists")
    assert (
        pigeon["notes"][2]["text"]
        == "Osteoporosis or fragile bones: Stay upright; don't fold forward."
    )
    assert set(pigeon["avoid_for"]) == {
        "knee",
        "wrists",
        "low-back",
        "hip-replacement",
        "pregnancy",
    }
    assert [n["kind"] for n in stretch_spec("pigeon")["notes"]] == ["caution"]


def test_a_swap_says_what_it_stands_in_for() -> None:
    swapped = replace(BY_ID["chair-figure-four"], swap=Swap("pigeon", "Pigeon pose", "Why."))
    spec = protocol.spec([swapped], "Evening routine", False, RULES)
    assert spec["stretches"][0]["notes"][0] == {
        "kind": "swap",
        "text": "Swapped in for Pigeon pose: Why.",
    }


def test_the_rules_go_with_every_guide_and_first_only_when_asked() -> None:
    spec = protocol.spec([BY_ID["desk-calf"]], "Stretch break", True, RULES, show_rules=True)
    assert spec["rules"]["footer"] == RULES.footer
    assert spec["show_rules"] is True
    assert len(spec["conditions"]) == 8


def test_the_check_in_tells_each_answer_the_trend_it_would_show() -> None:
    checkin = assets.guidance().checkin
    week = 7 * 24 * 3600.0
    spec = protocol.checkin_spec(checkin, RULES, {"chair-reach": [(0.0, 1)]}, 6 * week)
    reach = spec["tests"][0]
    assert reach["answers"][2]["trend"] == "Looser than 6 weeks ago: keep going."
    assert reach["answers"][0]["trend"].startswith("A little tighter than 6 weeks ago.")
    assert spec["tests"][1]["answers"][0]["trend"] == checkin.early


@pytest.mark.parametrize(
    "report",
    [
        Held("desk-calf", True, 60),
        Held("desk-calf", True, 3, most=False),
        Marked("desk-calf", "hard"),
        Avoided("pigeon", ("knee", "wrists")),
        RulesRead(routine=True),
        Answered("chair-reach", "ankle"),
        Ended("snooze"),
    ],
    ids=lambda r: type(r).__name__,
)
def test_every_report_survives_the_pipe(report: protocol.Report) -> None:
    assert protocol.decode(protocol.encode(report)) == report


@pytest.mark.parametrize(
    "line",
    [
        '{"event": "avoid", "id": "pigeon", "conditions": ["bad-knees"]}',
        '{"event": "avoid", "id": "pigeon", "conditions": []}',
        '{"event": "checkin", "test": 3, "answer": "ankle"}',
        '{"event": "feedback", "id": "pigeon", "word": "meh"}',
    ],
)
def test_a_report_that_is_not_one_is_ignored(line: str) -> None:
    assert protocol.decode(line) is None


def test_reports_become_the_engines_events() -> None:
    find = {"pigeon": BY_ID["pigeon"]}.get
    assert guides.event_for(Avoided("pigeon", ("knee",)), find) == events.Avoid(
        BY_ID["pigeon"], ("knee",)
    )
    assert guides.event_for(RulesRead(False), find) == events.RulesSeen(False)
    assert guides.event_for(Answered("chair-reach", "toes"), find) == events.CheckedIn(
        "chair-reach", "toes"
    )
    assert guides.event_for(Held("cartwheel", True, 5), find) is None
    assert guides.event_for(Held("pigeon", True, 5, most=False), find) == events.StretchEnded(
        True, 5, BY_ID["pigeon"], brief=True
    )


def test_without_the_app_the_reports_are_recorded_by_the_same_rules(tmp_path) -> None:
    history = History(tmp_path / "history.sqlite3")
    practice = Practice(Config(), history)
    clock = iter(range(1000, 2000)).__next__
    recording = Recording(practice, history, clock=lambda: float(clock()))
    recording.step(asks.StartRoutine("evening"))
    for report in (
        RulesRead(True),
        Held("march-in-place", True, 60),
        Avoided("pigeon", ("knee",)),
        Held("pigeon", False, 4),
        Answered("chair-reach", "knee"),
    ):
        recording(report)
    rows = [(r.kind, r.stretch, r.detail) for r in history.rows()]
    assert rows == [
        (entries.Kind.ROUTINE_STARTED, None, "evening"),
        (entries.Kind.RULES_SHOWN, None, "routine"),
        (entries.Kind.STRETCH_DONE, "march-in-place", ""),
        (entries.Kind.CONDITION, "pigeon", "knee"),
        (entries.Kind.STRETCH_SKIPPED, "pigeon", ""),
        (entries.Kind.CHECKIN, None, "chair-reach:knee"),
    ]  # no sitting time, no pause: nothing but what the guide said
    assert practice.named() == ("knee",)
    assert not practice.rules_due(routine=True)
    assert practice.rules_due(routine=False)
