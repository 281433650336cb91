"""How long the user has left the keyboard and mouse alone, per platform (None: unknown)."""

import logging
import os
from collections.abc import Callable

log = logging.getLogger(__name__)

IdleProbe = Callable[[], float | None]


def x11_probe() -> IdleProbe | None:
    """Return a probe backed by the X server's MIT-SCREEN-SAVER extension, or None."""
    if not os.environ.get("DISPLAY"):
        return None
    try:
        from Xlib import display as xdisplay  # noqa: PLC0415 - only on X11

        connection = xdisplay.Display()
        if not connection.has_extension("MIT-SCREEN-SAVER"):
            connection.close()
            return None
    except Exception as error:  # noqa: BLE001 - python-xlib raises many kinds of errors
        log.debug("no X11 idle probe: %r", error)
        return None
    root = connection.screen().root

    def probe() -> float | None:
        try:
            return float(root.screensaver_query_info().idle) / 1000
        except Exception as error:  # noqa: BLE001
            log.debug("X11 idle query failed: %r", error)
            return None

    return probe


def default_probe() -> IdleProbe | None:
    """Return the best idle probe for this desktop, or None when there is none."""
    probe = x11_probe()
    if probe is None:
        log.info("No idle probe on this desktop: natural breaks are detected from suspends only.")
    return probe
