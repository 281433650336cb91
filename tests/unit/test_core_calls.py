"""In a call the engine holds the due reminder, counts sitting time on, and reminds once after."""

from dataclasses import replace

from hamstray.engine import model, rules, timing
from hamstray.engine.asks import Snooze
from hamstray.engine.effects import Record, Remind, RemindRoutine
from hamstray.engine.entries import Kind
from hamstray.engine.events import Idle, Quiet, ScheduleRoutine, Tick
from hamstray.engine.phase import Phase
from hamstray.engine.reasons import Cause, Reason
from hamstray.engine.settings import Config
from hamstray.store.assets import stretches

M = 60.0
CONFIG = Config()  # interval 30m, snooze 5m, remind again 10m, idle reset 5m
STRETCH = stretches()[0]
MICROPHONE = Reason(Cause.MICROPHONE, "Firefox")
CAMERA = Reason(Cause.CAMERA, "zoom")


def step(
    state: model.State, event: rules.Event, now: float
) -> tuple[model.State, list[rules.Effect]]:
    """Step as the loop does: it was awake until ``now``, so no gap looks like a suspend."""
    return rules.step(replace(state, seen=max(state.seen, now)), event, now, CONFIG)


def reminders(effects: list[rules.Effect]) -> list[Remind]:
    return [e for e in effects if isinstance(e, Remind)]


def records(effects: list[rules.Effect], kind: Kind) -> list[Record]:
    return [e for e in effects if isinstance(e, Record) and e.kind is kind]


def in_a_call_when_due() -> model.State:
    """Sitting since 0, a call from 20 min, the break due at 30 min."""
    state, _ = step(model.initial(0.0, STRETCH), Quiet(MICROPHONE), 20 * M)
    state, _ = step(state, Tick(), 30 * M)
    return state


def test_a_call_holds_the_due_reminder_and_records_why() -> None:
    state, _ = step(model.initial(0.0, STRETCH), Quiet(MICROPHONE), 20 * M)
    state, effects = step(state, Tick(), 30 * M)
    assert reminders(effects) == []
    assert records(effects, Kind.REMINDER) == []
    assert records(effects, Kind.REMINDER_HELD) == [
        Record(Kind.REMINDER_HELD, 30 * M, STRETCH, detail="microphone")
    ]
    assert state.phase is Phase.DUE  # the icon says the break is due
    assert state.held


def test_the_view_says_why_the_reminder_is_held() -> None:
    state = in_a_call_when_due()
    view = timing.view(state, 31 * M, CONFIG)
    assert view.held_back == MICROPHONE
    assert view.held_back.text == "microphone in use by Firefox"
    assert timing.view(model.initial(0.0), 1 * M, CONFIG).held_back is None


def test_sitting_time_keeps_growing_through_a_call_without_input() -> None:
    """An hour of talking without touching the keyboard is an hour of sitting, not a break."""
    state = in_a_call_when_due()
    state, effects = step(state, Idle(40 * M), 60 * M)
    assert state.phase is Phase.DUE
    assert records(effects, Kind.NATURAL_BREAK) == []
    assert timing.sitting_seconds(state, 80 * M) == 80 * M


def test_no_reminder_stacks_up_during_the_call() -> None:
    state = in_a_call_when_due()
    effects: list[rules.Effect] = []
    for minute in range(31, 80):
        state, more = step(state, Tick(), minute * M)
        effects += more
    assert reminders(effects) == []
    assert records(effects, Kind.REMINDER_HELD) == []  # held once, recorded once


def test_the_one_reminder_after_the_call_says_how_long_the_user_sat() -> None:
    state = in_a_call_when_due()
    state, _ = step(state, Quiet(CAMERA), 50 * M)  # the camera went on too: still one hold
    state, effects = step(state, Quiet(None), 80 * M)
    assert reminders(effects) == [Remind(80 * M, STRETCH)]
    assert records(effects, Kind.REMINDER) == [Record(Kind.REMINDER, 80 * M, STRETCH)]
    assert not state.held
    state, effects = step(state, Tick(), 81 * M)
    assert reminders(effects) == []


def test_an_absence_after_a_call_counts_from_the_calls_end() -> None:
    """No input since 20 min (a call until 60): away from 60 on, so the user sat 60 minutes."""
    state, _ = step(model.initial(0.0, STRETCH), Quiet(MICROPHONE), 20 * M)
    state, _ = step(state, Quiet(None), 60 * M)
    state, effects = step(state, Idle(43 * M), 63 * M)
    assert state.phase is Phase.SITTING  # only 3 minutes since the call ended
    state, effects = step(state, Idle(46 * M), 66 * M)
    assert state.phase is Phase.AWAY
    assert records(effects, Kind.SITTING) == [Record(Kind.SITTING, 60 * M, seconds=60 * M)]


def test_idle_time_during_do_not_disturb_is_still_a_break() -> None:
    """Do-not-disturb says nothing about being at the desk: leaving counts as usual."""
    state, _ = step(model.initial(0.0, STRETCH), Quiet(Reason(Cause.DO_NOT_DISTURB)), 1 * M)
    state, effects = step(state, Idle(6 * M), 20 * M)
    assert state.phase is Phase.AWAY
    assert records(effects, Kind.SITTING) == [Record(Kind.SITTING, 14 * M, seconds=14 * M)]


def test_a_held_reminder_snoozed_from_the_icon_waits_for_the_snooze() -> None:
    state = in_a_call_when_due()
    state, _ = step(state, Snooze(), 32 * M)
    state, effects = step(state, Quiet(None), 33 * M)
    assert reminders(effects) == []  # not before the snooze ends
    state, effects = step(state, Tick(), 37 * M)
    assert reminders(effects) == [Remind(37 * M, STRETCH)]


def test_the_loop_is_told_when_the_quiet_probes_matter() -> None:
    """Only a due or held reminder needs them (besides an idle time that would be a break)."""
    sitting = model.initial(0.0, STRETCH)
    assert not timing.quiet_matters(sitting, 29 * M, CONFIG)
    assert timing.quiet_matters(sitting, 30 * M, CONFIG)
    assert timing.quiet_matters(in_a_call_when_due(), 31 * M, CONFIG)
    shown, _ = step(sitting, Tick(), 30 * M)
    assert not timing.quiet_matters(shown, 39 * M, CONFIG)
    assert timing.quiet_matters(shown, 40 * M, CONFIG)  # remind_again


def test_the_routine_s_reminder_waits_out_a_call_and_comes_once_after() -> None:
    state, _ = step(model.initial(0.0, STRETCH), ScheduleRoutine("evening", 10 * M), 1 * M)
    state, _ = step(state, Quiet(CAMERA), 5 * M)
    assert timing.quiet_matters(state, 10 * M, CONFIG)  # the loop asks the probes at 10 min
    state, effects = step(state, Tick(), 10 * M)
    assert not [e for e in effects if isinstance(e, RemindRoutine)]
    assert timing.next_wakeup(state, CONFIG) == 10 * M + timing.QUIET_POLL  # looks again
    state, effects = step(state, Quiet(None), 12 * M)
    state, effects = step(state, Tick(), 12 * M)
    assert [e for e in effects if isinstance(e, RemindRoutine)] == [
        RemindRoutine("evening", CONFIG.routines.length)
    ]
    state, effects = step(state, Tick(), 13 * M)
    assert not [e for e in effects if isinstance(e, RemindRoutine)]


def test_a_routine_s_reminder_held_for_over_an_hour_is_dropped() -> None:
    state, _ = step(model.initial(0.0, STRETCH), ScheduleRoutine("morning", 10 * M), 1 * M)
    state, _ = step(state, Quiet(MICROPHONE), 5 * M)
    state, _ = step(state, Tick(), 10 * M)
    state, effects = step(state, Tick(), 71 * M)  # still in the call, 61 min late
    assert not [e for e in effects if isinstance(e, RemindRoutine)]
    assert state.routine_at is None
