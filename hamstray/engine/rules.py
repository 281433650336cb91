"""The break engine: a pure state machine from (state, event, now, config) to (state, effects).

No clock, no threads, no I/O: ``now`` is wall-clock seconds handed in by the loop, and everything
the outside world should do comes back as effects. Phases::

    SITTING -> DUE -> (SNOOZED <-> DUE) -> STRETCHING -> SITTING
    any -> PAUSED -> SITTING          SITTING/DUE/SNOOZED -> AWAY -> SITTING (a natural break)
"""

import math
from dataclasses import replace

from hamstray.engine import leaving, notes
from hamstray.engine.asks import (
    Pause,
    Resume,
    Skip,
    Snooze,
    Stand,
    StartCheckin,
    StartRoutine,
    StartStretch,
)
from hamstray.engine.catalogue import Stretch
from hamstray.engine.effects import (
    Effect,
    Guide,
    OpenRoutine,
    Record,
    Refuse,
    Remind,
    RemindCheckin,
    RemindRoutine,
    Render,
)
from hamstray.engine.entries import BRIEF, Kind
from hamstray.engine.events import (
    USER_EVENTS,
    Avoid,
    CheckedIn,
    ConfigChanged,
    Event,
    Feedback,
    GuideClosed,
    GuideMissing,
    Idle,
    Quiet,
    RulesSeen,
    ScheduleCheckin,
    ScheduleRoutine,
    Shutdown,
    StretchEnded,
    Suggest,
    Tick,
)
from hamstray.engine.model import State
from hamstray.engine.periods import come_back, follow_clock, fresh, on_idle, sat
from hamstray.engine.phase import SITTING_PHASES, Phase
from hamstray.engine.reasons import Reason, in_call
from hamstray.engine.settings import Config
from hamstray.engine.timing import (
    SNOOZABLE,
    checkin_due,
    reminder_due,
    snoozes_left,
    stretch_timeout,
    view,
)

ROUTINE_LATE = 3600  # a routine reminder more than an hour late (the machine slept) is dropped
GUIDE_OPEN = "The guide is open already: finish or skip what is in it first."


def step(state: State, event: Event, now: float, config: Config) -> tuple[State, list[Effect]]:
    """Apply ``event`` at ``now``; return the new state and the effects to carry out."""
    effects: list[Effect] = []
    before = state.phase
    state = follow_clock(state, now, config, effects)
    if state.phase is Phase.AWAY and isinstance(event, USER_EVENTS):
        state = come_back(state, now, 0.0, effects)
    match event:
        case Tick():
            state = _on_routine_time(state, now, config, effects)
            state = _on_tick(state, now, config, effects)
            state = _on_checkin_time(state, now, config, effects)
        case Snooze(seconds):
            state = _on_snooze(state, seconds, now, config, effects)
        case Skip():
            state = _on_skip(state, now, effects)
        case StartStretch(stretch):
            state = _on_start(state, stretch, now, effects)
        case StretchEnded():
            state = _on_ended(state, event, now, effects)
        case GuideClosed() if state.phase is Phase.STRETCHING:
            state = fresh(state, now, effects)
        case Shutdown():
            sat(state, now, effects)
        case Stand(on):
            state = _on_stand(state, on, now, config, effects)
        case Quiet(reason):
            state = _on_quiet(state, reason, now, config, effects)
        case Feedback() | Avoid() | RulesSeen() | CheckedIn() | StartCheckin():
            effects += notes.recorded(event, now, state.no_guide)
        case StartRoutine(name):
            state = _on_routine(state, name, now, effects)
        case GuideMissing() | ScheduleRoutine() | ScheduleCheckin() | Suggest():
            state = notes.remember(state, event)
        case Pause(until, seconds):
            state = _on_pause(state, until if seconds is None else now + seconds, now, effects)
        case Resume():
            state = _on_resume(state, now, effects)
        case Idle(seconds):
            state = on_idle(state, seconds, now, config, effects)
        case ConfigChanged(new):
            state, config = _on_config(state, now, config, new, effects), new
    state = replace(state, seen=now)
    effects += leaving.effects(before, state.phase, event)
    effects.append(Render(view(state, now, config)))
    return state, effects


def _remind(state: State, now: float, config: Config, effects: list[Effect]) -> State:
    if state.quiet is not None:  # held back, delivered once when the quiet ends
        cause = state.quiet.cause.value
        effects.append(Record(Kind.REMINDER_HELD, now, state.stretch, detail=cause))
        return replace(state, phase=Phase.DUE, held=True, snoozed_until=None)
    if config.notifications.enabled:
        effects.append(Remind(now - state.since, state.stretch, state.no_guide is None))
    effects.append(Record(Kind.REMINDER, now, state.stretch))
    return replace(
        state, phase=Phase.DUE, reminded_at=now, reminders=state.reminders + 1, snoozed_until=None
    )


def _on_quiet(
    state: State, reason: Reason | None, now: float, config: Config, effects: list[Effect]
) -> State:
    """The probes' answer: a held reminder comes once the quiet ends; a call's end is noted,
    since no input during the call was no absence."""
    ended = in_call(state.quiet) and not in_call(reason)
    state = replace(state, quiet=reason, call_ended=now if ended else state.call_ended)
    if reason is None and state.held:
        state = _remind(replace(state, held=False), now, config, effects)
    return state


def _on_routine_time(state: State, now: float, config: Config, effects: list[Effect]) -> State:
    """The routine's reminder at its time, or once quiet time (a call) ends; an hour late, none."""
    at = state.routine_at
    if at is None or now < at:
        return state
    late = now - at > ROUTINE_LATE
    if state.quiet is not None and not late:
        return state  # asked again after QUIET_POLL
    if state.phase is not Phase.PAUSED and not late and config.notifications.enabled:
        effects += [
            RemindRoutine(state.routine, config.routines.length),
            Record(Kind.ROUTINE_REMINDER, now, detail=state.routine),
        ]
    return replace(state, routine_at=None)


def _on_tick(state: State, now: float, config: Config, effects: list[Effect]) -> State:
    if reminder_due(state, now, config):
        return _remind(state, now, config, effects)
    match state.phase:
        case Phase.PAUSED if state.paused_until is not None and now >= state.paused_until:
            effects.append(Record(Kind.RESUMED, now, detail="pause ended"))
            return fresh(state, now, effects)
        case Phase.STRETCHING if now >= state.since + stretch_timeout(state, config):
            effects.append(Record(Kind.STRETCH_SKIPPED, now, state.stretch, detail="timeout"))
            return fresh(state, now, effects)
    return state


def _on_config(state: State, now: float, old: Config, new: Config, effects: list[Effect]) -> State:
    """Follow settings read again. Every deadline is derived from the state's own times (the
    start of sitting, the last reminder, the snooze's end) and the config, so keeping those keeps
    the sitting time and the snooze; a deadline the new values put in the past is met once, now,
    as a single Tick would (then remind_again spaces the rest: never a burst)."""
    if new.routines != old.routines:  # the loop schedules the next routine from the new times
        state = replace(state, routine="", routine_at=None)
    return _on_tick(state, now, new, effects)


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
    return replace(  # a held reminder the user snoozes from the icon waits for the snooze now
        state,
        phase=Phase.SNOOZED,
        snoozed_until=now + length,
        snoozes=state.snoozes + 1,
        held=False,
    )


def _on_skip(state: State, now: float, effects: list[Effect]) -> State:
    if state.phase is Phase.PAUSED:
        effects.append(Refuse("hamstray is paused: there is no break to skip."))
        return state
    kind = Kind.STRETCH_SKIPPED if state.phase is Phase.STRETCHING else Kind.SKIPPED
    effects.append(Record(kind, now, state.stretch))
    return fresh(state, now, effects)


def _on_start(state: State, stretch: Stretch | None, now: float, effects: list[Effect]) -> State:
    stretch = stretch or state.stretch
    if stretch is None or state.no_guide is not None:
        effects.append(Refuse(state.no_guide or "There is no stretch to start."))
        return state
    if state.phase is Phase.STRETCHING:
        effects.append(Refuse(GUIDE_OPEN))
        return state
    answers_reminder = state.phase in (Phase.DUE, Phase.SNOOZED)
    effects += [Record(Kind.STRETCH_STARTED, now, stretch), Guide(stretch, answers_reminder)]
    if state.phase is Phase.PAUSED:  # a stretch on request does not end the pause
        return state
    sat(state, now, effects)
    return replace(
        state, phase=Phase.STRETCHING, since=now, stretch=stretch, snoozed_until=None, held=False
    )


def _on_ended(state: State, event: StretchEnded, now: float, effects: list[Effect]) -> State:
    """A stretch was finished or skipped: a break, unless a routine goes on (its break lasts
    until it closes)."""
    kind = Kind.STRETCH_DONE if event.done else Kind.STRETCH_SKIPPED
    detail = BRIEF if event.done and event.brief else ""
    effects.append(
        Record(kind, now, event.stretch or state.stretch, seconds=event.held_s, detail=detail)
    )
    if state.in_routine:
        return state
    if state.phase is Phase.STRETCHING or (event.done and state.phase is not Phase.PAUSED):
        return fresh(state, now, effects)
    return state


def _on_routine(state: State, name: str, now: float, effects: list[Effect]) -> State:
    """A routine is a break like a stretch, one that lasts until its guide closes: the sitting
    timer waits meanwhile, and a break already due is taken by it."""
    if state.no_guide is not None:
        effects.append(Refuse(state.no_guide))
        return state
    if state.phase is Phase.STRETCHING:
        effects.append(Refuse(GUIDE_OPEN))
        return state
    effects += [Record(Kind.ROUTINE_STARTED, now, detail=name), OpenRoutine(name)]
    if state.phase is Phase.PAUSED:
        return state
    sat(state, now, effects)
    return replace(
        state, phase=Phase.STRETCHING, since=now, in_routine=True, snoozed_until=None, held=False
    )


def _on_checkin_time(state: State, now: float, config: Config, effects: list[Effect]) -> State:
    """The check-in's one prompt, at the first calm moment once it is due; with notifications
    off it is noted as offered all the same (the menu has it)."""
    if not checkin_due(state, now):
        return state
    if config.notifications.enabled:
        effects.append(RemindCheckin())
    effects.append(Record(Kind.CHECKIN_OFFERED, now))
    return replace(state, checkin_at=None)


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
        sat(state, now - stood, effects)
        return replace(state, since=now)
    return replace(state, since=state.since + stood)  # sitting time picks up where it stopped


def _on_pause(state: State, until: float | None, now: float, effects: list[Effect]) -> State:
    if until is not None and not now < until < math.inf:  # NaN fails this too
        effects.append(Refuse("A pause must end in the future."))
        return state
    effects.append(Record(Kind.PAUSED, now, seconds=None if until is None else until - now))
    return replace(fresh(state, now, effects), phase=Phase.PAUSED, paused_until=until)


def _on_resume(state: State, now: float, effects: list[Effect]) -> State:
    if state.phase is not Phase.PAUSED:
        effects.append(Refuse("hamstray is not paused."))
        return state
    effects.append(Record(Kind.RESUMED, now))
    return fresh(state, now, effects)
