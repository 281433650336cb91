"""`hamstray doctor` says the right thing about each kind of desktop."""

from hamstray.cli import doctor
from hamstray.desktop.calls import Look, ProbeError, Unsupported
from hamstray.engine.reasons import Cause
from hamstray.engine.settings import Quiet

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


def call_looks(**found: object) -> list[Look]:
    """Linux-like looks whose answers are ``found[cause]`` (an exception is raised)."""

    def look(cause: str):
        def answer() -> str | None:
            value = found.get(cause)
            if isinstance(value, Exception):
                raise value
            return value  # type: ignore[return-value]

        return answer

    return [
        Look(Cause.MICROPHONE, "PulseAudio/PipeWire capture streams", "microphone", look("mic")),
        Look(Cause.CAMERA, "/dev/video* held open", "camera", look("camera")),
        Look(Cause.APP, "/proc", None, look("app")),
    ]


def test_doctor_shows_which_call_checks_work_and_what_they_see() -> None:
    looks = call_looks(camera="zoom", app="zoom")
    checks = doctor.call_probes(looks, Quiet(apps=("zoom",)), "win32")
    assert [str(c) for c in checks] == [
        "OK       microphone     PulseAudio/PipeWire capture streams: readable, not in use now",
        "OK       camera         /dev/video* held open: in use now by zoom",
        "N/A      screen sharing Windows does not say when the screen is shared",
        "OK       apps           /proc: zoom is running now",
    ]
    assert all(c.ok for c in checks)  # what a platform cannot see is no problem to fix


def test_a_call_check_that_cannot_look_is_a_problem_with_a_way_out() -> None:
    looks = call_looks(mic=ProbeError("pulsectl cannot be used: libpulse.so.0: cannot open"))
    check = doctor.call_probes(looks, Quiet(), "linux")[0]
    assert not check.ok
    assert check.detail.endswith("pulsectl cannot be used: libpulse.so.0: cannot open")
    assert "[quiet] microphone = false" in check.hint


def test_a_desktop_without_the_means_to_look_is_no_problem() -> None:
    """KDE has a session bus but no GNOME screencast interface: N/A, not PROBLEM."""
    looks = [Look(Cause.SCREEN_SHARING, "GNOME's screencast sessions", "screen_sharing", kde)]
    (_, _, check, _) = doctor.call_probes(looks, Quiet(), "linux")
    assert str(check) == (
        "N/A      screen sharing only GNOME's screencasts can be read, and this is not GNOME"
    )
    assert check.ok


def kde() -> str | None:
    raise Unsupported("only GNOME's screencasts can be read, and this is not GNOME")


def test_switched_off_and_unnamed_checks_say_so() -> None:
    checks = doctor.call_probes(call_looks(), Quiet(camera=False), "linux")
    assert checks[1].detail == "off ([quiet] camera = false)"
    assert checks[3].detail.startswith("none named ([quiet] apps")


def test_the_running_apps_word_on_its_settings_file_is_what_doctor_says(tmp_path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[breaks]\ninterval = "20m"\n')  # fine now: the app read an older, bad one
    message = "settings file has 2 problems; the last good settings are in use"
    check = doctor.config_state(path, {"pid": 7, "config": {"path": str(path), "message": message}})
    assert not check.ok
    assert check.detail == f"{message} ({path})"
    assert doctor.config_state(path, {"pid": 7, "config": {"message": None}}).ok
    assert doctor.running({"pid": 7}).detail == "running (pid 7)"


def test_the_idle_hint_is_true_for_each_desktop() -> None:
    """Before: "on Wayland, GNOME and KDE are supported" everywhere, also on KDE Wayland,
    whose ScreenSaver answers GetSessionIdleTime with NotSupported (issue 18, bug 7)."""
    hint = doctor.idle_probe(None, {"WAYLAND_DISPLAY": "w", "XDG_CURRENT_DESKTOP": "KDE"}).hint
    assert hint.startswith("on KDE Wayland hamstray takes KWin's idle notices")
    sway = doctor.idle_probe(None, {"WAYLAND_DISPLAY": "w", "XDG_CURRENT_DESKTOP": "sway"}).hint
    assert "ext-idle-notify-v1 or org_kde_kwin_idle" in sway
    gnome = doctor.idle_probe(None, GNOME_WAYLAND).hint
    assert "org.gnome.Mutter.IdleMonitor" in gnome
    assert "MIT-SCREEN-SAVER" in doctor.idle_probe(None, X11).hint
    assert all("hamstray -v doctor" in h for h in (hint, sway, gnome))


def test_a_guide_that_cannot_open_is_a_problem_with_the_fix() -> None:
    fix = "the guide window needs Tk, and this Python has no tkinter: sudo apt install python3-tk."
    check = doctor.guide(fix)
    assert not check.ok
    assert check.hint == "The" + fix[3:]
    assert doctor.guide(None).ok


def test_without_tk_doctor_does_not_promise_the_xembed_menu() -> None:
    check = doctor.tray(X11, "linux", lambda: True, lambda: False, False, "no tkinter")
    assert check.ok
    assert "right click opens" not in check.detail
    assert "its menu cannot open without Tk" in check.detail
