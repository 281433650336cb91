"""Sitting periods: where one ends (a break, an absence, a suspend) and the next begins.

Each period that ends is recorded with its length; an absence is one natural break however
long it lasts, and a suspend (the clock jumps past a deadline) is one too, never a burst of
reminders.
"""

from dataclasses import replace

from hamstray.engine.effects import Effect, Record
from hamstray.engine.entries import Kind
from hamstray.engine.model import State
from hamstray.engine.phase import SITTING_PHASES, Phase
from hamstray.engine.reasons import in_call
from hamstray.engine.settings import Config
from hamstray.engine.timing import is_away, next_wakeup


def follow_clock(state: State, now: float, config: Config, effects: list[Effect]) -> State:
    """Absorb wall-clock jumps: back (clock set back) keeps durations; forward past a deadline by
    more than ``idle_reset`` means the machine slept, which is a natural break, never a burst."""
    if now < state.seen:
        shift = now - state.seen
        return replace(
            state,
            since=state.since + shift,
            seen=now,
            reminded_at=None if state.reminded_at is None else state.reminded_at + shift,
            snoozed_until=None if state.snoozed_until is None else state.snoozed_until + shift,
        )
    deadline = next_wakeup(state, config)
    if deadline is None or now - deadline <= config.breaks.idle_reset:
        return state
    slept = now - deadline
    if state.phase in SITTING_PHASES:
        effects.append(Record(Kind.NATURAL_BREAK, now, seconds=slept, detail="suspend"))
        return replace(fresh(state, now, effects, sat_until=state.seen), break_ended=now)
    if state.phase is Phase.STRETCHING:
        effects.append(Record(Kind.STRETCH_SKIPPED, now, state.stretch, detail="timeout"))
        return fresh(state, now, effects)
    return state


def sat(state: State, until: float, effects: list[Effect]) -> None:
    """Record the sitting period that ends at ``until``, if the user was sitting."""
    if state.standing:
        until = min(until, state.standing_since)
    if state.phase in SITTING_PHASES and until > state.since:
        effects.append(Record(Kind.SITTING, until, seconds=until - state.since))


def fresh(state: State, now: float, effects: list[Effect], sat_until: float | None = None) -> State:
    """Start a new sitting period at ``now``, keeping the suggestion; record the one that ended."""
    sat(state, now if sat_until is None else sat_until, effects)
    return replace(
        state,
        phase=Phase.SITTING,
        since=now,
        reminded_at=None,
        reminders=0,
        snoozed_until=None,
        snoozes=0,
        paused_until=None,
        held=False,
        in_routine=False,
        standing_since=now,
        continued=False,  # break_ended stays: only input after it (an Idle report) ends it
    )


def come_back(state: State, now: float, idle: float, effects: list[Effect]) -> State:
    """The user is back after being away: one absence is one natural break."""
    back_at = now - idle
    if not state.continued:
        seconds = max(0.0, back_at - state.since)
        effects.append(Record(Kind.NATURAL_BREAK, back_at, seconds=seconds, detail="idle"))
    return replace(fresh(state, now, effects), since=back_at, break_ended=back_at)


def on_idle(
    state: State, seconds: float, now: float, config: Config, effects: list[Effect]
) -> State:
    """The idle probe's answer: away long enough is a break; back again ends it."""
    idle = max(0.0, seconds)
    began = now - idle
    if state.phase is Phase.AWAY:
        return state if is_away(idle, config) else come_back(state, now, idle, effects)
    if state.phase not in SITTING_PHASES:
        return state
    if state.break_ended is not None and began >= state.break_ended:
        state = replace(state, break_ended=None)  # input since the last break: the user is back
    if in_call(state.quiet):
        return state  # listening and talking without typing is sitting all the same
    if state.call_ended is not None:
        began = max(began, state.call_ended)  # an absence begins after the call at the earliest
    if not is_away(now - began, config):
        return state
    if state.break_ended is not None:  # no input since the last break ended: it goes on
        return replace(state, phase=Phase.AWAY, since=state.break_ended, held=False, continued=True)
    began = max(began, state.since)  # an idle period never reaches back before this sitting
    sat(state, began, effects)
    return replace(state, phase=Phase.AWAY, since=began, held=False)
