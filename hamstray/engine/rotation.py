"""Which stretch comes next, and how long to hold it: pure functions of the history.

Rotation: the least recently served muscle group first, then the least recently used stretch in
that group. Always taking the least recently served group makes the groups a fixed cycle, so any
run of suggestions as long as the number of groups holds each group once.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from hamstray.engine.catalogue import GROUPS, STANDARD_HOLD, Stretch, find

if TYPE_CHECKING:  # the history reads ``Served`` without building the settings' dataclasses
    from hamstray.engine.settings import Stretches

FEEDBACK = ("easy", "hard", "favourite", "never")
STEP_S = 5  # holds grow (and shrink) in steps of five seconds
EVERY = {"gentle": 5, "steady": 3}  # completed holds per step
FORGET_AFTER = 14 * 24 * 3600  # a step is lost for every two weeks without the stretch


@dataclass(frozen=True, slots=True)
class Served:
    """One break that ended with a suggestion: which stretch, for which group, when."""

    stretch: str
    group: str
    at: float


def eligible(
    catalogue: Sequence[Stretch],
    settings: Stretches,
    feedback: Mapping[str, str],
    contexts: Sequence[str] | None = None,
) -> list[Stretch]:
    """The stretches reminders may suggest: in the allowed contexts, not excluded, not 'never'."""
    allowed = settings.contexts if contexts is None else contexts
    return [
        s
        for s in catalogue
        if s.context in allowed and s.id not in settings.exclude and feedback.get(s.id) != "never"
    ]


def suggest(
    catalogue: Sequence[Stretch],
    settings: Stretches,
    served: Sequence[Served],
    feedback: Mapping[str, str],
) -> Stretch | None:
    """The next stretch to suggest, with the group it serves first in its groups."""
    pool = eligible(catalogue, settings, feedback)
    if not pool:
        return None
    group_seen = {entry.group: index for index, entry in enumerate(served)}
    stretch_seen = {entry.stretch: index for index, entry in enumerate(served)}
    groups = [g for g in GROUPS if any(g in s.groups for s in pool)]
    group = min(groups, key=lambda g: (group_seen.get(g, -1), GROUPS.index(g)))
    members = [s for s in pool if group in s.groups]

    def recency(stretch: Stretch) -> tuple[int, int, int]:
        # The main group's stretches before those that only touch it; a favourite comes back
        # every other time its group is due.
        last = stretch_seen.get(stretch.id, -1)
        favourite_due = feedback.get(stretch.id) == "favourite" and not _was_last(
            served, group, stretch
        )
        return (0 if favourite_due else 1, last, stretch.groups.index(group))

    choice = min(members, key=lambda s: (*recency(s), catalogue.index(s)))
    if feedback.get(choice.id) == "hard" and choice.gentler:
        gentler = find(pool, choice.gentler)
        if gentler is not None:
            choice = gentler
    others = tuple(g for g in choice.groups if g != group)
    return replace(choice, groups=(group, *others))


def _was_last(served: Sequence[Served], group: str, stretch: Stretch) -> bool:
    last = next((entry for entry in reversed(served) if entry.group == group), None)
    return last is not None and last.stretch == stretch.id


def plan(
    catalogue: Sequence[Stretch],
    settings: Stretches,
    served: Sequence[Served],
    feedback: Mapping[str, str],
    count: int,
    now: float,
) -> list[Stretch]:
    """The next ``count`` suggestions if each were taken in turn; the history is not changed."""
    upcoming: list[Stretch] = []
    history = list(served)
    for step in range(count):
        stretch = suggest(catalogue, settings, history, feedback)
        if stretch is None:
            break
        upcoming.append(stretch)
        history.append(Served(stretch.id, stretch.groups[0], now + step))
    return upcoming


def hold_for(
    stretch: Stretch,
    done_at: Sequence[float],
    now: float,
    settings: Stretches,
    feedback: str | None = None,
) -> int:
    """This user's hold for ``stretch`` today, in seconds (per side where it has sides).

    It starts at ``stretches.hold`` (scaled by the stretch's own base hold), grows one step per
    ``EVERY`` completed holds, loses a step for every two weeks without the stretch, and never
    passes ``stretches.max_hold`` (scaled likewise). "easy" feedback adds a step, "hard" takes a
    third off.
    """
    scale = stretch.hold_s / STANDARD_HOLD
    steps = 0
    every = EVERY.get(settings.progression)
    if every is not None and done_at:
        steps = len(done_at) // every - math.floor((now - max(done_at)) / FORGET_AFTER)
        steps = max(0, steps) + (1 if feedback == "easy" else 0)
    hold = min(settings.hold + STEP_S * steps, settings.max_hold) * scale
    if feedback == "hard":
        hold *= 2 / 3
    return max(STEP_S, STEP_S * round(hold / STEP_S))


def adapted(
    stretch: Stretch,
    done_at: Sequence[float],
    now: float,
    settings: Stretches,
    feedback: Mapping[str, str],
) -> Stretch:
    """``stretch`` with this user's hold for today."""
    return replace(
        stretch, hold_s=hold_for(stretch, done_at, now, settings, feedback.get(stretch.id))
    )


def routine(
    catalogue: Sequence[Stretch], settings: Stretches, feedback: Mapping[str, str], length_s: int
) -> list[Stretch]:
    """Floor stretches for the morning or evening routine: every group once, within ``length_s``.

    One stretch per group not yet covered (the one covering most groups first, then catalogue
    order), in catalogue order; stretches are dropped from the end when time is short (each
    takes its hold per side plus 15 s to change position).
    """
    pool = eligible(catalogue, settings, feedback, contexts=("floor",))
    chosen: list[Stretch] = []
    for group in GROUPS:
        if any(group in s.groups for s in chosen):
            continue
        members = [s for s in pool if group in s.groups]
        if members:
            chosen.append(min(members, key=lambda s: (-len(s.groups), catalogue.index(s))))
    chosen.sort(key=catalogue.index)
    while chosen and sum(_duration(s) for s in chosen) > length_s:
        chosen.pop()
    return chosen


def _duration(stretch: Stretch) -> int:
    return stretch.hold_s * (2 if stretch.per_side else 1) + 15
