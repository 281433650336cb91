"""What reminders say: the stretch introduced as fits it, with its dose, never "hold" for a
movement; the check-in's one prompt; and, for the host it shows on, how to start it (issue 18,
bug 9; issue 21 §3)."""

from hamstray.engine.effects import Remind
from hamstray.runtime import reminders
from hamstray.store import assets
from hamstray.store.assets import stretches

BY_ID = {s.id: s for s in (*assets.stretches(), *assets.warm_ups())}


def body(stretch_id: str) -> str:
    return reminders.break_reminder(Remind(1800, BY_ID[stretch_id]), 300)[1]


def test_a_desk_stretch_is_tried_at_the_desk_with_its_hold() -> None:
    assert body("chair-hamstring").startswith(
        "Try at your desk: Seated hamstring stretch (30 s each side). "
    )


def test_a_standing_stretch_asks_you_to_stand_up() -> None:
    assert body("desk-calf").startswith("Stand up for: Calf stretch at the desk (30 s each side).")


def test_movements_count_rounds_or_minutes_never_a_hold() -> None:
    assert body("seated-cat-cow").startswith("Try at your desk: Seated cat-cow (8 slow rounds).")
    assert "(1 min each side)" in body("foot-roll")
    for stretch_id in ("seated-cat-cow", "foot-roll"):
        assert "hold" not in body(stretch_id).lower()


def test_the_heel_drop_says_it_needs_a_step_and_a_rail() -> None:
    assert body("step-heel-drop").startswith("If you have a step and a rail: Heel drop on a step")


def test_the_check_in_prompt_offers_to_start_it_and_says_where_it_waits() -> None:
    title, text, buttons = reminders.checkin_reminder()
    assert title == "Time for a flexibility check-in"
    assert "Flexibility check-in…" in text
    assert ("default", "Start check-in") in buttons


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
    assert buttons == (("snooze", "Snooze"),)
    assert "start" not in body.lower().replace("stand up", "")
    assert body.endswith("Or snooze for 5 min.")
    assert STRETCH.name in body


def test_without_a_stretch_the_reminder_only_asks_to_move() -> None:
    _, body, buttons = reminders.break_reminder(Remind(1800, None), 300)
    assert body == "Stand up and move for a few minutes."
    assert buttons == ()
