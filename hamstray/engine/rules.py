"""The break engine: a pure state machine from (state, event, now, config) to (state, effects).

No clock, no threads, no I/O: ``now`` is wall-clock seconds handed in by the loop, and everything
the outside world should do comes back as effects. Phases::

    SITTING -> DUE -> (SNOOZED <-> DUE) -> STRETCHING -> SITTING
    any -> PAUSED -> SITTING          SITTING/DUE/SNOOZED -> AWAY -> SITTING (a natural break)
"""

import math
from dataclasses import replace

from hamstray.engine import leaving
from hamstray.engine.catalogue import Stretch
from hamstray.engine.entries import Kind
from hamstray.engine.model import (
    SITTING_PHASES,
    USER_EVENTS,
    ConfigChanged,
    Effect,
    Event,
    Feedback,
    Guide,
    GuideMissing,
    Idle,
    OpenRoutine,
    Pause,
    Phase,
    Quiet,
    Record,
    Refuse,
    Remind,
    RemindRoutine,
    Render,
    Resume,
    ScheduleRoutine,
    Shutdown,
    Skip,
    Snooze,
    Stand,
    StartRoutine,
    StartStretch,
    State,
    StretchEnded,
    Suggest,
    Tick,
)
from hamstray.engine.settings import Config
from hamstray.engine.timing import (
    MAX_REMINDERS,
    SNOOZABLE,
    STRETCH_TIMEOUT,
    next_wakeup,
    snoozes_left,
    view,
)

ROUTINE_LATE = 3600  # a routine reminder more than an hour late (the machine slept) is dropped


def step(state: State, event: Event, now: float, config: Config) -> tuple[State, list[Effect]]:
    """Apply ``event`` at ``now``; return the new state and the effects to carry out."""
    effects: list[Effect] = []
    before = state.phase
    state = _follow_clock(state, now, config, effects)
    if state.phase is Phase.AWAY and isinstance(event, USER_EVENTS):
        state = _come_back(state, now, 0.0, effects)
    match event:
        case Tick():
            state = _on_routine_time(state, now, config, effects)
            state = _on_tick(state, now, config, effects)
        case Snooze(seconds):
            state = _on_snooze(state, seconds, now, config, effects)
        case Skip():
            state = _on_skip(state, now, effects)
        case StartStretch(stretch):
            state = _on_start(state, stretch, now, effects)
        case StretchEnded():
            state = _on_ended(state, event, now, effects)
        case Shutdown():
            _sat(state, now, effects)
        case Stand(on):
            state = _on_stand(state, on, now, config, effects)
        case Quiet(reason):
            state = replace(state, quiet=reason)
            if reason is None and state.held:
                state = _remind(replace(state, held=False), now, config, effects)
        case Feedback(stretch, word):
            effects.append(Record(Kind.FEEDBACK, now, stretch, detail=word))
        case StartRoutine(name):
            effects += (
                [Refuse(state.no_guide)]
                if state.no_guide is not None
                else [Record(Kind.ROUTINE_STARTED, now, detail=name), OpenRoutine(name)]
            )
        case GuideMissing(reason):
            state = replace(state, no_guide=reason)
        case ScheduleRoutine(name, at):
            state = replace(state, routine=name, routine_at=at)
        case Pause(until, seconds):
            state = _on_pause(state, until if seconds is None else now + seconds, now, effects)
        case Resume():
            state = _on_resume(state, now, effects)
        case Idle(seconds):
            state = _on_idle(state, seconds, now, config, effects)
        case Suggest(stretch):
            state = replace(state, stretch=stretch)
        case ConfigChanged():
            pass  # every derived time is computed from the config handed in
    state = replace(state, seen=now)
    effects += leaving.effects(before, state.phase, event)
    effects.append(Render(view(state, now, config)))
    return state, effects


def _follow_clock(state: State, now: float, config: Config, effects: list[Effect]) -> State:
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
        return replace(_fresh(state, now, effects, sat_until=state.seen), break_ended=now)
    if state.phase is Phase.STRETCHING:
        effects.append(Record(Kind.STRETCH_SKIPPED, now, state.stretch, detail="timeout"))
        return _fresh(state, now, effects)
    return state


def _sat(state: State, until: float, effects: list[Effect]) -> None:
    """Record the sitting period that ends at ``until``, if the user was sitting."""
    if state.standing:
        until = min(until, state.standing_since)
    if state.phase in SITTING_PHASES and until > state.since:
        effects.append(Record(Kind.SITTING, until, seconds=until - state.since))


def _fresh(
    state: State, now: float, effects: list[Effect], sat_until: float | None = None
) -> State:
    """Start a new sitting period at ``now``, keeping the suggestion; record the one that ended."""
    _sat(state, now if sat_until is None else sat_until, effects)
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
        standing_since=now,
        continued=False,  # break_ended stays: only input after it (an Idle report) ends it
    )


def _come_back(state: State, now: float, idle: float, effects: list[Effect]) -> State:
    """The user is back after being away: one absence is one natural break."""
    back_at = now - idle
    if not state.continued:
        seconds = max(0.0, back_at - state.since)
        effects.append(Record(Kind.NATURAL_BREAK, back_at, seconds=seconds, detail="idle"))
    return replace(_fresh(state, now, effects), since=back_at, break_ended=back_at)


def _remind(state: State, now: float, config: Config, effects: list[Effect]) -> State:
    if state.quiet is not None:  # held back, delivered once when the quiet ends
        return replace(state, phase=Phase.DUE, held=True, snoozed_until=None)
    if config.notifications.enabled:
        effects.append(Remind(now - state.since, state.stretch, state.no_guide is None))
    effects.append(Record(Kind.REMINDER, now, state.stretch))
    return replace(
        state, phase=Phase.DUE, reminded_at=now, reminders=state.reminders + 1, snoozed_until=None
    )


def _on_routine_time(state: State, now: float, config: Config, effects: list[Effect]) -> State:
    if state.routine_at is None or now < state.routine_at:
        return state
    if (
        state.phase is not Phase.PAUSED
        and now - state.routine_at <= ROUTINE_LATE
        and config.notifications.enabled
    ):
        effects += [
            RemindRoutine(state.routine, config.routines.length),
            Record(Kind.ROUTINE_REMINDER, now, detail=state.routine),
        ]
    return replace(state, routine_at=None)


def _on_tick(state: State, now: float, config: Config, effects: list[Effect]) -> State:
    breaks = config.breaks
    match state.phase:
        case Phase.SITTING if not state.standing and now >= state.since + breaks.interval:
            return _remind(state, now, config, effects)
        case Phase.SNOOZED if state.snoozed_until is not None and now >= state.snoozed_until:
            return _remind(state, now, config, effects)
        case Phase.DUE if (
            not state.held
            and state.reminders < MAX_REMINDERS
            and state.reminded_at is not None
            and now >= state.reminded_at + breaks.remind_again
        ):
            return _remind(state, now, config, effects)
        case Phase.PAUSED if state.paused_until is not None and now >= state.paused_until:
            effects.append(Record(Kind.RESUMED, now, detail="pause ended"))
            return _fresh(state, now, effects)
        case Phase.STRETCHING if now >= state.since + STRETCH_TIMEOUT:
            effects.append(Record(Kind.STRETCH_SKIPPED, now, state.stretch, detail="timeout"))
            return _fresh(state, now, effects)
    return state


def _on_snooze(
    state: State, seconds: int | None, now: float, config: Config, effects: list[Effect]
) -> State:
    if state.phase not in SNOOZABLE:
        effects.append(Refuse("No break is due, so there is nothing to snooze."))
        return state
    if not snoozes_left(state, config):
        effects.append(Refuse("No snoozes left for this break: start the stretch or skip it."))
        return state
    length = config.breaks.snooze if seconds is None else seconds
    if not 0 < length < math.inf:  # NaN fails this too
        effects.append(Refuse("A snooze must last a positive number of seconds."))
        return state
    effects.append(Record(Kind.SNOOZED, now, state.stretch, seconds=length))
    return replace(
        state, phase=Phase.SNOOZED, snoozed_until=now + length, snoozes=state.snoozes + 1
    )


def _on_skip(state: State, now: float, effects: list[Effect]) -> State:
    if state.phase is Phase.PAUSED:
        effects.append(Refuse("hamstray is paused: there is no break to skip."))
        return state
    kind = Kind.STRETCH_SKIPPED if state.phase is Phase.STRETCHING else Kind.SKIPPED
    effects.append(Record(kind, now, state.stretch))
    return _fresh(state, now, effects)


def _on_start(state: State, stretch: Stretch | None, now: float, effects: list[Effect]) -> State:
    stretch = stretch or state.stretch
    if stretch is None or state.no_guide is not None:
        effects.append(Refuse(state.no_guide or "There is no stretch to start."))
        return state
    effects += [Record(Kind.STRETCH_STARTED, now, stretch), Guide(stretch)]
    if state.phase is Phase.PAUSED:  # a stretch on request does not end the pause
        return state
    _sat(state, now, effects)
    return replace(
        state, phase=Phase.STRETCHING, since=now, stretch=stretch, snoozed_until=None, held=False
    )


def _on_ended(state: State, ended: StretchEnded, now: float, effects: list[Effect]) -> State:
    kind = Kind.STRETCH_DONE if ended.done else Kind.STRETCH_SKIPPED
    effects.append(Record(kind, now, ended.stretch or state.stretch, seconds=ended.held_s))
    if state.phase is Phase.STRETCHING or (ended.done and state.phase is not Phase.PAUSED):
        return _fresh(state, now, effects)
    return state


def _on_stand(state: State, on: bool, now: float, config: Config, effects: list[Effect]) -> State:
    if on == state.standing:
        return state
    if on:
        if state.phase in SITTING_PHASES:
            state = replace(
                state,
                phase=Phase.SITTING,
                reminded_at=None,
                reminders=0,
                snoozed_until=None,
                snoozes=0,
                held=False,
            )
        effects.append(Record(Kind.STANDING_ON, now))
        return replace(state, standing=True, standing_since=now)
    stood = now - state.standing_since
    effects.append(Record(Kind.STANDING_OFF, now, seconds=stood))
    state = replace(state, standing=False)
    if state.phase is not Phase.SITTING:
        return state
    if stood >= config.breaks.idle_reset:  # standing that long was a break
        _sat(state, now - stood, effects)
        return replace(state, since=now)
    return replace(state, since=state.since + stood)  # sitting time picks up where it stopped


def _on_pause(state: State, until: float | None, now: float, effects: list[Effect]) -> State:
    if until is not None and not now < until < math.inf:  # NaN fails this too
        effects.append(Refuse("A pause must end in the future."))
        return state
    effects.append(Record(Kind.PAUSED, now, seconds=None if until is None else until - now))
    return replace(_fresh(state, now, effects), phase=Phase.PAUSED, paused_until=until)


def _on_resume(state: State, now: float, effects: list[Effect]) -> State:
    if state.phase is not Phase.PAUSED:
        effects.append(Refuse("hamstray is not paused."))
        return state
    effects.append(Record(Kind.RESUMED, now))
    return _fresh(state, now, effects)


def _on_idle(
    state: State, seconds: float, now: float, config: Config, effects: list[Effect]
) -> State:
    idle = max(0.0, seconds)
    began = now - idle
    away = idle >= config.breaks.idle_reset
    if state.phase is Phase.AWAY:
        return state if away else _come_back(state, now, idle, effects)
    if state.phase not in SITTING_PHASES:
        return state
    if state.break_ended is not None and began >= state.break_ended:
        state = replace(state, break_ended=None)  # input since the last break: the user is back
    if not away:
        return state
    if state.break_ended is not None:  # no input since the last break ended: it goes on
        return replace(state, phase=Phase.AWAY, since=state.break_ended, held=False, continued=True)
    began = max(began, state.since)  # an idle period never reaches back before this sitting
    _sat(state, began, effects)
    return replace(state, phase=Phase.AWAY, since=began, held=False)
