"""`hamstray doctor` says the right thing about each kind of desktop."""

from hamstray.cli import doctor

X11 = {"DISPLAY": ":0", "XDG_CURRENT_DESKTOP": "XFCE"}
GNOME_WAYLAND = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "XDG_CURRENT_DESKTOP": "GNOME"}


def test_an_xembed_tray_without_pygobject_is_ok() -> None:
    check = doctor.tray(X11, "linux", lambda: True, lambda: False, has_gi=False)
    assert check.ok
    assert "xorg backend (no StatusNotifierItem host and no PyGObject)" in check.detail
    assert "right click opens hamstray's menu" in check.detail


def test_a_statusnotifier_host_is_used_without_pygobject() -> None:
    check = doctor.tray(GNOME_WAYLAND, "linux", lambda: False, lambda: True, has_gi=False)
    assert check.ok
    assert check.detail.startswith("sni backend (a StatusNotifierItem host is on the session bus)")


def test_no_tray_at_all_on_gnome_points_at_the_appindicator_extension() -> None:
    check = doctor.tray(GNOME_WAYLAND, "linux", lambda: False, lambda: False, has_gi=False)
    assert not check.ok
    assert "AppIndicator extension" in check.hint


def test_wayland_without_x11_and_without_a_host_is_a_problem() -> None:
    wayland = {"WAYLAND_DISPLAY": "wayland-0", "XDG_CURRENT_DESKTOP": "sway"}
    check = doctor.tray(wayland, "linux", lambda: None, lambda: False, has_gi=False)
    assert not check.ok
    assert "needs X11, this is Wayland" in check.detail


def test_a_forced_sni_backend_without_a_watcher_is_a_problem_with_a_hint() -> None:
    env = {**GNOME_WAYLAND, "HAMSTRAY_TRAY": "sni"}
    check = doctor.tray(env, "linux", lambda: True, lambda: False, has_gi=True)
    assert not check.ok
    assert "sni backend (chosen by HAMSTRAY_TRAY), but no StatusNotifierWatcher" in check.detail
    assert "gnome-shell-extension-appindicator" in check.hint


def test_an_unknown_override_is_named_with_the_choices() -> None:
    check = doctor.tray({**X11, "HAMSTRAY_TRAY": "qt"}, "linux", lambda: True, lambda: True, False)
    assert not check.ok
    assert check.detail == (
        "HAMSTRAY_TRAY=qt is not one of sni, gtk, appindicator, xorg, win32, darwin, dummy"
    )


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


def test_the_running_apps_word_on_its_settings_file_is_what_doctor_says(tmp_path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[breaks]\ninterval = "20m"\n')  # fine now: the app read an older, bad one
    message = "settings file has 2 problems; the last good settings are in use"
    check = doctor.config_state(path, {"pid": 7, "config": {"path": str(path), "message": message}})
    assert not check.ok
    assert check.detail == f"{message} ({path})"
    assert doctor.config_state(path, {"pid": 7, "config": {"message": None}}).ok
    assert doctor.running({"pid": 7}).detail == "running (pid 7)"
