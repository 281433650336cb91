"""End to end on a real X server: tray icon, notification, a real click, snooze, control."""

import signal
import time
from pathlib import Path

import pytest
from PIL import Image

from hamstray.store.assets import stretches
from tests.pixels import pixels

from .conftest import history_rows, wait_for_notification
from .stack import wait_for

NAMES = {s.name for s in stretches()}


def teal_in_the_panel(app, shot) -> int:
    """How many teal pixels (the sitting icon's ring) tint2's panel shows now."""
    with Image.open(app.desktop.screenshot(shot)) as screen:
        # tint2's panel is the top right 200 x 32 px.
        panel = screen.convert("RGB").crop((1080, 0, 1280, 32))
        return len([p for p in pixels(panel) if p[1] > 110 and p[2] > 100 and p[0] < 80])


def test_the_icon_is_embedded_in_the_tray(app_factory, tmp_path) -> None:
    """Docked is not drawn yet: wait for the pixels (a busy machine paints late), never sample
    once right after docking."""
    app = app_factory()
    wait_for(lambda: teal_in_the_panel(app, tmp_path / "tray.png") > 20, 10, "the teal icon")
    assert app.status()["phase"] == "sitting"


def test_a_due_break_reaches_the_notification_daemon_and_names_a_stretch(app_factory) -> None:
    app = app_factory('[breaks]\ninterval = "3s"\n')
    shown = wait_for_notification(app.desktop, timeout=10)
    assert 2.5 <= shown - app.launched <= 6  # sitting counts from the start, not the icon
    app.desktop.close_notifications()
    (note,) = app.desktop.notifications()
    assert note["appname"] == "hamstray"
    assert note["summary"].startswith("You have been sitting for ")
    assert any(name in note["body"] for name in NAMES)
    assert app.status()["phase"] == "due"


def test_a_real_click_on_the_icon_starts_the_stretch(app_factory) -> None:
    app = app_factory('[breaks]\ninterval = "3s"\n')
    wait_for_notification(app.desktop, timeout=10)
    app.desktop.click(app.icon)  # a real pointer click through the X server (XTEST)
    app.wait_for_event("stretch_started")
    status = app.status()
    assert status["phase"] == "stretching"
    assert ("stretch_started", status["next_stretch"]["id"]) in app.events()


def test_snoozing_delays_the_next_reminder(app_factory) -> None:
    app = app_factory('[breaks]\ninterval = "3s"\nremind_again = "2s"\nsnooze = "6s"\n')
    wait_for_notification(app.desktop, timeout=10)
    app.desktop.close_notifications()
    snoozed_at = time.monotonic()
    snoozed = app.cli("snooze")
    assert snoozed.returncode == 0, snoozed.stderr
    assert app.status()["phase"] == "snoozed"
    assert app.status()["snoozes_left"] == 2
    shown = wait_for_notification(app.desktop, timeout=12)
    # Without the snooze it would have come back after remind_again (2 s); late is wrong too.
    assert 6 - 0.5 <= shown - snoozed_at <= 6 + 3
    assert [k for k, _ in app.events()].count("reminder") == 2


def test_a_second_hamstray_says_it_is_running_and_exits_0(app_factory) -> None:
    app = app_factory()
    second = app.cli()
    assert second.returncode == 0
    assert second.stdout.strip() == f"hamstray is already running (pid {app.process.pid})"
    assert (
        len(
            app.desktop.run(
                "xdotool", "search", "--classname", "^hamstraySystemTrayIcon$", check=False
            ).stdout.split()
        )
        == 1
    )


def test_the_cli_controls_the_running_app(app_factory) -> None:
    app = app_factory()
    status = app.status()
    assert set(status) == {
        "phase",
        "sitting_s",
        "next_break_in_s",
        "next_stretch",
        "snoozes_left",
        "standing",
        "paused_until",
        "held_back",
        "held_back_cause",
        "pid",
        "version",
        "config",
    }
    assert status["pid"] == app.process.pid
    assert (status["held_back"], status["held_back_cause"]) == (None, None)  # nothing is held
    assert set(status["config"]) == {"path", "read_at", "problems", "warnings", "message"}
    assert set(status["next_stretch"]) == {"id", "name", "groups"}

    paused = app.cli("pause", "tomorrow")
    assert paused.returncode == 0
    assert paused.stdout.startswith("Paused until ")
    assert app.status()["phase"] == "paused"
    assert app.status()["paused_until"].endswith("+00:00")
    assert app.cli("resume").returncode == 0
    assert app.status()["phase"] == "sitting"

    refused = app.cli("snooze")
    assert refused.returncode == 1
    assert (
        refused.stderr.strip() == "hamstray snooze: No break is due, so there is nothing to snooze."
    )
    assert app.cli("skip").returncode == 0
    bad = app.cli("stretch", "no-such-stretch")
    assert bad.returncode == 2  # a usage error, as for `feedback`: the CLI knows the catalogue
    assert "unknown stretch 'no-such-stretch'" in bad.stderr

    assert app.cli("quit").returncode == 0
    assert app.process.wait(timeout=10) == 0
    assert app.cli("status").returncode == 3
    assert [k for k, _ in app.events()][-1] == "app_stopped"


@pytest.mark.finding(
    "kill -TERM to the running app",
    "it exits 0: history flushed (app_stopped recorded), socket removed",
    "the history",
)
def test_sigterm_shuts_down_cleanly(app_factory) -> None:
    app = app_factory()
    app.process.send_signal(signal.SIGTERM)
    assert app.process.wait(timeout=10) == 0
    assert not (app.home / "runtime" / "hamstray" / "control.sock").exists()
    assert [k for k, _ in app.events()][-1] == "app_stopped"


@pytest.mark.finding(
    "kill -9 to the running app, then start it again",
    "the stale socket and lock are detected; the new app starts and docks",
    "the history",
)
def test_after_kill_9_the_next_start_works(app_factory) -> None:
    app = app_factory()
    app.process.kill()
    app.process.wait(timeout=10)
    assert (app.home / "runtime" / "hamstray" / "control.sock").exists()  # stale
    again = app_factory()
    assert again.status()["pid"] == again.process.pid
    wait_for(lambda: again.desktop.tray_window("hamstraySystemTrayIcon"), 5, "the icon")


def test_the_first_start_without_a_config_says_hello_once(stack) -> None:
    from .conftest import ICON_CLASS, hamstray_command

    env = dict(stack.env, HAMSTRAY_CONFIG=str(stack.root / "missing.toml"))
    first = stack.start("hamstray", hamstray_command(), env=env)
    wait_for(lambda: stack.displayed_count() > 0, 10, "the hello")
    stack.close_notifications()
    (note,) = stack.notifications()
    assert note["summary"] == "hamstray is running"
    assert "30 min" in note["body"]
    stack.stop(first)
    second = stack.start("hamstray-again", hamstray_command(), env=env)
    wait_for(lambda: stack.tray_window(ICON_CLASS), 15, "the icon")
    history = Path(stack.env["XDG_DATA_HOME"]) / "hamstray" / "history.sqlite3"
    # The hello comes before app_started is recorded: once that is there, the hello is decided.
    wait_for(lambda: kinds(history).count("app_started") == 2, 15, "the second start")
    assert kinds(history).count("hello") == 1
    assert stack.displayed_count() == 0
    stack.stop(second)


def kinds(history: Path) -> list[str]:
    return [kind for (kind,) in history_rows(history, "SELECT kind FROM events ORDER BY id")]
