"""What every tray backend is: the ``Tray`` protocol the app drives, and ``TrayError``."""

from collections.abc import Callable
from typing import Protocol

from hamstray.desktop.tray.menu import Extras
from hamstray.engine.model import View


class TrayError(Exception):
    """The tray cannot start here; the message says why."""


class Tray(Protocol):
    """What the app needs of a tray icon, whatever draws it."""

    backend: str
    click_starts: bool  # a plain click on the icon starts the stretch (see menu.click_starts)

    @property
    def can_notify(self) -> bool:
        """Whether the tray shows notifications of its own."""

    def notify(self, title: str, message: str) -> bool:
        """Show a notification through the tray, if it can."""

    def show(self, view: View, extras: Extras) -> None:
        """Show ``view`` (from any thread)."""

    def run(self, setup: Callable[[], None]) -> None:
        """Show the icon and block until ``stop``; ``setup`` runs once it is up."""

    def stop(self) -> None:
        """End ``run`` (from any thread)."""
