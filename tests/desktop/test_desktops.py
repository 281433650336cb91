"""hamstray on the desktops people use: GNOME Shell (Wayland and X11), KDE Plasma and sway.

Each test brings up one real desktop (see ``desktops.py``), starts the installed hamstray in
it with short intervals, and checks what a person would see: the icon in the panel, the
reminder and its buttons, the history those buttons write, idle time, and doctor's report.
Run one desktop with ``tests/run -m gnome`` (or ``kde``, ``sway``).
"""

import time

import pytest

from hamstray.desktop.tray import icons

from .conftest import RunningApp
from .desktops import icon_in_panel, params
from .stack import Desktop, wait_for

pytestmark = pytest.mark.parametrize("session", params(), indirect=True)

REMINDER = "You have been sitting for "
BUTTONS = ["Snooze", "Start stretch"]


def reminders(session: Desktop) -> list[dict[str, object]]:
    """The reminders on screen now, newest first."""
    return [n for n in session.shown() if str(n["summary"]).startswith(REMINDER)]  # type: ignore[attr-defined]


def wait_for_reminder(session: Desktop, timeout: float = 15) -> dict[str, object]:
    found = wait_for(lambda: reminders(session), timeout, "a reminder on screen")
    return found[0]  # type: ignore[index,no-any-return]


def rows(app: RunningApp, kind: str) -> int:
    return [k for k, _ in app.events()].count(kind)


def settled(app: RunningApp, session: Desktop) -> None:
    """Wait until the server's button signals have reached the app and it has acted on them:
    the newest ActionInvoked is a second old and the app has answered since."""
    monitor = session.monitor  # type: ignore[attr-defined]
    wait_for(lambda: monitor.snapshot().invoked, 5, "the server to send ActionInvoked")
    # Nothing to wait for but quiet: a second signal for the same press (GNOME sends two)
    # comes within milliseconds of the first.
    time.sleep(1)
    app.status()


def test_the_icon_registers_and_shows_in_the_panel(session, start, tmp_path) -> None:
    app = start()
    ours = f"org.kde.StatusNotifierItem-{app.process.pid}-1"
    assert any(item.split("/")[0] == ours for item in session.sni_items()), session.sni_items()
    wait_for(
        lambda: icon_in_panel(session, icons.TEAL, tmp_path / "sitting.png"),
        15,
        "the teal sitting icon in the panel",
    )


def test_a_due_break_turns_the_icon_orange(session, start, tmp_path) -> None:
    app = start('[breaks]\ninterval = "5s"\nremind_again = "10m"\n')
    sitting = wait_for(
        lambda: icon_in_panel(session, icons.TEAL, tmp_path / "sitting.png"),
        15,
        "the teal sitting icon in the panel",
    )
    wait_for(lambda: app.status()["phase"] == "due", 15, "a due break")
    wait_for(
        lambda: icon_in_panel(session, icons.ORANGE, tmp_path / "due.png", near=sitting),
        20,
        "the orange due icon in the panel (see due.png)",
    )


def test_a_due_break_pops_up_a_reminder_with_start_and_snooze(session, start) -> None:
    app = start('[breaks]\ninterval = "3s"\nremind_again = "10m"\n')
    wait_for(lambda: app.status()["phase"] == "due", 15, "a due break")
    reminder = wait_for_reminder(session, timeout=10)
    assert sorted(set(reminder["actions"])) == BUTTONS  # type: ignore[call-overload]
    assert "No notification server answers" not in app.log()


def test_one_press_of_snooze_snoozes_once(session, start) -> None:
    app = start('[breaks]\ninterval = "3s"\nremind_again = "10m"\n')
    wait_for_reminder(session)
    session.press("Snooze")
    app.wait_for_event("snoozed")
    settled(app, session)
    assert rows(app, "snoozed") == 1, f"one press of Snooze wrote: {app.events()}"
    assert app.status()["snoozes_left"] == 2


def test_one_press_of_start_starts_once(session, start) -> None:
    app = start('[breaks]\ninterval = "3s"\nremind_again = "10m"\n[stretches]\nhold = "60s"\n')
    wait_for_reminder(session)
    session.press("Start stretch")
    app.wait_for_event("stretch_started")
    settled(app, session)
    assert rows(app, "stretch_started") == 1, f"one press of Start wrote: {app.events()}"


def test_a_reminder_after_a_dismissed_one_pops_up(session, start) -> None:
    """The next reminder is a new notification, not a replacement of the closed one."""
    app = start('[breaks]\ninterval = "3s"\nremind_again = "20s"\n')
    first = wait_for_reminder(session)
    session.dismiss(first["id"])
    wait_for(
        lambda: any(n == first["id"] for n, _ in session.monitor.snapshot().closed),  # type: ignore[attr-defined]
        10,
        "the server to close the dismissed reminder (NotificationClosed)",
    )
    assert rows(app, "reminder") == 1  # closed before the next one came, or this proves nothing
    wait_for(lambda: rows(app, "reminder") >= 2, 30, "hamstray to remind again")
    wait_for(
        lambda: any(r["id"] != first["id"] for r in reminders(session)),
        10,
        "the next reminder on screen",
    )


def test_a_reminder_handled_another_way_is_withdrawn(session, start) -> None:
    app = start('[breaks]\ninterval = "3s"\nremind_again = "10m"\nsnooze = "10m"\n')
    wait_for_reminder(session)
    assert app.cli("snooze").returncode == 0
    wait_for(lambda: not reminders(session), 5, "the snoozed reminder to be withdrawn")


def test_idle_time_is_seen(session, start) -> None:
    """Left alone, the user is away; back at the mouse, that was a natural break."""
    app = start('[breaks]\ninterval = "10m"\nidle_reset = "3s"\n')
    wait_for(lambda: app.status()["phase"] == "away", 20, "hamstray to see the user away")
    session.move_pointer(400, 300)
    session.move_pointer(420, 320)
    app.wait_for_event("natural_break", timeout=15)
    assert app.status()["phase"] == "sitting"


def test_doctor_tells_the_truth(session, start) -> None:
    """Every part doctor calls OK works here, and here every part can work."""
    app = start('[breaks]\ninterval = "3s"\nremind_again = "10m"\n')
    wait_for(lambda: app.status()["phase"] == "due", 15, "a due break")
    doctor = app.cli("doctor")
    lines = {line.split()[1]: line for line in doctor.stdout.splitlines() if line[:2] in "OKPR"}
    assert lines["tray"].startswith("OK"), doctor.stdout
    if lines["notifications"].startswith("OK"):
        try:
            wait_for_reminder(session, timeout=5)
        except TimeoutError:
            pytest.fail(
                f"doctor says notifications are OK, yet no reminder shows:\n{doctor.stdout}"
            )
    assert lines["notifications"].startswith("OK"), doctor.stdout
    assert lines["idle"].startswith("OK"), doctor.stdout
    assert doctor.returncode == 0, doctor.stdout
