"""The tray menu as a function of the view: labels and enabled states follow the phase."""

from dataclasses import replace

import pytest

from hamstray.desktop.tray import menu
from hamstray.engine import events, timing
from hamstray.engine.model import Phase, View
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
def test_every_phase_has_the_full_menu_with_start_first_and_default(phase: Phase) -> None:
    items = menu.items(view(phase), EXTRAS)
    assert items[0].label == f"Start: {STRETCH.name}"
    assert items[0].default
    assert items[0].action == events.StartStretch()
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
    assert sitting["Pause"].submenu[0].action == events.Pause(seconds=1800)
    assert sitting["Pause"].submenu[3].action == menu.Command.PAUSE_TOMORROW
    paused = by_label(menu.items(view(Phase.PAUSED), EXTRAS))
    assert "Pause" not in paused
    assert paused["Resume"].action == events.Resume()
    assert not paused["Skip this break"].enabled


def test_check_items_show_their_state() -> None:
    items = by_label(menu.items(view(Phase.SITTING, standing=True), EXTRAS))
    assert items["I'm standing"].checked is True
    assert items["I'm standing"].action == events.Stand(on=False)
    assert items["Start at login"].checked is True
    assert items["Today: 6 breaks · 4 stretches"].enabled is False


def test_the_check_in_stays_in_the_menu_whatever_the_phase() -> None:
    for phase in Phase:
        item = by_label(menu.items(view(phase), EXTRAS))["Flexibility check-in…"]
        assert item.action == events.StartCheckin()
        assert item.enabled


def test_the_tooltip_says_why_a_due_break_waits() -> None:
    held = replace(view(Phase.DUE), held_back=Reason(Cause.CAMERA, "zoom"))
    assert (
        menu.title_for(held)
        == f"Time for a break, held back: camera in use by zoom · {STRETCH.name}"
    )
    assert menu.title_for(view(Phase.DUE)) == f"Time for a break · {STRETCH.name}"
