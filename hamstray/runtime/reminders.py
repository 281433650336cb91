"""What a reminder says: the notification's title, body and buttons for the engine's effects."""

from hamstray.engine import durations
from hamstray.engine.catalogue import Stretch
from hamstray.engine.effects import Remind, RemindRoutine
from hamstray.engine.guidance import Tip
from hamstray.store import wording
from hamstray.store.translations import _

Buttons = tuple[tuple[str, str], ...]


def _start_buttons() -> Buttons:
    # "default" is what a click on the banner itself does; servers that list it with the
    # buttons (dunst, mako) get no second "Start stretch" (see notify.buttons_for).
    start = _("Start stretch")
    return (("default", start), ("start", start), ("snooze", _("Snooze")))


def _snooze_button() -> Buttons:
    return (("snooze", _("Snooze")),)


def _checkin_buttons() -> Buttons:
    start = _("Start check-in")
    return (("default", start), ("checkin", start))


def break_reminder(
    effect: Remind, snooze_s: int, tip: Tip | None = None, click_starts: bool = True
) -> tuple[str, str, Buttons]:
    """(title, body, buttons) of a due break's reminder, with today's ``tip`` if it has one;
    ``click_starts``: a click on the tray icon starts the stretch (GNOME's AppIndicator
    extension opens the menu instead)."""
    title = _("You have been sitting for {duration}").format(
        duration=durations.humanize(effect.sat_s)
    )
    buttons: Buttons = ()
    if effect.stretch is None:
        body = _("Stand up and move for a few minutes.")
    elif not effect.can_start:  # the guide cannot open here: the user was told why, once
        body, buttons = message(effect.stretch, snooze_s, None), _snooze_button()
    else:
        how = (
            _("Click the hamstray icon to start")
            if click_starts
            else _("Start it from the notification or the menu")
        )
        body, buttons = message(effect.stretch, snooze_s, how), _start_buttons()
    if tip is not None:
        body = _("{body}\nTip: {tip}").format(body=body, tip=tip.text)
    return title, body, buttons


def message(stretch: Stretch, snooze_s: int, how: str | None) -> str:
    """The body of a reminder: the stretch as fits it ("Try at your desk:"), its dose, and how
    to start it (None: it cannot be started here) or snooze it."""
    duration = durations.humanize(snooze_s)
    then = (
        _("{how}, or snooze for {duration}.").format(how=how, duration=duration)
        if how
        else _("Or snooze for {duration}.").format(duration=duration)
    )
    return _("{intro} {name} ({dose}). {then}").format(
        intro=stretch.reminder_intro, name=stretch.name, dose=wording.dose(stretch), then=then
    )


def checkin_reminder() -> tuple[str, str, Buttons]:
    """(title, body, buttons) of the one prompt when the flexibility check-in is due."""
    return (
        _("Time for a flexibility check-in"),
        _(
            "A one-minute self-test at your desk shows how your hamstrings change over the "
            "weeks. Start it now, or later from the hamstray menu (Flexibility check-in…)."
        ),
        _checkin_buttons(),
    )


def routine_reminder(effect: RemindRoutine) -> tuple[str, str]:
    """(title, body) of a routine's reminder."""
    return (
        (
            _("Time for your morning stretch")
            if effect.name == "morning"
            else _("Time for your evening stretch")
        ),
        _(
            "A {duration} floor routine for your hamstrings and their neighbours. Start it "
            "from the hamstray menu or with `hamstray routine {name}`."
        ).format(duration=durations.humanize(effect.length_s), name=effect.name),
    )


def hello(interval_s: int) -> tuple[str, str]:
    """(title, body) of the first start's notification."""
    return (
        _("hamstray is running"),
        _(
            "After {duration} of sitting it will suggest a stretch. Right-click the tray icon "
            "for the menu, or run `hamstray setup` to change the interval and routines."
        ).format(duration=durations.humanize(interval_s)),
    )


def routine_title(name: str) -> str:
    """The guide's title for a routine: "Morning routine"."""
    titles = {"morning": _("Morning routine"), "evening": _("Evening routine")}
    return titles.get(name, name)
