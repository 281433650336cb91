"""The engine around the guide: routines are breaks, what the guide is told is recorded, and
the flexibility check-in is offered once, at a calm moment."""

from dataclasses import replace

from hamstray.engine import asks, entries, events, model, rules, timing
from hamstray.engine.asks import StartRoutine, StartStretch
from hamstray.engine.effects import Guide, OpenCheckin, OpenRoutine, Record, Refuse, RemindCheckin
from hamstray.engine.entries import Kind
from hamstray.engine.events import GuideClosed, ScheduleCheckin, StretchEnded, Tick
from hamstray.engine.phase import Phase
from hamstray.engine.reasons import Cause, Reason
from hamstray.engine.settings import Config, Notifications, Routines
from hamstray.store.assets import stretches

from .drive import drive

M = 60.0
CONFIG = Config()
STRETCH = stretches()[0]
OTHER = stretches()[2]


def step(state: model.State, event: events.Event, now: float, config: Config = CONFIG):
    return rules.step(replace(state, seen=max(state.seen, now)), event, now, config)


def sitting(now: float = 0.0) -> model.State:
    return model.initial(now, STRETCH)


def kinds(effects: list) -> list[Kind]:
    return [e.kind for e in effects if isinstance(e, Record)]


def test_a_routine_is_a_break_that_lasts_until_its_guide_closes() -> None:
    state, effects = step(sitting(), StartRoutine("evening"), 10 * M)
    assert state.phase is Phase.STRETCHING
    assert OpenRoutine("evening") in effects
    state, _ = step(state, StretchEnded(True, 30, OTHER), 12 * M)
    assert state.phase is Phase.STRETCHING  # one stretch of the routine is not its end
    state, _ = step(state, StretchEnded(True, 30, STRETCH), 14 * M)
    state, _ = step(state, GuideClosed(), 20 * M)
    assert state.phase is Phase.SITTING
    assert timing.next_break_at(state, CONFIG) == 50 * M


def test_no_reminder_interrupts_a_routine_and_a_due_break_is_taken_by_it() -> None:
    config = replace(CONFIG, routines=Routines(length=20 * 60))
    trace = drive(
        config,
        [(31 * M, StartRoutine("morning")), (50 * M, GuideClosed())],
        until=79 * M,
    )
    reminders = trace.notify_times()
    assert reminders == [30 * M]  # the one before the routine, none during or after it
    assert trace.state.phase is Phase.SITTING
    assert timing.next_break_at(trace.state, config) == 80 * M


def test_a_long_routine_is_not_cut_short_by_the_stretch_timeout() -> None:
    config = replace(CONFIG, routines=Routines(length=45 * 60))
    trace = drive(config, [(1 * M, StartRoutine("evening"))], until=80 * M)
    assert trace.state.phase is Phase.STRETCHING
    assert not trace.records(Kind.STRETCH_SKIPPED)
    later = drive(config, [(1 * M, StartRoutine("evening"))], until=92 * M)
    assert later.records(Kind.STRETCH_SKIPPED)[0][1].detail == "timeout"


def test_a_routine_or_stretch_while_the_guide_is_open_is_refused() -> None:
    state, _ = step(sitting(), StartRoutine("evening"), 1 * M)
    state, effects = step(state, StartStretch(OTHER), 2 * M)
    assert Refuse(rules.GUIDE_OPEN) in effects
    assert not [e for e in effects if isinstance(e, Guide)]
    _, effects = step(state, StartRoutine("morning"), 3 * M)
    assert Refuse(rules.GUIDE_OPEN) in effects


def test_a_routine_while_paused_keeps_the_pause() -> None:
    state, _ = step(sitting(), asks.Pause(None), 1 * M)
    state, effects = step(state, StartRoutine("evening"), 2 * M)
    assert state.phase is Phase.PAUSED
    assert OpenRoutine("evening") in effects


def test_snooze_is_offered_in_the_guide_only_for_a_stretch_that_answers_a_reminder() -> None:
    _, effects = step(sitting(), StartStretch(), 5 * M)
    assert Guide(STRETCH, snooze=False) in effects
    due, _ = step(sitting(), Tick(), 30 * M)
    _, effects = step(due, StartStretch(), 31 * M)
    assert Guide(STRETCH, snooze=True) in effects


def test_what_the_user_tells_the_guide_is_recorded() -> None:
    _, effects = step(sitting(), events.Avoid(STRETCH, ("knee", "wrists")), 1 * M)
    assert [(e.kind, e.detail) for e in effects if isinstance(e, Record)] == [
        (Kind.CONDITION, "knee"),
        (Kind.CONDITION, "wrists"),
    ]
    _, effects = step(sitting(), events.RulesSeen(routine=True), 1 * M)
    assert Record(Kind.RULES_SHOWN, 1 * M, detail="routine") in effects
    _, effects = step(sitting(), events.CheckedIn("chair-reach", "ankle"), 1 * M)
    assert Record(Kind.CHECKIN, 1 * M, detail="chair-reach:ankle") in effects
    _, effects = step(sitting(), asks.StartCheckin(), 1 * M)
    assert OpenCheckin() in effects


def test_the_check_in_is_offered_once_when_due() -> None:
    state, _ = step(sitting(), ScheduleCheckin(10 * M), 1 * M)
    assert timing.next_wakeup(state, CONFIG) <= 10 * M  # type: ignore[operator]
    state, effects = step(state, Tick(), 10 * M)
    assert RemindCheckin() in effects
    assert Kind.CHECKIN_OFFERED in kinds(effects)
    assert state.checkin_at is None
    _, effects = step(state, Tick(), 12 * M)
    assert RemindCheckin() not in effects


def test_the_check_in_waits_for_a_calm_moment() -> None:
    """Never over a due reminder, during a stretch, a pause, an absence or quiet time."""
    script = [
        (1 * M, ScheduleCheckin(30 * M)),  # due with the break's reminder
        (31 * M, StartStretch()),
        (33 * M, StretchEnded(True, 30)),
    ]
    offered = drive(CONFIG, script, until=40 * M).records(Kind.CHECKIN_OFFERED)
    assert [t for t, _ in offered] == [33 * M]  # once the break is over, never over it
    state, _ = step(sitting(), events.Quiet(Reason(Cause.FULL_SCREEN)), 1 * M)
    state, _ = step(state, ScheduleCheckin(5 * M), 2 * M)
    state, effects = step(state, Tick(), 6 * M)
    assert RemindCheckin() not in effects
    assert timing.next_wakeup(state, CONFIG) == 6 * M + timing.QUIET_POLL  # looks, never spins
    state, effects = step(state, events.Quiet(None), 7 * M)
    _, effects = step(state, Tick(), 7 * M)
    assert RemindCheckin() in effects


def test_with_notifications_off_the_check_in_is_noted_as_offered_without_a_prompt() -> None:
    config = replace(CONFIG, notifications=Notifications(enabled=False))
    state, _ = step(sitting(), ScheduleCheckin(5 * M), 1 * M, config)
    state, effects = step(state, Tick(), 5 * M, config)
    assert RemindCheckin() not in effects
    assert Kind.CHECKIN_OFFERED in kinds(effects)
    assert timing.next_wakeup(state, config) != 5 * M


def test_a_stretch_ended_early_is_a_break_but_no_step_of_progress() -> None:
    state, _ = step(sitting(), StartStretch(), 5 * M)
    state, effects = step(state, StretchEnded(True, 4, STRETCH, brief=True), 6 * M)
    assert Record(Kind.STRETCH_DONE, 6 * M, STRETCH, 4, detail=entries.BRIEF) in effects
    assert state.phase is Phase.SITTING
