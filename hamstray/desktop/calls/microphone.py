"""Whether a microphone is in use: on Linux, a capture stream on the PulseAudio (or PipeWire)
server that records a real source, not a monitor of what the speakers play.

pulsectl talks to the server through libpulse, which PulseAudio and PipeWire (pipewire-pulse, the
default on current distributions) both serve, so one probe covers both; PipeWire's own clients
(pw-record, browsers through the camera portal) show up as capture streams there too.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from hamstray.desktop.calls import InUse, ProbeError

TIMEOUT_S = 2.0
# Level meters open a capture stream on every source while they show: they are not calls.
METERS = frozenset({"org.PulseAudio.pavucontrol", "org.gnome.VolumeControl", "org.kde.plasma-pa"})


@dataclass(frozen=True, slots=True)
class Stream:
    """One capture stream (a PulseAudio source output), as the probe needs it."""

    app: str  # the application's name, as the server knows it
    monitor: bool  # it records what a sink plays (a screen recorder's audio), not a microphone
    corked: bool  # paused by its application
    app_id: str = ""


def capture(streams: Callable[[], list[Stream]]) -> InUse:
    """The name of the first app that records a microphone (a non-monitor, running stream)."""

    def look() -> str | None:
        for stream in streams():
            if not (stream.monitor or stream.corked or stream.app_id in METERS):
                return stream.app
        return None

    return look


def _name(properties: Mapping[str, str]) -> str:
    return properties.get("application.name") or properties.get("application.process.binary", "")


def pulse_streams(client: str = "hamstray") -> list[Stream]:
    """The capture streams on this user's sound server (raises ProbeError when none answers)."""
    try:
        import pulsectl  # noqa: PLC0415 - loads libpulse: only when a reminder is due
    except (ImportError, OSError, AttributeError) as error:  # no libpulse, or a too old one
        raise ProbeError(f"pulsectl cannot be used: {error}") from error
    pulse: Any = pulsectl.Pulse(client, connect=False)
    try:
        pulse.connect(timeout=TIMEOUT_S)  # never autospawns a server
        monitors = {s.index for s in pulse.source_list() if s.monitor_of_sink != 0xFFFFFFFF}
        return [
            Stream(
                _name(o.proplist),
                o.source in monitors,
                bool(o.corked),
                o.proplist.get("application.id", ""),
            )
            for o in pulse.source_output_list()
        ]
    except pulsectl.PulseError as error:  # its "timed out" also stands for "refused"
        raise ProbeError("no PulseAudio or PipeWire server answers for this user") from error
    finally:
        pulse.close()
