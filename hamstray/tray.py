"""The tray icon (pystray): shows the view, and turns clicks into events for the loop."""

import contextlib
import json
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import Any, Protocol

from hamstray import backend, durations, icons, menu, schedule
from hamstray.core import Command, Event, Pause, Phase, View
from hamstray.menu import Extras, Item

log = logging.getLogger(__name__)

ICON_SIZE = 64


class TrayError(Exception):
    """The tray cannot start here; the message says why."""


class Tray(Protocol):
    """What the app needs of a tray icon, whatever draws it."""

    backend: str

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


def create(
    post: Callable[[Event], None],
    clock: Callable[[], float],
    on_quit: Callable[[], None],
    view: View,
    extras: Extras,
) -> Tray:
    """The tray icon for this session (see ``backend.choose``)."""
    try:
        choice = backend.choose(os.environ, sys.platform, _has_watcher, _has_gi)
    except ValueError as error:
        raise TrayError(str(error)) from error
    log.info("tray backend: %s (%s)", choice.name, choice.why)
    if choice.name == "sni":
        from hamstray.sni import SniTray  # noqa: PLC0415

        return SniTray(post, clock, on_quit, view, extras)
    os.environ["PYSTRAY_BACKEND"] = choice.name
    return PystrayTray(post, clock, on_quit, view, extras)


def _has_watcher() -> bool:
    from hamstray import dbus  # noqa: PLC0415

    return dbus.has_owner("org.kde.StatusNotifierWatcher") is True


def _has_gi() -> bool:
    import importlib.util  # noqa: PLC0415

    return importlib.util.find_spec("gi") is not None


class Actions:
    """Carries out menu actions: events go to the loop; Quit and "until tomorrow" are resolved."""

    def __init__(
        self,
        post: Callable[[Event], None],
        clock: Callable[[], float],
        on_quit: Callable[[], None],
    ) -> None:
        self._post = post
        self._clock = clock
        self._on_quit = on_quit

    def __call__(self, action: menu.Action) -> None:
        if action is None:
            return
        if action == menu.QUIT:
            self._on_quit()
        elif action == menu.PAUSE_TOMORROW:
            self._post(Pause(schedule.next_local_midnight(self._clock())))
        elif isinstance(action, str):
            self._post(Command(action))
        else:
            self._post(action)


def popup_menu(
    items: tuple[Item, ...], x: int, y: int, act: Callable[[menu.Action], None]
) -> "subprocess.Popen[str]":
    """Open hamstray's own menu at (x, y); the choice is acted on from a reader thread."""
    spec = json.dumps([_as_json(item) for item in items])
    process = subprocess.Popen(
        [sys.executable, "-m", "hamstray.popup", spec, str(x), str(y)],
        stdout=subprocess.PIPE,
        text=True,
    )
    chosen = flatten(items)

    def wait() -> None:
        assert process.stdout is not None  # noqa: S101 - Popen was given stdout=PIPE
        key = process.stdout.read().strip()
        process.wait()
        if key in chosen:
            act(chosen[key].action)

    threading.Thread(target=wait, name="hamstray-menu", daemon=True).start()
    return process


def title_for(view: View) -> str:
    """The tooltip: when the next break comes and what it suggests."""
    stretch = f" · {view.stretch.name}" if view.stretch else ""
    if view.standing and view.phase is Phase.SITTING:
        return f"Standing: sitting time is on hold{stretch}"
    match view.phase:
        case Phase.SITTING:
            return f"Next break in {durations.humanize(view.next_break_in or 0)}{stretch}"
        case Phase.DUE:
            return f"Time for a break{stretch}"
        case Phase.SNOOZED:
            return f"Snoozed: break in {durations.humanize(view.next_break_in or 0)}{stretch}"
        case Phase.PAUSED:
            return (
                "Paused: no reminders until you resume"
                if view.paused_until is None
                else "Paused: no reminders for now"
            )
        case Phase.AWAY:
            return "Away: this counts as a break"
        case Phase.STRETCHING:
            return f"Stretching{stretch}"


def flatten(items: tuple[Item, ...], prefix: str = "") -> dict[str, Item]:
    """Every item by its path ("3.1"), as the popup reports it."""
    found: dict[str, Item] = {}
    for index, item in enumerate(items):
        found[f"{prefix}{index}"] = item
        found.update(flatten(item.submenu, f"{prefix}{index}."))
    return found


class PystrayTray:
    """A pystray icon whose clicks only post events; ``show`` may be called from any thread."""

    def __init__(
        self,
        post: Callable[[Event], None],
        clock: Callable[[], float],
        on_quit: Callable[[], None],
        view: View,
        extras: Extras,
    ) -> None:
        try:
            import pystray  # noqa: PLC0415 - connects to the display on import
        except Exception as error:
            raise TrayError(f"the tray cannot start: {error}") from error
        self._pystray = pystray
        self.act = Actions(post, clock, on_quit)
        self._view = view
        self._extras = extras
        self._lock = threading.Lock()
        self._popup: subprocess.Popen[str] | None = None
        self._pending: tuple[View, Extras] | None = None
        self._wake: _Wake | None = None
        self._stopping = False
        self.backend = pystray.Icon.__module__.rsplit("_", 1)[-1]
        self._icon = self._build()
        if self.backend == "xorg" and not self._has_tray_host():
            log.warning(
                "No system tray on this display: the icon appears when one starts; "
                "reminders still come as notifications."
            )

    def _build(self) -> Any:
        icon = self._pystray.Icon(
            "hamstray",
            icon=self._image(self._view),
            title=title_for(self._view),
            menu=self._pystray.Menu(lambda: self._pystray_items(self._items())),
        )
        if self.backend == "xorg":
            self._fix_xembed(icon)
        return icon

    def _items(self) -> tuple[Item, ...]:
        return menu.items(self._view, self._extras)

    def _image(self, view: View) -> Any:
        return icons.draw(view.phase, view.progress, ICON_SIZE, view.standing)

    def _pystray_items(self, items: tuple[Item, ...]) -> list[Any]:
        entries = []
        for item in items:
            if item.separator:
                entries.append(self._pystray.Menu.SEPARATOR)
            elif item.submenu:
                entries.append(
                    self._pystray.MenuItem(
                        item.label,
                        self._pystray.Menu(*self._pystray_items(item.submenu)),
                        enabled=item.enabled,
                    )
                )
            else:
                entries.append(
                    self._pystray.MenuItem(
                        item.label,
                        self._callback(item.action),
                        enabled=item.enabled,
                        default=item.default,
                        checked=None if item.checked is None else self._checked(item.checked),
                    )
                )
        return entries

    def _callback(self, action: menu.Action) -> Callable[..., None]:
        return lambda *_: self.act(action)

    @staticmethod
    def _checked(value: bool) -> Callable[[Any], bool]:
        return lambda _: value

    def _fix_xembed(self, icon: Any) -> None:
        # pystray's xorg backend creates its window without ButtonPressMask, so real clicks never
        # reach it (pystray issue #151), and it has no menu: ask for button presses, let the
        # left button start the stretch and the right one open hamstray's own menu.
        from Xlib import X  # noqa: PLC0415

        icon._window.change_attributes(  # noqa: SLF001 - no public handle exists
            event_mask=X.ExposureMask | X.StructureNotifyMask | X.ButtonPressMask
        )
        icon._message_handlers[X.ButtonPress] = self._on_button  # noqa: SLF001
        # Updates and the stop come as client messages from a connection of our own, and are
        # carried out in pystray's thread: pystray's own cross-thread calls share one Xlib
        # connection between threads and now and then wait forever for a lost reply.
        pystray_messages = icon._message_handlers[X.ClientMessage]  # noqa: SLF001
        if self._wake is not None:
            self._wake.close()
        self._wake = _Wake(icon._window.id)  # noqa: SLF001
        refresh = icon._display.intern_atom("_HAMSTRAY_REFRESH")  # noqa: SLF001
        stop = icon._display.intern_atom("_HAMSTRAY_STOP")  # noqa: SLF001
        show = icon._display.intern_atom("_HAMSTRAY_SHOW")  # noqa: SLF001

        # pystray docks once: when the panel restarts (or starts after us) the icon would stay
        # gone. The new tray announces itself with a MANAGER message on the root window.
        manager = icon._display.intern_atom("MANAGER")  # noqa: SLF001
        tray_selection = icon._display.intern_atom("_NET_SYSTEM_TRAY_S0")  # noqa: SLF001
        icon._display.screen().root.change_attributes(event_mask=X.StructureNotifyMask)  # noqa: SLF001

        def on_destroy(event: Any) -> None:
            tray = icon._systray_manager  # noqa: SLF001
            if tray is not None and event.window.id == tray.id:
                icon._systray_manager = None  # noqa: SLF001 - docks again on MANAGER

        icon._message_handlers[X.DestroyNotify] = on_destroy  # noqa: SLF001

        def on_message(event: Any) -> None:
            if event.client_type == manager and event.data[1][1] == tray_selection:
                if icon.visible:
                    log.info("A system tray started: docking the icon.")
                    icon._dock_window()  # noqa: SLF001
            elif event.client_type == show:
                icon.visible = True
            elif event.client_type == refresh:
                self._apply()
            elif event.client_type == stop:
                icon.stop()
            else:
                pystray_messages(event)

        icon._message_handlers[X.ClientMessage] = on_message  # noqa: SLF001
        icon._display.flush()  # noqa: SLF001
        if icon._display.has_extension("SHAPE"):  # noqa: SLF001
            draw = icon._draw  # noqa: SLF001

            def draw_shaped() -> None:
                draw()
                _shape(icon)

            icon._draw = draw_shaped  # noqa: SLF001

    def _has_tray_host(self) -> bool:
        from Xlib import X  # noqa: PLC0415

        display = self._icon._display  # noqa: SLF001
        owner = display.get_selection_owner(display.intern_atom("_NET_SYSTEM_TRAY_S0"))
        return bool(owner != X.NONE)

    def _on_button(self, event: Any) -> None:
        """A real click on the XEmbed icon (in pystray's thread)."""
        if event.detail == 1:
            default = next((i for i in self._items() if i.default), None)
            self.act(default.action if default and default.enabled else None)
        elif event.detail == 3:
            self.popup(event.root_x, event.root_y)

    def popup(self, x: int, y: int) -> None:
        """Open hamstray's own menu at (x, y); the choice comes back in a reader thread."""
        if self._popup is None or self._popup.poll() is not None:
            self._popup = popup_menu(self._items(), x, y, self.act)

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
            self._wake.send("_HAMSTRAY_REFRESH")  # applied in pystray's own thread
        else:
            self._apply()

    def _apply(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, None
        if pending is None:
            return
        view, extras = pending
        old, self._view, self._extras = self._view, view, extras
        if (old.phase, old.progress, old.standing) != (view.phase, view.progress, view.standing):
            self._icon.icon = self._image(view)
        title = title_for(view)
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
                self._wake.send("_HAMSTRAY_SHOW")  # in pystray's thread, like every update
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
            with contextlib.suppress(Exception):
                self._icon._display.close()  # noqa: SLF001
            self._icon = self._build()

    def stop(self) -> None:
        """End ``run``."""
        self._stopping = True
        if self._wake is not None:
            self._wake.send("_HAMSTRAY_STOP")
        else:
            self._icon.stop()


class _Wake:
    """Sends client messages to the icon's window over an X connection of its own."""

    def __init__(self, window: int) -> None:
        from Xlib import display as xdisplay  # noqa: PLC0415

        self._display = xdisplay.Display()
        self._window = self._display.create_resource_object("window", window)
        self._lock = threading.Lock()

    def send(self, name: str) -> None:
        from Xlib import X  # noqa: PLC0415
        from Xlib.protocol import event  # noqa: PLC0415

        with self._lock:
            try:
                message = event.ClientMessage(
                    window=self._window,
                    client_type=self._display.intern_atom(name),
                    data=(32, (X.CurrentTime, 0, 0, 0, 0)),
                )
                self._display.send_event(self._window, message, event_mask=X.NoEventMask)
                self._display.flush()
            except Exception as error:  # noqa: BLE001 - the window went with its tray
                log.debug("could not reach the icon's window: %r", error)

    def close(self) -> None:
        """Close this connection."""
        with self._lock, contextlib.suppress(Exception):
            self._display.close()


def _shape(icon: Any) -> None:
    """Cut the XEmbed window to the icon's opaque pixels, so the panel shows around it.

    pystray paints the icon onto a black square; without a shape that square shows on light
    panels. The shape is a set of one-pixel-high rectangles, one per run of opaque pixels.
    """
    from PIL import Image  # noqa: PLC0415
    from Xlib import X  # noqa: PLC0415
    from Xlib.ext import shape  # noqa: PLC0415

    try:
        geometry = icon._window.get_geometry()  # noqa: SLF001
        width, height = geometry.width, geometry.height
        alpha = icon.icon.convert("RGBA").resize((width, height), Image.Resampling.LANCZOS)
        opaque = alpha.getchannel("A").point(lambda a: 255 if a >= 100 else 0).tobytes()
        rectangles = []
        for y in range(height):
            row = opaque[y * width : (y + 1) * width]
            x = 0
            while x < width:
                if row[x]:
                    start = x
                    while x < width and row[x]:
                        x += 1
                    rectangles.append((start, y, x - start, 1))
                x += 1
        window = icon._window  # noqa: SLF001
        window.shape_rectangles(shape.SO.Set, shape.SK.Bounding, X.Unsorted, 0, 0, rectangles)
        icon._display.flush()  # noqa: SLF001
    except Exception as error:  # noqa: BLE001 - a square icon is better than none
        log.debug("could not shape the tray icon: %r", error)


def _as_json(item: Item) -> dict[str, Any]:
    return {
        "label": item.label,
        "enabled": item.enabled,
        "checked": item.checked,
        "submenu": [_as_json(i) for i in item.submenu],
    }
