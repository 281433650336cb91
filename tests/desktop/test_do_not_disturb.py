"""Each desktop's own do-not-disturb holds a due reminder back, and it comes once when the
quiet ends: GNOME's "show banners" switch, Plasma's inhibition (what its Do Not Disturb and
presentation apps set), dunst's pause. mako's modes are not read (see the README)."""

import contextlib
from collections.abc import Iterator

import pytest
from jeepney import DBusAddress, new_method_call
from jeepney.io.blocking import open_dbus_connection
from jeepney.wrappers import unwrap_msg

from .desktops import params
from .stack import wait_for
from .test_desktops import rows, wait_for_reminder


@contextlib.contextmanager
def quiet(session) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Do-not-disturb on, the way a person (or an app) turns it on there, then off again."""
    name = session.__class__.__name__
    if name == "Gnome":
        session.run("gsettings", "set", "org.gnome.desktop.notifications", "show-banners", "false")
        yield
        session.run("gsettings", "set", "org.gnome.desktop.notifications", "show-banners", "true")
    elif name == "Plasma":
        # Inhibit lasts while the asking connection lives, as for an app that presents.
        with open_dbus_connection(bus=session.address) as connection:
            server = DBusAddress(
                "/org/freedesktop/Notifications",
                bus_name="org.freedesktop.Notifications",
                interface="org.freedesktop.Notifications",
            )
            call = new_method_call(server, "Inhibit", "ssa{sv}", ("test", "presenting", {}))
            (cookie,) = unwrap_msg(connection.send_and_get_reply(call, timeout=10))
            yield
            call = new_method_call(server, "UnInhibit", "u", (cookie,))
            unwrap_msg(connection.send_and_get_reply(call, timeout=10))
    else:  # dunst
        session.run("dunstctl", "set-paused", "true")
        yield
        session.run("dunstctl", "set-paused", "false")


@pytest.mark.parametrize("session", params("gnome-wayland", "plasma", "sway-dunst"), indirect=True)
def test_do_not_disturb_holds_the_reminder_until_it_ends(session, start) -> None:
    with quiet(session):
        app = start('[breaks]\ninterval = "3s"\nremind_again = "10m"\n')
        wait_for(lambda: app.status()["phase"] == "due", 15, "a due break")
        assert rows(app, "reminder") == 0, "the reminder came during do-not-disturb"
    wait_for_reminder(session, timeout=25)  # the quiet is looked at every 10 s while held
    # The reminder is sent before it is recorded (in the same step): wait for the record.
    wait_for(lambda: rows(app, "reminder") >= 1, 5, "the reminder in the history")
    assert rows(app, "reminder") == 1
