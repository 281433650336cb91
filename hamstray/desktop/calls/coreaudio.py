"""Whether macOS says a microphone or a camera is running, without asking for any permission.

CoreAudio and CoreMediaIO tell every app whether a device "is running somewhere" (in any
process), the same fact behind the menu bar's orange and green dots; reading it needs no
microphone or camera access. They do not say which app, so the reason names none. A headset
that is one device for both directions also counts as running while it only plays sound.
"""

from collections.abc import Callable

from hamstray.desktop.calls import InUse, ProbeError

# (object, selector, scope) -> the property's 32-bit values ([] when it has none)
Get = Callable[[int, str, str], list[int]]
SYSTEM = 1  # kAudioObjectSystemObject, kCMIOObjectSystemObject
DEVICES = "dev#"  # kAudioHardwarePropertyDevices, kCMIOHardwarePropertyDevices
STREAMS = "stm#"  # kAudioDevicePropertyStreams
RUNNING = "gone"  # kAudioDevicePropertyDeviceIsRunningSomewhere (and CMIO's)
GLOBAL, INPUT = "glob", "inpt"

CORE_AUDIO = "/System/Library/Frameworks/CoreAudio.framework/CoreAudio"
CORE_MEDIA_IO = "/System/Library/Frameworks/CoreMediaIO.framework/CoreMediaIO"


def _running(get: Get, inputs_only: bool) -> InUse:
    def look() -> str | None:
        for device in get(SYSTEM, DEVICES, GLOBAL):
            if inputs_only and not get(device, STREAMS, INPUT):
                continue  # speakers only
            if any(get(device, RUNNING, GLOBAL)):
                return ""
        return None

    return look


def microphone(get: Get) -> InUse:
    """A CoreAudio device with input streams runs somewhere."""
    return _running(get, inputs_only=True)


def camera(get: Get) -> InUse:
    """A CoreMediaIO (camera) device runs somewhere."""
    return _running(get, inputs_only=False)


def _code(text: str) -> int:
    return int.from_bytes(text.encode("ascii"), "big")


def framework(path: str) -> Get:
    """The property reader of CoreAudio (``CORE_AUDIO``) or CoreMediaIO (``CORE_MEDIA_IO``)."""
    import ctypes  # noqa: PLC0415 - macOS only

    class Address(ctypes.Structure):
        _fields_ = [
            ("selector", ctypes.c_uint32),
            ("scope", ctypes.c_uint32),
            ("element", ctypes.c_uint32),
        ]

    try:
        library = ctypes.cdll.LoadLibrary(path)
    except OSError as error:
        raise ProbeError(f"{path} cannot be loaded: {error}") from error
    media_io = path == CORE_MEDIA_IO
    prefix = "CMIO" if media_io else "Audio"
    size_of = getattr(library, f"{prefix}ObjectGetPropertyDataSize")
    data_of = getattr(library, f"{prefix}ObjectGetPropertyData")

    def get(item: int, selector: str, scope: str) -> list[int]:
        address = Address(_code(selector), _code(scope), 0)  # element 0: the main element
        size = ctypes.c_uint32(0)
        if size_of(item, ctypes.byref(address), 0, None, ctypes.byref(size)) or not size.value:
            return []
        data = (ctypes.c_uint32 * (size.value // 4))()
        if media_io:  # (…, UInt32 dataSize, UInt32* dataUsed, void* data)
            used = ctypes.c_uint32(0)
            status = data_of(item, ctypes.byref(address), 0, None, size, ctypes.byref(used), data)
            size = used
        else:  # (…, UInt32* ioDataSize, void* outData)
            status = data_of(item, ctypes.byref(address), 0, None, ctypes.byref(size), data)
        return [] if status else list(data[: size.value // 4])

    return get


def loaded_at_first_look(path: str) -> Get:
    """``framework(path)``, loaded only when it is first asked."""
    loaded: list[Get] = []

    def get(item: int, selector: str, scope: str) -> list[int]:
        if not loaded:
            loaded.append(framework(path))
        return loaded[0](item, selector, scope)

    return get
