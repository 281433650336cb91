"""Whether now is a bad moment for a reminder: a call, do-not-disturb, or a full-screen window.

Each check takes the OS call it needs, so every one is tested here; ``looks`` lists those this
platform and desktop offer (the calls first, since a call also keeps sitting time growing) and
``combine`` asks them in turn, with the ``[quiet]`` switches read at each ask, and says why it is
quiet (or None). The checks run only when a reminder is about to be shown or held, or when the
user's idle time would start a break: never on a timer of their own.
"""

import logging
import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from typing import Any

from hamstray.desktop import fullscreen as wayland_fullscreen
from hamstray.desktop.calls import InUse, Look
from hamstray.engine.reasons import Cause, Reason
from hamstray.engine.settings import Quiet

log = logging.getLogger(__name__)

QuietProbe = Callable[[], Reason | None]
Check = Callable[[], bool]


def flag(check: Check) -> InUse:
    """A yes-or-no check as a look that names nobody."""
    return lambda: "" if check() else None


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


def combine(looks: list[Look], switches: Callable[[], Quiet]) -> QuietProbe:
    """A probe that names the first look, of those switched on, that says quiet."""

    def probe() -> Reason | None:
        on = switches()
        for item in looks:
            if item.switch is not None and not getattr(on, item.switch):
                continue
            try:
                who = item.look()
            except Exception as error:  # noqa: BLE001 - a failing look never stops the loop
                log.debug("quiet check %s failed: %r", item.how, error)
                continue
            if who is not None:
                return Reason(item.cause, who)
        return None

    return probe


def quiet_looks(platform: str, env: Mapping[str, str], bus: Any) -> list[Look]:
    """Do-not-disturb and full-screen checks this desktop offers (Linux; elsewhere none yet)."""
    looks: list[Look] = []
    if not platform.startswith("linux"):
        return looks
    if bus is not None:
        looks.append(
            Look(Cause.DO_NOT_DISTURB, "the notification server", None,
                 flag(notifications_inhibited(bus.get)))
        )  # fmt: skip
    if "GNOME" in env.get("XDG_CURRENT_DESKTOP", "").upper():
        looks.append(
            Look(Cause.DO_NOT_DISTURB, "GNOME's show-banners", None, flag(gnome_banners_off(_run)))
        )
    if env.get("DISPLAY"):
        fullscreen = x11_fullscreen()
        if fullscreen is not None:
            looks.append(Look(Cause.FULL_SCREEN, "X11's active window", None, flag(fullscreen)))
    return looks


def looks(platform: str, env: Mapping[str, str], switches: Callable[[], Quiet]) -> list[Look]:
    """Every check this desktop offers, calls first (a call also keeps sitting time growing)."""
    bus = None
    if platform.startswith("linux") and (
        env.get("DBUS_SESSION_BUS_ADDRESS") or env.get("XDG_RUNTIME_DIR")
    ):
        from hamstray.desktop import dbus  # noqa: PLC0415

        bus = dbus.Session()  # one connection for every check that asks the bus
    from hamstray.desktop.calls import choose  # noqa: PLC0415 - at the first look, not at start

    apps = choose.for_platform(
        platform, lambda: switches().apps, None if bus is None else (lambda: bus.call)
    )
    return apps + quiet_looks(platform, env, bus)


def default_probe(switches: Callable[[], Quiet]) -> QuietProbe:
    """The quiet probe for this desktop, following the ``[quiet]`` switches ``switches`` gives."""
    wayland = [
        Look(Cause.FULL_SCREEN, "the compositor's windows", None, flag(check))
        for check in wayland_fullscreen.checks(os.environ)  # started here: a KWin script, say
    ]
    return combine(looks(sys.platform, os.environ, switches) + wayland, switches)
