"""The loop that owns the state: it sleeps until something is due and never spins."""

import math
import queue
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import replace

import pytest

from hamstray.engine import asks, events, model, timing
from hamstray.engine.effects import Effect, Record, Remind, RemindCheckin, RemindRoutine, Render
from hamstray.engine.entries import Kind
from hamstray.engine.phase import Phase
from hamstray.engine.reasons import Cause, Reason
from hamstray.engine.settings import Breaks, Config
from hamstray.runtime.loop import MAX_SLEEP, Item, Loop
from hamstray.store.assets import stretches

M = 60.0


class FakeClock:
    def __init__(self, now: float = 1e9) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class FakeInbox:
    """A queue whose waiting advances the fake clock instead of sleeping."""

    def __init__(self, clock: FakeClock, stop_at: float) -> None:
        self.clock = clock
        self.stop_at = stop_at
        self.items: deque[Item] = deque()
        self.scheduled: list[tuple[float, Item]] = []
        self.waits: list[float | None] = []

    def put(self, item: Item) -> None:
        self.items.append(item)

    def at(self, when: float, item: Item) -> None:
        self.scheduled.append((when, item))
        self.scheduled.sort(key=lambda pair: pair[0])

    def get(self, block: bool = True, timeout: float | None = None) -> Item:
        self.waits.append(timeout)
        if self.items:
            return self.items.popleft()
        deadline = self.clock.now + (float("inf") if timeout is None else timeout)
        if self.scheduled and self.scheduled[0][0] <= deadline:
            when, item = self.scheduled.pop(0)
            self.clock.now = max(self.clock.now, when)
            return item
        if deadline >= self.stop_at:
            self.clock.now = self.stop_at
            from hamstray.runtime.jobs import Quit

            return Quit()
        self.clock.now = deadline
        raise queue.Empty


def make_loop(
    stop_after: float,
    idle: float | None = 0.0,
    config: Config | None = None,
    quiet: Callable[[], Reason | None] | None = None,
    clock: FakeClock | None = None,
):
    clock = clock or FakeClock()
    inbox = FakeInbox(clock, clock.now + stop_after)
    effects: list[tuple[float, Effect]] = []
    loop = Loop(
        config or Config(),
        model.initial(clock.now),
        clock,
        lambda e: effects.append((clock.now, e)),
        idle=None if idle is None else (lambda: idle),
        quiet=quiet,
        suggest=lambda: stretches()[1],
        inbox=inbox,
    )
    return loop, inbox, clock, effects


def test_an_idle_hour_is_a_handful_of_wakeups() -> None:
    """Paused for an hour, the loop sleeps once: no polling tick."""
    loop, inbox, _, _ = make_loop(3600)
    loop.post(asks.Pause(None))
    loop.run()
    assert loop.iterations <= 3
    assert inbox.waits[-1] is None  # it waited with no timeout at all


def test_a_sitting_hour_wakes_only_for_the_ring_and_idle_checks() -> None:
    """Sitting for an hour with the defaults: one wake per ring step or idle check, no more."""
    loop, _, _, effects = make_loop(3600, idle=0.0)
    loop.run()
    assert loop.iterations <= 30  # 12 ring steps per 30 min and idle checks every 2.5 min
    assert sum(isinstance(e, Remind) for _, e in effects) == 3  # 30, 40 and 50 min


def test_the_loop_asks_the_rotation_for_the_first_suggestion() -> None:
    loop, _, _, effects = make_loop(31 * M)
    loop.run()
    notes = [e for _, e in effects if isinstance(e, Remind)]
    assert notes[0].stretch == stretches()[1]


def test_a_reminder_fires_exactly_at_the_due_time() -> None:
    loop, _, clock, effects = make_loop(31 * M)
    start = clock.now
    loop.run()
    ((when, _),) = [(t, e) for t, e in effects if isinstance(e, Remind)]
    assert when == start + 30 * M


@pytest.mark.finding(
    "a crash while carrying out an effect (notification, history, tray update)",
    "logged with its traceback; the loop steps on",
    "the state and every later event",
)
def test_a_failing_effect_is_logged_and_the_loop_goes_on(caplog) -> None:
    clock = FakeClock()
    inbox = FakeInbox(clock, clock.now + 31 * M)
    seen: list[Effect] = []

    def run_effect(effect: Effect) -> None:
        seen.append(effect)
        if isinstance(effect, Render):
            raise RuntimeError("the tray broke")

    loop = Loop(Config(), model.initial(clock.now, stretches()[0]), clock, run_effect, inbox=inbox)
    loop.run()
    assert any(isinstance(e, Remind) for e in seen)
    assert "Carrying out Render failed" in caplog.text


def test_ask_returns_the_outcome_from_the_loop_thread() -> None:
    loop = Loop(Config(), model.initial(0.0, stretches()[0]), lambda: 10.0, lambda e: None)
    thread = threading.Thread(target=loop.run)
    thread.start()
    try:
        outcome = loop.ask(asks.Snooze())
        assert outcome.refusals == ["No break is due, so there is nothing to snooze."]
        outcome = loop.ask(asks.Pause(None))
        assert outcome.state.phase is Phase.PAUSED
    finally:
        loop.quit()
        thread.join(timeout=5)
    assert not thread.is_alive()


def test_no_thread_is_started_per_event() -> None:
    loop = Loop(Config(), model.initial(0.0, stretches()[0]), lambda: 10.0, lambda e: None)
    thread = threading.Thread(target=loop.run)
    thread.start()
    before = threading.active_count()
    for _ in range(50):
        loop.ask(events.ConfigChanged(Config()))
    assert threading.active_count() == before
    loop.quit()
    thread.join(timeout=5)


def test_the_loop_schedules_the_next_routine_after_each_reminder() -> None:
    clock = FakeClock(0.0)
    inbox = FakeInbox(clock, 3 * 3600)
    effects: list[Effect] = []
    times = iter([3600.0, 7200.0, 1e12])
    loop = Loop(
        Config(),
        model.initial(0.0, stretches()[0]),
        clock,
        effects.append,
        idle=lambda: 0.0,
        schedule=lambda now: ("morning", next(times)),
        inbox=inbox,
    )
    loop.run()
    routines = [e for e in effects if isinstance(e, RemindRoutine)]
    assert [e.name for e in routines] == ["morning", "morning"]


class CallUntil:
    """A quiet probe that says "in a call" until ``end`` on the fake clock, and counts its asks."""

    def __init__(self, clock: FakeClock, end: float) -> None:
        self.clock = clock
        self.end = end
        self.asks: list[float] = []

    def __call__(self) -> Reason | None:
        self.asks.append(self.clock.now)
        return Reason(Cause.MICROPHONE, "Firefox") if self.clock.now < self.end else None


def test_the_quiet_probes_are_never_asked_before_a_reminder_is_due() -> None:
    clock = FakeClock()
    probe = CallUntil(clock, end=0.0)
    loop, _, _, _ = make_loop(29 * M, quiet=probe, clock=clock)
    loop.run()
    assert probe.asks == []


def test_a_call_holds_the_reminder_and_its_end_lets_exactly_one_through() -> None:
    clock = FakeClock()
    start = clock.now
    probe = CallUntil(clock, end=start + 45 * M)
    loop, _, _, effects = make_loop(54 * M, quiet=probe, clock=clock)
    loop.run()
    ((when, note),) = [(t, e) for t, e in effects if isinstance(e, Remind)]
    assert start + 45 * M <= when <= start + 45 * M + timing.QUIET_POLL
    assert note.sat_s == when - start  # "You have been sitting for 45 min"
    assert min(probe.asks) == start + 30 * M  # first asked when the reminder came due
    # While held, one look per QUIET_POLL; after the reminder, none until remind_again is due.
    assert len(probe.asks) <= 15 * M / timing.QUIET_POLL + 2
    assert max(probe.asks) <= when


def test_idle_time_in_a_call_asks_the_probes_first_and_is_no_break() -> None:
    """No input for 40 minutes of a call: the loop asks before the engine calls it a break."""
    clock = FakeClock()
    probe = CallUntil(clock, end=float("inf"))
    loop, _, _, effects = make_loop(40 * M, idle=3600.0, quiet=probe, clock=clock)
    loop.run()
    assert loop.state.phase is Phase.DUE
    kinds = [e.kind for _, e in effects if isinstance(e, Record)]
    assert Kind.NATURAL_BREAK not in kinds
    assert Kind.REMINDER_HELD in kinds
    assert probe.asks[0] < clock.now - 30 * M  # asked at the first idle check, minutes in


@pytest.mark.parametrize("until", [math.nan, math.inf, 1e300])
def test_a_deadline_that_is_no_time_neither_spins_nor_kills_the_loop(until: float) -> None:
    """Whatever state it is handed, the loop waits a finite, bounded time: NaN used to make it
    spin (15 000 turns a second) and Infinity raised OverflowError in queue.get."""
    clock = FakeClock()
    inbox = FakeInbox(clock, clock.now + 3 * 3600)
    paused = replace(model.initial(clock.now), phase=Phase.PAUSED, paused_until=until)
    loop = Loop(Config(), paused, clock, lambda effect: None, inbox=inbox)
    loop.run()
    assert all(w is None or 0 <= w <= MAX_SLEEP for w in inbox.waits)
    assert loop.iterations <= 5  # one bounded wait an hour, never a spin


def test_the_loop_asks_when_the_check_in_is_due_at_start_and_after_each_offer() -> None:
    """Offered once at its time, asked again after the offer; never a burst of prompts."""
    clock = FakeClock(0.0)
    inbox = FakeInbox(clock, 10 * 3600)
    effects: list[Effect] = []
    asked: list[float] = []
    offers = iter([3600.0, None])

    def due() -> float | None:
        asked.append(clock.now)
        return next(offers)

    no_break = Config(breaks=Breaks(interval=24 * 3600))  # sitting, never a reminder over it
    loop = Loop(
        no_break,
        model.initial(0.0, stretches()[0]),
        clock,
        effects.append,
        idle=lambda: 0.0,
        checkin=due,
        inbox=inbox,
    )
    loop.run()
    prompts = [e for e in effects if isinstance(e, RemindCheckin)]
    assert len(prompts) == 1
    assert asked == [0.0, 3600.0]  # at start, and once after the offer was recorded


def test_the_settings_file_is_looked_at_only_when_the_loop_wakes_anyway() -> None:
    """A wake for the ring or an idle check looks at the file; there is no wake of its own, and
    the new interval counts from when sitting began."""
    clock = FakeClock()
    start = clock.now
    inbox = FakeInbox(clock, start + 30 * M)
    effects: list[tuple[float, Effect]] = []
    looks: list[float] = []
    shorter = Config(breaks=Breaks(interval=12 * 60))

    def follow(forced: bool) -> Config | None:
        looks.append(clock.now)
        return shorter if clock.now - start >= 10 * M and loop.config != shorter else None

    loop = Loop(
        Config(),
        model.initial(start, stretches()[0]),
        clock,
        lambda e: effects.append((clock.now, e)),
        idle=lambda: 0.0,
        inbox=inbox,
        follow=follow,
    )
    loop.run()
    assert len(looks) == loop.iterations - 1  # every wake but the last (the quit)
    assert loop.config == shorter
    reminders = [t - start for t, e in effects if isinstance(e, Remind)]
    assert reminders[0] == 12 * M  # 12 minutes after sitting began, not after the change


def test_reload_reads_the_file_even_unchanged_and_waits_for_it() -> None:
    forced: list[bool] = []
    loop = Loop(
        Config(),
        model.initial(0.0, stretches()[0]),
        lambda: 10.0,
        lambda e: None,
        follow=lambda force: forced.append(force) or None,
    )
    thread = threading.Thread(target=loop.run)
    thread.start()
    try:
        loop.reload()
        assert forced == [True]
    finally:
        loop.quit()
        thread.join(timeout=5)
