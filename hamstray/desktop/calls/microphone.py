"""Whether a microphone is in use: on Linux, a capture stream on the PulseAudio (or PipeWire)
server that records a real source, not a monitor of what the speakers play.

pulsectl talks to the server through libpulse, which PulseAudio and PipeWire (pipewire-pulse, the
default on current distributions) both serve, so one probe covers both; PipeWire's own clients
(pw-record, browsers through the camera portal) show up as capture streams there too.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from hamstray.desktop.calls import InUse, ProbeError, Unsupported

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


def pulse_streams(server: str | None = None, timeout: float = TIMEOUT_S) -> list[Stream]:
    """The capture streams on this user's sound server (``server``: libpulse's default); raises
    Unsupported when none answers within ``timeout`` seconds, ProbeError without libpulse."""
    try:
        import pulsectl  # noqa: PLC0415 - loads libpulse: only when a reminder is due
    except (ImportError, OSError, AttributeError) as error:  # no libpulse, or a too old one
        raise ProbeError(f"pulsectl cannot be used: {error}") from error
    pulse = _client(pulsectl)("hamstray", server, connect=False)
    try:
        pulse.connect(timeout=timeout)  # never autospawns a server
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
        # Without a sound server no app records through one: nothing to fix, nothing to see.
        raise Unsupported(
            "no PulseAudio or PipeWire server answers for this user (apps that record through "
            "ALSA directly are not seen)"
        ) from error
    finally:
        pulse.close()


def _client(pulsectl: Any) -> Any:
    """pulsectl's client, made to stop waiting as soon as it is connected: its own
    ``connect(timeout=...)`` waits out the whole timeout even when the server answers at once
    (pulsectl 22.3 to 24.12), which would block the loop for that long at every look."""

    class Pulse(pulsectl.Pulse):  # type: ignore[misc]
        def _pulse_state_cb(self, context: Any, userdata: Any) -> None:
            super()._pulse_state_cb(context, userdata)
            if self.connected:
                self._loop_stop = True

    return Pulse
