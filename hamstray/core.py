"""The break engine: a pure state machine from (state, event, now, config) to (state, effects).

No clock, no threads, no I/O: ``now`` is wall-clock seconds handed in by the loop, and everything
the outside world should do comes back as effects. Phases::

    SITTING -> DUE -> (SNOOZED <-> DUE) -> STRETCHING -> SITTING
    any -> PAUSED -> SITTING          SITTING/DUE/SNOOZED -> AWAY -> SITTING (a natural break)
"""

import math
from dataclasses import dataclass, replace
from enum import Enum

from hamstray import durations
from hamstray.catalogue import Stretch
from hamstray.config import Config

MAX_REMINDERS = 3  # an ignored reminder repeats twice, then the icon alone says the break is due
QUIET_POLL = 10  # while a reminder is held back, look this often whether the quiet has ended
RING_STEPS = 12  # the tray ring fills in twelfths of the interval
STRETCH_TIMEOUT = 30 * 60  # a guide that never reports back cannot hold the app in STRETCHING


class Phase(Enum):
    """What the user is doing, as far as hamstray knows."""

    SITTING = "sitting"
    DUE = "due"
    SNOOZED = "snoozed"
    PAUSED = "paused"
    STRETCHING = "stretching"
    AWAY = "away"


@dataclass(frozen=True, slots=True)
class State:
    """Everything the engine remembers. ``since`` is when the current phase's clock started:
    the start of sitting (SITTING, DUE, SNOOZED), of being away, of the stretch, or of the pause."""

    phase: Phase
    since: float
    seen: float
    stretch: Stretch | None = None
    reminded_at: float | None = None
    reminders: int = 0
    snoozed_until: float | None = None
    snoozes: int = 0
    paused_until: float | None = None
    routine: str = ""
    routine_at: float | None = None
    quiet: str | None = None  # why now is a bad moment (do not disturb, full screen), if it is
    held: bool = False  # a due reminder waits for the quiet to end
    standing: bool = False  # standing-desk mode: sitting time does not grow
    standing_since: float = 0.0


def initial(now: float, stretch: Stretch | None = None) -> State:
    """Return the state of a fresh start: sitting from ``now``."""
    return State(Phase.SITTING, since=now, seen=now, stretch=stretch)


# Events: what happened, posted by the tray, the control socket, the idle probe or the timer.
@dataclass(frozen=True, slots=True)
class Tick:
    """The loop woke up because something was due."""


@dataclass(frozen=True, slots=True)
class Snooze:
    """Put the due break off (by ``seconds``, or by ``breaks.snooze``)."""

    seconds: int | None = None


@dataclass(frozen=True, slots=True)
class Skip:
    """Skip this break: the sitting timer restarts."""


@dataclass(frozen=True, slots=True)
class StartStretch:
    """Start a stretch now (``stretch``, or the suggested one)."""

    stretch: Stretch | None = None


@dataclass(frozen=True, slots=True)
class StretchEnded:
    """The guide reported back: ``stretch`` (default: the suggested one) was ``done``, held for
    ``held_s``, or not. A finished stretch is a break, so the sitting timer restarts."""

    done: bool
    held_s: int = 0
    stretch: Stretch | None = None


@dataclass(frozen=True, slots=True)
class Pause:
    """No reminders until ``until``, or for ``seconds`` (neither: until Resume)."""

    until: float | None = None
    seconds: float | None = None


@dataclass(frozen=True, slots=True)
class Resume:
    """End a pause."""


@dataclass(frozen=True, slots=True)
class Idle:
    """The idle probe says the user has not touched the computer for ``seconds``."""

    seconds: float


@dataclass(frozen=True, slots=True)
class ConfigChanged:
    """The config was reloaded; derived times follow the new values."""


@dataclass(frozen=True, slots=True)
class Suggest:
    """The rotation picked ``stretch`` as the next one to suggest."""

    stretch: Stretch


@dataclass(frozen=True, slots=True)
class Stand:
    """Standing-desk mode on (``True``) or off."""

    on: bool


@dataclass(frozen=True, slots=True)
class Command:
    """A menu item that asks the app for something outside the break engine (statistics,
    settings, start at login)."""

    name: str


@dataclass(frozen=True, slots=True)
class Shutdown:
    """The app is about to stop: the current sitting period ends here."""


@dataclass(frozen=True, slots=True)
class Quiet:
    """Do-not-disturb or a full-screen window began (``reason``) or ended (None)."""

    reason: str | None


@dataclass(frozen=True, slots=True)
class Feedback:
    """The user marked ``stretch`` easy, hard, favourite or never (or reset it)."""

    stretch: Stretch
    word: str


@dataclass(frozen=True, slots=True)
class StartRoutine:
    """Start the morning or evening floor routine now."""

    name: str


@dataclass(frozen=True, slots=True)
class ScheduleRoutine:
    """The next routine reminder is ``name`` at ``at`` (None: no routine is set)."""

    name: str
    at: float | None


Event = (
    Tick
    | Snooze
    | Skip
    | StartStretch
    | StretchEnded
    | Pause
    | Resume
    | Idle
    | ConfigChanged
    | Suggest
    | Feedback
    | Quiet
    | Stand
    | Command
    | Shutdown
    | StartRoutine
    | ScheduleRoutine
)
_USER_EVENTS = (Snooze, Skip, StartStretch, StretchEnded, Pause, Resume, StartRoutine, Stand)


class Kind(Enum):
    """What the history records."""

    REMINDER = "reminder"
    SNOOZED = "snoozed"
    SKIPPED = "skipped"
    STRETCH_STARTED = "stretch_started"
    STRETCH_DONE = "stretch_done"
    STRETCH_SKIPPED = "stretch_skipped"
    NATURAL_BREAK = "natural_break"
    PAUSED = "paused"
    RESUMED = "resumed"
    SITTING = "sitting"  # a sitting period ended; ``seconds`` is its length
    STANDING_ON = "standing_on"
    STANDING_OFF = "standing_off"  # ``seconds``: how long the user stood
    FEEDBACK = "feedback"
    ROUTINE_REMINDER = "routine_reminder"
    ROUTINE_STARTED = "routine_started"


@dataclass(frozen=True, slots=True)
class View:
    """What the tray shows: a pure summary of the state at one moment."""

    phase: Phase
    progress: int  # twelfths of the interval sat so far, 0..RING_STEPS
    next_break_in: float | None
    snoozes_left: int
    stretch: Stretch | None
    paused_until: float | None
    standing: bool = False


# Effects: what the outside world should do.
@dataclass(frozen=True, slots=True)
class Notify:
    """Show a desktop notification for a due break."""

    title: str
    message: str
    stretch: Stretch | None


@dataclass(frozen=True, slots=True)
class Render:
    """Show ``view`` in the tray."""

    view: View


@dataclass(frozen=True, slots=True)
class Record:
    """Append an event to the history."""

    kind: Kind
    at: float
    stretch: Stretch | None = None
    seconds: float | None = None
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Guide:
    """Open the guided stretch window for ``stretch``."""

    stretch: Stretch


@dataclass(frozen=True, slots=True)
class OpenRoutine:
    """Open the guide with the ``name`` (morning or evening) floor routine."""

    name: str


@dataclass(frozen=True, slots=True)
class Do:
    """Carry out an app command (see Command)."""

    name: str


@dataclass(frozen=True, slots=True)
class Refuse:
    """A request could not be carried out; ``reason`` says why, for the user."""

    reason: str


Effect = Notify | Render | Record | Guide | OpenRoutine | Do | Refuse


def step(state: State, event: Event, now: float, config: Config) -> tuple[State, list[Effect]]:
    """Apply ``event`` at ``now``; return the new state and the effects to carry out."""
    effects: list[Effect] = []
    state = _follow_clock(state, now, config, effects)
    if state.phase is Phase.AWAY and isinstance(event, _USER_EVENTS):
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
        case StretchEnded(done, held_s, stretch):
            kind = Kind.STRETCH_DONE if done else Kind.STRETCH_SKIPPED
            effects.append(Record(kind, now, stretch or state.stretch, seconds=held_s))
            if state.phase is Phase.STRETCHING or (done and state.phase is not Phase.PAUSED):
                state = _fresh(state, now, effects)
        case Shutdown():
            _sat(state, now, effects)
        case Stand(on):
            state = _on_stand(state, on, now, config, effects)
        case Command(name):
            effects.append(Do(name))
        case Quiet(reason):
            state = replace(state, quiet=reason)
            if reason is None and state.held:
                state = _remind(replace(state, held=False), now, config, effects)
        case Feedback(stretch, word):
            effects.append(Record(Kind.FEEDBACK, now, stretch, detail=word))
        case StartRoutine(name):
            effects += [Record(Kind.ROUTINE_STARTED, now, detail=name), OpenRoutine(name)]
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
    effects.append(Render(view(state, now, config)))
    return state, effects


def next_wakeup(state: State, config: Config) -> float | None:
    """Return when the loop must step again with a Tick (None: only an event can change things).

    Never earlier than ``state.seen``: the loop never spins on a past deadline.
    """
    breaks = config.breaks
    check = state.seen + max(1.0, breaks.idle_reset / 2)  # look for natural breaks this often
    match state.phase:
        case Phase.SITTING if state.standing:
            candidates = [check]
        case Phase.SITTING:
            step = _ring_step(config)
            ring = state.since + (view(state, state.seen, config).progress + 1) * step
            if ring <= state.seen:  # rounding put the next step at "now": take the one after
                ring += step
            candidates = [state.since + breaks.interval, ring, check]
        case Phase.DUE if state.held:
            candidates = [state.seen + QUIET_POLL]
        case Phase.DUE:
            candidates = [check]
            if state.reminders < MAX_REMINDERS and state.reminded_at is not None:
                candidates.append(state.reminded_at + breaks.remind_again)
        case Phase.SNOOZED:
            candidates = [state.snoozed_until or state.seen, check]
        case Phase.AWAY:
            candidates = [check]
        case Phase.STRETCHING:
            candidates = [state.since + STRETCH_TIMEOUT]
        case Phase.PAUSED:
            candidates = [] if state.paused_until is None else [state.paused_until]
    if state.routine_at is not None:
        candidates.append(state.routine_at)
    return max(state.seen, min(candidates)) if candidates else None


def sitting_seconds(state: State, now: float) -> float:
    """How long the user has been sitting without a break (0 unless sitting)."""
    if state.phase in (Phase.SITTING, Phase.DUE, Phase.SNOOZED):
        return max(0.0, (state.standing_since if state.standing else now) - state.since)
    return 0.0


def next_break_at(state: State, now: float, config: Config) -> float | None:
    """When the next reminder is due (``now`` if one is due already; None if none is coming)."""
    match state.phase:
        case Phase.SITTING if state.standing:
            return None
        case Phase.SITTING:
            return max(now, state.since + config.breaks.interval)
        case Phase.SNOOZED:
            return max(now, state.snoozed_until or now)
        case Phase.DUE:
            return now
    return None


def view(state: State, now: float, config: Config) -> View:
    """Summarise ``state`` at ``now`` for the tray."""
    interval = config.breaks.interval
    sat = sitting_seconds(state, now)
    progress = min(RING_STEPS, math.floor(sat / _ring_step(config)))
    next_break_in: float | None
    match state.phase:
        case Phase.SITTING:
            next_break_in = max(0.0, interval - progress * _ring_step(config))
        case Phase.SNOOZED:
            next_break_in = max(0.0, (state.snoozed_until or now) - now)
        case Phase.DUE:
            next_break_in = 0.0
        case _:
            next_break_in = None
    return View(
        phase=state.phase,
        progress=progress,
        next_break_in=next_break_in,
        snoozes_left=max(0, config.breaks.max_snoozes - state.snoozes),
        stretch=state.stretch,
        paused_until=state.paused_until if state.phase is Phase.PAUSED else None,
        standing=state.standing,
    )


def _ring_step(config: Config) -> float:
    return config.breaks.interval / RING_STEPS


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
    if state.phase in (Phase.SITTING, Phase.DUE, Phase.SNOOZED):
        effects.append(Record(Kind.NATURAL_BREAK, now, seconds=slept, detail="suspend"))
        return _fresh(state, now, effects, sat_until=state.seen)
    if state.phase is Phase.STRETCHING:
        effects.append(Record(Kind.STRETCH_SKIPPED, now, state.stretch, detail="timeout"))
        return _fresh(state, now, effects)
    return state


def _sat(state: State, until: float, effects: list[Effect]) -> None:
    """Record the sitting period that ends at ``until``, if the user was sitting."""
    if state.standing:
        until = min(until, state.standing_since)
    if state.phase in (Phase.SITTING, Phase.DUE, Phase.SNOOZED) and until > state.since:
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
    )


def _come_back(state: State, now: float, idle: float, effects: list[Effect]) -> State:
    back_at = now - idle
    effects.append(
        Record(Kind.NATURAL_BREAK, back_at, seconds=max(0.0, back_at - state.since), detail="idle")
    )
    return replace(_fresh(state, now, effects), since=back_at)


def _remind(state: State, now: float, config: Config, effects: list[Effect]) -> State:
    if state.quiet is not None:  # held back, delivered once when the quiet ends
        return replace(state, phase=Phase.DUE, held=True, snoozed_until=None)
    stretch = state.stretch
    if config.notifications.enabled:
        title = f"You have been sitting for {durations.humanize(now - state.since)}"
        effects.append(Notify(title, reminder_message(stretch, config), stretch))
    effects.append(Record(Kind.REMINDER, now, stretch))
    return replace(
        state, phase=Phase.DUE, reminded_at=now, reminders=state.reminders + 1, snoozed_until=None
    )


def reminder_message(stretch: Stretch | None, config: Config) -> str:
    """The body of a reminder: the stretch, its hold, and what a click does."""
    if stretch is None:
        return "Stand up and move for a few minutes. Click the hamstray icon when you are back."
    hold = f"{stretch.hold_s} s each side" if stretch.per_side else f"{stretch.hold_s} s"
    snooze = durations.humanize(config.breaks.snooze)
    return (
        f"Stand up and try: {stretch.name} (hold {hold}). "
        f"Click the hamstray icon to start, or snooze for {snooze}."
    )


ROUTINE_LATE = 3600  # a routine reminder more than an hour late (the machine slept) is dropped


def _on_routine_time(state: State, now: float, config: Config, effects: list[Effect]) -> State:
    if state.routine_at is None or now < state.routine_at:
        return state
    if (
        state.phase is not Phase.PAUSED
        and now - state.routine_at <= ROUTINE_LATE
        and config.notifications.enabled
    ):
        effects += [
            Notify(
                f"Time for your {state.routine} stretch",
                f"A {durations.humanize(config.routines.length)} floor routine for your "
                "hamstrings and their neighbours. Start it from the hamstray menu or with "
                f"`hamstray routine {state.routine}`.",
                None,
            ),
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
    if state.phase not in (Phase.DUE, Phase.SNOOZED, Phase.STRETCHING):
        effects.append(Refuse("No break is due, so there is nothing to snooze."))
        return state
    if state.snoozes >= config.breaks.max_snoozes:
        effects.append(Refuse("No snoozes left for this break: start the stretch or skip it."))
        return state
    length = config.breaks.snooze if seconds is None else seconds
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
    if stretch is None:
        effects.append(Refuse("There is no stretch to start."))
        return state
    effects += [Record(Kind.STRETCH_STARTED, now, stretch), Guide(stretch)]
    if state.phase is Phase.PAUSED:  # a stretch on request does not end the pause
        return state
    _sat(state, now, effects)
    return replace(
        state, phase=Phase.STRETCHING, since=now, stretch=stretch, snoozed_until=None, held=False
    )


def _on_stand(state: State, on: bool, now: float, config: Config, effects: list[Effect]) -> State:
    if on == state.standing:
        return state
    if on:
        if state.phase in (Phase.SITTING, Phase.DUE, Phase.SNOOZED):
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
    if until is not None and until <= now:
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
    away = idle >= config.breaks.idle_reset
    if state.phase in (Phase.SITTING, Phase.DUE, Phase.SNOOZED) and away:
        _sat(state, now - idle, effects)
        return replace(state, phase=Phase.AWAY, since=now - idle, held=False)
    if state.phase is Phase.AWAY and not away:
        return _come_back(state, now, idle, effects)
    return state
