"""The app's lifecycle in one process: what stops first, and that nothing is lost at the end."""

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from hamstray.desktop.tray.menu import Extras
from hamstray.engine.entries import Kind
from hamstray.engine.model import View
from hamstray.runtime import app as running
from hamstray.store.history import History
from hamstray.store.paths import Paths


class TrayThatEndsFirst:
    """A tray whose main loop returns on its own (a panel gone, a backend crash) once the app
    is up: the case where the tray, not the loop, starts the shutdown."""

    backend = "test"
    can_notify = False
    click_starts = True

    def __init__(self, on_up: Callable[[], None]) -> None:
        self.on_up = on_up
        self.stopped = threading.Event()

    def notify(self, title: str, message: str) -> bool:
        return False

    def show(self, view: View, extras: Extras) -> None:
        pass

    def run(self, setup: Callable[[], None]) -> None:
        setup()
        self.on_up()

    def stop(self) -> None:
        self.stopped.set()


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    return Paths(tmp_path / "config.toml", tmp_path / "data", tmp_path / "log", runtime)


def test_when_the_tray_ends_first_the_loop_writes_its_last_records_before_the_history_closes(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, shutdown() closed the history while the loop still ran: its last sitting
    period was never written."""
    paths.config_file.write_text('[routines]\nmorning = ""\nevening = ""\n')
    app = running.App(paths)
    started = time.time()

    def on_up() -> None:
        app.loop.ask(None)  # the loop runs and has stepped
        time.sleep(0.2)  # some sitting time to record

    tray = TrayThatEndsFirst(on_up)
    monkeypatch.setattr(running.backend, "create", lambda actions: tray)
    assert app.run() == 0
    loop_threads = [t for t in threading.enumerate() if t.name == "hamstray-loop"]
    assert loop_threads == []  # stopped and joined, not left running
    # The exit-if-stuck timer is cancelled once the tray's loop has returned: armed, it would
    # end this very process (pytest included) with exit 0 three seconds later.
    deadline = time.monotonic() + 2
    while any(isinstance(t, threading.Timer) for t in threading.enumerate()):
        assert time.monotonic() < deadline, "the exit-if-stuck timer is still armed"
        time.sleep(0.01)
    history = History(paths.history)
    kinds = [entry.kind for entry in history.rows()]
    (sat,) = history.rows((Kind.SITTING,))
    history.close()
    assert kinds[-2:] == [Kind.SITTING, Kind.APP_STOPPED]
    assert sat.seconds is not None
    assert sat.seconds >= 0.2
    assert sat.at >= started


def test_when_the_set_up_after_the_icon_fails_the_app_ends_with_a_start_error(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rest is set up once the icon shows: a failure there must end the app with a
    sentence, as a failure before the icon did, not leave an icon with no loop behind it."""
    from hamstray.runtime import services

    def broken(*args: object) -> None:
        raise RuntimeError("the catalogue is unreadable")

    monkeypatch.setattr(services, "Services", broken)
    tray = TrayThatEndsFirst(lambda: None)
    monkeypatch.setattr(running.backend, "create", lambda actions: tray)
    with pytest.raises(running.StartError, match="cannot start: the catalogue is unreadable"):
        running.App(paths).run()
    assert tray.stopped.is_set()
    assert [t for t in threading.enumerate() if t.name == "hamstray-loop"] == []
    assert not paths.socket.exists()  # the control socket is closed with the rest
