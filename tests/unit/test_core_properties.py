"""Invariants of the break engine over random configs and random event sequences (hypothesis)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hamstray.engine import asks, events, model, rules, timing
from hamstray.engine.effects import Record, Remind
from hamstray.engine.entries import Kind
from hamstray.engine.events import USER_EVENTS
from hamstray.engine.phase import SITTING_PHASES, Phase
from hamstray.engine.reasons import Cause, Reason, in_call
from hamstray.engine.settings import Breaks, Config
from hamstray.store.assets import stretches

BREAK_ENDINGS = {
    Kind.SKIPPED,
    Kind.STRETCH_DONE,
    Kind.STRETCH_SKIPPED,
    Kind.NATURAL_BREAK,
    Kind.RESUMED,
}

configs = st.builds(
    lambda interval, snooze, again, reset, snoozes: Config(
        breaks=Breaks(
            interval=interval,
            snooze=snooze,
            remind_again=again,
            idle_reset=reset,
            max_snoozes=snoozes,
        )
    ),
    interval=st.integers(60, 4 * 3600),
    snooze=st.integers(10, 3600),
    again=st.integers(10, 3600),
    reset=st.integers(30, 3600),
    snoozes=st.integers(0, 5),
)

REASONS = [
    Reason(Cause.MICROPHONE, "Firefox"),
    Reason(Cause.CAMERA, "zoom"),
    Reason(Cause.SCREEN_SHARING),
    Reason(Cause.APP, "teams"),
    Reason(Cause.DO_NOT_DISTURB),
    Reason(Cause.FULL_SCREEN),
]
happenings = st.one_of(
    st.just(events.Tick()),
    st.builds(events.Quiet, st.none() | st.sampled_from(REASONS)),
    st.builds(asks.Snooze, st.none() | st.integers(1, 7200)),
    st.just(asks.Skip()),
    st.builds(asks.StartStretch, st.none() | st.sampled_from(stretches())),
    st.builds(events.StretchEnded, st.booleans(), st.integers(0, 120)),
    st.just(asks.Resume()),
    st.builds(events.Idle, st.floats(0, 7200)),
    st.just(events.ConfigChanged(Config())),  # a reload of the same settings (see run)
    st.builds(asks.Stand, st.booleans()),
)
pauses = st.builds(lambda offset: ("pause", offset), st.none() | st.floats(1, 4 * 3600))

# A scenario: (seconds to wait, what happens then). Waiting follows the loop's contract (a Tick at
# every wakeup) unless the wait is marked as a suspend, when no timer fires.
scenarios = st.lists(
    st.tuples(st.floats(0, 3 * 3600), st.one_of(happenings, pauses), st.booleans()),
    max_size=60,
)


def run(
    config: Config,
    scenario: list[tuple[float, object, bool]],
    start: float = 1e9,
) -> list[tuple[model.State, object, float, model.State, list[rules.Effect]]]:
    """Play ``scenario`` and return every step as (before, event, now, after, effects).

    A ConfigChanged is a reload of the same settings here, so that the invariants below hold
    against one config; test_reload.py changes the settings."""
    state = model.initial(start, stretches()[0])
    now = start
    steps = []

    def apply(event: rules.Event, at: float) -> None:
        nonlocal state
        if isinstance(event, events.ConfigChanged):
            event = events.ConfigChanged(config)
        after, effects = rules.step(state, event, at, config)
        steps.append((state, event, at, after, effects))
        state = after

    for wait, item, suspended in scenario:
        target = now + wait
        while not suspended:
            wake = timing.next_wakeup(state, config)
            if wake is None or wake > target:
                break
            now = wake
            apply(events.Tick(), now)
        now = target
        event = (
            asks.Pause(None if item[1] is None else now + item[1])
            if isinstance(item, tuple)
            else item
        )
        apply(event, now)  # type: ignore[arg-type]
    return steps


@settings(max_examples=150, deadline=None)
@given(configs, scenarios)
def test_next_wakeup_is_never_in_the_past(config: Config, scenario: list) -> None:
    for _, _, now, after, _ in run(config, scenario):
        wake = timing.next_wakeup(after, config)
        assert wake is None or wake >= now


@settings(max_examples=150, deadline=None)
@given(configs, scenarios)
def test_sitting_time_is_never_negative(config: Config, scenario: list) -> None:
    for _, _, now, after, _ in run(config, scenario):
        assert timing.sitting_seconds(after, now) >= 0
        assert after.since <= now or after.phase is Phase.PAUSED


@settings(max_examples=150, deadline=None)
@given(configs, scenarios)
def test_never_a_reminder_while_paused_or_away(config: Config, scenario: list) -> None:
    for before, _, _, after, effects in run(config, scenario):
        if any(isinstance(e, Remind) for e in effects):
            assert before.phase not in (Phase.PAUSED, Phase.AWAY)
            assert after.phase is Phase.DUE


@settings(max_examples=150, deadline=None)
@given(configs, scenarios)
def test_reminders_are_never_closer_than_the_rules_allow(config: Config, scenario: list) -> None:
    """Two reminders are at least remind_again apart, or the snooze or interval in between."""
    last: float | None = None
    allowed = min(config.breaks.remind_again, config.breaks.interval)
    for _, _, now, _, effects in run(config, scenario):
        for effect in effects:
            if isinstance(effect, Record) and effect.kind is Kind.SNOOZED:
                allowed = min(allowed, effect.seconds or 0)
        if any(isinstance(e, Remind) for e in effects):
            if last is not None:
                assert now - last >= allowed - 1e-6
            last = now
            allowed = min(config.breaks.remind_again, config.breaks.interval)


@settings(max_examples=150, deadline=None)
@given(configs, scenarios)
def test_nothing_nags_without_end(config: Config, scenario: list) -> None:
    """Within one sitting period there are at most three reminders plus one per snooze. Standing
    up answers a reminder as a break does: the sitting time stops and its count starts over."""
    count = 0
    answers = BREAK_ENDINGS | {Kind.PAUSED, Kind.STANDING_ON}
    for _, _, _, _, effects in run(config, scenario):
        for effect in effects:
            if isinstance(effect, Record) and effect.kind in answers:
                count = 0
            if isinstance(effect, Remind):
                count += 1
                assert count <= timing.MAX_REMINDERS + config.breaks.max_snoozes


@pytest.mark.finding(
    "random clock jumps back and forth between random events (hypothesis)",
    "every invariant holds: no reminder while paused or away, the wakeup never in the past",
    "the state machine's consistency",
)
@settings(max_examples=150, deadline=None)
@given(configs, scenarios, st.lists(st.floats(-7200, 7200), min_size=1, max_size=10))
def test_clock_jumps_never_break_the_invariants(
    config: Config, scenario: list, jumps: list[float]
) -> None:
    """Whatever the wall clock does, from wherever the scenario left the engine, times stay sane
    and no burst of reminders follows."""
    steps = run(config, scenario)
    state, now = (steps[-1][3], steps[-1][2]) if steps else (model.initial(1e9), 1e9)
    for jump in jumps:
        now += jump
        state, effects = rules.step(state, events.Tick(), now, config)
        wake = timing.next_wakeup(state, config)
        assert wake is None or wake >= now
        assert timing.sitting_seconds(state, now) >= 0
        assert sum(isinstance(e, Remind) for e in effects) <= 1


@settings(max_examples=150, deadline=None)
@given(configs, scenarios)
def test_a_tick_at_the_wakeup_always_moves_the_wakeup_on(config: Config, scenario: list) -> None:
    """The loop can never spin: after the Tick it was woken for, the next wakeup is later."""
    for before, event, now, after, _ in run(config, scenario):
        if isinstance(event, events.Tick) and timing.next_wakeup(before, config) == now:
            wake = timing.next_wakeup(after, config)
            assert wake is None or wake > now


# Scenarios around calls: mostly the quiet probes' answers and idle times, with a few user events.
call_events = st.one_of(
    st.builds(events.Quiet, st.none() | st.sampled_from(REASONS)),
    st.builds(events.Idle, st.floats(0, 7200)),
    st.just(events.Tick()),
    st.builds(asks.Snooze, st.none() | st.integers(1, 7200)),
    st.just(asks.Skip()),
    st.builds(asks.Stand, st.booleans()),
)
call_scenarios = st.lists(
    st.tuples(st.floats(0, 3600), call_events, st.sampled_from((False, False, False, True))),
    max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(configs, call_scenarios)
def test_no_reminder_pops_up_while_it_is_quiet(config: Config, scenario: list) -> None:
    """Not stacked either: one reminder at most per step, and none while quiet."""
    for _, _, _, after, effects in run(config, scenario):
        shown = sum(isinstance(e, Remind) for e in effects)
        assert shown <= 1
        if shown:
            assert after.quiet is None


@settings(max_examples=150, deadline=None)
@given(configs, call_scenarios)
def test_a_held_reminder_is_never_lost(config: Config, scenario: list) -> None:
    """A hold ends with the reminder, or with something the user did, or with a break."""
    for before, event, _, after, effects in run(config, scenario):
        if not before.held or after.held:
            continue
        reminded = sum(isinstance(e, Remind) for e in effects)
        took_a_break = after.phase in (Phase.AWAY, Phase.PAUSED) or any(
            isinstance(e, Record) and e.kind is Kind.NATURAL_BREAK for e in effects
        )
        assert reminded == 1 or isinstance(event, USER_EVENTS) or took_a_break
        if isinstance(event, events.Quiet) and event.reason is None and not took_a_break:
            assert reminded == 1


@settings(max_examples=150, deadline=None)
@given(configs, call_scenarios)
def test_a_call_is_never_taken_for_a_break(config: Config, scenario: list) -> None:
    """However long the idle time in a call, the sitting period goes on."""
    for before, event, _, after, effects in run(config, scenario):
        records = [e for e in effects if isinstance(e, Record)]
        slept = any(r.kind is Kind.NATURAL_BREAK and r.detail == "suspend" for r in records)
        sitting = before.phase in SITTING_PHASES  # (coming back from away is a break that was)
        if isinstance(event, events.Idle) and in_call(before.quiet) and sitting and not slept:
            assert not any(r.kind is Kind.NATURAL_BREAK for r in records)
            assert after.phase in SITTING_PHASES
            assert after.since == before.since


@settings(max_examples=150, deadline=None)
@given(configs, call_scenarios)
def test_every_reminder_says_how_long_the_user_has_sat(config: Config, scenario: list) -> None:
    for _, _, now, after, effects in run(config, scenario):
        for effect in effects:
            if isinstance(effect, Remind):
                assert effect.sat_s == pytest.approx(timing.sitting_seconds(after, now))
                assert effect.sat_s >= config.breaks.interval - 1e-6 or after.snoozes
