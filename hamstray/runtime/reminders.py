"""What a reminder says: the notification's title, body and buttons for the engine's effects."""

from hamstray.engine import durations
from hamstray.engine.catalogue import Stretch
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


def break_reminder(
    effect: Remind, snooze_s: int, click_starts: bool = True
) -> tuple[str, str, Buttons]:
    """(title, body, buttons) of a due break's reminder; ``click_starts``: a click on the tray
    icon starts the stretch (GNOME's AppIndicator extension opens the menu instead)."""
    title = f"You have been sitting for {durations.humanize(effect.sat_s)}"
    if effect.stretch is None:
        return title, "Stand up and move for a few minutes.", ()
    if not effect.can_start:  # the guide cannot open here: the user was told why, once
        return title, message(effect.stretch, snooze_s, None), SNOOZE_BUTTON
    how = (
        "Click the hamstray icon to start"
        if click_starts
        else "Start it from the notification or the menu"
    )
    return title, message(effect.stretch, snooze_s, how), START_BUTTONS


def message(stretch: Stretch, snooze_s: int, how: str | None) -> str:
    """The body of a reminder: the stretch, its hold, and how to start it (None: it cannot be
    started here) or snooze it."""
    hold = f"{stretch.hold_s} s each side" if stretch.per_side else f"{stretch.hold_s} s"
    snooze = f"snooze for {durations.humanize(snooze_s)}"
    then = f"{how}, or {snooze}." if how else f"Or {snooze}."
    return f"Stand up and try: {stretch.name} (hold {hold}). {then}"


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
