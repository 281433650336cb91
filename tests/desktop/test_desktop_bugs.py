"""What only one desktop shows, or what needs a real desktop to show: issue 18's list.

Plasma keeps an expired popup in its history and then ignores a ``replaces_id`` for it;
GNOME's shell tells which app a window belongs to (by WM class and launcher); and the guide's
own life (skip during a stretch, no X display at all) is seen through GNOME's windows.
"""

import os
from pathlib import Path

import pytest

from hamstray.engine.entries import BREAK_ENDINGS

from .desktops import params
from .stack import wait_for
from .test_desktops import REMINDER, reminders, rows, wait_for_reminder


def guides(session) -> list[dict[str, object]]:
    """The guide windows the shell has, by title."""
    return [w for w in session.windows() if str(w["title"]).startswith("hamstray: ")]


@pytest.mark.timeout(200)
@pytest.mark.parametrize("session", params("plasma"), indirect=True)
def test_a_reminder_after_an_expired_one_pops_up(session, start) -> None:
    """Plasma closes a reminder when its 60 s run out; the next one must pop up again."""
    app = start('[breaks]\ninterval = "3s"\nremind_again = "65s"\n')
    wait_for_reminder(session)
    wait_for(
        lambda: any(reason == 1 for _, reason in session.monitor.snapshot().closed),
        75,
        "Plasma to expire the reminder (NotificationClosed, reason 1)",
    )
    wait_for(lambda: rows(app, "reminder") >= 2, 30, "hamstray to remind again")
    wait_for_reminder(session, timeout=5)


@pytest.mark.parametrize("session", params("gnome-wayland"), indirect=True)
def test_skip_during_a_stretch_closes_the_guide_with_one_ending(session, start) -> None:
    app = start('[stretches]\nhold = "60s"\n')
    assert app.cli("stretch", "chair-forward-fold").returncode == 0
    wait_for(lambda: guides(session), 15, "the guide window")
    assert app.cli("skip").returncode == 0
    wait_for(lambda: not guides(session), 5, "the guide to close after hamstray skip")
    app.status()
    endings = [k for k, _ in app.events() if k in {kind.value for kind in BREAK_ENDINGS}]
    assert len(endings) == 1, f"one break, one ending: {app.events()}"


@pytest.mark.parametrize("session", params("gnome-wayland"), indirect=True)
def test_without_an_x_display_stretch_says_the_guide_cannot_open(session, start) -> None:
    """Wayland only (no DISPLAY): Tk cannot open the guide, and hamstray must say so."""
    app = start("", without=("DISPLAY", "XAUTHORITY"))
    result = app.cli("stretch", "chair-forward-fold")
    app.status()
    assert not result.stdout.startswith("Stretching."), f"it pretends: {result.stdout!r}"
    assert rows(app, "stretch_skipped") == 0, app.events()
    doctor = app.cli("doctor").stdout
    guide = [line for line in doctor.splitlines() if " guide " in f" {line} "]
    assert guide, f"doctor says nothing about the guide:\n{doctor}"
    assert guide[0].startswith("PROBLEM"), doctor


@pytest.mark.parametrize("session", params("gnome-x11"), indirect=True)
def test_the_guide_window_belongs_to_the_launcher_and_has_an_icon(session, start) -> None:
    app = start('[stretches]\nhold = "60s"\n')
    assert app.cli("desktop", "install").returncode == 0
    # As after a setup at some earlier time: the shell has read the new launcher (it watches
    # the applications folders and reloads a moment later).
    wait_for(
        lambda: session.eval(
            "imports.gi.Shell.AppSystem.get_default().lookup_app('hamstray.desktop') !== null"
        ),
        15,
        "the shell to know hamstray's launcher",
    )
    assert app.cli("stretch", "chair-forward-fold").returncode == 0
    (window,) = wait_for(lambda: guides(session), 15, "the guide window")  # type: ignore[misc]
    found = session.run("xdotool", "search", "--name", "^hamstray: ").stdout.split()
    icon = session.run("xprop", "-id", found[0], "_NET_WM_ICON", check=False).stdout
    assert window["app"] == "hamstray.desktop", f"the shell matched no launcher: {window}"
    assert "not found" not in icon, f"the guide has no _NET_WM_ICON: {icon[:80]}"


@pytest.mark.parametrize("session", params("gnome-wayland"), indirect=True)
def test_the_reminder_on_gnome_asks_for_nothing_gnome_cannot_do(session, start) -> None:
    """The AppIndicator extension opens the menu on a click: "Click the icon to start" misleads."""
    start('[breaks]\ninterval = "3s"\nremind_again = "10m"\n')
    reminder = wait_for_reminder(session)
    assert str(reminder["summary"]).startswith(REMINDER)
    assert "Click the hamstray icon" not in str(reminder["body"]), reminder["body"]
    assert reminders(session)


# A native Wayland window, full screen: GTK through the system's Python (python3-gi). It says
# "fullscreen" once the compositor has made it so.
FULL_SCREEN = """import gi
gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
from gi.repository import Gdk, Gtk
window = Gtk.Window(title="a film")
def state(widget, event):
    if event.new_window_state & Gdk.WindowState.FULLSCREEN:
        print("fullscreen", flush=True)
window.connect("window-state-event", state)
window.show_all()
window.fullscreen()
Gtk.main()
"""


def full_screen_window(session):  # type: ignore[no-untyped-def]
    """Open a native Wayland window full screen and wait until the compositor made it so."""
    if not Path("/usr/lib/python3/dist-packages/gi").is_dir():
        pytest.fail("the full-screen test needs python3-gi and gir1.2-gtk-3.0 (tests/run)")
    script = session.root / "full_screen.py"
    script.write_text(FULL_SCREEN)
    log = session.root / "full_screen.log"
    if session.user is not None:
        os.chown(script, session.user.uid, session.user.gid)
    window = session.start(
        "full-screen", "/usr/bin/python3", str(script), log=log,
        env=dict(session.env, GDK_BACKEND="wayland"),
    )  # fmt: skip
    wait_for(lambda: "fullscreen" in log.read_text(), 15, "a native full-screen window")
    return window


@pytest.mark.parametrize("session", params("sway-mako", "plasma"), indirect=True)
def test_a_native_wayland_full_screen_window_holds_the_reminder_until_it_ends(
    session, start
) -> None:
    """Xwayland windows were seen (X11's _NET_WM_STATE); native ones were not (bug 8)."""
    window = full_screen_window(session)
    app = start('[breaks]\ninterval = "3s"\nremind_again = "10m"\n')
    wait_for(lambda: app.status()["phase"] == "due", 15, "a due break")
    assert rows(app, "reminder") == 0, "the reminder came over the full-screen window"
    session.stop(window)
    wait_for_reminder(session, timeout=25)  # the quiet is looked at every 10 s while held
    # The reminder is sent before it is recorded (in the same step): wait for the record.
    wait_for(lambda: rows(app, "reminder") >= 1, 5, "the reminder in the history")
    assert rows(app, "reminder") == 1


@pytest.mark.parametrize("session", params("sway-mako", "sway-dunst"), indirect=True)
def test_servers_that_list_every_action_show_start_once(session, start) -> None:
    """dunst's context menu and makoctl list the banner's default action with the buttons:
    "Start stretch" showed twice there (issue 22)."""
    app = start('[breaks]\ninterval = "3s"\nremind_again = "10m"\n')
    reminder = wait_for_reminder(session)
    sent = session.monitor.sent_as(int(reminder["id"]))  # type: ignore[attr-defined]
    labels = sent.actions[1::2]
    assert sorted(labels) == ["Snooze", "Start stretch"], sent.actions
    assert sent.actions[0] == "default"  # a click on the banner still starts the stretch
    session.press("Start stretch")
    app.wait_for_event("stretch_started")
