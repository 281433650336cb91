"""How long the user has left the keyboard and mouse alone, per platform (None: unknown).

One small adapter per platform; each takes the OS call it needs as an argument so that every
platform is tested here. A locked screen counts as idle: the idle time keeps growing while the
screen is locked (no input reaches the session), and where the desktop reports the lock itself
(org.freedesktop.ScreenSaver), the time since the lock was seen counts too.
"""

import logging
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from typing import Any

log = logging.getLogger(__name__)

IdleProbe = Callable[[], float | None]
DBusCall = Callable[[str, str, str, str], Any]  # (bus name, path, interface, method) -> value


def x11(connect: Callable[[], Any] | None = None) -> IdleProbe | None:
    """The X server's MIT-SCREEN-SAVER extension (any X11 desktop), or None."""
    try:
        if connect is None:
            from Xlib import display as xdisplay  # noqa: PLC0415 - only on X11

            connect = xdisplay.Display
        connection = connect()
        if not connection.has_extension("MIT-SCREEN-SAVER"):
            connection.close()
            return None
    except Exception as error:  # noqa: BLE001 - python-xlib raises many kinds of errors
        log.debug("no X11 idle probe: %r", error)
        return None
    root = connection.screen().root

    def probe() -> float | None:
        try:
            return float(root.screensaver_query_info().idle) / 1000
        except Exception as error:  # noqa: BLE001
            log.debug("X11 idle query failed: %r", error)
            return None

    return probe


def mutter(call: DBusCall) -> IdleProbe | None:
    """GNOME (X11 and Wayland): org.gnome.Mutter.IdleMonitor, in milliseconds."""

    def probe() -> float | None:
        value = call(
            "org.gnome.Mutter.IdleMonitor",
            "/org/gnome/Mutter/IdleMonitor/Core",
            "org.gnome.Mutter.IdleMonitor",
            "GetIdletime",
        )
        return None if value is None else float(value) / 1000

    return probe if probe() is not None else None


def screensaver(call: DBusCall, clock: Callable[[], float] = time.monotonic) -> IdleProbe | None:
    """KDE and others: org.freedesktop.ScreenSaver's session idle time and lock state."""
    address = (
        "org.freedesktop.ScreenSaver",
        "/org/freedesktop/ScreenSaver",
        "org.freedesktop.ScreenSaver",
    )
    locked_since: list[float] = []

    def probe() -> float | None:
        idle = call(*address, "GetSessionIdleTime")
        active = call(*address, "GetActive")
        if active:
            locked_since[:] = locked_since or [clock()]
        else:
            locked_since.clear()
        locked = clock() - locked_since[0] if locked_since else 0.0
        if idle is None:
            return locked if locked_since else None
        return max(float(idle), locked)

    return probe if call(*address, "GetActive") is not None else None


def windows(last_input: Callable[[], int], tick_count: Callable[[], int]) -> IdleProbe:
    """Windows: GetLastInputInfo against GetTickCount (both in ms; the counter wraps at 2^32)."""

    def probe() -> float | None:
        return ((tick_count() - last_input()) & 0xFFFFFFFF) / 1000

    return probe


def windows_calls() -> tuple[Callable[[], int], Callable[[], int]]:
    """The real GetLastInputInfo and GetTickCount (Windows only)."""
    import ctypes  # noqa: PLC0415 - Windows only

    class LastInputInfo(ctypes.Structure):
        _fields_ = [("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint)]

    user32 = ctypes.windll.user32  # type: ignore[attr-defined]
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]

    def last_input() -> int:
        info = LastInputInfo()
        info.cbSize = ctypes.sizeof(info)
        user32.GetLastInputInfo(ctypes.byref(info))
        return int(info.dwTime)

    return last_input, lambda: int(kernel32.GetTickCount())


_HID_IDLE = re.compile(r'"HIDIdleTime"\s*=\s*(\d+)')


def macos(run: Callable[[list[str]], str]) -> IdleProbe:
    """macOS: IOHIDSystem's HIDIdleTime (nanoseconds), read with ioreg."""

    def probe() -> float | None:
        try:
            found = _HID_IDLE.search(run(["ioreg", "-c", "IOHIDSystem", "-d", "4"]))
        except (OSError, subprocess.SubprocessError) as error:
            log.debug("ioreg failed: %r", error)
            return None
        return None if found is None else int(found.group(1)) / 1e9

    return probe


def _ioreg(argv: list[str]) -> str:
    return subprocess.run(argv, capture_output=True, text=True, timeout=5, check=True).stdout


def session_call() -> DBusCall:
    """A D-Bus method call on the session bus that returns None instead of raising."""
    from hamstray.desktop import dbus  # noqa: PLC0415

    return dbus.Session().call


# (session environment, threshold) -> probe; OSError says why there is none
WaylandProbe = Callable[[Mapping[str, str], Callable[[], float]], IdleProbe]


def wayland_notices(env: Mapping[str, str], threshold: Callable[[], float]) -> IdleProbe:
    """The compositor's idle notices (see ``wayland_idle``); OSError says why there are none."""
    from hamstray.desktop import wayland_idle  # noqa: PLC0415 - Wayland sessions only

    return wayland_idle.probe(env, threshold)


def choose(
    platform: str,
    env: Mapping[str, str],
    call: Callable[[], DBusCall],
    threshold: Callable[[], float] = lambda: 300.0,
    notices: WaylandProbe = wayland_notices,
) -> IdleProbe | None:
    """The best probe for this platform and desktop session, or None; ``threshold``: the idle
    time that matters (breaks.idle_reset), for probes that are told rather than asked.

    GNOME: Mutter's idle monitor (X11 and Wayland). Other Wayland compositors: their idle
    notices (KWin answers org.freedesktop.ScreenSaver's GetSessionIdleTime with NotSupported),
    then org.freedesktop.ScreenSaver. X11: the MIT-SCREEN-SAVER extension. Each probe that
    fails says why at debug level (``-v``)."""
    if platform == "win32":
        return windows(*windows_calls())
    if platform == "darwin":
        return macos(_ioreg)
    wayland = env.get("XDG_SESSION_TYPE") == "wayland" or bool(env.get("WAYLAND_DISPLAY"))
    gnome = "GNOME" in env.get("XDG_CURRENT_DESKTOP", "").upper()
    probe: IdleProbe | None = None
    bus = call() if wayland or gnome else None
    if bus is not None:
        probe = mutter(bus)
        if probe is None:
            log.debug("idle: no answer from org.gnome.Mutter.IdleMonitor")
    if probe is None and wayland and env.get("WAYLAND_DISPLAY"):
        try:
            probe = notices(env, threshold)
        except OSError as error:
            log.debug("idle: no Wayland idle notices: %s", error)
    if probe is None and bus is not None:
        probe = screensaver(bus)
        if probe is None:
            log.debug("idle: no answer from org.freedesktop.ScreenSaver")
    if probe is None and env.get("DISPLAY") and not wayland:
        probe = x11()
    return probe


def default_probe(threshold: Callable[[], float] = lambda: 300.0) -> IdleProbe | None:
    """The idle probe for this desktop, or None (then only suspends count as breaks)."""
    probe = choose(sys.platform, os.environ, session_call, threshold)
    if probe is None:
        log.info("No idle probe on this desktop: natural breaks are detected from suspends only.")
    return probe
