"""The flexibility check-in: when it is offered, and what the answers say over the weeks."""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from hamstray.engine.entries import Entry, Kind
from hamstray.engine.guidance import Checkin, GuidanceError, SelfTest

DAY = 24 * 3600
WEEK = 7 * DAY
EVERY = 14 * DAY  # one prompt every two weeks at most, answered or not
FIRST_AFTER = DAY  # the first one, the baseline, the day after hamstray was first used


def next_offer(first_use: float | None, entries: Sequence[Entry]) -> float | None:
    """When the check-in is next offered (perhaps already past): two weeks after the last
    check-in or offer, or a day after ``first_use``; None before any use."""
    if first_use is None:
        return None
    kinds = (Kind.CHECKIN, Kind.CHECKIN_OFFERED)
    latest = max((e.at for e in entries if e.kind in kinds), default=None)
    return first_use + FIRST_AFTER if latest is None else latest + EVERY


def detail(test: str, answer: str) -> str:
    """How the history keeps an answer."""
    return f"{test}:{answer}"


@dataclass(frozen=True, slots=True)
class Progress:
    """One self-test's answers over time: (when, the answer's place on its scale)."""

    test: SelfTest
    points: tuple[tuple[float, int], ...]
    trend: str

    @property
    def latest(self) -> str:
        """The label of the latest answer."""
        return self.test.answers[self.points[-1][1]].label


def points(checkin: Checkin, entries: Sequence[Entry], test: SelfTest) -> list[tuple[float, int]]:
    """Each recorded answer to ``test`` as (when, score), oldest first; answers the scale no
    longer knows are left out."""
    found = []
    for entry in entries:
        test_id, _, answer = entry.detail.partition(":")
        if entry.kind is Kind.CHECKIN and test_id == test.id:
            try:
                found.append((entry.at, test.score(answer)))
            except GuidanceError:
                continue
    return sorted(found)


def trend(checkin: Checkin, earlier: Sequence[tuple[float, int]], at: float, score: int) -> str:
    """The honest words for ``score`` at ``at`` next to the first of the ``earlier`` answers."""
    if not earlier:
        return checkin.early
    first_at, first = earlier[0]
    return checkin.trend(first, score, math.floor((at - first_at) / WEEK))


def progress(checkin: Checkin, entries: Sequence[Entry]) -> list[Progress]:
    """The answers to each self-test that has any, with the trend of the latest."""
    found = []
    for test in checkin.tests:
        answers = points(checkin, entries, test)
        if answers:
            at, score = answers[-1]
            words = trend(checkin, answers[:-1], at, score)
            found.append(Progress(test, tuple(answers), words))
    return found
