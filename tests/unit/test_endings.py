"""A handled break takes its reminder down, a stretch ended elsewhere closes the guide, and a
guide that cannot open is refused instead of being counted against the user (issue 18, bugs 5,
6 and 10)."""

from dataclasses import replace

import pytest

from hamstray.engine import events, model, rules, timing
from hamstray.engine.asks import Pause, Skip, Snooze, Stand, StartRoutine, StartStretch
from hamstray.engine.effects import CloseGuide, OpenRoutine, Record, Refuse, Remind, Withdraw
from hamstray.engine.entries import BREAK_ENDINGS, Kind
from hamstray.engine.events import GuideMissing, Idle, Shutdown, StretchEnded, Tick
from hamstray.engine.phase import Phase
from hamstray.engine.settings import Config
from hamstray.store.assets import stretches

M = 60.0
CONFIG = Config()  # interval 30m, snooze 5m, idle reset 5m
STRETCH = stretches()[0]
NO_TK = "The guide window cannot open: tkinter is missing (sudo apt install python3-tk)."


def step(state: model.State, event: events.Event, now: float) -> tuple[model.State, list]:
    return rules.step(replace(state, seen=max(state.seen, now)), event, now, CONFIG)


def due() -> model.State:
    state, _ = step(model.initial(0.0, STRETCH), Tick(), 30 * M)
    assert state.phase is Phase.DUE
    return state


def stretching() -> model.State:
    state, _ = step(model.initial(0.0, STRETCH), StartStretch(), 10 * M)
    assert state.phase is Phase.STRETCHING
    return state


@pytest.mark.parametrize(
    "event",
    [Snooze(), StartStretch(), Skip(), Pause(seconds=3600), Idle(10 * M), Stand(on=True)],
    ids=["snooze", "start", "skip", "pause", "away", "standing"],
)
def test_a_due_break_handled_any_way_withdraws_its_reminder(event: events.Event) -> None:
    _, effects = step(due(), event, 31 * M)
    assert effects.count(Withdraw()) == 1


def test_a_reminder_again_is_no_withdrawal() -> None:
    _, effects = step(due(), Tick(), 40 * M)
    assert any(isinstance(e, Remind) for e in effects)
    assert Withdraw() not in effects


def test_nothing_is_withdrawn_when_no_break_was_due() -> None:
    _, effects = step(model.initial(0.0, STRETCH), Skip(), 10 * M)
    assert Withdraw() not in effects


@pytest.mark.parametrize("event", [Skip(), Snooze()], ids=["skip", "snooze"])
def test_a_stretch_ended_from_elsewhere_closes_the_guide_with_one_ending(
    event: events.Event,
) -> None:
    _, effects = step(stretching(), event, 11 * M)
    assert CloseGuide() in effects
    endings = [e for e in effects if isinstance(e, Record) and e.kind in BREAK_ENDINGS]
    assert len(endings) <= 1


def test_a_stretch_that_times_out_closes_the_guide() -> None:
    _, effects = step(stretching(), Tick(), 10 * M + timing.STRETCH_TIMEOUT)
    assert CloseGuide() in effects


def test_the_guides_own_report_leaves_it_to_close_itself() -> None:
    _, effects = step(stretching(), StretchEnded(done=True, held_s=30), 11 * M)
    assert CloseGuide() not in effects


def test_a_pause_during_a_stretch_lets_the_stretch_go_on() -> None:
    _, effects = step(stretching(), Pause(seconds=3600), 11 * M)
    assert CloseGuide() not in effects


def test_the_apps_stop_closes_an_open_guide() -> None:
    _, effects = step(stretching(), Shutdown(), 11 * M)
    assert CloseGuide() in effects


def test_without_a_guide_a_stretch_is_refused_with_the_reason_and_nothing_recorded() -> None:
    state, _ = step(due(), GuideMissing(NO_TK), 30 * M)
    state, effects = step(state, StartStretch(), 31 * M)
    assert state.phase is Phase.DUE
    assert effects.count(Refuse(NO_TK)) == 1
    assert not [e for e in effects if isinstance(e, Record)]


def test_without_a_guide_a_routine_is_refused_too() -> None:
    state, _ = step(model.initial(0.0, STRETCH), GuideMissing(NO_TK), 1.0)
    _, effects = step(state, StartRoutine("morning"), 2.0)
    assert Refuse(NO_TK) in effects
    assert not [e for e in effects if isinstance(e, OpenRoutine | Record)]


def test_without_a_guide_the_reminder_and_the_menu_offer_no_start() -> None:
    state, _ = step(model.initial(0.0, STRETCH), GuideMissing(NO_TK), 1.0)
    state, effects = step(state, Tick(), 30 * M)
    (remind,) = [e for e in effects if isinstance(e, Remind)]
    assert remind.can_start is False
    assert timing.view(state, 30 * M, CONFIG).can_start is False
    assert timing.view(state, 30 * M, CONFIG).can_snooze is True


def test_a_guide_that_can_open_again_is_offered_again() -> None:
    state, _ = step(model.initial(0.0, STRETCH), GuideMissing(NO_TK), 1.0)
    state, _ = step(state, GuideMissing(None), 2.0)
    state, effects = step(state, StartStretch(), 3.0)
    assert state.phase is Phase.STRETCHING
    assert Record(Kind.STRETCH_STARTED, 3.0, STRETCH) in effects
