"""A call on a real sound server holds the reminder back; its end lets exactly one through."""

import json
import re
import shutil
import subprocess
import time
from dataclasses import dataclass

import pytest

from hamstray.desktop.calls import microphone
from hamstray.engine import timing

from .conftest import RunningApp, start_app, wait_for_notification
from .stack import Desktop, capture_streams, start_pipewire, start_pulseaudio, wait_for

CONFIG = '[breaks]\ninterval = "3s"\n'


SERVERS = {
    # server: (programs, how it starts, a recording client of its own kind)
    "pulseaudio": (("pulseaudio", "pactl", "parecord"), start_pulseaudio, "parecord"),
    "pipewire": (
        ("pipewire", "pipewire-pulse", "wireplumber", "pactl", "parecord", "pw-record"),
        start_pipewire,
        "pw-record",
    ),
}


@dataclass
class Sound:
    """The desktop with its own sound server, and that server's recording client."""

    desktop: Desktop
    server: str
    recorder: str

    def record(self, source: str) -> subprocess.Popen[bytes]:
        """Start the recording client on ``source`` and wait until its stream runs."""
        if self.recorder == "pw-record":
            out = str(self.desktop.root / "recorded.wav")
            sink = source.removesuffix(".monitor")
            argv = (
                ("pw-record", "-P", "stream.capture.sink=true", "--target", sink, out)
                if sink != source  # PipeWire records what a sink plays from the sink itself
                else ("pw-record", "--target", source, out)
            )
        else:
            argv = ("parecord", f"--device={source}", "--raw", "/dev/null")
        process = self.desktop.start(self.recorder, *argv)
        wait_for(
            lambda: self.recorder in capture_streams(self.desktop),
            10,
            f"{self.recorder}'s capture stream",
        )
        return process


@pytest.fixture(params=sorted(SERVERS))
def sound(stack: Desktop, request: pytest.FixtureRequest) -> Sound:
    """The desktop with a real PulseAudio, or PipeWire, server: virtual speakers and microphone."""
    programs, start, recorder = SERVERS[request.param]
    missing = [t for t in programs if not shutil.which(t)]
    if missing:
        pytest.fail(f"the call tests need {', '.join(missing)}: run tests/run as root")
    started = time.monotonic()
    start(stack)
    print(f"{request.param} answered after {time.monotonic() - started:.3f} s")
    return Sound(stack, request.param, recorder)


def held_back(app: RunningApp) -> object:
    return app.status().get("held_back")


def test_a_recording_client_holds_the_reminder_and_its_end_lets_one_through(sound) -> None:
    began = time.monotonic()
    desk = sound.desktop
    app = start_app(desk, CONFIG)
    recorder = sound.record("microphone")
    # The break comes due 3 s in; the loop asks the probes and holds the reminder.
    wait_for(lambda: held_back(app), 10, "the reminder to be held back")
    status = app.status()
    assert status["phase"] == "due"  # the icon says a break is due
    assert status["held_back"] == f"microphone in use by {sound.recorder}"
    assert status["held_back_cause"] == "microphone"
    text = app.cli("status").stdout
    assert "A break is due (sitting for " in text
    assert f"held back: microphone in use by {sound.recorder}." in text
    assert desk.displayed_count() == 0
    kinds = [k for k, _ in app.events()]
    assert kinds.count("reminder_held") == 1
    assert "reminder" not in kinds

    desk.stop(recorder)
    ended = time.monotonic()
    wait_for_notification(desk, timeout=timing.QUIET_POLL + 5)
    latency = time.monotonic() - ended
    print(f"reminder {latency:.2f} s after the recording stopped")
    assert latency <= timing.QUIET_POLL + 2
    wait_for(lambda: app.status()["held_back"] is None, 5, "the hold to end")
    kinds = [k for k, _ in app.events()]
    assert (kinds.count("reminder"), kinds.count("reminder_held")) == (1, 1)  # once, not stacked
    assert desk.displayed_count() == 1
    desk.close_notifications()  # dunst's history lists closed notifications only
    (shown,) = desk.notifications()
    sat = re.fullmatch(r"You have been sitting for (\d+) s", shown["summary"])
    assert sat is not None, shown["summary"]
    assert int(sat.group(1)) >= status["sitting_s"]  # the time held back counts as sitting
    desk.stop(app.process)
    stats = json.loads(app.cli("stats", "--json", "--days", "1", check=True).stdout)
    assert stats["held_back"] == {"microphone": 1}
    print(f"the whole test took {time.monotonic() - began:.1f} s")


def test_recording_what_the_speakers_play_is_no_call(sound) -> None:
    """A screen recorder's audio records the sink's monitor: the reminder comes as usual."""
    desk = sound.desktop
    app = start_app(desk, CONFIG)
    recorder = sound.record("speakers.monitor")
    wait_for_notification(desk, timeout=10)
    assert [k for k, _ in app.events()].count("reminder_held") == 0
    desk.stop(recorder)
    desk.stop(app.process)


def test_one_look_at_the_sound_server_takes_milliseconds(sound) -> None:
    """What the loop pays at each look while a reminder is held (pulsectl's own connect
    timeout would have made it 2 s)."""
    server = f"unix:{sound.desktop.env['XDG_RUNTIME_DIR']}/pulse/native"
    recorder = sound.record("microphone")
    microphone.pulse_streams(server)  # pulsectl loads libpulse once
    times = []
    for _ in range(20):
        started = time.perf_counter()
        streams = microphone.pulse_streams(server)
        times.append(time.perf_counter() - started)
    assert [s.app for s in streams if not s.corked] == [sound.recorder]
    print(f"one look: median {sorted(times)[10] * 1000:.1f} ms, worst {max(times) * 1000:.1f} ms")
    assert max(times) < 0.5
    sound.desktop.stop(recorder)


def test_doctor_sees_the_sound_server_and_the_recording(sound) -> None:
    desk = sound.desktop
    app = start_app(desk, CONFIG)
    recorder = sound.record("microphone")
    lines = app.cli("doctor").stdout.splitlines()
    found = next(line for line in lines if line.split()[1:2] == ["microphone"])
    assert found.startswith("OK ")
    assert found.endswith(f"PulseAudio/PipeWire capture streams: in use now by {sound.recorder}")
    desk.stop(recorder)
    wait_for(lambda: not capture_streams(desk), 10, "the capture stream to end")
    lines = app.cli("doctor").stdout.splitlines()
    assert any(line.endswith("capture streams: readable, not in use now") for line in lines)
    desk.stop(app.process)
