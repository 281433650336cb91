"""Which stretches suit this user: what they left out or have to hand, and swaps for their
conditions.

A stretch with a caution for one of ``stretches.avoid`` is swapped for its gentler variation,
following the chain to the first one that suits, or left out when none does; one marked "too
hard" is swapped one step down. The swap says why, for the guide. A swap may leave the contexts
asked for (a chair stretch in the floor routine), but never onto the floor.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from hamstray.engine.catalogue import Stretch, Swap
from hamstray.engine.entries import Entry, Kind
from hamstray.engine.settings import Stretches
from hamstray.engine.vocabulary import CONDITIONS, Condition

HARD = "you marked it too hard."


def suits(stretch: Stretch, settings: Stretches, feedback: Mapping[str, str]) -> bool:
    """Whether ``stretch`` may be served at all: not excluded, not "never", its needs at hand."""
    return (
        stretch.id not in settings.exclude
        and feedback.get(stretch.id) != "never"
        and set(stretch.needs) <= set(settings.have)
    )


def fit(
    stretch: Stretch,
    catalogue: Sequence[Stretch],
    settings: Stretches,
    feedback: Mapping[str, str],
    contexts: Sequence[str],
) -> Stretch | None:
    """What to serve in place of ``stretch``: itself, a gentler variation with its ``swap``, or
    None when nothing along its chain suits this user."""
    by_id = {s.id: s for s in catalogue}

    def usable(candidate: Stretch) -> bool:
        allowed = candidate.context in contexts or candidate.context != "floor"
        return allowed and suits(candidate, settings, feedback)

    current, reason = stretch, ""
    gentler = by_id.get(stretch.gentler or "")
    if feedback.get(stretch.id) == "hard" and gentler is not None and usable(gentler):
        current, reason = gentler, HARD
    seen = {stretch.id}
    while True:
        cautions = current.cautions_for(settings.avoid)
        if cautions:
            reason = reason or cautions[0].text  # why the stretch asked for was swapped
        elif current is stretch or usable(current):
            break
        following = by_id.get(current.gentler or "")
        if following is None or following.id in seen:
            return None
        seen.add(following.id)
        current = following
    if current is stretch:
        return stretch
    return replace(current, swap=Swap(stretch.id, stretch.name, reason))


def offer(
    catalogue: Sequence[Stretch],
    settings: Stretches,
    feedback: Mapping[str, str],
    contexts: Sequence[str],
) -> list[Stretch]:
    """The stretches to serve in ``contexts``, each swapped where it must be, each once, in
    catalogue order (a stretch in its own right before the same one as a swap)."""
    chosen: dict[str, Stretch] = {}
    for stretch in catalogue:
        if stretch.context not in contexts or not suits(stretch, settings, feedback):
            continue
        fitted = fit(stretch, catalogue, settings, feedback, contexts)
        if fitted is None:
            continue
        known = chosen.get(fitted.id)
        if known is None or (known.swap is not None and fitted.swap is None):
            chosen[fitted.id] = fitted
    order = {s.id: index for index, s in enumerate(catalogue)}
    return sorted(chosen.values(), key=lambda s: order[s.id])


def named(entries: Iterable[Entry]) -> tuple[Condition, ...]:
    """The conditions the user named in the guide, from the history's CONDITION events, oldest
    first; an empty one (setup wrote them into the config) clears those before it."""
    found: list[Condition] = []
    for entry in entries:
        if entry.kind is not Kind.CONDITION:
            continue
        if entry.detail == "":
            found.clear()
        for condition in CONDITIONS:
            if condition == entry.detail and condition not in found:
                found.append(condition)
    return tuple(found)


def with_named(settings: Stretches, conditions: Iterable[Condition]) -> Stretches:
    """``settings`` with ``conditions`` added to ``avoid``."""
    merged = tuple(dict.fromkeys((*settings.avoid, *conditions)))
    return settings if merged == settings.avoid else replace(settings, avoid=merged)
