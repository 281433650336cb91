"""What pystray's XEmbed (xorg) backend lacks, patched onto its icon.

Its window is created without ButtonPressMask, so real clicks never reach it (pystray issue
#151), and it has no menu: ask for button presses and hand them to the tray. Updates and the stop
come as client messages from a connection of our own and are carried out in pystray's thread:
pystray's own cross-thread calls share one Xlib connection between threads and now and then
wait forever for a lost reply. pystray docks once, so a panel that restarts (or starts after us)
would leave the icon gone: the new tray announces itself with MANAGER on the root window. And
the window is shaped to the icon's opaque pixels, so no black square shows on light panels.
"""

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any, ClassVar

log = logging.getLogger(__name__)

REFRESH, STOP, SHOW = "_HAMSTRAY_REFRESH", "_HAMSTRAY_STOP", "_HAMSTRAY_SHOW"


def _sending_connection() -> Any:
    """An X connection that only sends: Xlib's bare protocol connection, without the
    extensions, keymap and resource classes a full ``Display`` loads (about 0.3 MiB)."""
    from Xlib.protocol import display  # noqa: PLC0415

    class Sending(display.Display):  # type: ignore[misc]
        resource_classes: ClassVar[dict[str, Any]] = {}  # window ids stay plain numbers

    return Sending()


class Wake:
    """Sends client messages to the icon's window over an X connection of its own."""

    def __init__(self, window: int) -> None:
        from Xlib.protocol import request  # noqa: PLC0415

        self._display = _sending_connection()
        self._window = window
        self._atoms = {
            name: request.InternAtom(display=self._display, name=name, only_if_exists=False).atom
            for name in (REFRESH, STOP, SHOW)
        }
        self._lock = threading.Lock()

    def send(self, name: str) -> None:
        """Send the message ``name`` (REFRESH, STOP or SHOW)."""
        from Xlib import X  # noqa: PLC0415
        from Xlib.protocol import event, request  # noqa: PLC0415

        with self._lock:
            try:
                message = event.ClientMessage(
                    window=self._window,
                    client_type=self._atoms[name],
                    data=(32, (X.CurrentTime, 0, 0, 0, 0)),
                )
                request.SendEvent(
                    display=self._display,
                    propagate=False,
                    destination=self._window,
                    event_mask=X.NoEventMask,
                    event=message,
                )
                self._display.flush()
            except Exception as error:  # noqa: BLE001 - the window went with its tray
                log.debug("could not reach the icon's window: %r", error)

    def close(self) -> None:
        """Close this connection."""
        with self._lock, contextlib.suppress(Exception):
            self._display.close()


def adopt(
    icon: Any,
    on_button: Callable[[Any], None],
    refresh: Callable[[], None],
    shown: Callable[[], None] = lambda: None,
) -> Wake:
    """Patch ``icon`` (a pystray xorg Icon, not yet running); return how to reach its thread.
    ``shown`` is called once SHOW has made the icon visible (its dock request is sent)."""
    from Xlib import X  # noqa: PLC0415

    display, window = icon._display, icon._window  # noqa: SLF001 - no public handle exists
    handlers = icon._message_handlers  # noqa: SLF001
    window.change_attributes(event_mask=X.ExposureMask | X.StructureNotifyMask | X.ButtonPressMask)
    handlers[X.ButtonPress] = on_button
    pystray_messages = handlers[X.ClientMessage]
    wake = Wake(window.id)
    refresh_atom, stop_atom, show_atom = (display.intern_atom(n) for n in (REFRESH, STOP, SHOW))
    manager = display.intern_atom("MANAGER")
    tray_selection = display.intern_atom("_NET_SYSTEM_TRAY_S0")
    display.screen().root.change_attributes(event_mask=X.StructureNotifyMask)

    def on_destroy(event: Any) -> None:
        tray = icon._systray_manager  # noqa: SLF001
        if tray is not None and event.window.id == tray.id:
            icon._systray_manager = None  # noqa: SLF001 - docks again on MANAGER

    def on_message(event: Any) -> None:
        if event.client_type == manager and event.data[1][1] == tray_selection:
            if icon.visible:
                log.info("A system tray started: docking the icon.")
                icon._dock_window()  # noqa: SLF001
        elif event.client_type == show_atom:
            icon.visible = True
            shown()
        elif event.client_type == refresh_atom:
            refresh()
        elif event.client_type == stop_atom:
            icon.stop()
        else:
            pystray_messages(event)

    handlers[X.DestroyNotify] = on_destroy
    handlers[X.ClientMessage] = on_message
    display.flush()
    if display.has_extension("SHAPE"):
        draw = icon._draw  # noqa: SLF001

        def draw_shaped() -> None:
            draw()
            _shape(icon)

        icon._draw = draw_shaped  # noqa: SLF001
    return wake


def has_tray_host(icon: Any) -> bool:
    """Whether a system tray owns the display's tray selection."""
    from Xlib import X  # noqa: PLC0415

    display = icon._display  # noqa: SLF001
    owner = display.get_selection_owner(display.intern_atom("_NET_SYSTEM_TRAY_S0"))
    return bool(owner != X.NONE)


def close_display(icon: Any) -> None:
    """Close the X connection of an icon whose tray went away."""
    with contextlib.suppress(Exception):
        icon._display.close()  # noqa: SLF001


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


# Typographic quotes, the ellipsis and dashes, made plain.
_PLAIN = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2026": "...", "\u2013": "-"}
)


def latin1(text: str) -> str:
    """``text`` as an X window name in Latin-1 can carry it: typographic quotes and dashes made
    plain, anything else outside Latin-1 a "?"."""
    return text.translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")
