"""When things happen: sitting time, the next break, the next wakeup, and the view of a moment.

Each fact is computed here once; the tray, ``status`` and the loop all read it from here.
"""

import math

from hamstray.engine.model import State, View
from hamstray.engine.phase import RING_STEPS, SITTING_PHASES, Phase
from hamstray.engine.settings import Config

MAX_REMINDERS = 3  # an ignored reminder repeats twice, then the icon alone says the break is due
# While a reminder is held back, look this often whether the quiet has ended. A bounded poll: it
# runs only while a break is due and held (the probes are asked at no other time but a due
# reminder or an idle stretch), and one look costs a few milliseconds (docs in the README's Cost).
QUIET_POLL = 10
STRETCH_TIMEOUT = 30 * 60  # a guide that never reports back cannot hold the app in STRETCHING
SNOOZABLE = (Phase.DUE, Phase.SNOOZED, Phase.STRETCHING)


def sitting_seconds(state: State, now: float) -> float:
    """How long the user has been sitting without a break (0 unless sitting)."""
    if state.phase in SITTING_PHASES:
        return max(0.0, (state.standing_since if state.standing else now) - state.since)
    return 0.0


def next_break_at(state: State, config: Config) -> float | None:
    """When the next reminder is due (``state.seen`` if one is due already; None: none coming)."""
    match state.phase:
        case Phase.SITTING if state.standing:
            return None
        case Phase.SITTING:
            return state.since + config.breaks.interval
        case Phase.SNOOZED:
            return state.snoozed_until or state.seen
        case Phase.DUE:
            return state.seen
    return None


def stretch_timeout(state: State, config: Config) -> float:
    """How long STRETCHING may last without the guide reporting back: a routine gets twice its
    length."""
    if state.in_routine:
        return max(STRETCH_TIMEOUT, 2 * config.routines.length)
    return STRETCH_TIMEOUT


def checkin_due(state: State, now: float) -> bool:
    """Whether the check-in's one prompt may go out now: it is due, and the user is sitting with
    nothing else on screen (no reminder, no quiet time)."""
    return (
        state.checkin_at is not None
        and now >= state.checkin_at
        and state.phase is Phase.SITTING
        and state.quiet is None
    )


def reminder_due(state: State, now: float, config: Config) -> bool:
    """Whether a Tick at ``now`` would show a reminder (if nothing is quiet)."""
    breaks = config.breaks
    match state.phase:
        case Phase.SITTING:
            return not state.standing and now >= state.since + breaks.interval
        case Phase.SNOOZED:
            return state.snoozed_until is not None and now >= state.snoozed_until
        case Phase.DUE:
            return (
                not state.held
                and state.reminders < MAX_REMINDERS
                and state.reminded_at is not None
                and now >= state.reminded_at + breaks.remind_again
            )
    return False


def routine_due(state: State, now: float) -> bool:
    """Whether the morning or evening routine's reminder is due (it waits out quiet time)."""
    return state.routine_at is not None and now >= state.routine_at


def quiet_matters(state: State, now: float, config: Config) -> bool:
    """Whether the next Tick needs to know if now is quiet: a reminder, the routine's or the
    check-in's is due, or one is held."""
    checkin = state.checkin_at is not None and now >= state.checkin_at
    return state.held or reminder_due(state, now, config) or routine_due(state, now) or checkin


def is_away(idle_s: float, config: Config) -> bool:
    """Whether no input for ``idle_s`` seconds is long enough to count as a break."""
    return idle_s >= config.breaks.idle_reset


def snoozes_left(state: State, config: Config) -> int:
    """How many more times this break may be snoozed."""
    return max(0, config.breaks.max_snoozes - state.snoozes)


def can_snooze(state: State, config: Config) -> bool:
    """Whether a Snooze would be taken now."""
    return state.phase in SNOOZABLE and snoozes_left(state, config) > 0


def ring_step(config: Config) -> float:
    """The sitting time one twelfth of the tray ring stands for."""
    return config.breaks.interval / RING_STEPS


def progress(state: State, now: float, config: Config) -> int:
    """Twelfths of the interval sat so far, 0..RING_STEPS."""
    return min(RING_STEPS, math.floor(sitting_seconds(state, now) / ring_step(config)))


def view(state: State, now: float, config: Config) -> View:
    """Summarise ``state`` at ``now`` for the tray and ``status``."""
    due = next_break_at(state, config)
    return View(
        phase=state.phase,
        progress=progress(state, now, config),
        sitting_s=sitting_seconds(state, now),
        next_break_in=None if due is None else max(0.0, due - now),
        snoozes_left=snoozes_left(state, config),
        can_snooze=can_snooze(state, config),
        stretch=state.stretch,
        paused_until=state.paused_until if state.phase is Phase.PAUSED else None,
        standing=state.standing,
        held_back=state.quiet if state.held else None,
        can_start=state.stretch is not None and state.no_guide is None,
    )


def next_wakeup(state: State, config: Config) -> float | None:
    """Return when the loop must step again with a Tick (None: only an event can change things).

    Never earlier than ``state.seen``: the loop never spins on a past deadline.
    """
    breaks = config.breaks
    check = state.seen + max(1.0, breaks.idle_reset / 2)  # look for natural breaks this often
    due = next_break_at(state, config) or state.seen
    candidates: list[float] = []
    match state.phase:
        case Phase.SITTING if state.standing:
            candidates = [check]
        case Phase.SITTING:
            step = ring_step(config)
            ring = state.since + (progress(state, state.seen, config) + 1) * step
            if ring <= state.seen:  # rounding put the next step at "now": take the one after
                ring += step
            candidates = [due, ring, check]
        case Phase.DUE if state.held:
            candidates = [state.seen + QUIET_POLL]
        case Phase.DUE:
            candidates = [check]
            if state.reminders < MAX_REMINDERS and state.reminded_at is not None:
                candidates.append(state.reminded_at + breaks.remind_again)
        case Phase.SNOOZED:
            candidates = [due, check]
        case Phase.AWAY:
            candidates = [check]
        case Phase.STRETCHING:
            candidates = [state.since + stretch_timeout(state, config)]
        case Phase.PAUSED:
            candidates = [] if state.paused_until is None else [state.paused_until]
    # In quiet time, a routine's or check-in's reminder looks again now and then instead of
    # waking at a time already past.
    later = state.seen + QUIET_POLL if state.quiet is not None else -math.inf
    if state.routine_at is not None:
        candidates.append(max(state.routine_at, later))
    if state.checkin_at is not None and state.phase is Phase.SITTING:
        candidates.append(max(state.checkin_at, later))
    candidates = [c for c in candidates if math.isfinite(c)]  # NaN would read as "now" forever
    return max(state.seen, min(candidates)) if candidates else None
