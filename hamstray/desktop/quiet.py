"""Whether now is a bad moment for a reminder: do-not-disturb is on, or a window is full screen.

Each check takes the OS call it needs, so every one is tested here; ``default_probe`` combines
those this desktop offers and returns why it is quiet (or None).
"""

import logging
import subprocess
from collections.abc import Callable, Mapping
from typing import Any

from hamstray.desktop import fullscreen as wayland_fullscreen

log = logging.getLogger(__name__)

QuietProbe = Callable[[], str | None]
Check = Callable[[], bool]


def x11_fullscreen(connect: Callable[[], Any] | None = None) -> Check | None:
    """The active window (per the window manager's _NET_ACTIVE_WINDOW) is full screen."""
    try:
        if connect is None:
            from Xlib import display as xdisplay  # noqa: PLC0415 - only on X11

            connect = xdisplay.Display
        connection = connect()
    except Exception as error:  # noqa: BLE001 - python-xlib raises many kinds of errors
        log.debug("no X11 full-screen check: %r", error)
        return None
    from Xlib import X  # noqa: PLC0415

    root = connection.screen().root
    active_atom = connection.intern_atom("_NET_ACTIVE_WINDOW")
    state_atom = connection.intern_atom("_NET_WM_STATE")
    fullscreen = connection.intern_atom("_NET_WM_STATE_FULLSCREEN")

    def check() -> bool:
        try:
            active = root.get_full_property(active_atom, X.AnyPropertyType)
            if active is None or not active.value or not active.value[0]:
                return False
            window = connection.create_resource_object("window", int(active.value[0]))
            state = window.get_full_property(state_atom, X.AnyPropertyType)
            return state is not None and fullscreen in state.value
        except Exception as error:  # noqa: BLE001 - the window may vanish while we look
            log.debug("full-screen check failed: %r", error)
            return False

    return check


def notifications_inhibited(get: Callable[[str, str, str, str], Any]) -> Check:
    """The notification server's do-not-disturb: the Inhibited property (KDE, newer servers)
    or dunst's paused state."""

    missing: set[str] = set()  # properties this server does not have: not asked again

    def check() -> bool:
        for interface, name in (
            ("org.freedesktop.Notifications", "Inhibited"),
            ("org.dunstproject.cmd0", "paused"),
        ):
            if name in missing:
                continue
            value = get(
                "org.freedesktop.Notifications", "/org/freedesktop/Notifications", interface, name
            )
            if value is None:
                missing.add(name)
            elif value is True:
                return True
        return False

    return check


def gnome_banners_off(run: Callable[[list[str]], str]) -> Check:
    """GNOME's do-not-disturb: org.gnome.desktop.notifications show-banners is false."""

    def check() -> bool:
        try:
            value = run(["gsettings", "get", "org.gnome.desktop.notifications", "show-banners"])
        except (OSError, subprocess.SubprocessError):
            return False
        return value.strip() == "false"

    return check


def _run(argv: list[str]) -> str:
    return subprocess.run(argv, capture_output=True, text=True, timeout=5, check=True).stdout


def combine(checks: list[tuple[str, Check]]) -> QuietProbe:
    """A probe that names the first check that says quiet."""

    def probe() -> str | None:
        return next((why for why, check in checks if check()), None)

    return probe


def default_probe(platform: str, env: Mapping[str, str]) -> QuietProbe:
    """The quiet checks this desktop offers (Linux; elsewhere none yet)."""
    checks: list[tuple[str, Check]] = []
    if not platform.startswith("linux"):
        return combine(checks)
    if env.get("DBUS_SESSION_BUS_ADDRESS") or env.get("XDG_RUNTIME_DIR"):
        from hamstray.desktop import dbus  # noqa: PLC0415

        checks.append(("do not disturb", notifications_inhibited(dbus.Session().get)))
    if "GNOME" in env.get("XDG_CURRENT_DESKTOP", "").upper():
        checks.append(("do not disturb", gnome_banners_off(_run)))
    if env.get("DISPLAY"):
        fullscreen = x11_fullscreen()
        if fullscreen is not None:
            checks.append(("a full-screen window", fullscreen))
    checks += [("a full-screen window", check) for check in wayland_fullscreen.checks(env)]
    return combine(checks)
