"""Which stretch comes next, and how long to hold it: pure functions of the history.

Rotation: the least recently served muscle group first, then the least recently used stretch in
that group, from the stretches that suit this user (``swaps``). Always taking the least recently
served group makes the groups a fixed cycle, so any run of suggestions as long as the number of
groups holds each group once.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from hamstray.engine import swaps
from hamstray.engine.catalogue import GROUPS, STANDARD_HOLD, Dose, Stretch

if TYPE_CHECKING:  # the history reads ``Served`` without building the settings' dataclasses
    from hamstray.engine.settings import Stretches

STEP_S = 5  # holds grow (and shrink) in steps of five seconds
EVERY = {"gentle": 5, "steady": 3}  # completed holds per step
FORGET_AFTER = 14 * 24 * 3600  # a step is lost for every two weeks without the stretch


@dataclass(frozen=True, slots=True)
class Served:
    """One break that ended with a suggestion: which stretch, for which group, when."""

    stretch: str
    group: str
    at: float


def suggest(
    catalogue: Sequence[Stretch],
    settings: Stretches,
    served: Sequence[Served],
    feedback: Mapping[str, str],
) -> Stretch | None:
    """The next stretch to suggest, with the group it serves first in its groups."""
    pool = swaps.offer(catalogue, settings, feedback, settings.contexts)
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

    order = {s.id: index for index, s in enumerate(catalogue)}
    choice = min(members, key=lambda s: (*recency(s), order[s.id]))
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
    passes ``stretches.max_hold`` (scaled likewise) or the stretch's own ``max_hold``. "easy"
    feedback adds a step, "hard" takes a third off. A movement keeps its dose: rounds are rounds.
    """
    if stretch.dose is not Dose.HOLD:
        return stretch.hold_s
    scale = stretch.hold_s / STANDARD_HOLD
    steps = 0
    every = EVERY.get(settings.progression)
    if every is not None and done_at:
        steps = len(done_at) // every - math.floor((now - max(done_at)) / FORGET_AFTER)
        steps = max(0, steps) + (1 if feedback == "easy" else 0)
    hold = min(settings.hold + STEP_S * steps, settings.max_hold) * scale
    if feedback == "hard":
        hold *= 2 / 3
    hold_s = max(STEP_S, STEP_S * round(hold / STEP_S))
    return hold_s if stretch.max_hold_s is None else min(hold_s, stretch.max_hold_s)


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
