"""Screen sharing on a real GNOME Shell holds the reminder back; its end lets exactly one through.

A client makes an ``org.gnome.Mutter.ScreenCast`` session, the object every GNOME screencast is
(through xdg-desktop-portal from browsers, Zoom and Teams, GNOME's recorder, remote desktop),
and keeps its connection open; the session ends when the client goes.
"""

import subprocess
import sys
import time

import pytest

from hamstray.engine import timing

from .conftest import RunningApp
from .desktops import params
from .stack import Desktop, wait_for

pytestmark = pytest.mark.parametrize("session", params("gnome-wayland"), indirect=True)

SHARE_THE_SCREEN = """
import sys
from jeepney import DBusAddress, new_method_call
from jeepney.io.blocking import open_dbus_connection
bus = open_dbus_connection(bus="SESSION")
cast = DBusAddress("/org/gnome/Mutter/ScreenCast", bus_name="org.gnome.Mutter.ScreenCast",
                   interface="org.gnome.Mutter.ScreenCast")
print(bus.send_and_get_reply(new_method_call(cast, "CreateSession", "a{sv}", ({},))).body[0],
      flush=True)
sys.stdin.read()  # the session lasts as long as this connection
"""


def share_the_screen(session: Desktop) -> subprocess.Popen[str]:
    sharer = subprocess.Popen(
        [sys.executable, "-c", SHARE_THE_SCREEN],
        env=session.env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert sharer.stdout is not None
    assert sharer.stdout.readline().startswith("/org/gnome/Mutter/ScreenCast/Session/")
    return sharer


def stop_sharing(sharer: subprocess.Popen[str]) -> None:
    assert sharer.stdin is not None
    sharer.stdin.close()
    sharer.wait(timeout=10)


def reminders(session: Desktop) -> list[dict[str, object]]:
    shown = session.shown()  # type: ignore[attr-defined]
    return [n for n in shown if str(n["summary"]).startswith("You have been sitting for ")]


def doctor_line(app: RunningApp) -> str:
    return next(line for line in app.cli("doctor").stdout.splitlines() if "screen sharing" in line)


def test_a_screencast_holds_the_reminder_and_its_end_lets_one_through(session, start) -> None:
    app = start('[breaks]\ninterval = "3s"\nremind_again = "10m"\n')
    assert doctor_line(app).endswith("GNOME's screencast sessions: readable, not in use now")
    sharer = share_the_screen(session)
    try:
        assert doctor_line(app).endswith("GNOME's screencast sessions: in use now")
        wait_for(lambda: app.status()["held_back"], 15, "the reminder to be held back")
        assert app.status()["held_back"] == "screen shared"
        assert reminders(session) == []
    finally:
        stop_sharing(sharer)
    ended = time.monotonic()
    wait_for(lambda: reminders(session), timing.QUIET_POLL + 5, "the reminder after the share")
    print(f"reminder {time.monotonic() - ended:.2f} s after the screencast ended")
    app.wait_for_event("reminder")  # written just after the notification is sent
    kinds = [k for k, _ in app.events()]
    assert (kinds.count("reminder"), kinds.count("reminder_held")) == (1, 1)
    assert len(reminders(session)) == 1
