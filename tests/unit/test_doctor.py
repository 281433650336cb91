"""`hamstray doctor` says the right thing about each kind of desktop."""

from hamstray import doctor

X11 = {"DISPLAY": ":0", "XDG_CURRENT_DESKTOP": "XFCE"}
GNOME_WAYLAND = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "XDG_CURRENT_DESKTOP": "GNOME"}


def test_an_xembed_tray_without_pygobject_is_ok() -> None:
    check = doctor.tray(X11, "linux", lambda: True, lambda: False, has_gi=False)
    assert check.ok
    assert "xorg (XEmbed) backend (pystray without PyGObject)" in check.detail


def test_no_system_tray_on_gnome_points_at_the_appindicator_extension() -> None:
    check = doctor.tray(GNOME_WAYLAND, "linux", lambda: False, lambda: False, has_gi=False)
    assert not check.ok
    assert "AppIndicator extension" in check.hint


def test_pygobject_without_a_watcher_is_a_problem_with_a_hint() -> None:
    check = doctor.tray(GNOME_WAYLAND, "linux", lambda: None, lambda: False, has_gi=True)
    assert not check.ok
    assert "appindicator backend (PyGObject is installed)" in check.detail
    assert "gnome-shell-extension-appindicator" in check.hint


def test_the_override_is_named() -> None:
    check = doctor.tray(
        {**X11, "HAMSTRAY_TRAY": "xorg"}, "linux", lambda: True, lambda: None, has_gi=True
    )
    assert "chosen by HAMSTRAY_TRAY" in check.detail


def test_notifications_with_and_without_buttons() -> None:
    assert doctor.notifications(["body", "actions"], "dunst 1.9").detail == (
        "dunst 1.9, with Start/Snooze buttons"
    )
    assert "without buttons" in doctor.notifications(["body"], None).detail
    missing = doctor.notifications(None, None)
    assert not missing.ok
    assert "dunst" in missing.hint


def test_lines_read_as_ok_or_problem_with_a_hint() -> None:
    assert str(doctor.Check("idle", True, "fine")) == "OK       idle           fine"
    assert str(doctor.Check("idle", False, "none", "do this")).splitlines() == [
        "PROBLEM  idle           none",
        " " * 24 + "hint: do this",
    ]
