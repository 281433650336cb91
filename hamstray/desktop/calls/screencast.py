"""Whether the screen is being shared: GNOME's screencast sessions, where they can be read.

On GNOME (X11 and Wayland) every screencast, whether through xdg-desktop-portal (browsers, Zoom,
Teams, OBS), GNOME's own recorder or remote desktop, is a session object of
``org.gnome.Mutter.ScreenCast``, listed as a child of its Session path while it lasts. Other
desktops' portals keep their sessions to themselves, and X11 apps read the screen directly.
"""

import re
from collections.abc import Callable
from typing import Any

from hamstray.desktop.calls import InUse, Unsupported

DBusCall = Callable[..., Any]  # (bus name, path, interface, method, signature, *args) -> value
MUTTER = "org.gnome.Mutter.ScreenCast"
SESSIONS = "/org/gnome/Mutter/ScreenCast/Session"
_CHILD = re.compile(r'<node\s+name="([^"]+)"')


def mutter(call: DBusCall) -> InUse:
    """Any screencast session on GNOME ("": the session does not say whose it is)."""

    def look() -> str | None:
        owned = call(
            "org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus",
            "NameHasOwner",
            "s",
            MUTTER,
        )
        if not owned:
            raise Unsupported("only GNOME's screencasts can be read, and this is not GNOME")
        xml = call(MUTTER, SESSIONS, "org.freedesktop.DBus.Introspectable", "Introspect")
        return "" if isinstance(xml, str) and _CHILD.search(xml) else None

    return look
