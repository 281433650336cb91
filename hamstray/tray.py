"""The tray icon (pystray): shows the view, and turns clicks into events for the loop."""

import logging
import os
import threading
from collections.abc import Callable
from typing import Any

from hamstray import durations, icons
from hamstray.core import Event, Pause, Phase, Resume, Skip, Snooze, StartStretch, View

log = logging.getLogger(__name__)

ICON_SIZE = 64
BACKENDS = ("xorg", "gtk", "appindicator", "win32", "darwin", "dummy")


class TrayError(Exception):
    """The tray cannot start here; the message says why."""


def title_for(view: View) -> str:
    """The tooltip: when the next break comes and what it suggests."""
    stretch = f" · {view.stretch.name}" if view.stretch else ""
    match view.phase:
        case Phase.SITTING:
            left = durations.humanize(view.next_break_in or 0)
            return f"Next break in {left}{stretch}"
        case Phase.DUE:
            return f"Time for a break{stretch}"
        case Phase.SNOOZED:
            return f"Snoozed: break in {durations.humanize(view.next_break_in or 0)}{stretch}"
        case Phase.PAUSED:
            return "Paused" if view.paused_until is None else "Paused for now"
        case Phase.AWAY:
            return "Away: taking a break"
        case Phase.STRETCHING:
            return f"Stretching{stretch}"


class Tray:
    """A pystray icon whose clicks only post events; ``show`` may be called from any thread."""

    def __init__(
        self,
        post: Callable[[Event], None],
        clock: Callable[[], float],
        on_quit: Callable[[], None],
        view: View,
    ) -> None:
        backend = os.environ.get("HAMSTRAY_TRAY")
        if backend:
            if backend not in BACKENDS:
                raise TrayError(f"HAMSTRAY_TRAY={backend} is not one of {', '.join(BACKENDS)}")
            os.environ["PYSTRAY_BACKEND"] = backend
        try:
            import pystray  # noqa: PLC0415 - connects to the display on import
        except Exception as error:
            raise TrayError(f"the tray cannot start: {error}") from error
        self._pystray = pystray
        self._post = post
        self._clock = clock
        self._on_quit = on_quit
        self._view = view
        self._lock = threading.Lock()
        self.backend = pystray.Icon.__module__.rsplit("_", 1)[-1]
        self._icon = pystray.Icon(
            "hamstray", icon=self._image(view), title=title_for(view), menu=self._menu()
        )
        if self.backend == "xorg":
            self._accept_clicks()

    def _image(self, view: View) -> Any:
        return icons.draw(view.phase, view.progress, ICON_SIZE)

    def _menu(self) -> Any:
        item, menu = self._pystray.MenuItem, self._pystray.Menu

        def view() -> View:
            return self._view

        def start_label(_: Any) -> str:
            stretch = view().stretch
            return f"Start: {stretch.name}" if stretch else "Start a stretch"

        def snooze_label(_: Any) -> str:
            return f"Snooze ({view().snoozes_left} left)"

        def pause(seconds: int) -> Callable[..., None]:
            return lambda *_: self._post(Pause(self._clock() + seconds))

        return menu(
            item(start_label, lambda *_: self._post(StartStretch()), default=True),
            item(
                snooze_label,
                lambda *_: self._post(Snooze()),
                enabled=lambda _: (
                    view().phase in (Phase.DUE, Phase.SNOOZED) and view().snoozes_left > 0
                ),
            ),
            item(
                "Skip this break",
                lambda *_: self._post(Skip()),
                enabled=lambda _: view().phase is not Phase.PAUSED,
            ),
            item(
                "Pause 30 min", pause(30 * 60), visible=lambda _: view().phase is not Phase.PAUSED
            ),
            item(
                "Pause 1 hour", pause(60 * 60), visible=lambda _: view().phase is not Phase.PAUSED
            ),
            item(
                "Resume",
                lambda *_: self._post(Resume()),
                visible=lambda _: view().phase is Phase.PAUSED,
            ),
            item("Quit", lambda *_: self._on_quit()),
        )

    def _accept_clicks(self) -> None:
        # pystray's xorg backend creates its window without ButtonPressMask, so real clicks never
        # reach it (pystray issue #151): ask the X server for button presses too.
        from Xlib import X  # noqa: PLC0415

        window = self._icon._window  # noqa: SLF001 - no public handle exists
        window.change_attributes(
            event_mask=X.ExposureMask | X.StructureNotifyMask | X.ButtonPressMask
        )
        self._icon._display.flush()  # noqa: SLF001

    @property
    def can_notify(self) -> bool:
        """Whether this backend shows notifications of its own."""
        return bool(self._icon.HAS_NOTIFICATION)

    def notify(self, title: str, message: str) -> bool:
        """Show a notification through the tray backend, if it has one."""
        if not self.can_notify:
            return False
        try:
            self._icon.notify(message, title)
        except Exception as error:  # noqa: BLE001 - a failed fallback is reported, not raised
            log.warning("The tray could not show a notification: %r", error)
            return False
        return True

    def show(self, view: View) -> None:
        """Show ``view``: icon and title change only when what they show changes."""
        with self._lock:
            old, self._view = self._view, view
            if (old.phase, old.progress) != (view.phase, view.progress):
                self._icon.icon = self._image(view)
            title = title_for(view)
            if title != self._icon.title:
                self._icon.title = title
            if self._icon.HAS_MENU:
                self._icon.update_menu()

    def run(self, setup: Callable[[], None]) -> None:
        """Show the icon and block in the tray's main loop; ``setup`` runs once it is up."""

        def started(icon: Any) -> None:
            icon.visible = True
            setup()

        self._icon.run(setup=started)

    def stop(self) -> None:
        """End ``run``."""
        self._icon.stop()
