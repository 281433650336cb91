"""The user's practice: the catalogue seen through their settings, feedback and history."""

from collections.abc import Sequence

from hamstray.engine import catalogue, rotation
from hamstray.engine.catalogue import Stretch
from hamstray.engine.settings import Config
from hamstray.store import assets
from hamstray.store.history import History


class Practice:
    """Suggestions, plans, holds and routines for one user (reads the history, never writes)."""

    def __init__(
        self, config: Config, history: History | None, stretches: Sequence[Stretch] | None = None
    ) -> None:
        self.config = config
        self.history = history
        self.catalogue = tuple(stretches) if stretches is not None else assets.stretches()

    def feedback(self) -> dict[str, str]:
        """Each stretch's latest feedback."""
        return {} if self.history is None else self.history.feedback()

    def adapted(self, stretch: Stretch, now: float) -> Stretch:
        """``stretch`` with today's hold."""
        done = [] if self.history is None else self.history.done_times().get(stretch.id, [])
        return rotation.adapted(stretch, done, now, self.config.stretches, self.feedback())

    def suggest(self, now: float) -> Stretch | None:
        """The next stretch for a daytime reminder."""
        served = [] if self.history is None else self.history.served()
        stretch = rotation.suggest(self.catalogue, self.config.stretches, served, self.feedback())
        return None if stretch is None else self.adapted(stretch, now)

    def plan(self, count: int, now: float) -> list[Stretch]:
        """The next ``count`` suggestions, each with today's hold."""
        served = [] if self.history is None else self.history.served()
        upcoming = rotation.plan(
            self.catalogue, self.config.stretches, served, self.feedback(), count, now
        )
        return [self.adapted(s, now) for s in upcoming]

    def routine(self, now: float) -> list[Stretch]:
        """The floor routine, each stretch with today's hold."""
        stretches = [self.adapted(s, now) for s in self.catalogue]
        return rotation.routine(
            stretches, self.config.stretches, self.feedback(), self.config.routines.length
        )

    def find(self, stretch_id: str, now: float) -> Stretch | None:
        """A stretch by id, with today's hold."""
        stretch = catalogue.find(self.catalogue, stretch_id)
        return None if stretch is None else self.adapted(stretch, now)
