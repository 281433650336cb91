"""Settings read again while the app runs: the engine's ConfigChanged rules (no burst, no lost
snooze, the sitting time kept)."""

from dataclasses import replace
from datetime import time

from hypothesis import given, settings
from hypothesis import strategies as st

from hamstray.engine import asks, events, model, rules, timing
from hamstray.engine.asks import Snooze
from hamstray.engine.effects import Effect, Record, Remind, Render
from hamstray.engine.entries import Kind
from hamstray.engine.events import ConfigChanged, Tick
from hamstray.engine.phase import SITTING_PHASES, Phase
from hamstray.engine.settings import Breaks, Config, Notifications, Routines
from hamstray.store.assets import stretches

from .test_core_properties import configs, run, scenarios

M = 60.0
OLD = Config()  # interval 30m, snooze 5m, remind again 10m, idle reset 5m
STRETCH = stretches()[0]


def with_breaks(**values: int) -> Config:
    return replace(OLD, breaks=replace(OLD.breaks, **values))


def awake(state: model.State, event: events.Event, now: float, config: Config = OLD):
    """Step as the loop does when it was awake until ``now``."""
    return rules.step(replace(state, seen=max(state.seen, now)), event, now, config)


def reload(state: model.State, now: float, new: Config, old: Config = OLD):
    """What the loop does when the file changed: the change is stepped with the old settings."""
    return awake(state, ConfigChanged(new), now, old)


def reminders(effects: list[Effect]) -> int:
    return sum(isinstance(e, Remind) for e in effects)


def test_the_sitting_time_is_kept_and_the_next_break_follows_the_new_interval() -> None:
    state = model.initial(0.0, STRETCH)
    after, effects = reload(state, 10 * M, with_breaks(interval=20 * 60))
    shown = timing.view(after, 10 * M, with_breaks(interval=20 * 60))
    assert (shown.sitting_s, shown.next_break_in) == (10 * M, 10 * M)
    assert reminders(effects) == 0
    assert after.phase is Phase.SITTING


def test_a_longer_interval_puts_the_break_later() -> None:
    after, _ = reload(model.initial(0.0, STRETCH), 20 * M, with_breaks(interval=3600))
    assert timing.view(after, 20 * M, with_breaks(interval=3600)).next_break_in == 40 * M


def test_an_interval_already_passed_reminds_once_now_and_then_as_remind_again_says() -> None:
    new = with_breaks(interval=20 * 60, remind_again=5 * 60)
    state, effects = reload(model.initial(0.0, STRETCH), 25 * M, new)
    assert reminders(effects) == 1
    assert state.phase is Phase.DUE
    assert not any(isinstance(e, Record) and e.kind is Kind.NATURAL_BREAK for e in effects)
    times = [25 * M]
    now = 25 * M
    for _ in range(30):  # the loop's ticks from here on, with the new settings
        now = timing.next_wakeup(state, new) or now + M
        state, effects = rules.step(state, Tick(), now, new)
        times += [now] * reminders(effects)
    assert times == [25 * M, 30 * M, 35 * M]  # three in all, remind_again apart


def test_a_snooze_in_progress_keeps_its_end() -> None:
    due, _ = awake(model.initial(0.0, STRETCH), Tick(), 30 * M)
    snoozed, _ = awake(due, Snooze(), 31 * M)
    new = with_breaks(interval=5 * 60, snooze=60, max_snoozes=0)
    after, effects = reload(snoozed, 32 * M, new)
    assert after.phase is Phase.SNOOZED
    assert after.snoozed_until == snoozed.snoozed_until == 36 * M
    assert reminders(effects) == 0
    assert timing.view(after, 32 * M, new).snoozes_left == 0


def test_a_pause_keeps_its_end_and_standing_stays_on() -> None:
    paused, _ = awake(model.initial(0.0, STRETCH), asks.Pause(seconds=3600), 5 * M)
    after, _ = reload(paused, 10 * M, with_breaks(interval=60))
    assert (after.phase, after.paused_until) == (Phase.PAUSED, paused.paused_until)
    standing, _ = awake(model.initial(0.0, STRETCH), asks.Stand(True), 5 * M)
    after, effects = reload(standing, 40 * M, with_breaks(interval=60))
    assert after.standing
    assert reminders(effects) == 0


def test_notifications_turned_off_stop_the_reminder_at_once() -> None:
    new = replace(with_breaks(interval=60), notifications=Notifications(enabled=False))
    after, effects = reload(model.initial(0.0, STRETCH), 5 * M, new)
    assert after.phase is Phase.DUE  # the icon still says a break is due
    assert reminders(effects) == 0


def test_new_routine_times_are_scheduled_again_and_the_same_ones_kept() -> None:
    state = replace(model.initial(0.0, STRETCH), routine="evening", routine_at=9 * 3600.0)
    same, _ = reload(state, M, replace(OLD, breaks=Breaks(interval=20 * 60)))
    assert (same.routine, same.routine_at) == ("evening", 9 * 3600.0)
    moved, _ = reload(state, M, replace(OLD, routines=Routines(evening=time(22, 0))))
    assert moved.routine_at is None  # the loop asks the calendar for the new time


def test_reading_the_same_settings_again_changes_nothing() -> None:
    due, _ = awake(model.initial(0.0, STRETCH), Tick(), 30 * M)
    after, effects = reload(due, 33 * M, OLD)
    assert after == replace(due, seen=33 * M)
    assert [type(e) for e in effects] == [Render]


reload_times = st.floats(0, 1)  # how far towards the next wakeup the reload comes


@settings(max_examples=200, deadline=None)
@given(configs, scenarios, configs, reload_times)
def test_a_reload_never_bursts_never_loses_a_snooze_and_keeps_the_sitting_time(
    old: Config, scenario: list, new: Config, towards: float
) -> None:
    """From any state the app can reach, a reload to any settings gives at most one reminder at
    once; the ticks after it space reminders by the new settings; sitting and snooze stay."""
    steps = run(old, scenario)
    state, now = (steps[-1][3], steps[-1][2]) if steps else (model.initial(1e9, STRETCH), 1e9)
    wake = timing.next_wakeup(state, old)
    at = now if wake is None else now + (wake - now) * towards
    after, effects = rules.step(state, ConfigChanged(new), at, old)
    assert reminders(effects) <= 1
    assert not any(isinstance(e, Record) and e.kind is Kind.NATURAL_BREAK for e in effects)
    if state.phase in SITTING_PHASES and after.phase in SITTING_PHASES:
        assert after.since == state.since
    if state.phase is Phase.SNOOZED and after.phase is Phase.SNOOZED:
        assert after.snoozed_until == state.snoozed_until
    last = at if reminders(effects) else None
    count = reminders(effects)
    state, now = after, at
    for _ in range(40):  # no user about: the loop's ticks with the new settings
        wake = timing.next_wakeup(state, new)
        if wake is None:
            break
        now = wake
        state, effects = rules.step(state, Tick(), now, new)
        if reminders(effects):
            gap = min(new.breaks.remind_again, new.breaks.interval)
            assert last is None or now - last >= gap - 1e-6
            last = now
            count += 1
    assert count <= timing.MAX_REMINDERS + 1  # the sitting period may start over once
