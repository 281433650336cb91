"""The call checks each platform offers: microphone, camera, screen sharing and named apps."""

from collections.abc import Callable
from typing import Any

from hamstray.desktop.calls import Look, processes
from hamstray.engine.reasons import Cause

Apps = Callable[[], tuple[str, ...]]

# What no check here can see, per platform, for ``doctor`` and the README.
UNSEEN = {
    ("win32", Cause.SCREEN_SHARING): "Windows does not say when the screen is shared",
    ("darwin", Cause.SCREEN_SHARING): "macOS tells only apps with screen-recording permission",
    ("linux", Cause.SCREEN_SHARING): "only GNOME's screencasts can be read (no session bus here)",
}


def for_platform(platform: str, apps: Apps, bus: Callable[[], Any] | None) -> list[Look]:
    """The call checks of ``platform``; ``bus`` gives the session bus's call (None: no bus)."""
    if platform == "win32":
        from hamstray.desktop.calls import consent  # noqa: PLC0415 - each platform its own

        registry = consent.WindowsRegistry()
        return [
            Look(Cause.MICROPHONE, "ConsentStore microphone entries", "microphone",
                 consent.in_use(registry, consent.MICROPHONE)),
            Look(Cause.CAMERA, "ConsentStore webcam entries", "camera",
                 consent.in_use(registry, consent.WEBCAM)),
            Look(Cause.APP, "tasklist", None,
                 processes.running(processes.windows_names(processes.run_quietly), apps)),
        ]  # fmt: skip
    if platform == "darwin":
        from hamstray.desktop.calls import coreaudio  # noqa: PLC0415

        return [
            Look(Cause.MICROPHONE, "CoreAudio input devices", "microphone",
                 coreaudio.microphone(coreaudio.loaded_at_first_look(coreaudio.CORE_AUDIO))),
            Look(Cause.CAMERA, "CoreMediaIO devices", "camera",
                 coreaudio.camera(coreaudio.loaded_at_first_look(coreaudio.CORE_MEDIA_IO))),
            Look(Cause.APP, "ps", None,
                 processes.running(processes.macos_names(processes.run_quietly), apps)),
        ]  # fmt: skip
    from hamstray.desktop.calls import camera, microphone, screencast  # noqa: PLC0415

    looks = [
        Look(Cause.MICROPHONE, "PulseAudio/PipeWire capture streams", "microphone",
             microphone.capture(microphone.pulse_streams)),
        Look(Cause.CAMERA, "/dev/video* held open", "camera", camera.linux()),
    ]  # fmt: skip
    if bus is not None:
        looks.append(
            Look(Cause.SCREEN_SHARING, "GNOME's screencast sessions", "screen_sharing",
                 screencast.mutter(bus()))
        )  # fmt: skip
    looks.append(Look(Cause.APP, "/proc", None, processes.running(processes.linux_names(), apps)))
    return looks
