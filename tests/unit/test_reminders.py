"""What a reminder says and offers, for the host it shows on (issue 18, bug 9; issue 21 §3)."""

from hamstray.engine.model import Remind
from hamstray.runtime import reminders
from hamstray.store.assets import stretches

STRETCH = stretches()[0]


def test_where_a_click_starts_the_stretch_the_reminder_says_click_the_icon() -> None:
    title, body, buttons = reminders.break_reminder(Remind(1800, STRETCH), 300, click_starts=True)
    assert title == "You have been sitting for 30 min"
    assert "Click the hamstray icon to start, or snooze for 5 min." in body
    assert dict(buttons) == {
        "default": "Start stretch",
        "start": "Start stretch",
        "snooze": "Snooze",
    }


def test_where_a_click_opens_the_menu_the_reminder_asks_for_nothing_the_host_cannot_do() -> None:
    """GNOME's AppIndicator extension opens the menu on a left click."""
    _, body, _ = reminders.break_reminder(Remind(1800, STRETCH), 300, click_starts=False)
    assert "Click" not in body
    assert "Start it from the notification or the menu, or snooze for 5 min." in body


def test_without_a_guide_the_reminder_offers_only_what_works() -> None:
    _, body, buttons = reminders.break_reminder(
        Remind(1800, STRETCH, can_start=False), 300, click_starts=True
    )
    assert buttons == reminders.SNOOZE_BUTTON
    assert "start" not in body.lower().replace("stand up", "")
    assert body.endswith("Or snooze for 5 min.")
    assert STRETCH.name in body


def test_without_a_stretch_the_reminder_only_asks_to_move() -> None:
    _, body, buttons = reminders.break_reminder(Remind(1800, None), 300)
    assert body == "Stand up and move for a few minutes."
    assert buttons == ()
