"""The tray menu as a function of the view: labels and enabled states follow the phase."""

from dataclasses import replace

import pytest

from hamstray.desktop.tray import base, menu
from hamstray.engine import asks, timing
from hamstray.engine.model import View
from hamstray.engine.phase import Phase
from hamstray.engine.reasons import Cause, Reason
from hamstray.store.assets import stretches

STRETCH = stretches()[0]
EXTRAS = menu.Extras(snooze_s=300, breaks_today=6, stretches_today=4, autostart=True)


def view(phase: Phase, snoozes_left: int = 2, standing: bool = False) -> View:
    """A view of ``phase`` as the engine would make it (snoozing allowed when a break is due)."""
    return View(
        phase,
        progress=3,
        sitting_s=450.0,
        next_break_in=600.0,
        snoozes_left=snoozes_left,
        can_snooze=phase in timing.SNOOZABLE and snoozes_left > 0,
        stretch=STRETCH,
        paused_until=None,
        standing=standing,
    )


def by_label(items: tuple[menu.Item, ...]) -> dict[str, menu.Item]:
    return {i.label: i for i in items if not i.separator}


@pytest.mark.parametrize("phase", list(Phase))
def test_every_phase_has_the_full_menu_with_where_you_are_then_start_as_default(
    phase: Phase,
) -> None:
    items = menu.items(view(phase), EXTRAS)
    assert items[0].label == menu.status(view(phase))
    assert not items[0].enabled
    assert items[1].label == f"Start: {STRETCH.name}"
    assert items[1].default
    assert items[1].action == asks.StartStretch()
    labels = [i.label for i in items if not i.separator]
    assert labels[-1] == "Quit"
    assert "Today: 6 breaks · 4 stretches" in labels
    assert {
        "Morning routine",
        "Evening routine",
        "I'm standing",
        "Statistics…",
        "Settings…",
        "Start at login",
    } <= set(labels)


def test_snooze_says_how_many_are_left_and_is_enabled_only_when_due() -> None:
    assert by_label(menu.items(view(Phase.DUE), EXTRAS))["Snooze 5 min (2 left)"].enabled
    assert not by_label(menu.items(view(Phase.SITTING), EXTRAS))["Snooze 5 min (2 left)"].enabled
    none_left = by_label(menu.items(view(Phase.DUE, snoozes_left=0), EXTRAS))
    assert not none_left["Snooze 5 min (0 left)"].enabled


def test_pause_offers_a_submenu_and_resume_replaces_it_while_paused() -> None:
    sitting = by_label(menu.items(view(Phase.SITTING), EXTRAS))
    assert [i.label for i in sitting["Pause"].submenu] == [
        "30 min",
        "1 hour",
        "2 hours",
        "Until tomorrow",
    ]
    assert sitting["Pause"].submenu[0].action == asks.Pause(seconds=1800)
    assert sitting["Pause"].submenu[3].action == menu.Command.PAUSE_TOMORROW
    paused = by_label(menu.items(view(Phase.PAUSED), EXTRAS))
    assert "Pause" not in paused
    assert paused["Resume"].action == asks.Resume()
    assert not paused["Skip this break"].enabled


def test_check_items_show_their_state() -> None:
    items = by_label(menu.items(view(Phase.SITTING, standing=True), EXTRAS))
    assert items["I'm standing"].checked is True
    assert items["I'm standing"].action == asks.Stand(on=False)
    assert items["Start at login"].checked is True
    assert items["Today: 6 breaks · 4 stretches"].enabled is False


def test_the_first_line_says_when_the_next_break_is_for_hosts_without_tooltips() -> None:
    """GNOME's AppIndicator extension and XEmbed trays show no tooltip (issue 18, bug 9)."""
    assert menu.items(view(Phase.SITTING), EXTRAS)[0].label == "Next break in 10 min"
    assert menu.items(view(Phase.DUE), EXTRAS)[0].label == "Time for a break"
    assert menu.title_for(view(Phase.SITTING)) == f"Next break in 10 min · {STRETCH.name}"


def test_counts_of_one_read_in_the_singular() -> None:
    one = menu.Extras(snooze_s=300, breaks_today=1, stretches_today=1)
    labels = [i.label for i in menu.items(view(Phase.SITTING), one)]
    assert "Today: 1 break · 1 stretch" in labels
    none = menu.Extras(snooze_s=300)
    assert "Today: 0 breaks · 0 stretches" in [
        i.label for i in menu.items(view(Phase.SITTING), none)
    ]


def test_without_a_guide_start_is_offered_but_not_enabled() -> None:
    cannot = replace(view(Phase.DUE), can_start=False)
    start = menu.items(cannot, EXTRAS)[1]
    assert start.label == f"Start: {STRETCH.name}"
    assert not start.enabled
    assert menu.default_action(menu.items(cannot, EXTRAS)) is None


@pytest.mark.parametrize(
    ("backend", "desktop", "starts"),
    [
        ("sni", "KDE", True),
        ("sni", "sway", True),
        ("sni", "ubuntu:GNOME", False),  # the AppIndicator extension opens the menu
        ("appindicator", "XFCE", False),
        ("xorg", "", True),
        ("gtk", "GNOME", True),
        ("darwin", "", False),
    ],
)
def test_where_a_click_on_the_icon_starts_the_stretch(backend, desktop, starts) -> None:
    assert base.click_starts(backend, desktop) is starts


def test_the_check_in_stays_in_the_menu_whatever_the_phase() -> None:
    for phase in Phase:
        item = by_label(menu.items(view(phase), EXTRAS))["Flexibility check-in…"]
        assert item.action == asks.StartCheckin()
        assert item.enabled


def test_the_tooltip_says_why_a_due_break_waits() -> None:
    held = replace(view(Phase.DUE), held_back=Reason(Cause.CAMERA, "zoom"))
    assert (
        menu.title_for(held)
        == f"Time for a break, held back: camera in use by zoom · {STRETCH.name}"
    )
    assert menu.title_for(view(Phase.DUE)) == f"Time for a break · {STRETCH.name}"


def test_an_xorg_tooltip_is_latin1_that_x_can_carry() -> None:
    """pystray's xorg icon sets the tooltip as a Latin-1 window name: French's typographic
    apostrophe would stop its main loop."""
    from hamstray.desktop.tray.xembed import latin1

    french = "C\u2019est l\u2019heure d\u2019une pause \u00b7 \u00c9tirement\u2026"
    assert latin1(french) == "C'est l'heure d'une pause \u00b7 \u00c9tirement..."
    assert latin1("F\u00fc\u00dfe \u263a") == "F\u00fc\u00dfe ?"
