"""The break engine's rules, one test each, plus a hand-computed working day."""

import math
from dataclasses import replace

import pytest

from hamstray.engine import asks, events, model, rules, timing
from hamstray.engine.asks import Pause, Resume, Skip, Snooze, StartStretch
from hamstray.engine.effects import (
    Guide,
    OpenRoutine,
    Record,
    Refuse,
    Remind,
    RemindRoutine,
    Render,
)
from hamstray.engine.entries import Kind
from hamstray.engine.events import Idle, StretchEnded, Tick
from hamstray.engine.phase import Phase
from hamstray.engine.reasons import Cause, Reason
from hamstray.engine.settings import Breaks, Config, Notifications
from hamstray.store.assets import stretches

from .drive import drive

M = 60.0
FULL_SCREEN = Reason(Cause.FULL_SCREEN)
CONFIG = Config()  # interval 30m, snooze 5m, 3 snoozes, remind again 10m, idle reset 5m
STRETCH = stretches()[0]


def sitting(now: float = 0.0) -> model.State:
    return model.initial(now, STRETCH)


def step(
    state: model.State, event: rules.Event, now: float, config: Config = CONFIG
) -> tuple[model.State, list[rules.Effect]]:
    """Step as the loop does: it was awake until ``now``, so no gap looks like a suspend."""
    return rules.step(replace(state, seen=max(state.seen, now)), event, now, config)


def due(at: float = 30 * M) -> model.State:
    state, _ = step(sitting(), Tick(), at)
    assert state.phase is Phase.DUE
    return state


def test_no_reminder_before_the_interval() -> None:
    state, effects = step(sitting(), Tick(), 29 * M, CONFIG)
    assert state.phase is Phase.SITTING
    assert not [e for e in effects if isinstance(e, Remind)]


def test_reminder_when_sitting_time_reaches_the_interval() -> None:
    state, effects = step(sitting(), Tick(), 30 * M, CONFIG)
    notes = [e for e in effects if isinstance(e, Remind)]
    assert state.phase is Phase.DUE
    assert len(notes) == 1
    assert notes[0] == Remind(30 * M, STRETCH)
    assert Record(Kind.REMINDER, 30 * M, STRETCH) in effects


def test_next_wakeup_while_sitting_is_the_first_ring_step_or_idle_check() -> None:
    """Fresh at 0 with the defaults: the ring's first twelfth is at 2.5 min, and so is the
    first idle check (idle_reset / 2): the loop wakes then, not before, not later."""
    assert timing.next_wakeup(sitting(), CONFIG) == 2.5 * M
    due_soon = replace(sitting(), since=-29 * M)  # sat 29 min: the break is due in 1 min
    assert timing.next_wakeup(due_soon, CONFIG) == 1 * M


def test_an_ignored_reminder_repeats_after_remind_again() -> None:
    trace = drive(CONFIG, [], until=45 * M)
    assert trace.notify_times() == [30 * M, 40 * M]


def test_reminders_stop_after_a_few_repeats() -> None:
    """Nothing nags without end: an ignored break is reminded of three times, then only shown."""
    trace = drive(CONFIG, [], until=5 * 60 * M, idle=lambda _: 0.0)
    assert trace.notify_times() == [30 * M, 40 * M, 50 * M]
    assert trace.state.phase is Phase.DUE


def test_snooze_puts_the_reminder_off_by_the_snooze_length() -> None:
    trace = drive(CONFIG, [(31 * M, Snooze())], until=37 * M)
    assert trace.notify_times() == [30 * M, 36 * M]


def test_snooze_with_a_length_uses_that_length() -> None:
    trace = drive(CONFIG, [(31 * M, Snooze(120))], until=34 * M)
    assert trace.notify_times() == [30 * M, 33 * M]


def test_snoozes_are_limited_per_break() -> None:
    config = replace(CONFIG, breaks=replace(CONFIG.breaks, max_snoozes=1))
    state, _ = step(due(), Snooze(), 31 * M, config)
    state, _ = step(state, Tick(), 36 * M, config)
    state, effects = step(state, Snooze(), 37 * M, config)
    assert state.phase is Phase.DUE
    assert Refuse("No snoozes left for this break: start the stretch or skip it.") in effects
    assert timing.view(state, 37 * M, config).snoozes_left == 0


def test_snooze_with_no_break_due_is_refused() -> None:
    state, effects = step(sitting(), Snooze(), 10 * M, CONFIG)
    assert state.phase is Phase.SITTING
    assert any(isinstance(e, Refuse) for e in effects)


def test_skip_restarts_the_sitting_timer() -> None:
    trace = drive(CONFIG, [(31 * M, Skip())], until=62 * M)
    assert trace.notify_times() == [30 * M, 61 * M]
    assert [t for t, _ in trace.records(Kind.SKIPPED)] == [31 * M]


def test_idle_past_idle_reset_is_a_natural_break() -> None:
    """Away from 10 to 20 min: the sitting timer restarts when the user comes back."""

    def idle(now: float) -> float:
        return now - 10 * M if 10 * M <= now < 20 * M else 0.0

    trace = drive(CONFIG, [], until=55 * M, idle=idle)
    assert trace.notify_times() == [50 * M]
    ((at, record),) = trace.records(Kind.NATURAL_BREAK)
    assert at == 20 * M
    assert record.seconds == 10 * M


def test_idle_shorter_than_idle_reset_is_not_a_break() -> None:
    def idle(now: float) -> float:
        return now - 10 * M if 10 * M <= now < 14 * M else 0.0

    trace = drive(CONFIG, [], until=31 * M, idle=idle)
    assert trace.notify_times() == [30 * M]
    assert not trace.records(Kind.NATURAL_BREAK)


def test_being_idle_when_a_break_is_due_means_no_reminder() -> None:
    trace = drive(CONFIG, [], until=40 * M, idle=lambda now: now - 20 * M if now >= 20 * M else 0)
    assert trace.notify_times() == []
    assert trace.state.phase is Phase.AWAY


@pytest.mark.finding(
    "the machine suspends for 2 h 40 min, past the due time of a break",
    "a natural break when it wakes: sitting starts afresh, no burst of missed reminders",
    "the sitting time before the suspend",
)
def test_a_suspend_is_a_natural_break_not_a_burst_of_reminders() -> None:
    """The machine sleeps from 20 min to 3 h: on wake-up the user starts sitting afresh."""
    trace = drive(CONFIG, [], until=3 * 60 * M + 10 * M, asleep=[(20 * M, 3 * 60 * M)])
    assert trace.notify_times() == []
    ((_, record),) = trace.records(Kind.NATURAL_BREAK)
    assert record.detail == "suspend"
    assert timing.sitting_seconds(trace.state, 3 * 60 * M + 10 * M) == pytest.approx(10 * M)


@pytest.mark.finding(
    "the wall clock is set back five minutes while sitting",
    "sitting time does not go backwards or negative",
    "the sitting time so far",
)
def test_a_clock_set_back_keeps_the_sitting_time() -> None:
    state, _ = step(sitting(1000 * M), Tick(), 1010 * M, CONFIG)
    state, _ = rules.step(state, Tick(), 1005 * M, CONFIG)  # the clock went back five minutes
    assert timing.sitting_seconds(state, 1005 * M) == pytest.approx(10 * M)
    assert timing.next_wakeup(state, CONFIG) >= 1005 * M  # type: ignore[operator]


def test_pause_until_a_time_then_sitting_starts_afresh() -> None:
    trace = drive(CONFIG, [(31 * M, Pause(90 * M))], until=125 * M)
    assert trace.notify_times() == [30 * M, 120 * M]
    assert [t for t, _ in trace.records(Kind.RESUMED)] == [90 * M]


def test_an_open_ended_pause_sleeps_until_resume() -> None:
    state, _ = step(sitting(), Pause(None), 1 * M, CONFIG)
    assert state.phase is Phase.PAUSED
    assert timing.next_wakeup(state, CONFIG) is None
    state, effects = step(state, Resume(), 500 * M, CONFIG)
    assert state.phase is Phase.SITTING
    assert timing.sitting_seconds(state, 510 * M) == 10 * M
    assert Record(Kind.RESUMED, 500 * M) in effects


def test_no_reminder_while_paused() -> None:
    trace = drive(CONFIG, [(1 * M, Pause(None))], until=10 * 60 * M)
    assert trace.notify_times() == []


def test_a_pause_in_the_past_is_refused() -> None:
    state, effects = step(sitting(), Pause(5 * M), 10 * M, CONFIG)
    assert state.phase is Phase.SITTING
    assert Refuse("A pause must end in the future.") in effects


def test_resume_when_not_paused_is_refused() -> None:
    _, effects = step(sitting(), Resume(), 1 * M, CONFIG)
    assert Refuse("hamstray is not paused.") in effects


def test_starting_a_stretch_opens_the_guide_and_records_it() -> None:
    state, effects = step(due(), StartStretch(), 31 * M, CONFIG)
    assert state.phase is Phase.STRETCHING
    assert Guide(STRETCH, snooze=True) in effects
    assert Record(Kind.STRETCH_STARTED, 31 * M, STRETCH) in effects


def test_a_given_stretch_replaces_the_suggestion() -> None:
    other = stretches()[2]
    state, effects = step(sitting(), StartStretch(other), 5 * M, CONFIG)
    assert state.stretch == other
    assert Guide(other) in effects


def test_a_finished_stretch_is_recorded_and_sitting_starts_afresh() -> None:
    state, _ = step(due(), StartStretch(), 31 * M, CONFIG)
    state, effects = step(state, StretchEnded(done=True, held_s=60), 33 * M, CONFIG)
    assert state.phase is Phase.SITTING
    assert Record(Kind.STRETCH_DONE, 33 * M, STRETCH, seconds=60) in effects
    assert timing.next_break_at(state, CONFIG) == 63 * M


def test_a_guide_that_never_reports_back_times_out() -> None:
    trace = drive(CONFIG, [(31 * M, StartStretch())], until=62 * M)
    assert trace.state.phase is Phase.SITTING
    assert trace.records(Kind.STRETCH_SKIPPED)[0][1].detail == "timeout"


def test_a_stretch_while_paused_keeps_the_pause() -> None:
    state, _ = step(sitting(), Pause(None), 1 * M, CONFIG)
    state, effects = step(state, StartStretch(), 2 * M, CONFIG)
    assert state.phase is Phase.PAUSED
    assert Guide(STRETCH) in effects


def test_with_notifications_off_a_due_break_still_shows_in_the_tray() -> None:
    config = replace(CONFIG, notifications=Notifications(enabled=False))
    state, effects = step(sitting(), Tick(), 30 * M, config)
    assert state.phase is Phase.DUE
    assert not [e for e in effects if isinstance(e, Remind)]
    assert Record(Kind.REMINDER, 30 * M, STRETCH) in effects


def test_a_user_action_while_away_means_the_user_is_back() -> None:
    state, _ = step(sitting(), Idle(6 * M), 10 * M, CONFIG)
    assert state.phase is Phase.AWAY
    state, effects = step(state, Skip(), 12 * M, CONFIG)
    assert state.phase is Phase.SITTING
    assert any(isinstance(e, Record) and e.kind is Kind.NATURAL_BREAK for e in effects)


def test_every_step_renders_the_view() -> None:
    _, effects = step(sitting(), Tick(), 5 * M, CONFIG)
    assert isinstance(effects[-1], Render)
    assert effects[-1].view.phase is Phase.SITTING


def test_the_ring_fills_in_twelfths_of_the_interval() -> None:
    assert timing.view(sitting(), 0, CONFIG).progress == 0
    assert timing.view(sitting(), 15 * M, CONFIG).progress == 6
    assert timing.view(sitting(), 29 * M, CONFIG).progress == 11
    assert timing.view(due(), 30 * M, CONFIG).progress == 12


def test_status_says_when_the_next_break_is() -> None:
    assert timing.next_break_at(sitting(), CONFIG) == 30 * M
    assert timing.next_break_at(due(31 * M), CONFIG) == 31 * M
    paused, _ = step(sitting(), Pause(None), 1 * M, CONFIG)
    assert timing.next_break_at(paused, CONFIG) is None


def test_a_simulated_working_day() -> None:
    """An 8-hour day whose ten reminders are counted by hand:

    30  reminder 1; stretch 31-33         -> sitting from 33
    63  reminder 2; snooze at 64 (5 min)  -> 69 reminder 3; stretch 70-72 -> sitting from 72
    102 reminder 4, ignored: repeats at 112 (5) and 122 (6), then only the icon; skip at 130
    150-210 lunch away from the desk (idle) -> sitting from 210
    240 reminder 7; pause at 241 until 300  -> sitting from 300
    330 reminder 8; stretch 331-333       -> 363 reminder 9
    370-420 suspended: a natural break, no burst -> sitting from 420
    450 reminder 10; stretch 452-454      -> next would be 484, after the day ends at 480
    """
    script = [
        (31 * M, StartStretch()),
        (33 * M, StretchEnded(done=True, held_s=60)),
        (64 * M, Snooze()),
        (70 * M, StartStretch()),
        (72 * M, StretchEnded(done=True, held_s=60)),
        (130 * M, Skip()),
        (241 * M, Pause(300 * M)),
        (331 * M, StartStretch()),
        (333 * M, StretchEnded(done=True, held_s=60)),
        (452 * M, StartStretch()),
        (454 * M, StretchEnded(done=True, held_s=60)),
    ]

    def idle(now: float) -> float:
        return now - 150 * M if 150 * M <= now < 210 * M else 0.0

    config = Config(breaks=Breaks())
    trace = drive(config, script, until=480 * M, idle=idle, asleep=[(370 * M, 420 * M)])

    minutes = [t / M for t in trace.notify_times()]
    assert minutes == [30, 63, 69, 102, 112, 122, 240, 330, 363, 450]
    assert len(trace.records(Kind.STRETCH_DONE)) == 4
    breaks = [(t / M, r.detail) for t, r in trace.records(Kind.NATURAL_BREAK)]
    assert breaks == [(210, "idle"), (420, "suspend")]
    assert trace.steps < 1000  # the day is a few hundred wakeups, not a poll


def test_a_stretch_done_outside_a_break_is_a_break_too() -> None:
    other = stretches()[3]
    state, effects = step(sitting(), StretchEnded(done=True, held_s=30, stretch=other), 20 * M)
    assert Record(Kind.STRETCH_DONE, 20 * M, other, seconds=30) in effects
    assert timing.sitting_seconds(state, 21 * M) == 1 * M


def test_a_skipped_stretch_outside_a_break_changes_nothing() -> None:
    state, _ = step(sitting(), StretchEnded(done=False), 20 * M)
    assert timing.sitting_seconds(state, 21 * M) == 21 * M


def test_snooze_from_the_guide_window_puts_the_break_off() -> None:
    state, _ = step(due(), StartStretch(), 31 * M)
    state, _ = step(state, Snooze(), 32 * M)
    assert state.phase is Phase.SNOOZED
    assert timing.next_break_at(state, CONFIG) == 37 * M


def test_feedback_is_recorded() -> None:
    _, effects = step(sitting(), events.Feedback(STRETCH, "favourite"), 1 * M)
    assert Record(Kind.FEEDBACK, 1 * M, STRETCH, detail="favourite") in effects


def test_starting_a_routine_opens_it() -> None:
    _, effects = step(sitting(), asks.StartRoutine("evening"), 1 * M)
    assert OpenRoutine("evening") in effects


def test_a_routine_reminder_comes_at_its_time_once() -> None:
    state, _ = step(sitting(), events.ScheduleRoutine("morning", 10 * M), 1 * M)
    assert timing.next_wakeup(state, CONFIG) <= 10 * M  # type: ignore[operator]
    state, effects = step(state, Tick(), 10 * M)
    assert [e for e in effects if isinstance(e, RemindRoutine)] == [
        RemindRoutine("morning", CONFIG.routines.length)
    ]
    assert state.routine_at is None


def test_no_routine_reminder_while_paused() -> None:
    state, _ = step(sitting(), Pause(None), 1 * M)
    state, _ = step(state, events.ScheduleRoutine("evening", 10 * M), 2 * M)
    assert timing.next_wakeup(state, CONFIG) == 10 * M
    state, effects = step(state, Tick(), 10 * M)
    assert not [e for e in effects if isinstance(e, RemindRoutine)]
    assert state.phase is Phase.PAUSED
    assert state.routine_at is None


def test_a_reminder_due_in_a_full_screen_window_waits_and_comes_once_after() -> None:
    state, _ = step(sitting(), events.Quiet(FULL_SCREEN), 10 * M)
    state, effects = step(state, Tick(), 30 * M)
    assert not [e for e in effects if isinstance(e, Remind)]
    assert state.held
    assert timing.next_wakeup(state, CONFIG) == 30 * M + timing.QUIET_POLL
    state, effects = step(state, Tick(), 45 * M)  # remind_again passed: still nothing stacks
    assert not [e for e in effects if isinstance(e, Remind)]
    state, effects = step(state, events.Quiet(None), 50 * M)
    assert len([e for e in effects if isinstance(e, Remind)]) == 1
    assert not state.held
    assert Record(Kind.REMINDER, 50 * M, STRETCH) in effects


def sittings(effects: list) -> list[tuple[float, float]]:
    return [
        (e.at / M, e.seconds / M)
        for e in effects
        if isinstance(e, Record) and e.kind is Kind.SITTING
    ]


def test_each_sitting_period_is_recorded_with_its_length_when_it_ends() -> None:
    """Sit 31 min, stretch; sit from 33 to 50 and leave (idle) until 60; sit to 80, pause."""

    def idle(now: float) -> float:
        return now - 50 * M if 50 * M <= now < 60 * M else 0.0

    script = [
        (31 * M, StartStretch()),
        (33 * M, StretchEnded(done=True, held_s=60)),
        (80 * M, Pause(None)),
    ]
    trace = drive(CONFIG, script, until=81 * M, idle=idle)
    # The return is seen at the first idle check after 60 (60.5): the user sat 19.5 min.
    assert sittings([e for _, e in trace.effects]) == [(31, 31), (50, 17), (80, 19.5)]


def test_shutdown_ends_the_sitting_period() -> None:
    _, effects = step(sitting(), events.Shutdown(), 12 * M)
    assert sittings(effects) == [(12, 12)]


def test_a_suspend_ends_sitting_when_the_machine_went_to_sleep() -> None:
    trace = drive(CONFIG, [], until=3 * 60 * M, asleep=[(20 * M, 2 * 60 * M)])
    (at, length), *_ = sittings([e for _, e in trace.effects])
    assert at == length
    assert 17.5 <= length <= 20


def test_standing_stops_sitting_time_and_reminders() -> None:
    script = [(10 * M, asks.Stand(on=True)), (13 * M, asks.Stand(on=False))]
    trace = drive(CONFIG, script, until=34 * M)
    # 10 min sat, 3 min stood (shorter than idle_reset), then sitting resumed: due at 33.
    assert trace.notify_times() == [33 * M]
    assert [t for t, _ in trace.records(Kind.STANDING_OFF)] == [13 * M]


def test_standing_longer_than_idle_reset_is_a_break() -> None:
    script = [(10 * M, asks.Stand(on=True)), (40 * M, asks.Stand(on=False))]
    trace = drive(CONFIG, script, until=71 * M)
    assert trace.notify_times() == [70 * M]
    assert sittings([e for _, e in trace.effects])[0] == (10, 10)


def test_the_view_shows_standing() -> None:
    state, _ = step(sitting(), asks.Stand(on=True), 5 * M)
    shown = timing.view(state, 20 * M, CONFIG)
    assert shown.standing
    assert shown.progress == 2  # frozen at 5 of 30 minutes


@pytest.mark.parametrize("until", [math.nan, math.inf, -math.inf])
def test_a_pause_until_no_time_at_all_is_refused(until: float) -> None:
    """NaN passed every check before (NaN <= now is false) and made the loop spin."""
    state, effects = step(sitting(), Pause(until), 1 * M)
    assert state.phase is Phase.SITTING
    assert Refuse("A pause must end in the future.") in effects
    assert timing.next_wakeup(state, CONFIG) == 2.5 * M


@pytest.mark.parametrize("seconds", [math.nan, math.inf, 0, -5])
def test_a_snooze_of_no_length_is_refused(seconds: float) -> None:
    state, effects = step(due(), Snooze(seconds), 31 * M)  # type: ignore[arg-type]
    assert state.phase is Phase.DUE
    assert any(isinstance(e, Refuse) for e in effects)


def natural_breaks(effects: list) -> list[tuple[float, float, str]]:
    return [
        (e.at / M, e.seconds / M, e.detail)
        for e in effects
        if isinstance(e, Record) and e.kind is Kind.NATURAL_BREAK
    ]


def test_one_absence_is_one_natural_break_even_when_something_came_in_between() -> None:
    """Seen in a real history: 14 min idle at 20:00:59 and 16 min idle at 20:03:27 for one
    absence. A request that arrives while the user is away (a script, a stale guide) brings
    the app back, but the idle time goes on growing: the absence continues, not a second one."""
    state, effects = step(sitting(), Idle(6 * M), 16 * M)  # idle since 10: away
    assert state.phase is Phase.AWAY
    state, more = step(state, Skip(), 24 * M)  # a request, no input
    effects += more
    state, more = step(state, Idle(16.5 * M), 26.5 * M)  # still no input since 10
    effects += more
    assert state.phase is Phase.AWAY
    state, more = step(state, Idle(0.2 * M), 40 * M)  # the user is back
    effects += more
    assert natural_breaks(effects) == [(24.0, 14.0, "idle")]
    assert state.phase is Phase.SITTING


def test_idle_after_a_suspend_is_the_same_break() -> None:
    """The idle counter runs on through a suspend: after the resume it is not a new break."""
    state, effects = step(sitting(), Tick(), 2 * M)
    state, more = rules.step(state, Tick(), 60 * M, CONFIG)  # woke from a 55-min sleep
    effects += more
    state, more = step(state, Idle(58 * M), 62.5 * M)  # no input since minute 4.5
    effects += more
    state, more = step(state, Idle(0.0), 70 * M)
    effects += more
    assert [detail for _, _, detail in natural_breaks(effects)] == ["suspend"]


def test_input_after_a_break_ends_it_so_a_later_absence_counts_again() -> None:
    state, effects = step(sitting(), Idle(6 * M), 16 * M)
    state, more = step(state, Idle(0.0), 20 * M)  # back at 20
    effects += more
    state, more = step(state, Idle(1 * M), 25 * M)  # typing until 24
    effects += more
    state, more = step(state, Idle(6 * M), 31 * M)  # away again from 25
    effects += more
    state, more = step(state, Idle(0.0), 40 * M)
    effects += more
    assert natural_breaks(effects) == [(20.0, 10.0, "idle"), (40.0, 15.0, "idle")]


def test_an_idle_period_never_reaches_back_before_the_sitting_it_ends() -> None:
    """After a stretch (no input while holding it) idle time began before sitting did."""
    state, _ = step(sitting(), StartStretch(), 30 * M)
    state, _ = step(state, StretchEnded(done=True, held_s=60), 32 * M)
    state, _ = step(state, Idle(8 * M), 37 * M)  # no input since 29
    assert state.phase is Phase.AWAY
    assert state.since == 32 * M
    state, more = step(state, Idle(0.0), 45 * M)
    assert natural_breaks(more) == [(45.0, 13.0, "idle")]
