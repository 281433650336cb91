"""What every tray backend is: the ``Tray`` protocol the app drives, ``TrayError``, and how a
click on its icon behaves."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the icon shows before the engine and the menu are loaded
    from hamstray.desktop.tray.menu import Extras
    from hamstray.engine.model import View

APP = "hamstray"  # the icon's tooltip until the app first shows its view


class TrayError(Exception):
    """The tray cannot start here; the message says why."""


class Tray(Protocol):
    """What the app needs of a tray icon, whatever draws it."""

    backend: str
    click_starts: bool  # a plain click on the icon starts the stretch (see click_starts)

    @property
    def can_notify(self) -> bool:
        """Whether the tray shows notifications of its own."""

    def notify(self, title: str, message: str) -> bool:
        """Show a notification through the tray, if it can."""

    def show(self, view: View, extras: Extras) -> None:
        """Show ``view`` (from any thread)."""

    def run(self, setup: Callable[[], None]) -> None:
        """Show the icon and block until ``stop``; ``setup`` runs once it is up. Before the
        first ``show`` the icon shows what ``Actions.look`` gives, or a fresh start (the empty
        ring, titled APP) where it can show itself sooner than the app can read its settings."""

    def stop(self) -> None:
        """End ``run`` (from any thread)."""


def click_starts(backend: str, desktop: str) -> bool:
    """Whether a plain click on the icon starts the stretch (``desktop``: XDG_CURRENT_DESKTOP):
    pystray's appindicator backend, GNOME's AppIndicator extension and the macOS menu bar open
    the menu on a click instead."""
    if backend in ("appindicator", "darwin"):
        return False
    return not (backend == "sni" and "GNOME" in desktop.upper())
