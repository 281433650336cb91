"""The tray icon through pystray (XEmbed, GTK, AppIndicator, Windows, macOS backends)."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from hamstray.desktop.tray import icons, xembed
from hamstray.desktop.tray.actions import Actions
from hamstray.desktop.tray.base import APP, TrayError, click_starts

if TYPE_CHECKING:  # the menu, the engine and the popup load once the icon is up
    from hamstray.desktop.tray.menu import Action, Extras, Item
    from hamstray.engine.model import View
    from hamstray.ui.popup.client import Popup

log = logging.getLogger(__name__)

ICON_SIZE = 64
SHOW_WAIT_S = 2.0  # the longest the set-up waits for pystray's thread to show the icon


class PystrayTray:
    """A pystray icon whose clicks only act through ``actions``; ``show`` works from any thread."""

    def __init__(self, actions: Actions) -> None:
        try:
            import pystray  # noqa: PLC0415 - connects to the display on import
        except Exception as error:
            raise TrayError(f"the tray cannot start: {error}") from error
        self._pystray = pystray
        self.act = actions
        self._shown_look: tuple[View, Extras] | None = None  # None: a fresh start, until `show`
        self._lock = threading.Lock()
        self._popup: Popup | None = None  # made when the menu first opens
        self._pending: tuple[View, Extras] | None = None
        self._wake: xembed.Wake | None = None
        self._shown = threading.Event()  # the XEmbed icon asked its tray to dock it
        self._stopping = False
        self.backend = pystray.Icon.__module__.rsplit("_", 1)[-1]
        self.click_starts = click_starts(self.backend, os.environ.get("XDG_CURRENT_DESKTOP", ""))
        self._no_tk: list[str | None] = []  # why Tk windows cannot open, once looked at
        self._icon = self._build()
        if self.backend == "xorg" and not xembed.has_tray_host(self._icon):
            log.warning(
                "No system tray on this display: the icon appears when one starts; "
                "reminders still come as notifications."
            )

    def _build(self) -> Any:
        icon = self._pystray.Icon(
            "hamstray",
            icon=self._image(self._shown_look),
            title=self._title(self._shown_look),
            menu=self._pystray.Menu(lambda: self._pystray_items(self._items())),
        )
        if self.backend == "xorg":
            if self._wake is not None:
                self._wake.close()
            self._wake = xembed.adopt(icon, self._on_button, self._apply, self._shown.set)
        return icon

    def _title(self, look: tuple[View, Extras] | None) -> str:
        """The tooltip; pystray's xorg backend sets it as the window's Latin-1 WM_NAME, where
        French's typographic apostrophe would stop its main loop."""
        if look is None:
            return APP
        from hamstray.desktop.tray.menu import title_for  # noqa: PLC0415 - after the icon

        title = title_for(look[0])
        return xembed.latin1(title) if self.backend == "xorg" else title

    def _items(self, look: tuple[View, Extras] | None = None) -> tuple[Item, ...]:
        """The menu for ``look``, else for the view shown (this moment's, before the first)."""
        from hamstray.desktop.tray.menu import items  # noqa: PLC0415 - after the icon

        return items(*(look or self._shown_look or self.act.look()))

    @staticmethod
    def _image(look: tuple[View, Extras] | None) -> Any:
        if look is None:
            return icons.fresh_start(ICON_SIZE)
        view = look[0]
        return icons.draw(view.phase, view.progress, ICON_SIZE, view.standing)

    def _pystray_items(self, menu: tuple[Item, ...]) -> list[Any]:
        found = []
        for item in menu:
            if item.separator:
                found.append(self._pystray.Menu.SEPARATOR)
            elif item.submenu:
                found.append(
                    self._pystray.MenuItem(
                        item.label,
                        self._pystray.Menu(*self._pystray_items(item.submenu)),
                        enabled=item.enabled,
                    )
                )
            else:
                found.append(
                    self._pystray.MenuItem(
                        item.label,
                        self._callback(item.action),
                        enabled=item.enabled,
                        default=item.default,
                        checked=None if item.checked is None else self._checked(item.checked),
                    )
                )
        return found

    def _callback(self, action: Action) -> Callable[..., None]:
        return lambda *_: self.act(action)

    @staticmethod
    def _checked(value: bool) -> Callable[[Any], bool]:
        return lambda _: value

    def _on_button(self, event: Any) -> None:
        """A real click on the XEmbed icon (in pystray's thread)."""
        if event.detail == 1:
            from hamstray.desktop.tray.menu import default_action  # noqa: PLC0415

            action = default_action(self._items())
            if action is None and self._no_menu():
                self._tell_no_menu()
            self.act(action)
        elif event.detail == 3 and self._no_menu():
            self._tell_no_menu()
        elif event.detail == 3:
            self.popup(event.root_x, event.root_y)

    def _no_menu(self) -> str | None:
        """Why hamstray's own menu (a Tk window) cannot open here, looked at on the first click
        (it takes a Python of its own: not before the icon shows)."""
        if not self._no_tk:
            from hamstray.ui import tk_display  # noqa: PLC0415 - on the first click

            self._no_tk.append(tk_display.current())
            if self._no_tk[0]:
                log.warning("hamstray's menu cannot open: %s", self._no_tk[0])
        return self._no_tk[0]

    def _tell_no_menu(self) -> None:
        """Without Tk, what the menu would have said and offered: where things stand, and the
        commands that do what its entries do."""
        from hamstray.desktop.tray.menu import status  # noqa: PLC0415

        self.act.tell(
            status(self.act.look()[0]),
            f"hamstray's menu is a Tk window too, and cannot open: {self._no_menu()} Until then, "
            "in a terminal: hamstray status, snooze, skip, pause, resume, quit (hamstray --help "
            "lists them all).",
        )

    def popup(self, x: int, y: int) -> None:
        """Open hamstray's own menu at (x, y), showing this moment; the choice comes back in a
        reader thread."""
        from hamstray.desktop.tray.menu import action_at, entries  # noqa: PLC0415
        from hamstray.ui.popup.client import Popup  # noqa: PLC0415

        menu = self._items(self.act.look())
        if self._popup is None:
            self._popup = Popup(on_crash=lambda sentence: self.act.tell(APP, sentence))
        self._popup.open(entries(menu), x, y, lambda key: self.act(action_at(menu, key)))

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

    def show(self, view: View, extras: Extras) -> None:
        """Show ``view``: icon and title change only when what they show changes."""
        with self._lock:
            self._pending = (view, extras)
        if self._wake is not None:
            self._wake.send(xembed.REFRESH)  # applied in pystray's own thread
        else:
            self._apply()

    def _apply(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, None
        if pending is None:
            return
        old, self._shown_look = self._shown_look, pending
        if old is None or _drawn(old[0]) != _drawn(pending[0]):
            self._icon.icon = self._image(pending)
        title = self._title(pending)
        if title != self._icon.title:
            self._icon.title = title
        if self._icon.HAS_MENU:
            self._icon.update_menu()

    def run(self, setup: Callable[[], None]) -> None:
        """Show the icon and block in the tray's main loop; ``setup`` runs once it is up."""
        set_up = False

        def started(icon: Any) -> None:
            nonlocal set_up
            if self._wake is not None:
                self._wake.send(xembed.SHOW)  # in pystray's thread, like every update
                # The app's set-up imports and opens much: not before the dock request is out.
                self._shown.wait(SHOW_WAIT_S)
            else:
                icon.visible = True
            if not set_up:  # once, not again for an icon rebuilt after its tray went away
                set_up = True
                setup()

        while True:
            self._icon.run(setup=started)
            if self._stopping or self.backend != "xorg":
                return
            # A tray that dies takes the icon's window with it (a window it reparented goes
            # when its process goes), and pystray's loop ends: make a new icon and wait.
            log.warning("The system tray went away: the icon comes back when it returns.")
            xembed.close_display(self._icon)
            self._icon = self._build()

    def stop(self) -> None:
        """End ``run``, and close the menu if it is open."""
        self._stopping = True
        if self._popup is not None:
            self._popup.close()
        if self._wake is not None:
            self._wake.send(xembed.STOP)
        else:
            self._icon.stop()


def _drawn(view: View) -> tuple[object, ...]:
    """What the icon's picture shows of ``view``."""
    return (view.phase, view.progress, view.standing)
