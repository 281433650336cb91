"""The user's practice: the catalogue seen through their settings, conditions, feedback and
history: suggestions, routines, holds, today's tip, and when the check-in is due."""

from collections.abc import Sequence

from hamstray.engine import catalogue, checkins, rotation, routines, swaps, tips
from hamstray.engine.catalogue import Stretch
from hamstray.engine.entries import Entry, Kind
from hamstray.engine.guidance import Guidance, Tip
from hamstray.engine.settings import Config, Stretches
from hamstray.engine.vocabulary import Condition
from hamstray.store import assets
from hamstray.store.history import History


class Practice:
    """Suggestions, plans, holds and routines for one user (reads the history, never writes)."""

    def __init__(
        self,
        config: Config,
        history: History | None,
        stretches: Sequence[Stretch] | None = None,
        warm_ups: Sequence[Stretch] | None = None,
        guidance: Guidance | None = None,
    ) -> None:
        self.config = config
        self.history = history
        self.catalogue = tuple(stretches) if stretches is not None else assets.stretches()
        self.warm_ups = tuple(warm_ups) if warm_ups is not None else assets.warm_ups()
        self.guidance = guidance if guidance is not None else assets.guidance()

    def _rows(self, *kinds: Kind) -> list[Entry]:
        return [] if self.history is None else self.history.rows(kinds)

    def feedback(self) -> dict[str, str]:
        """Each stretch's latest feedback."""
        return {} if self.history is None else self.history.feedback()

    def named(self) -> tuple[Condition, ...]:
        """The conditions the user named in the guide ("this isn't right for me")."""
        return swaps.named(self._rows(Kind.CONDITION))

    def settings(self) -> Stretches:
        """``[stretches]`` as the config says, with the conditions named in the guide avoided."""
        return swaps.with_named(self.config.stretches, self.named())

    def adapted(self, stretch: Stretch, now: float) -> Stretch:
        """``stretch`` with today's hold."""
        return self.all_adapted([stretch], now)[0]

    def all_adapted(self, stretches: Sequence[Stretch], now: float) -> list[Stretch]:
        """Each of ``stretches`` with today's hold (the history read once)."""
        done = {} if self.history is None else self.history.done_times()
        feedback = self.feedback()
        return [
            rotation.adapted(s, done.get(s.id, []), now, self.config.stretches, feedback)
            for s in stretches
        ]

    def suggest(self, now: float) -> Stretch | None:
        """The next stretch for a daytime reminder."""
        served = [] if self.history is None else self.history.served()
        stretch = rotation.suggest(self.catalogue, self.settings(), served, self.feedback())
        return None if stretch is None else self.adapted(stretch, now)

    def plan(self, count: int, now: float) -> list[Stretch]:
        """The next ``count`` suggestions, each with today's hold."""
        served = [] if self.history is None else self.history.served()
        upcoming = rotation.plan(
            self.catalogue, self.settings(), served, self.feedback(), count, now
        )
        return self.all_adapted(upcoming, now)

    def routine(self, now: float) -> list[Stretch]:
        """Today's floor routine, each stretch with today's hold (shortened if time is short)."""
        done = {} if self.history is None else self.history.done_times()
        last = {stretch_id: max(times) for stretch_id, times in done.items() if times}
        today = {s.id: s.hold_s for s in self.all_adapted(self.catalogue, now)}
        return routines.plan(
            self.catalogue,
            self.warm_ups,
            self.settings(),
            self.feedback(),
            last,
            self.config.routines.length,
            today,
        )

    def find(self, stretch_id: str, now: float) -> Stretch | None:
        """A stretch (or a warm-up) by id, with today's hold."""
        stretch = catalogue.find((*self.catalogue, *self.warm_ups), stretch_id)
        return None if stretch is None else self.adapted(stretch, now)

    def tip(self, now: float) -> Tip | None:
        """The tip a reminder at ``now`` carries: at most one a day, none when tips are off."""
        if not self.config.notifications.tips:
            return None
        return tips.for_today(self.guidance.tips, self._rows(Kind.TIP_SHOWN), now)

    def rules_due(self, routine: bool) -> bool:
        """Whether the guide shows the rules first: once before the first stretch, and once
        before the first routine (which adds the warm-up)."""
        wanted = "routine" if routine else "stretch"
        return not any(e.detail == wanted for e in self._rows(Kind.RULES_SHOWN))

    def checkin_at(self) -> float | None:
        """When the flexibility check-in is next offered (perhaps already past)."""
        first = None if self.history is None else self.history.first_at()
        return checkins.next_offer(first, self._rows(Kind.CHECKIN, Kind.CHECKIN_OFFERED))

    def checkins(self) -> list[checkins.Progress]:
        """The flexibility check-ins so far, per self-test, with the trend."""
        return checkins.progress(self.guidance.checkin, self._rows(Kind.CHECKIN))
