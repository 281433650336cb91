"""Idle, quiet and autostart adapters, each platform driven through its injected OS call."""

import plistlib
from pathlib import Path

import pytest

from hamstray.desktop import autostart, idle, quiet
from hamstray.desktop.calls import Look
from hamstray.engine.reasons import Cause, Reason
from hamstray.engine.settings import Quiet


class FakeBus:
    """Answers D-Bus calls from a table, as the session bus would."""

    def __init__(self, answers: dict[str, object]) -> None:
        self.answers = answers
        self.calls: list[str] = []

    def __call__(self, bus: str, path: str, interface: str, method: str) -> object:
        self.calls.append(method)
        return self.answers.get(f"{interface}.{method}")


def test_gnome_mutter_reports_milliseconds() -> None:
    probe = idle.mutter(FakeBus({"org.gnome.Mutter.IdleMonitor.GetIdletime": 125_000}))
    assert probe is not None
    assert probe() == 125.0


def test_no_mutter_means_no_probe() -> None:
    assert idle.mutter(FakeBus({})) is None


def test_a_locked_screen_counts_as_idle_from_when_it_was_seen() -> None:
    now = [100.0]
    answers: dict[str, object] = {
        "org.freedesktop.ScreenSaver.GetSessionIdleTime": 3,
        "org.freedesktop.ScreenSaver.GetActive": False,
    }
    probe = idle.screensaver(FakeBus(answers), clock=lambda: now[0])
    assert probe is not None
    assert probe() == 3.0
    answers["org.freedesktop.ScreenSaver.GetActive"] = (
        True  # locked; input resets on the lock screen
    )
    answers["org.freedesktop.ScreenSaver.GetSessionIdleTime"] = 0
    assert probe() == 0.0
    now[0] = 700.0
    assert probe() == 600.0
    answers["org.freedesktop.ScreenSaver.GetActive"] = False
    assert probe() == 0.0


def test_windows_idle_survives_the_tick_counter_wrapping() -> None:
    assert idle.windows(lambda: 1_000, lambda: 61_000)() == 60.0
    assert idle.windows(lambda: 2**32 - 5_000, lambda: 5_000)() == 10.0


def test_macos_reads_hid_idle_time_from_ioreg() -> None:
    output = '    | |   "HIDIdleTime" = 42500000000\n    | |   "HIDKeyboard" = Yes\n'
    assert idle.macos(lambda argv: output)() == 42.5
    assert idle.macos(lambda argv: "nothing here")() is None


def test_x11_probe_reads_the_screensaver_extension() -> None:
    class Info:
        idle = 7_250

    class Root:
        def screensaver_query_info(self) -> Info:
            return Info()

    class Screen:
        root = Root()

    class Connection:
        def has_extension(self, name: str) -> bool:
            return name == "MIT-SCREEN-SAVER"

        def screen(self) -> Screen:
            return Screen()

    probe = idle.x11(Connection)
    assert probe is not None
    assert probe() == 7.25


@pytest.mark.parametrize(
    ("env", "answers", "expected"),
    [
        (
            {"WAYLAND_DISPLAY": "wayland-0", "XDG_CURRENT_DESKTOP": "GNOME"},
            {"org.gnome.Mutter.IdleMonitor.GetIdletime": 1000},
            1.0,
        ),
        (
            {"XDG_SESSION_TYPE": "wayland", "XDG_CURRENT_DESKTOP": "KDE"},
            {
                "org.freedesktop.ScreenSaver.GetSessionIdleTime": 9,
                "org.freedesktop.ScreenSaver.GetActive": False,
            },
            9.0,
        ),
        ({"WAYLAND_DISPLAY": "wayland-0", "XDG_CURRENT_DESKTOP": "sway"}, {}, None),
    ],
)
def test_choose_picks_the_probe_the_session_offers(env, answers, expected) -> None:
    probe = idle.choose("linux", env, lambda: FakeBus(answers))
    assert (probe() if probe else None) == expected


def test_dnd_of_the_notification_server_is_quiet() -> None:
    values = {"Inhibited": False, "paused": False}

    def get(bus: str, path: str, interface: str, name: str) -> object:
        return values[name]

    check = quiet.notifications_inhibited(get)
    assert check() is False
    values["paused"] = True  # dunstctl set-paused true
    assert check() is True


def test_gnome_banners_off_is_quiet() -> None:
    assert quiet.gnome_banners_off(lambda argv: "false\n")() is True
    assert quiet.gnome_banners_off(lambda argv: "true\n")() is False


def test_quiet_names_the_first_reason() -> None:
    looks = [
        Look(Cause.DO_NOT_DISTURB, "dunst", None, quiet.flag(lambda: False)),
        Look(Cause.FULL_SCREEN, "X11", None, quiet.flag(lambda: True)),
    ]
    assert quiet.combine(looks, Quiet)() == Reason(Cause.FULL_SCREEN)
    assert quiet.combine([], Quiet)() is None


class DictRegistry:
    def __init__(self) -> None:
        self.values: dict[tuple[str, str], str] = {}

    def get(self, key: str, name: str) -> str | None:
        return self.values.get((key, name))

    def set(self, key: str, name: str, value: str) -> None:
        self.values[(key, name)] = value

    def delete(self, key: str, name: str) -> None:
        del self.values[(key, name)]


def entry(platform: str, tmp_path: Path, registry=None) -> autostart.Autostart:
    return autostart.Autostart(
        platform,
        tmp_path / "home",
        tmp_path / "config",
        tmp_path / "data",
        ("/opt/my apps/bin/hamstray",),
        registry,
    )


def test_linux_autostart_writes_an_xdg_entry_with_the_absolute_command(tmp_path: Path) -> None:
    start = entry("linux", tmp_path)
    assert not start.enabled()
    start.enable()
    start.enable()  # twice is harmless
    text = (tmp_path / "config" / "autostart" / "hamstray.desktop").read_text()
    assert 'Exec="/opt/my apps/bin/hamstray" run\n' in text
    assert "Icon=hamstray\n" in text
    assert "StartupWMClass=hamstray\n" in text
    assert (tmp_path / "data" / "icons" / "hicolor" / "256x256" / "apps" / "hamstray.png").is_file()
    assert start.enabled()
    assert start.disable() is True
    assert start.disable() is False


def test_disable_leaves_an_entry_hamstray_did_not_write(tmp_path: Path) -> None:
    path = tmp_path / "config" / "autostart" / "hamstray.desktop"
    path.parent.mkdir(parents=True)
    path.write_text("[Desktop Entry]\nType=Application\nName=mine\nExec=mine\n")
    with pytest.raises(autostart.AutostartError, match="was not written by hamstray"):
        entry("linux", tmp_path).disable()
    assert path.exists()


def test_windows_autostart_uses_the_run_key(tmp_path: Path) -> None:
    registry = DictRegistry()
    start = entry("win32", tmp_path, registry)
    start.enable()
    assert registry.values == {(autostart.RUN_KEY, "hamstray"): '"/opt/my apps/bin/hamstray" run'}
    assert start.enabled()
    assert start.disable() is True
    assert registry.values == {}
    assert start.disable() is False


def test_macos_autostart_writes_a_launch_agent(tmp_path: Path) -> None:
    start = entry("darwin", tmp_path)
    start.enable()
    path = tmp_path / "home" / "Library" / "LaunchAgents" / "io.github.hamstray.plist"
    agent = plistlib.loads(path.read_bytes())
    assert agent["ProgramArguments"] == ["/opt/my apps/bin/hamstray", "run"]
    assert agent["RunAtLoad"] is True
    assert start.disable() is True
    assert not path.exists()


@pytest.mark.parametrize(
    ("argument", "quoted"),
    [
        ("/usr/bin/hamstray", "/usr/bin/hamstray"),
        ("/opt/my apps/x", '"/opt/my apps/x"'),
        ('/a"b', '"/a\\"b"'),
        ("/a$b", '"/a\\$b"'),
        ("/100%", "/100%%"),
        ("/a\\b", '"/a\\\\b"'),
    ],
)
def test_exec_arguments_are_quoted_per_the_desktop_entry_spec(argument: str, quoted: str) -> None:
    assert autostart.exec_quote(argument) == quoted
