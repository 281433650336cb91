"""The guide without a running app (``hamstray routine``, ``hamstray checkin``): its reports go
through the engine's own rules and straight into the history.

The engine is stepped in a paused state: with no app running there is no sitting time to count,
so its rules record what the guide reports and nothing else.
"""

import time
from collections.abc import Callable
from typing import Any

from hamstray.engine import rules
from hamstray.engine.asks import Pause
from hamstray.engine.effects import Record
from hamstray.engine.events import Event
from hamstray.engine.model import State, initial
from hamstray.runtime.guides import event_for
from hamstray.runtime.practice import Practice
from hamstray.store.history import History
from hamstray.ui.guide import session
from hamstray.ui.guide.protocol import Report


class Recording:
    """Records a guide's reports into ``history``, as the running app would."""

    def __init__(
        self, practice: Practice, history: History, clock: Callable[[], float] = time.time
    ) -> None:
        self._practice = practice
        self.history = history
        self._clock = clock
        now = clock()
        self._state: State = rules.step(initial(now), Pause(), now, practice.config)[0]

    def step(self, event: Event) -> None:
        """Apply ``event`` and record what the rules say to record."""
        now = self._clock()
        self._state, effects = rules.step(self._state, event, now, self._practice.config)
        for effect in effects:
            if isinstance(effect, Record):
                self.history.record(effect.entry())

    def __call__(self, report: Report) -> None:
        now = self._clock()
        event = event_for(report, lambda stretch_id: self._practice.find(stretch_id, now))
        if event is not None:
            self.step(event)


def run(spec: dict[str, Any], recording: Recording) -> bool:
    """Show the guide for ``spec`` until it closes, with ``recording`` writing down what it
    reports; False when the history could not be written (its ``trouble`` says why)."""
    opened = session.start(spec, recording)
    opened.process.wait()
    opened.done.wait(timeout=5)
    return recording.history.flush()
