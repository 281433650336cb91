"""The settings window's fields as data: chosen from the declarations, checked as the config
check checks the file, and only what changed is saved."""

from pathlib import Path

from hamstray.engine import settings
from hamstray.engine.checks import Flag, Words
from hamstray.engine.settings import Key
from hamstray.ui.settings import protocol
from hamstray.ui.settings.form import Form, Kind, kind_of, pages

PATH = Path("config.toml")


def form(text: str = "") -> Form:
    return Form(text, PATH)


def test_each_field_is_chosen_by_the_keys_check() -> None:
    kinds = {f.key.dotted: f.kind for _, page in pages() for f in page}
    assert kinds["breaks.interval"] is Kind.DURATION
    assert kinds["breaks.max_snoozes"] is Kind.NUMBER
    assert kinds["routines.morning"] is Kind.CLOCK
    assert kinds["notifications.enabled"] is Kind.FLAG
    assert kinds["stretches.progression"] is Kind.CHOICE
    assert kinds["stretches.contexts"] is Kind.OPTIONS
    assert kinds["stretches.exclude"] is Kind.STRETCHES


def test_the_window_shows_the_keys_people_change_and_leaves_the_rest_to_the_file() -> None:
    shown = [f.key.dotted for _, page in pages() for f in page]
    assert shown[:3] == ["breaks.interval", "breaks.snooze", "breaks.max_snoozes"]
    assert "stretches.hold" not in shown  # "Open the file" is there for the rest
    assert [title for title, _ in pages()] == ["Breaks", "Stretches", "Routines", "Quiet"]
    assert {"stretches.avoid", "stretches.have", "quiet.apps"} <= set(shown)


def later_keys() -> list[Key]:
    """The keys of today, and keys another change declares later."""
    conditions = Words("conditions", ("knee", "low-back", "pregnancy"))
    return [
        *settings.declared(),
        Key("notifications", "tips", Flag(), "at most one tip a day", True),
        Key("stretches", "avoid", conditions, "conditions to avoid", ()),
        Key("quiet", "microphone", Flag(), "quiet while the microphone is on", True),
        Key("quiet", "apps", Words("process names"), "apps that keep reminders quiet", ()),
    ]


def test_keys_declared_later_show_up_on_their_pages_by_their_check() -> None:
    """No window code for them: their pages name them, their checks choose the widgets."""
    found = {title: [(f.key.dotted, f.kind) for f in page] for title, page in pages(later_keys())}
    assert ("notifications.tips", Kind.FLAG) in found["Breaks"]
    assert ("stretches.avoid", Kind.OPTIONS) in found["Stretches"]
    assert ("quiet.microphone", Kind.FLAG) in found["Quiet"]
    assert ("quiet.apps", Kind.WORDS) in found["Quiet"]
    assert kind_of(Key("x", "y", object(), "", None)) is None  # type: ignore[arg-type]


def test_a_typed_value_gets_the_config_checks_own_message() -> None:
    edited = form()
    assert edited.enter("breaks.interval", "soon") == 'expected a duration like "45m", got "soon"'
    assert edited.enter("breaks.interval", "25h") == 'expected a duration from 1s to 24h, got "25h"'
    assert edited.enter("breaks.interval", "20") == 'write the unit too, like "20m" for minutes'
    assert (
        edited.enter("breaks.max_snoozes", "21") == "expected a whole number from 0 to 20, got 21"
    )
    assert edited.enter("routines.morning", "7am") == (
        'expected a time like "07:30" (or "" for none), got "7am"'
    )
    assert edited.blocked
    assert edited.enter("breaks.interval", "20m") is None
    assert edited.enter("breaks.max_snoozes", "2") is None
    assert edited.enter("routines.morning", "") is None
    assert not edited.blocked
    assert edited.changes() == {
        "breaks.interval": 20 * 60,
        "breaks.max_snoozes": 2,
        "routines.morning": None,
    }


def test_unticking_every_context_is_refused_as_the_file_would_be() -> None:
    edited = form()
    assert edited.enter("stretches.contexts", ()) == (
        'expected a list of "desk", "standing", "floor", got an empty list'
    )
    assert edited.notes()["stretches.contexts"][1] is True


def test_values_that_make_no_sense_together_are_warned_about_and_do_not_stop_a_save() -> None:
    edited = form()
    edited.enter("breaks.interval", "5m")
    message, stops = edited.notes()["breaks.remind_again"]
    assert message.startswith("10m is longer than breaks.interval (5m)")
    assert not stops
    assert not edited.blocked


def test_nothing_changed_is_nothing_to_save() -> None:
    edited = form('[breaks]\ninterval = "45m"\n')
    edited.enter("breaks.interval", "45m")
    edited.enter("breaks.interval", "2700s")
    assert edited.changes() == {}


def test_a_bad_value_in_the_file_is_shown_and_saving_writes_the_value_shown() -> None:
    edited = form('[breaks]\nsnooze = "5 m"\n')
    message, stops = edited.notes()["breaks.snooze"]
    assert message == (
        'in the file: expected a duration like "45m", got "5 m"; Save writes the value shown'
    )
    assert not stops
    assert edited.changes() == {"breaks.snooze": 5 * 60}


def test_a_file_toml_cannot_read_is_not_edited_here() -> None:
    edited = form("[breaks\n")
    assert edited.unreadable is not None
    assert edited.blocked


def test_the_protocol_carries_each_report_both_ways() -> None:
    for message in (
        protocol.Saved(True, ("breaks.interval",), autostart=True, standing=None),
        protocol.OpenFile("/home/me/.config/hamstray/config.toml"),
        protocol.Closed(),
        protocol.OpenFailed("No program opened it."),
    ):
        assert protocol.decode(protocol.encode(message)) == message
    assert protocol.decode("not json") is None
    assert protocol.decode('{"event": "saved", "changes": [1]}') is None
