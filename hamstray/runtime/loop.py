"""The one thread that owns the state: it sleeps on its queue until the next wakeup, steps the
engine with each event, and hands the effects to the adapters."""

import logging
import math
import queue
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from hamstray.engine import entries, events, rules, timing
from hamstray.engine.catalogue import Stretch
from hamstray.engine.effects import Effect, Record, Refuse
from hamstray.engine.entries import Kind
from hamstray.engine.events import Event
from hamstray.engine.model import State, View
from hamstray.engine.phase import SITTING_PHASES
from hamstray.engine.reasons import Reason
from hamstray.engine.settings import Config
from hamstray.runtime.jobs import Job, Quit, Reload

log = logging.getLogger(__name__)

# Records after which the rotation may pick another stretch, and the check-in come another time.
_NEW_SUGGESTION = {*entries.BREAK_ENDINGS, Kind.FEEDBACK, Kind.CONDITION}
_NEW_CHECKIN = {Kind.CHECKIN, Kind.CHECKIN_OFFERED}
MAX_SLEEP = (
    3600.0  # the longest the loop waits on its queue; a bad deadline cannot spin or crash it
)
IdleProbe = Callable[[], float | None]
QuietProbe = Callable[[], Reason | None]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a request did: the state after it, its effects, and the view of that moment."""

    state: State
    effects: list[Effect]
    view: View

    @property
    def refusals(self) -> list[str]:
        """Why the request was refused, if it was."""
        return [e.reason for e in self.effects if isinstance(e, Refuse)]


@dataclass(frozen=True, slots=True)
class Ask:
    """An event (or None: just look) from another thread that waits for the outcome, or the
    error, in ``reply`` (a mailbox of one)."""

    event: Event | None
    reply: "queue.SimpleQueue[Outcome | Exception]" = field(default_factory=queue.SimpleQueue)


Item = Event | Ask | Job | Quit | Reload
# Reads the settings file when it changed (or always, when forced): the settings to follow, or
# None to keep the ones in force.
Follow = Callable[[bool], Config | None]


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
        quiet: QuietProbe | None = None,
        suggest: Callable[[], Stretch | None] = lambda: None,
        schedule: Callable[[float], tuple[str, float] | None] = lambda now: None,
        checkin: Callable[[], float | None] = lambda: None,
        inbox: Inbox | None = None,
        follow: Follow = lambda forced: None,
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
        self._checkin = checkin
        self._follow = follow
        self._queue: Inbox = inbox if inbox is not None else queue.SimpleQueue()

    def post(self, event: Event) -> None:
        """Queue ``event``; safe from any thread."""
        self._queue.put(event)

    def ask(self, event: Event | None, timeout: float = 5.0) -> Outcome:
        """Queue ``event`` and wait for its outcome (from any thread but the loop's)."""
        request = Ask(event)
        self._queue.put(request)
        try:
            got = request.reply.get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError(f"the loop did not answer within {timeout} s") from None
        if isinstance(got, Exception):
            raise got
        return got

    def call(self, run: Callable[[], None]) -> None:
        """Run ``run`` in the loop's thread, after the events already queued."""
        self._queue.put(Job(run))

    def reload(self, wait: float | None = 5.0) -> None:
        """Read the settings file again in the loop's thread; wait up to ``wait`` seconds for
        it (None: do not wait, as from a signal handler)."""
        request = Reload()
        self._queue.put(request)
        if wait is not None and not request.done.wait(wait):
            raise TimeoutError(f"the loop did not read the settings within {wait} s")

    def quit(self) -> None:
        """Make ``run`` return after the events already queued."""
        self._queue.put(Quit())

    def run(self) -> None:
        """Step events until ``quit``; between them, sleep until the core's next wakeup."""
        self._refresh_suggestion()
        self._refresh_checkin()
        self._step(events.ConfigChanged(self.config))  # the first render
        while True:
            self.iterations += 1
            try:
                item = self._queue.get(timeout=self._timeout())
            except queue.Empty:
                self._follow_file(forced=False)  # awake anyway: a look at the file costs a stat
                self._on_timer()
                continue
            if not isinstance(item, Quit):
                self._follow_file(forced=isinstance(item, Reload))
            match item:
                case Quit():
                    self._step(events.Shutdown())
                    return
                case Reload(done):
                    done.set()
                case Ask():
                    self._answer(item)
                case Job(run):
                    try:
                        run()
                    except Exception:
                        log.exception("A job in the loop failed")
                case _:
                    self._step(item)

    def _timeout(self) -> float | None:
        """Seconds until the engine's next wakeup, clamped to [0, MAX_SLEEP]; None: no wakeup."""
        wake = timing.next_wakeup(self.state, self.config)
        if wake is None:
            return None
        left = wake - self._clock()
        return min(max(0.0, left), MAX_SLEEP) if math.isfinite(left) else MAX_SLEEP

    def _on_timer(self) -> None:
        """Ask the probes what the core needs to decide, then tick.

        The quiet probes are asked only when their answer decides something: before idle time
        would start a break (a call is no absence), and before a reminder would be shown or while
        one is held. At most once per wakeup.
        """
        idle = self._idle() if self._idle is not None else None
        asked = False
        if idle is not None:
            if self.state.phase in SITTING_PHASES and timing.is_away(idle, self.config):
                asked = self._ask_quiet()
            self._step(events.Idle(idle))
        if not asked and timing.quiet_matters(self.state, self._clock(), self.config):
            self._ask_quiet()
        self._step(events.Tick())

    def _ask_quiet(self) -> bool:
        """Tell the engine why now is quiet, if that changed; whether a probe was asked."""
        if self._quiet is None:
            return False
        reason = self._quiet()
        if reason != self.state.quiet:
            self._step(events.Quiet(reason))
        return True

    def _follow_file(self, forced: bool) -> None:
        """Switch to the settings file's new values, if it has any: the engine steps the
        change with the settings that were in force, then the new ones are."""
        try:
            config = self._follow(forced)
        except Exception:
            log.exception("Reading the settings file failed")
            return
        if config is None:
            return
        self._step(events.ConfigChanged(config))
        self.config = config
        self._refresh_suggestion()

    def _answer(self, request: Ask) -> None:
        try:
            effects = self._step(request.event) if request.event is not None else []
            now = self._clock()
            view = timing.view(self.state, now, self.config)
            request.reply.put(Outcome(self.state, effects, view))
        except Exception as error:  # noqa: BLE001 - the asker gets the error, the loop goes on
            request.reply.put(error)

    def _step(self, event: Event) -> list[Effect]:
        self.state, effects = rules.step(self.state, event, self._clock(), self.config)
        for effect in effects:
            try:
                self._run_effect(effect)
            except Exception:
                log.exception("Carrying out %s failed", type(effect).__name__)
        recorded = {e.kind for e in effects if isinstance(e, Record)}
        if recorded & _NEW_SUGGESTION:
            self._refresh_suggestion()
        if recorded & _NEW_CHECKIN:
            self._refresh_checkin()
        if self.state.routine_at is None and not isinstance(event, events.ScheduleRoutine):
            upcoming = self._schedule(self._clock())
            if upcoming is not None:
                self._step(events.ScheduleRoutine(*upcoming))
        return effects

    def _refresh_checkin(self) -> None:
        try:
            at = self._checkin()
        except Exception:
            log.exception("Finding when the check-in is due failed")
            return
        self._step(events.ScheduleCheckin(at))

    def _refresh_suggestion(self) -> None:
        try:
            stretch = self._suggest()
        except Exception:
            log.exception("Choosing the next stretch failed")
            return
        if stretch is not None and stretch != self.state.stretch:
            self._step(events.Suggest(stretch))
