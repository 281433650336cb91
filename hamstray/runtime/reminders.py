"""What a reminder says: the notification's title, body and buttons for the engine's effects."""

from hamstray.engine import durations
from hamstray.engine.catalogue import Stretch
from hamstray.engine.guidance import Tip
from hamstray.engine.model import Remind, RemindRoutine

Buttons = tuple[tuple[str, str], ...]
# "default" is what a click on the banner itself does; servers that list it with the buttons
# (dunst, mako) get no second "Start stretch" (see notify.buttons_for).
START_BUTTONS: Buttons = (
    ("default", "Start stretch"),
    ("start", "Start stretch"),
    ("snooze", "Snooze"),
)
SNOOZE_BUTTON: Buttons = (("snooze", "Snooze"),)


CHECKIN_BUTTONS: Buttons = (("default", "Start check-in"), ("checkin", "Start check-in"))


def break_reminder(
    effect: Remind, snooze_s: int, tip: Tip | None = None, click_starts: bool = True
) -> tuple[str, str, Buttons]:
    """(title, body, buttons) of a due break's reminder, with today's ``tip`` if it has one;
    ``click_starts``: a click on the tray icon starts the stretch (GNOME's AppIndicator
    extension opens the menu instead)."""
    title = f"You have been sitting for {durations.humanize(effect.sat_s)}"
    buttons: Buttons = ()
    if effect.stretch is None:
        body = "Stand up and move for a few minutes."
    elif not effect.can_start:  # the guide cannot open here: the user was told why, once
        body, buttons = message(effect.stretch, snooze_s, None), SNOOZE_BUTTON
    else:
        how = (
            "Click the hamstray icon to start"
            if click_starts
            else "Start it from the notification or the menu"
        )
        body, buttons = message(effect.stretch, snooze_s, how), START_BUTTONS
    return title, body if tip is None else f"{body}\nTip: {tip.text}", buttons


def message(stretch: Stretch, snooze_s: int, how: str | None) -> str:
    """The body of a reminder: the stretch as fits it ("Try at your desk:"), its dose, and how
    to start it (None: it cannot be started here) or snooze it."""
    snooze = f"snooze for {durations.humanize(snooze_s)}"
    then = f"{how}, or {snooze}." if how else f"Or {snooze}."
    return f"{stretch.reminder_intro} {stretch.name} ({stretch.dose_text}). {then}"


def checkin_reminder() -> tuple[str, str, Buttons]:
    """(title, body, buttons) of the one prompt when the flexibility check-in is due."""
    return (
        "Time for a flexibility check-in",
        "A one-minute self-test at your desk shows how your hamstrings change over the weeks. "
        "Start it now, or later from the hamstray menu (Flexibility check-in…).",
        CHECKIN_BUTTONS,
    )


def routine_reminder(effect: RemindRoutine) -> tuple[str, str]:
    """(title, body) of a routine's reminder."""
    return (
        f"Time for your {effect.name} stretch",
        f"A {durations.humanize(effect.length_s)} floor routine for your hamstrings and their "
        f"neighbours. Start it from the hamstray menu or with `hamstray routine {effect.name}`.",
    )


def hello(interval_s: int) -> tuple[str, str]:
    """(title, body) of the first start's notification."""
    return (
        "hamstray is running",
        f"After {durations.humanize(interval_s)} of sitting it will suggest a stretch. "
        "Right-click the tray icon for the menu, or run `hamstray setup` to change the interval "
        "and routines.",
    )
