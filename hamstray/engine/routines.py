"""The morning and evening floor routine: which stretches, in which order, within its length.

Every muscle group each time: for each group, the floor stretch for it that was done longest
ago (swapped or left out for this user as in the daytime). The warm-up opens the routine and a
restorative pose closes it. When time is short, the holds grown with practice come back towards
the catalogue's (5 s at a time, the longest first) before any group is given up; then a stretch
whose groups the others cover goes, the one done most recently first. The warm-up and the
closer always stay.
"""

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from hamstray.engine import swaps
from hamstray.engine.catalogue import GROUPS, Dose, Stretch
from hamstray.engine.rotation import STEP_S
from hamstray.engine.settings import Stretches

CHANGE_S = 15  # to change position between two stretches
# Restorative poses, the first that suits closes the routine: lying or resting with the breath
# slowing down. Legs up the wall also rests the hamstrings a last time.
CLOSERS = ("legs-up-the-wall", "knees-to-chest", "childs-pose")


def duration(stretch: Stretch) -> int:
    """How long ``stretch`` takes in a routine: its dose on each side, then a change."""
    return stretch.hold_s * (2 if stretch.per_side else 1) + CHANGE_S


def plan(
    catalogue: Sequence[Stretch],
    warm_ups: Sequence[Stretch],
    settings: Stretches,
    feedback: Mapping[str, str],
    last_done: Mapping[str, float],
    length_s: int,
    holds: Mapping[str, int] | None = None,
) -> list[Stretch]:
    """Today's routine: the warm-up, one stretch per group, and a closer, within ``length_s``.

    ``last_done`` is when each stretch was last done (missing: never), which makes the routine
    rotate from one day to the next; ties go to catalogue order (a swap in the place of the
    stretch it replaces), which is also the order of the routine. ``holds`` are this user's
    holds today (missing: the catalogue's).
    """
    pool = swaps.offer(catalogue, settings, feedback, ("floor",))
    order = {s.id: index for index, s in enumerate(catalogue)}

    def place(stretch: Stretch) -> int:  # a swap takes the place of the stretch it replaces
        return order[stretch.id if stretch.swap is None else stretch.swap.instead_of]

    def staleness(stretch: Stretch) -> tuple[float, int]:
        return last_done.get(stretch.id, -math.inf), place(stretch)

    closer = next((s for wanted in CLOSERS for s in pool if s.id == wanted), None)
    picks: list[Stretch] = []
    for group in GROUPS:
        rest = [s for s in pool if s is not closer and s not in picks]
        members = [s for s in rest if s.groups[0] == group] or [
            s for s in rest if group in s.groups
        ]
        if members:
            picks.append(min(members, key=staleness))
    picks.sort(key=place)
    opening = [w for w in warm_ups if swaps.suits(w, settings, feedback)][:1]
    chosen = [*opening, *picks, *([] if closer is None else [closer])]
    fitted = _shorten(
        [replace(s, hold_s=(holds or {}).get(s.id, s.hold_s)) for s in chosen],
        {s.id: s.hold_s for s in chosen},
        length_s,
    )
    middle = fitted[len(opening) : len(fitted) - (closer is not None)]
    while len(middle) + (closer is not None) > 1 and _total(fitted) > length_s:
        gone = _first_to_drop(middle, staleness)
        middle.remove(gone)
        fitted.remove(gone)
    return fitted


def _shorten(stretches: list[Stretch], floor: Mapping[str, int], length_s: int) -> list[Stretch]:
    """``stretches`` with their held (never their moved) doses shortened towards ``floor``,
    the longest first, until they fit ``length_s`` or reach it."""
    result = list(stretches)
    while _total(result) > length_s:
        room = [
            (s.hold_s - floor[s.id], index)
            for index, s in enumerate(result)
            if s.dose is Dose.HOLD and s.hold_s - STEP_S >= floor[s.id]
        ]
        if not room:
            break
        _, index = max(room)
        result[index] = replace(result[index], hold_s=result[index].hold_s - STEP_S)
    return result


def _total(stretches: Sequence[Stretch]) -> int:
    return sum(duration(s) for s in stretches)


def _first_to_drop(
    picks: list[Stretch], staleness: Callable[[Stretch], tuple[float, int]]
) -> Stretch:
    """Of the stretches whose groups the other picks all cover (else of all), the one done
    most recently: so what is dropped for time changes from one day to the next."""
    covered = [
        stretch
        for stretch in picks
        if set(stretch.groups) <= {g for s in picks if s is not stretch for g in s.groups}
    ]
    return max(covered or picks, key=staleness)
