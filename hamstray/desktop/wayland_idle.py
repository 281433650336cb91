"""Idle time on Wayland compositors that are not GNOME: the compositor says when the user has
been idle for a while and when they are back (``ext-idle-notify-v1``: newer wlroots, sway 1.8+,
KWin 5.27, Hyprland; ``org_kde_kwin_idle``: KWin, sway 1.7). Nothing is polled: the notices
come on the Wayland socket, read by a thread that sleeps until one arrives.

The app asks "how long idle?" only when it decides something; the answer comes from the last
notices: idle since the notice came less the threshold, or, after the user came back, the time
since then (input came no earlier), while that is below the threshold.
"""

import logging
import threading
import time
from collections.abc import Callable, Mapping

from hamstray.desktop import wayland
from hamstray.desktop.wayland import uint

log = logging.getLogger(__name__)

# (global, version, get-notification opcode, argument order, notification's destroy opcode)
# ext_idle_notifier_v1.get_idle_notification(id, timeout, seat) = 1; its notification:
# destroy 0, events idled 0, resumed 1. org_kde_kwin_idle.get_idle_timeout(id, seat, timeout)
# = 0; its timeout: release 0, events idle 0, resumed 1.
PROTOCOLS = (
    ("ext_idle_notifier_v1", 1, 1, "timeout-seat", 0),
    ("org_kde_kwin_idle", 1, 0, "seat-timeout", 0),
)
IDLED, RESUMED = 0, 1


class Unavailable(wayland.WaylandError):
    """The compositor offers no idle notices; the message says what it does offer."""


class WaylandIdle:
    """An idle probe fed by the compositor's notices; call it for the idle seconds now."""

    def __init__(
        self,
        connection: wayland.Connection,
        threshold: Callable[[], float],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        found = next((p for p in PROTOCOLS if p[0] in connection.globals), None)
        if found is None or "wl_seat" not in connection.globals:
            offered = ", ".join(sorted(connection.globals)) or "nothing"
            raise Unavailable(
                "the compositor offers neither ext_idle_notifier_v1 nor org_kde_kwin_idle "
                f"(it offers: {offered})"
            )
        self.protocol, version, self._get, self._order, self._destroy = found
        self._connection = connection
        self._threshold = threshold
        self._clock = clock
        self._lock = threading.Lock()
        self._idle_since: float | None = None
        self._back_at: float | None = None
        self._seat = connection.bind("wl_seat", 1, lambda opcode, data: None)
        self._notifier = connection.bind(self.protocol, version, lambda opcode, data: None)
        self._notification = 0
        self._timeout = 0.0
        self._watch(threshold())
        connection.start("hamstray-wayland-idle")
        log.info("Idle time comes from the compositor's %s notices.", self.protocol)

    def _watch(self, seconds: float) -> None:
        """Ask for a notice after ``seconds`` without input (replacing the last request)."""
        if self._notification:
            self._connection.send(self._notification, self._destroy)
            self._connection.forget(self._notification)
        self._timeout = seconds
        with self._lock:
            self._idle_since = self._back_at = None
        self._notification = self._connection.new_id(self._on_notice)
        milliseconds = uint(max(1, round(seconds * 1000)))
        seat = uint(self._seat)
        arguments = milliseconds + seat if self._order == "timeout-seat" else seat + milliseconds
        self._connection.send(self._notifier, self._get, uint(self._notification) + arguments)

    def _on_notice(self, opcode: int, data: bytes) -> None:  # in the reader thread
        now = self._clock()
        with self._lock:
            if opcode == IDLED:
                self._idle_since = now - self._timeout
            elif opcode == RESUMED:
                self._idle_since, self._back_at = None, now
        log.debug("Wayland idle notice: %s", "idle" if opcode == IDLED else "back")

    def __call__(self) -> float | None:
        """Seconds since the last input as far as the notices tell (None: the compositor went
        away)."""
        if self._connection.closed.is_set():
            return None
        wanted = self._threshold()
        if wanted != self._timeout:  # the config changed: ask for the new threshold
            try:
                self._watch(wanted)
            except wayland.WaylandError as error:
                log.debug("could not change the idle notice: %s", error)
                return None
        now = self._clock()
        with self._lock:
            if self._idle_since is not None:
                return now - self._idle_since
            if self._back_at is not None and now - self._back_at < self._timeout:
                return now - self._back_at
        return 0.0


def probe(env: Mapping[str, str], threshold: Callable[[], float]) -> WaylandIdle:
    """The idle probe of the compositor ``env`` names; WaylandError says why there is none."""
    connection = wayland.connect(env)
    try:
        return WaylandIdle(connection, threshold)
    except Exception:
        connection.close()
        raise
