"""Faults in the desktop around the running app: the notification daemon and the tray come and
go, the disk fills up. The app keeps running, says so once, and comes back by itself."""

import os
import signal

import pytest

from tests.desktop.conftest import ICON_CLASS
from tests.desktop.stack import start_dunst, start_tint2, wait_for

from .fs import fill, tmpfs


def process_named(desktop, name: str):  # type: ignore[no-untyped-def]
    return next(process for label, process in desktop.processes if label == name)


@pytest.mark.finding(
    "the notification daemon is killed, a reminder falls due, then the daemon starts again",
    "one warning in the log; the reminder shows in the icon; the next reminder reaches the new "
    "daemon and its Snooze button works",
    "the app, its state and its button listener",
)
def test_the_notification_daemon_goes_and_comes_back(app_factory) -> None:
    app = app_factory('[breaks]\ninterval = "3s"\nremind_again = "4s"\n')
    desktop = app.desktop
    desktop.stop(process_named(desktop, "dunst"), signal.SIGKILL)
    wait_for(lambda: "No notification server answers" in app.log(), 10, "the warning")
    assert app.status()["phase"] == "due"
    start_dunst(desktop)
    wait_for(lambda: desktop.displayed_count() > 0, 10, "the next reminder in the new dunst")
    desktop.run("dunstctl", "context")  # its Snooze button, through dunst's dmenu
    wait_for(lambda: app.status()["phase"] == "snoozed", 10, "the snooze")
    log = app.log()
    assert log.count("No notification server answers") == 1
    assert "The notification server answers again." in log
    assert "Traceback" not in log


@pytest.mark.finding(
    "the XEmbed system tray (tint2) is killed and started again",
    "a warning that the tray went away; the icon docks in the new tray by itself",
    "the app and its icon",
)
def test_the_icon_comes_back_when_the_tray_restarts(app_factory) -> None:
    app = app_factory()
    desktop = app.desktop
    desktop.stop(process_named(desktop, "tint2"), signal.SIGKILL)
    wait_for(lambda: not desktop.docked(app.icon), 10, "the icon to lose its tray")
    start_tint2(desktop)
    wait_for(lambda: desktop.tray_window(ICON_CLASS), 10, "the icon docked again")
    assert "The system tray went away" in app.log()
    assert app.process.poll() is None


@pytest.mark.finding(
    "the disk under the data dir fills up while reminders come, then space is freed",
    'one notification "hamstray cannot save its history"; the app runs on',
    "every event: the history file holds all reminders once space is back",
)
def test_a_full_disk_is_told_once_and_nothing_is_lost(stack, app_factory) -> None:
    if os.geteuid() != 0:
        pytest.skip("a full disk needs a tmpfs mount, so root (CI runs as root)")
    data = stack.root / "home" / "data" / "hamstray"
    with tmpfs(data, "1m"):
        app = app_factory('[breaks]\ninterval = "2s"\nremind_again = "2s"\n')
        app.wait_for_event("app_started")
        filler = fill(data)

        def told_so() -> bool:
            stack.close_notifications()  # dunst lists closed notifications only
            return "cannot save its history" in str(stack.notifications())

        wait_for(told_so, 15, "the notification that the history cannot be saved")
        before = app.log().count(": reminder")
        wait_for(lambda: app.log().count(": reminder") >= before + 2, 15, "more reminders")
        stack.close_notifications()
        told = [n for n in stack.notifications() if n["summary"].startswith("hamstray cannot")]
        assert len(told) == 1
        filler.unlink()
        app.cli("snooze", check=True)  # one more event: everything waiting is written
        wait_for(lambda: "The history is written again" in app.log(), 10, "the history back")
        logged = app.log().count("INFO hamstray.runtime.effects: reminder")
        assert [k for k, _ in app.events()].count("reminder") == logged >= 2
        stack.stop(app.process)
