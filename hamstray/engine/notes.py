"""Events that change no phase: what the loop tells the engine to keep in mind, and what the
user told the guide, which only goes into the history."""

from dataclasses import replace

from hamstray.engine import checkins
from hamstray.engine.asks import StartCheckin
from hamstray.engine.effects import Effect, OpenCheckin, Record, Refuse
from hamstray.engine.entries import Kind
from hamstray.engine.events import (
    Avoid,
    CheckedIn,
    Feedback,
    GuideMissing,
    RulesSeen,
    ScheduleCheckin,
    ScheduleRoutine,
    Suggest,
)
from hamstray.engine.model import State


def remember(
    state: State, event: GuideMissing | ScheduleRoutine | ScheduleCheckin | Suggest
) -> State:
    """What the loop tells the engine to keep in mind: when the routine and the check-in are
    next, the suggested stretch, why the guide cannot open."""
    match event:
        case GuideMissing(reason):
            return replace(state, no_guide=reason)
        case ScheduleRoutine(name, at):
            return replace(state, routine=name, routine_at=at)
        case ScheduleCheckin(at):
            return replace(state, checkin_at=at)
        case Suggest(stretch):
            return replace(state, stretch=stretch)


def recorded(
    event: Feedback | Avoid | RulesSeen | CheckedIn | StartCheckin,
    now: float,
    no_guide: str | None,
) -> list[Effect]:
    """What the user told the guide, for the history; the check-in, opened (where the guide
    can open)."""
    match event:
        case Feedback(stretch, word):
            return [Record(Kind.FEEDBACK, now, stretch, detail=word)]
        case Avoid(stretch, conditions):
            return [Record(Kind.CONDITION, now, stretch, detail=c) for c in conditions]
        case RulesSeen(routine):
            return [Record(Kind.RULES_SHOWN, now, detail="routine" if routine else "stretch")]
        case CheckedIn(test, answer):
            return [Record(Kind.CHECKIN, now, detail=checkins.detail(test, answer))]
        case StartCheckin():
            return [OpenCheckin()] if no_guide is None else [Refuse(no_guide)]
