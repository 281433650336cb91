"""The loop that owns the state: it sleeps until something is due and never spins."""

import queue
import threading
from collections import deque

import pytest

from hamstray.engine import model
from hamstray.engine.model import Effect
from hamstray.engine.settings import Breaks, Config
from hamstray.runtime.loop import Item, Loop
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
            from hamstray.runtime.loop import _Quit

            return _Quit()
        self.clock.now = deadline
        raise queue.Empty


def make_loop(stop_after: float, idle: float | None = 0.0, config: Config | None = None):
    clock = FakeClock()
    inbox = FakeInbox(clock, clock.now + stop_after)
    effects: list[tuple[float, Effect]] = []
    loop = Loop(
        config or Config(),
        model.initial(clock.now),
        clock,
        lambda e: effects.append((clock.now, e)),
        idle=None if idle is None else (lambda: idle),
        suggest=lambda: stretches()[1],
        inbox=inbox,
    )
    return loop, inbox, clock, effects


def test_an_idle_hour_is_a_handful_of_wakeups() -> None:
    """Paused for an hour, the loop sleeps once: no polling tick."""
    loop, inbox, _, _ = make_loop(3600)
    loop.post(model.Pause(None))
    loop.run()
    assert loop.iterations <= 3
    assert inbox.waits[-1] is None  # it waited with no timeout at all


def test_a_sitting_hour_wakes_only_for_the_ring_and_idle_checks() -> None:
    """Sitting for an hour with the defaults: one wake per ring step or idle check, no more."""
    loop, _, _, effects = make_loop(3600, idle=0.0)
    loop.run()
    assert loop.iterations <= 30  # 12 ring steps per 30 min and idle checks every 2.5 min
    assert sum(isinstance(e, model.Remind) for _, e in effects) == 3  # 30, 40 and 50 min


def test_the_loop_asks_the_rotation_for_the_first_suggestion() -> None:
    loop, _, _, effects = make_loop(31 * M)
    loop.run()
    notes = [e for _, e in effects if isinstance(e, model.Remind)]
    assert notes[0].stretch == stretches()[1]


def test_a_reminder_fires_exactly_at_the_due_time() -> None:
    loop, _, clock, effects = make_loop(31 * M)
    start = clock.now
    loop.run()
    ((when, _),) = [(t, e) for t, e in effects if isinstance(e, model.Remind)]
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
        if isinstance(effect, model.Render):
            raise RuntimeError("the tray broke")

    loop = Loop(Config(), model.initial(clock.now, stretches()[0]), clock, run_effect, inbox=inbox)
    loop.run()
    assert any(isinstance(e, model.Remind) for e in seen)
    assert "Carrying out Render failed" in caplog.text


def test_ask_returns_the_outcome_from_the_loop_thread() -> None:
    loop = Loop(Config(), model.initial(0.0, stretches()[0]), lambda: 10.0, lambda e: None)
    thread = threading.Thread(target=loop.run)
    thread.start()
    try:
        outcome = loop.ask(model.Snooze())
        assert outcome.refusals == ["No break is due, so there is nothing to snooze."]
        outcome = loop.ask(model.Pause(None))
        assert outcome.state.phase is model.Phase.PAUSED
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
        loop.ask(model.ConfigChanged(Config()))
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
    routines = [e for e in effects if isinstance(e, model.RemindRoutine)]
    assert [e.name for e in routines] == ["morning", "morning"]


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
    reminders = [t - start for t, e in effects if isinstance(e, model.Remind)]
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
