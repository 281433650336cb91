"""What reminders say: the stretch introduced as fits it, with its dose, never "hold" for a
movement; the check-in's one prompt."""

from hamstray.engine.model import Remind
from hamstray.runtime import reminders
from hamstray.store import assets

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
