"""A pure driver for the core: it keeps the loop's contract (a Tick at every ``next_wakeup``, the
idle probe asked first) with a fake clock, so a whole day runs in milliseconds."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from hamstray.engine import entries, events, model, rules, timing
from hamstray.engine.effects import Effect, Record, Remind
from hamstray.engine.events import Event
from hamstray.engine.model import State
from hamstray.engine.settings import Config
from hamstray.store.assets import stretches


@dataclass
class Trace:
    """What happened during a drive: every (time, effect), and the final state."""

    state: State
    effects: list[tuple[float, Effect]] = field(default_factory=list)
    steps: int = 0

    def of(self, kind: type) -> list[tuple[float, Effect]]:
        """The effects of one type, with their times."""
        return [(t, e) for t, e in self.effects if isinstance(e, kind)]

    def notify_times(self) -> list[float]:
        """When reminders popped up."""
        return [t for t, _ in self.of(Remind)]

    def records(self, kind: entries.Kind) -> list[tuple[float, Record]]:
        """The history records of one kind."""
        return [(t, e) for t, e in self.of(Record) if isinstance(e, Record) and e.kind is kind]


def drive(
    config: Config,
    script: Sequence[tuple[float, Event]],
    until: float,
    idle: Callable[[float], float] | None = None,
    asleep: Sequence[tuple[float, float]] = (),
    start: float = 0.0,
) -> Trace:
    """Run the core from ``start`` to ``until``: user events at their times, Ticks in between.

    ``idle(now)`` plays the idle probe; during an ``asleep`` (start, end) span no timer fires,
    as when the machine is suspended.
    """
    trace = Trace(model.initial(start, stretches()[0]))
    pending = sorted(script, key=lambda item: item[0])
    while True:
        wake = timing.next_wakeup(trace.state, config)
        if wake is not None:
            for begin, end in asleep:
                if begin < wake < end:
                    wake = end
        upcoming = pending[0][0] if pending else float("inf")
        if wake is not None and wake <= upcoming and wake <= until:
            if idle is not None:
                _step(trace, events.Idle(idle(wake)), wake, config)
            _step(trace, events.Tick(), wake, config)
        elif upcoming <= until:
            now, event = pending.pop(0)
            _step(trace, event, now, config)
        else:
            return trace


def _step(trace: Trace, event: Event, now: float, config: Config) -> None:
    trace.state, effects = rules.step(trace.state, event, now, config)
    trace.steps += 1
    trace.effects += [(now, e) for e in effects]
