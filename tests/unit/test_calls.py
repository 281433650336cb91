"""The call probes: each platform through its injected OS call, Linux against real processes."""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from hamstray.desktop import quiet
from hamstray.desktop.calls import (
    Look,
    ProbeError,
    Unsupported,
    camera,
    consent,
    coreaudio,
    microphone,
    processes,
    screencast,
)
from hamstray.desktop.calls.microphone import Stream
from hamstray.engine.reasons import Cause, Reason
from hamstray.engine.settings import Quiet

# On Windows: the ConsentStore


class FakeRegistry:
    """HKEY_CURRENT_USER as a dict: key path -> {value name: number}."""

    def __init__(self, keys: dict[str, dict[str, int]]) -> None:
        self.keys = keys

    def subkeys(self, path: str) -> list[str] | None:
        if path not in self.keys:
            return None
        prefix = path + "\\"
        return sorted(
            {k[len(prefix) :].split("\\", 1)[0] for k in self.keys if k.startswith(prefix)}
        )

    def number(self, path: str, name: str) -> int | None:
        return self.keys.get(path, {}).get(name)


MIC = f"{consent.STORE}\\microphone"


def store(**entries: dict[str, int]) -> FakeRegistry:
    keys: dict[str, dict[str, int]] = {MIC: {}, f"{MIC}\\NonPackaged": {}}
    for name, values in entries.items():
        keys[f"{MIC}\\{name.replace('__', chr(92))}"] = values
    return FakeRegistry(keys)


def test_windows_names_the_desktop_app_that_has_not_stopped_using_the_microphone() -> None:
    registry = store(
        Microsoft__SkypeApp_kzf8qxf38zg5c={"LastUsedTimeStart": 5, "LastUsedTimeStop": 9},
        NonPackaged__C_Program_Files_Zoom={},
    )
    registry.keys[f"{MIC}\\NonPackaged\\C:#Program Files#Zoom#bin#Zoom.exe"] = {
        "LastUsedTimeStart": 133_500_000_000_000_000,
        "LastUsedTimeStop": 0,
    }
    assert consent.in_use(registry, consent.MICROPHONE)() == "Zoom"


def test_windows_names_a_packaged_app_in_use_and_nothing_once_it_stopped() -> None:
    registry = store(MicrosoftTeams_8wekyb3d8bbwe={"LastUsedTimeStart": 7, "LastUsedTimeStop": 0})
    look = consent.in_use(registry, consent.MICROPHONE)
    assert look() == "MicrosoftTeams"
    registry.keys[f"{MIC}\\MicrosoftTeams_8wekyb3d8bbwe"]["LastUsedTimeStop"] = 8
    assert look() is None


def test_an_entry_that_never_started_is_not_in_use() -> None:
    registry = store(Some_App={"LastUsedTimeStart": 0, "LastUsedTimeStop": 0})
    assert consent.in_use(registry, consent.MICROPHONE)() is None


def test_a_windows_without_a_consent_store_cannot_be_read() -> None:
    with pytest.raises(ProbeError, match="1903"):
        consent.in_use(FakeRegistry({}), consent.WEBCAM)()


# On macOS: what CoreAudio and CoreMediaIO say


def fake_core(properties: dict[tuple[int, str, str], list[int]]) -> coreaudio.Get:
    return lambda item, selector, scope: properties.get((item, selector, scope), [])


def test_macos_microphone_counts_input_devices_only() -> None:
    """Music on the speakers is no call; the built-in microphone running is."""
    properties = {
        (coreaudio.SYSTEM, "dev#", "glob"): [40, 41],
        (40, "stm#", "inpt"): [],  # speakers
        (40, "gone", "glob"): [1],
        (41, "stm#", "inpt"): [77],  # microphone
        (41, "gone", "glob"): [0],
    }
    look = coreaudio.microphone(fake_core(properties))
    assert look() is None
    properties[(41, "gone", "glob")] = [1]
    assert look() == ""


def test_macos_camera_is_any_running_capture_device() -> None:
    properties = {(coreaudio.SYSTEM, "dev#", "glob"): [90], (90, "gone", "glob"): [0]}
    look = coreaudio.camera(fake_core(properties))
    assert look() is None
    properties[(90, "gone", "glob")] = [1]
    assert look() == ""


def test_four_character_codes_are_big_endian() -> None:
    assert coreaudio._code("gone") == 0x676F6E65  # noqa: SLF001 - what Apple's headers spell


# Linux: PulseAudio / PipeWire capture streams (a real server: tests/desktop/test_calls.py)


def test_a_capture_stream_on_a_microphone_names_its_app() -> None:
    streams = [
        Stream("OBS", monitor=True, corked=False),  # records what the speakers play
        Stream("Recorder", monitor=False, corked=True),  # paused
        Stream("Volume Control", False, False, "org.PulseAudio.pavucontrol"),  # a level meter
    ]
    look = microphone.capture(lambda: streams)
    assert look() is None
    streams.append(Stream("Firefox", monitor=False, corked=False))
    assert look() == "Firefox"


def test_no_sound_server_means_nothing_to_see(tmp_path: Path) -> None:
    with pytest.raises(Unsupported, match="no PulseAudio or PipeWire server"):
        microphone.pulse_streams(f"unix:{tmp_path}/pulse/native")


def test_a_server_that_never_answers_costs_the_timeout_and_no_more(tmp_path: Path) -> None:
    """The loop must never hang on a stuck sound server."""
    path = tmp_path / "native"
    with socket.socket(socket.AF_UNIX) as silent:
        silent.bind(str(path))
        silent.listen()
        started = time.monotonic()
        with pytest.raises(ProbeError):
            microphone.pulse_streams(f"unix:{path}", timeout=0.3)
        assert 0.3 <= time.monotonic() - started < 2


# Linux: GNOME's screencast sessions


def mutter_bus(owner: bool, xml: str | None):
    def call(bus: str, path: str, interface: str, method: str, *args: object) -> object:
        if method == "NameHasOwner":
            return owner
        assert (bus, path, method) == (screencast.MUTTER, screencast.SESSIONS, "Introspect")
        return xml

    return call


def test_a_gnome_screencast_session_is_screen_sharing() -> None:
    sessions = '<node><interface name="org.freedesktop.DBus.Peer"/><node name="u3"/></node>'
    assert screencast.mutter(mutter_bus(True, sessions))() == ""
    assert screencast.mutter(mutter_bus(True, "<node></node>"))() is None
    assert screencast.mutter(mutter_bus(True, None))() is None  # no such object: no session


def test_screen_sharing_cannot_be_read_without_gnome() -> None:
    with pytest.raises(Unsupported, match="only GNOME"):
        screencast.mutter(mutter_bus(False, None))()


# Named apps


def test_apps_match_by_name_whatever_the_case_and_extension() -> None:
    names = ["explorer.exe", "Zoom.exe", "teams-for-linu"]
    assert processes.running(lambda: names, lambda: ("zoom",))() == "zoom"
    assert processes.running(lambda: names, lambda: ("Teams.exe", "ZOOM"))() == "ZOOM"
    assert processes.running(lambda: names, lambda: ("slack",))() is None


def test_a_long_name_matches_the_15_characters_linux_keeps() -> None:
    found = processes.running(lambda: ["teams-for-linux"], lambda: ("teams-for-linux-beta",))
    assert found() == "teams-for-linux-beta"


def test_no_app_named_reads_no_process_list() -> None:
    def names() -> list[str]:
        raise AssertionError("read the process list")

    assert processes.running(names, lambda: ())() is None


def test_windows_and_macos_process_lists_are_parsed() -> None:
    tasklist = '"System Idle Process","0","Services","0","8 K"\n"Zoom.exe","4242","Console","1"\n'
    assert processes.windows_names(lambda argv: tasklist)() == ["System Idle Process", "Zoom.exe"]
    ps = "/usr/libexec/trustd\n/Applications/zoom.us.app/Contents/MacOS/zoom.us\n"
    assert processes.macos_names(lambda argv: ps)() == ["trustd", "zoom.us"]


def test_a_failing_process_list_is_a_problem_the_probe_names() -> None:
    def run(argv: list[str]) -> str:
        raise FileNotFoundError(2, "No such file", "tasklist")

    with pytest.raises(ProbeError, match="tasklist failed"):
        processes.windows_names(run)()


NAMED = f"zoom{os.getpid()}"  # at most 15 characters: the kernel's comm


@pytest.fixture
def named(tmp_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """A real process called "zoom<pid>" (its program file is named so), waiting to be ended:
    a name no other test run on this machine has running."""
    program = tmp_path / NAMED
    program.symlink_to(Path("/bin/sleep"))
    child = subprocess.Popen([str(program), "600"])
    yield child
    child.kill()
    child.wait()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_real_process_with_a_configured_name_is_found(named) -> None:
    look = processes.running(processes.linux_names(), lambda: (NAMED.capitalize(),))
    assert look() == NAMED.capitalize()
    named.kill()
    named.wait()
    assert look() is None


# Linux: the camera, a process holding /dev/video* open


def fake_process(proc: Path, pid: int, name: str, *targets: str) -> None:
    folder = proc / str(pid)
    (folder / "fd").mkdir(parents=True)
    (folder / "comm").write_text(name + "\n")
    for number, target in enumerate(targets):
        (folder / "fd" / str(number)).symlink_to(target)


@pytest.fixture
def video_device(tmp_path: Path) -> Path:
    """A /dev-like folder with one video device (a plain file will do)."""
    dev = tmp_path / "dev"
    dev.mkdir()
    (dev / "video0").write_bytes(b"")
    return dev


def test_a_process_holding_a_video_device_is_found_in_a_proc_tree(
    tmp_path: Path, video_device: Path
) -> None:
    proc = tmp_path / "proc"
    fake_process(proc, 100, "bash", "/dev/pts/0", "/dev/null")
    fake_process(proc, 200, "pipewire", "/dev/snd/pcmC0D0c", f"{video_device}/video-bogus")
    (proc / "self").mkdir()
    (proc / "cpuinfo").write_text("")
    look = camera.linux(proc, video_device)
    assert look() is None
    fake_process(proc, 300, "zoom", "/dev/null", f"{video_device}/video0")
    assert look() == "zoom"
    assert look() == "zoom"  # the holder found last is looked at first
    (proc / "300" / "fd" / "1").unlink()  # the call ended
    assert look() is None
    fake_process(proc, 400, "firefox", f"{video_device}/video0")
    assert camera.linux(proc, video_device, uid=os.getuid() + 1)() is None  # another user's


def test_without_a_video_device_no_process_is_read(tmp_path: Path) -> None:
    proc = tmp_path / "proc"  # it does not even exist: reading it would fail
    assert camera.linux(proc, tmp_path / "dev")() is None


def hold_open(path: Path, name: str, tmp_path: Path, **popen: object) -> subprocess.Popen[str]:
    """A real process named ``name`` that opens ``path`` and keeps it open until its stdin ends."""
    program = tmp_path / name
    program.symlink_to(Path(sys.executable).resolve())
    code = "import sys; f = open(sys.argv[1], 'rb'); print('open', flush=True); sys.stdin.read()"
    child = subprocess.Popen(
        [str(program), "-c", code, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        **popen,  # type: ignore[call-overload]
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "open\n"
    return child


def release(child: subprocess.Popen[str]) -> None:
    assert child.stdin is not None
    child.stdin.close()
    child.wait(timeout=10)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_real_process_holding_a_video_device_open_is_found(
    video_device: Path, tmp_path: Path
) -> None:
    look = camera.linux(dev=video_device)
    assert look() is None
    child = hold_open(video_device / "video0", "videocall", tmp_path)
    try:
        assert look() == "videocall"
    finally:
        release(child)
    assert look() is None


@pytest.mark.skipif(os.geteuid() != 0, reason="starts a process as another user")
def test_another_users_process_with_the_camera_open_is_not_counted(video_device: Path) -> None:
    with (video_device / "video0").open("rb") as device:
        # Popen returns once the child has exec'd: it runs as nobody, the device still open.
        child = subprocess.Popen(["sleep", "600"], pass_fds=(device.fileno(),), user=65534)
        held = Path(f"/proc/{child.pid}/fd/{device.fileno()}")
    try:
        assert held.readlink() == video_device / "video0"
        assert camera.linux(dev=video_device)() is None
        assert camera.linux(dev=video_device, uid=65534)() == "sleep"
    finally:
        child.kill()
        child.wait(timeout=10)


# All of them together, with the [quiet] switches


def test_the_switches_turn_each_check_off_as_they_are_read() -> None:
    switches = Quiet()
    looks = [
        Look(Cause.MICROPHONE, "sound server", "microphone", lambda: "Firefox"),
        Look(Cause.CAMERA, "camera", "camera", lambda: "zoom"),
    ]
    probe = quiet.combine(looks, lambda: switches)
    assert probe() == Reason(Cause.MICROPHONE, "Firefox")
    switches = Quiet(microphone=False)
    assert probe() == Reason(Cause.CAMERA, "zoom")
    switches = Quiet(microphone=False, camera=False)
    assert probe() is None


def test_a_check_that_cannot_look_is_passed_over() -> None:
    def broken() -> str | None:
        raise ProbeError("no sound server")

    looks = [
        Look(Cause.MICROPHONE, "sound server", "microphone", broken),
        Look(Cause.FULL_SCREEN, "X11", None, quiet.flag(lambda: True)),
    ]
    assert quiet.combine(looks, Quiet)() == Reason(Cause.FULL_SCREEN)


def test_linux_offers_every_call_check_and_calls_come_first() -> None:
    env = {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent"}
    causes = [look.cause for look in quiet.looks("linux", env, Quiet)]
    assert causes[:4] == [Cause.MICROPHONE, Cause.CAMERA, Cause.SCREEN_SHARING, Cause.APP]
    assert causes[4:] == [Cause.DO_NOT_DISTURB]
