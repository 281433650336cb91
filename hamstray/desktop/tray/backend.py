"""Which tray backend hamstray uses and why (a pure choice from what the session offers), and
making it."""

import logging
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from hamstray.desktop.tray.actions import Actions
from hamstray.desktop.tray.base import Tray, TrayError

log = logging.getLogger(__name__)

LINUX = ("sni", "gtk", "appindicator", "xorg")
BACKENDS = (*LINUX, "win32", "darwin", "dummy")


@dataclass(frozen=True, slots=True)
class Choice:
    """A tray backend and the reason it was chosen."""

    name: str
    why: str


def choose(
    env: Mapping[str, str],
    platform: str,
    has_watcher: Callable[[], bool],
    has_gi: Callable[[], bool],
) -> Choice:
    """The backend for this session; ``HAMSTRAY_TRAY`` overrides (a ValueError if unknown).

    On Linux: StatusNotifierItem when a watcher is on the session bus (KDE, GNOME with the
    AppIndicator extension, Xfce, Wayland bars), else GTK's XEmbed icon when PyGObject is
    there, else pystray's plain X11 icon. Elsewhere pystray's native backend.
    """
    chosen = env.get("HAMSTRAY_TRAY")
    if chosen:
        if chosen not in BACKENDS:
            raise ValueError(f"HAMSTRAY_TRAY={chosen} is not one of {', '.join(BACKENDS)}")
        return Choice(chosen, "chosen by HAMSTRAY_TRAY")
    if platform in ("win32", "darwin"):
        return Choice(platform, "the native backend of this platform")
    if env.get("PYSTRAY_BACKEND") in LINUX:
        return Choice(env["PYSTRAY_BACKEND"], "chosen by PYSTRAY_BACKEND")
    if has_watcher():
        return Choice("sni", "a StatusNotifierItem host is on the session bus")
    if has_gi():
        return Choice("gtk", "no StatusNotifierItem host; PyGObject is installed")
    return Choice("xorg", "no StatusNotifierItem host and no PyGObject")


def create(actions: Actions) -> Tray:
    """The tray icon for this session (see ``choose``), showing what ``actions.look`` gives
    (the StatusNotifierItem, whose host asks at once) or a fresh start until the app's first
    ``show`` (pystray's icons, which show themselves before the app has read its settings)."""
    try:
        choice = choose(os.environ, sys.platform, has_watcher, has_gi)
    except ValueError as error:
        raise TrayError(str(error)) from error
    log.info("tray backend: %s (%s)", choice.name, choice.why)
    if choice.name == "sni":
        from hamstray.desktop.tray.sni import SniTray  # noqa: PLC0415

        return SniTray(actions)
    os.environ["PYSTRAY_BACKEND"] = choice.name
    from hamstray.desktop.tray.pystray_icon import PystrayTray  # noqa: PLC0415 - loads the GUI

    return PystrayTray(actions)


def has_watcher() -> bool:
    """Whether a StatusNotifierItem host is on the session bus."""
    from hamstray.desktop import dbus  # noqa: PLC0415

    return dbus.has_owner("org.kde.StatusNotifierWatcher") is True


def has_gi() -> bool:
    """Whether PyGObject (pystray's gtk and appindicator backends) is installed."""
    import importlib.util  # noqa: PLC0415

    return importlib.util.find_spec("gi") is not None
