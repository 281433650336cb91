"""Whether the window in front is full screen, on Wayland desktops: each desktop's own way,
where an app may read it without extra permissions. All are told, not polled.

- wlroots compositors (sway, river, labwc, Hyprland): ``wlr-foreign-toplevel-management``
  lists every window with its states (activated, fullscreen).
- KDE Plasma: a small KWin script, loaded over KWin's D-Bus (``org.kde.kwin.Scripting``), calls
  hamstray back whenever the active window or its full-screen state changes (KWin keeps its
  window list from other apps; its scripts may call out over D-Bus).
- GNOME: Mutter's window state is not readable by apps (``org.gnome.Shell.Introspect`` answers
  only the portals), but the shell itself holds banners back while a window is full screen and
  shows them after: the reminder waits there.
X11 windows (also through Xwayland) are seen by ``quiet.x11_fullscreen``.
"""

import logging
import threading
from collections.abc import Callable, Mapping

from hamstray.desktop import wayland
from hamstray.desktop.wayland import read_array, read_uint

log = logging.getLogger(__name__)

Check = Callable[[], bool]
MANAGER = "zwlr_foreign_toplevel_manager_v1"
# manager: event toplevel(new_id) 0, finished 1; request stop 0. handle: events title 0,
# app_id 1, output_enter 2, output_leave 3, state(array) 4, done 5, closed 6, parent 7 (v3);
# request destroy 7. States: maximized 0, minimized 1, activated 2, fullscreen 3 (v2).
TOPLEVEL, STATE, DONE, CLOSED, DESTROY = 0, 4, 5, 6, 7
ACTIVATED, FULLSCREEN = 2, 3
GNOME_NOTE = "GNOME Shell holds banners back itself while a window is full screen"


class Toplevels:
    """The compositor's windows and their states, as wlr-foreign-toplevel-management tells;
    call it to know whether the active one is full screen."""

    def __init__(self, connection: wayland.Connection) -> None:
        if MANAGER not in connection.globals:
            raise wayland.WaylandError(f"the compositor offers no {MANAGER}")
        self._connection = connection
        self._lock = threading.Lock()
        self._pending: dict[int, frozenset[int]] = {}
        self._states: dict[int, frozenset[int]] = {}
        connection.bind(MANAGER, 3, self._on_manager)
        connection.roundtrip()  # the windows open now are announced before the first answer
        connection.start("hamstray-toplevels")

    def _on_manager(self, opcode: int, data: bytes) -> None:
        if opcode == TOPLEVEL:
            handle, _ = read_uint(data)
            self._connection.handle(handle, lambda op, args: self._on_handle(handle, op, args))

    def _on_handle(self, handle: int, opcode: int, data: bytes) -> None:
        if opcode == STATE:
            raw, _ = read_array(data)
            states = frozenset(read_uint(raw, i)[0] for i in range(0, len(raw) - 3, 4))
            self._pending[handle] = states
        elif opcode == DONE:
            with self._lock:
                self._states[handle] = self._pending.get(handle, frozenset())
        elif opcode == CLOSED:
            with self._lock:
                self._states.pop(handle, None)
            self._pending.pop(handle, None)
            self._connection.send(handle, DESTROY)
            self._connection.forget(handle)

    def __call__(self) -> bool:
        """Whether the active window is full screen."""
        with self._lock:
            return any({ACTIVATED, FULLSCREEN} <= states for states in self._states.values())


def wlroots(env: Mapping[str, str]) -> Check:
    """The wlroots check; WaylandError says why there is none."""
    connection = wayland.connect(env)
    try:
        return Toplevels(connection)
    except Exception:
        connection.close()
        raise


def checks(env: Mapping[str, str]) -> list[Check]:
    """The full-screen checks this Wayland desktop offers, started (none on GNOME: see above)."""
    desktop = env.get("XDG_CURRENT_DESKTOP", "").upper()
    if not env.get("WAYLAND_DISPLAY") or "GNOME" in desktop:
        return []
    try:
        if "KDE" in desktop:
            from hamstray.desktop import kwin_fullscreen  # noqa: PLC0415 - Plasma only

            return [kwin_fullscreen.watch()]
        return [wlroots(env)]
    except OSError as error:
        log.info("Full-screen windows of this Wayland desktop are not seen: %s", error)
        return []


def describe(env: Mapping[str, str]) -> tuple[bool, str]:
    """For doctor: whether full-screen windows are seen here, and how (or why not), without
    starting anything."""
    desktop = env.get("XDG_CURRENT_DESKTOP", "").upper()
    x11 = "X11 windows by their _NET_WM_STATE" if env.get("DISPLAY") else ""
    if not env.get("WAYLAND_DISPLAY"):
        return bool(x11), x11 or "no X display to look at"
    if "GNOME" in desktop:
        return True, GNOME_NOTE
    if "KDE" in desktop:
        from hamstray.desktop import kwin_fullscreen  # noqa: PLC0415 - Plasma only

        why = kwin_fullscreen.available()
        if why is None:
            return True, "KWin tells hamstray through a small KWin script (org.kde.kwin.Scripting)"
        return False, f"KWin's scripting does not answer: {why}"
    try:
        connection = wayland.connect(env)
    except OSError as error:
        return False, str(error)
    try:
        if MANAGER in connection.globals:
            return True, f"the compositor's window list ({MANAGER})"
        return False, f"the compositor offers no {MANAGER}" + (f"; only {x11}" if x11 else "")
    finally:
        connection.close()
