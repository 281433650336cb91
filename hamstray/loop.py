"""The one thread that owns the state: it sleeps on its queue until the next wakeup, steps the
core with each event, and hands the effects to the adapters."""

import logging
import queue
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Protocol

from hamstray import core
from hamstray.catalogue import Stretch
from hamstray.config import Config
from hamstray.core import Effect, Event, Record, State
from hamstray.history import BREAK_ENDINGS
from hamstray.idle import IdleProbe

log = logging.getLogger(__name__)

# Records after which the rotation may pick another stretch.
_NEW_SUGGESTION = {core.Kind(kind) for kind in BREAK_ENDINGS} | {core.Kind.FEEDBACK}


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a request did: the state after it, its effects, and when."""

    state: State
    effects: list[Effect]
    now: float

    @property
    def refusals(self) -> list[str]:
        """Why the request was refused, if it was."""
        return [e.reason for e in self.effects if isinstance(e, core.Refuse)]


@dataclass(frozen=True, slots=True)
class Request:
    """An event (or None: just look) from another thread that wants to know the outcome."""

    event: Event | None
    outcome: "Future[Outcome]" = field(default_factory=Future)


class _Quit:
    """Ends the loop."""


Item = Event | Request | _Quit


class Inbox(Protocol):
    """Where events wait for the loop: a queue whose ``get`` raises queue.Empty on timeout."""

    def put(self, item: Item) -> None: ...

    def get(self, block: bool = True, timeout: float | None = None) -> Item: ...


class Loop:
    """Runs the core: ``post`` from any thread, ``run`` in the owning thread."""

    def __init__(
        self,
        config: Config,
        state: State,
        clock: Callable[[], float],
        run_effect: Callable[[Effect], None],
        idle: IdleProbe | None = None,
        quiet: Callable[[], str | None] | None = None,
        suggest: Callable[[], Stretch | None] = lambda: None,
        schedule: Callable[[float], tuple[str, float] | None] = lambda now: None,
        inbox: Inbox | None = None,
    ) -> None:
        self.config = config
        self.state = state
        self.iterations = 0  # loop turns, counted so tests can prove the loop sleeps
        self._clock = clock
        self._run_effect = run_effect
        self._idle = idle
        self._quiet = quiet
        self._suggest = suggest
        self._schedule = schedule
        self._queue: Inbox = inbox if inbox is not None else queue.SimpleQueue()

    def post(self, event: Event) -> None:
        """Queue ``event``; safe from any thread."""
        self._queue.put(event)

    def ask(self, event: Event | None, timeout: float = 5.0) -> Outcome:
        """Queue ``event`` and wait for its outcome (from any thread but the loop's)."""
        request = Request(event)
        self._queue.put(request)
        return request.outcome.result(timeout=timeout)

    def quit(self) -> None:
        """Make ``run`` return after the events already queued."""
        self._queue.put(_Quit())

    def run(self) -> None:
        """Step events until ``quit``; between them, sleep until the core's next wakeup."""
        self._refresh_suggestion()
        self._step(core.ConfigChanged())  # the first render
        while True:
            self.iterations += 1
            wake = core.next_wakeup(self.state, self.config)
            timeout = None if wake is None else max(0.0, wake - self._clock())
            try:
                item = self._queue.get(timeout=timeout)
            except queue.Empty:
                self._on_timer()
                continue
            if isinstance(item, _Quit):
                self._step(core.Shutdown())
                return
            if isinstance(item, Request):
                self._answer(item)
            else:
                self._step(item)

    def _on_timer(self) -> None:
        """Ask the probes what the core needs to decide, then tick."""
        idle = self._idle() if self._idle is not None else None
        if idle is not None:
            self._step(core.Idle(idle))
        if self._quiet is not None:
            reason = self._quiet()
            if reason != self.state.quiet:
                self._step(core.Quiet(reason))
        self._step(core.Tick())

    def _answer(self, request: Request) -> None:
        try:
            effects = self._step(request.event) if request.event is not None else []
            request.outcome.set_result(Outcome(self.state, effects, self._clock()))
        except Exception as error:  # noqa: BLE001 - the asker gets the error, the loop goes on
            request.outcome.set_exception(error)

    def _step(self, event: Event) -> list[Effect]:
        self.state, effects = core.step(self.state, event, self._clock(), self.config)
        for effect in effects:
            try:
                self._run_effect(effect)
            except Exception:
                log.exception("Carrying out %s failed", type(effect).__name__)
        if any(isinstance(e, Record) and e.kind in _NEW_SUGGESTION for e in effects):
            self._refresh_suggestion()
        if self.state.routine_at is None and not isinstance(event, core.ScheduleRoutine):
            upcoming = self._schedule(self._clock())
            if upcoming is not None:
                self._step(core.ScheduleRoutine(*upcoming))
        return effects

    def _refresh_suggestion(self) -> None:
        try:
            stretch = self._suggest()
        except Exception:
            log.exception("Choosing the next stretch failed")
            return
        if stretch is not None and stretch != self.state.stretch:
            self._step(core.Suggest(stretch))
