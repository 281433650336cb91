"""A call on a real sound server holds the reminder back; its end lets exactly one through."""

import json
import re
import shutil
import time

import pytest

from hamstray.desktop.calls import microphone
from hamstray.engine import timing

from .conftest import RunningApp, start_app, wait_for_notification
from .stack import Desktop, capture_streams, start_pulseaudio, wait_for

CONFIG = '[breaks]\ninterval = "3s"\n'


@pytest.fixture
def sound(stack: Desktop) -> Desktop:
    """The desktop with its own PulseAudio server (a null sink and a null source)."""
    missing = [t for t in ("pulseaudio", "pactl", "parecord") if not shutil.which(t)]
    if missing:
        pytest.fail(f"the call tests need {', '.join(missing)}: run tests/run as root")
    started = time.monotonic()
    start_pulseaudio(stack)
    print(f"PulseAudio answered after {time.monotonic() - started:.3f} s")
    return stack


def held_back(app: RunningApp) -> object:
    return app.status().get("held_back")


def test_a_recording_client_holds_the_reminder_and_its_end_lets_one_through(sound) -> None:
    began = time.monotonic()
    app = start_app(sound, CONFIG)
    recorder = sound.start("parecord", "parecord", "--device=microphone", "--raw", "/dev/null")
    wait_for(lambda: "parecord" in capture_streams(sound), 10, "parecord's capture stream")
    # The break comes due 3 s in; the loop asks the probes and holds the reminder.
    wait_for(lambda: held_back(app), 10, "the reminder to be held back")
    status = app.status()
    assert status["phase"] == "due"  # the icon says a break is due
    assert status["held_back"] == "microphone in use by parecord"
    assert status["held_back_cause"] == "microphone"
    text = app.cli("status").stdout
    assert "A break is due (sitting for " in text
    assert "held back: microphone in use by parecord." in text
    assert sound.displayed_count() == 0
    kinds = [k for k, _ in app.events()]
    assert kinds.count("reminder_held") == 1
    assert "reminder" not in kinds

    sound.stop(recorder)
    ended = time.monotonic()
    wait_for_notification(sound, timeout=timing.QUIET_POLL + 5)
    latency = time.monotonic() - ended
    print(f"reminder {latency:.2f} s after the recording stopped")
    assert latency <= timing.QUIET_POLL + 2
    wait_for(lambda: app.status()["held_back"] is None, 5, "the hold to end")
    kinds = [k for k, _ in app.events()]
    assert (kinds.count("reminder"), kinds.count("reminder_held")) == (1, 1)  # once, not stacked
    assert sound.displayed_count() == 1
    sound.close_notifications()  # dunst's history lists closed notifications only
    (shown,) = sound.notifications()
    sat = re.fullmatch(r"You have been sitting for (\d+) s", shown["summary"])
    assert sat is not None, shown["summary"]
    assert int(sat.group(1)) >= status["sitting_s"]  # the time held back counts as sitting
    sound.stop(app.process)
    stats = json.loads(app.cli("stats", "--json", "--days", "1", check=True).stdout)
    assert stats["held_back"] == {"microphone": 1}
    print(f"the whole test took {time.monotonic() - began:.1f} s")


def test_recording_what_the_speakers_play_is_no_call(sound) -> None:
    """A screen recorder's audio records the sink's monitor: the reminder comes as usual."""
    app = start_app(sound, CONFIG)
    recorder = sound.start(
        "parecord", "parecord", "--device=speakers.monitor", "--raw", "/dev/null"
    )
    wait_for(lambda: "parecord" in capture_streams(sound), 10, "parecord's capture stream")
    wait_for_notification(sound, timeout=10)
    assert [k for k, _ in app.events()].count("reminder_held") == 0
    sound.stop(recorder)
    sound.stop(app.process)


def test_one_look_at_the_sound_server_takes_milliseconds(sound) -> None:
    """What the loop pays at each look while a reminder is held (pulsectl's own connect
    timeout would have made it 2 s)."""
    server = f"unix:{sound.env['XDG_RUNTIME_DIR']}/pulse/native"
    recorder = sound.start("parecord", "parecord", "--device=microphone", "--raw", "/dev/null")
    wait_for(lambda: "parecord" in capture_streams(sound), 10, "parecord's capture stream")
    microphone.pulse_streams(server)  # pulsectl loads libpulse once
    times = []
    for _ in range(20):
        started = time.perf_counter()
        streams = microphone.pulse_streams(server)
        times.append(time.perf_counter() - started)
    assert [s.app for s in streams] == ["parecord"]
    print(f"one look: median {sorted(times)[10] * 1000:.1f} ms, worst {max(times) * 1000:.1f} ms")
    assert max(times) < 0.5
    sound.stop(recorder)


def test_doctor_sees_the_sound_server_and_the_recording(sound) -> None:
    app = start_app(sound, CONFIG)
    recorder = sound.start("parecord", "parecord", "--device=microphone", "--raw", "/dev/null")
    wait_for(lambda: "parecord" in capture_streams(sound), 10, "parecord's capture stream")
    lines = app.cli("doctor").stdout.splitlines()
    microphone = next(line for line in lines if line.split()[1:2] == ["microphone"])
    assert microphone.startswith("OK ")
    assert microphone.endswith("PulseAudio/PipeWire capture streams: in use now by parecord")
    sound.stop(recorder)
    wait_for(lambda: not capture_streams(sound), 10, "the capture stream to end")
    lines = app.cli("doctor").stdout.splitlines()
    assert any(line.endswith("capture streams: readable, not in use now") for line in lines)
    sound.stop(app.process)
