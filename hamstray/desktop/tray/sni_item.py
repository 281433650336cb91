"""A StatusNotifierItem's data for a view: its properties, icon pixmaps and change signals,
and its introspection (pure functions; ``sni`` serves them on the bus)."""

import functools
from typing import Any

from PIL import Image

from hamstray.desktop.tray import icons
from hamstray.desktop.tray.menu import title_for
from hamstray.engine.model import View
from hamstray.engine.phase import Phase

ITEM = "org.kde.StatusNotifierItem"
MENU = "com.canonical.dbusmenu"
ITEM_PATH = "/StatusNotifierItem"
MENU_PATH = "/MenuBar"
SIZES = (16, 22, 24, 32, 48, 64)
Pixmap = tuple[int, int, bytes]


@functools.lru_cache(maxsize=64)
def pixmaps(phase: Phase, progress: int, standing: bool) -> list[Pixmap]:
    """The icon at each of ``SIZES`` as the spec's ARGB32, network byte order."""
    found = []
    for size in SIZES:
        image = icons.draw(phase, progress, size, standing).convert("RGBA")
        red, green, blue, alpha = image.split()
        argb = Image.merge("RGBA", (alpha, red, green, blue)).tobytes()
        found.append((size, size, argb))
    return found


def item_properties(view: View) -> dict[str, tuple[str, Any]]:
    """Every ``org.kde.StatusNotifierItem`` property for ``view``."""
    icon = pixmaps(view.phase, view.progress, view.standing)
    return {
        "Category": ("s", "ApplicationStatus"),
        "Id": ("s", "hamstray"),
        "Title": ("s", "hamstray"),
        "Status": ("s", "NeedsAttention" if view.phase is Phase.DUE else "Active"),
        "WindowId": ("i", 0),
        "IconName": ("s", ""),
        "IconPixmap": ("a(iiay)", icon),
        "AttentionIconName": ("s", ""),
        "AttentionIconPixmap": ("a(iiay)", icon),
        "OverlayIconName": ("s", ""),
        "OverlayIconPixmap": ("a(iiay)", []),
        "IconThemePath": ("s", ""),
        "ToolTip": ("(sa(iiay)ss)", ("", [], "hamstray", title_for(view))),
        "ItemIsMenu": ("b", False),
        "Menu": ("o", MENU_PATH),
    }


def item_signals(old: View, new: View) -> list[tuple[str, str | None, tuple[Any, ...]]]:
    """The StatusNotifierItem signals (member, signature, body) for what changed between two
    views: every one the spec has for it. The icon and the attention icon are the same
    picture, and GNOME's AppIndicator extension re-reads the attention icon at NeedsAttention
    only on NewAttentionIcon: without it the panel kept the sitting picture."""
    found: list[tuple[str, str | None, tuple[Any, ...]]] = []
    if (old.phase, old.progress, old.standing) != (new.phase, new.progress, new.standing):
        found += [("NewIcon", None, ()), ("NewAttentionIcon", None, ())]
    if title_for(old) != title_for(new):
        found.append(("NewToolTip", None, ()))
    before, after = item_properties(old)["Status"][1], item_properties(new)["Status"][1]
    if before != after:
        found.append(("NewStatus", "s", (after,)))
    return found


MENU_PROPERTIES = {
    "Version": ("u", 3),
    "TextDirection": ("s", "ltr"),
    "Status": ("s", "normal"),
    "IconThemePath": ("as", []),
}


def introspection(path: str | None) -> str:
    interfaces = {
        ITEM_PATH: f'<interface name="{ITEM}"/>',
        MENU_PATH: f'<interface name="{MENU}"/>',
    }
    nodes = "" if path in interfaces else '<node name="StatusNotifierItem"/><node name="MenuBar"/>'
    return (
        '<!DOCTYPE node PUBLIC "-//freedesktop//DTD D-BUS Object Introspection 1.0//EN" '
        '"http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd">'
        f"<node>{interfaces.get(path or '', '')}"
        '<interface name="org.freedesktop.DBus.Properties"/>'
        f"{nodes}</node>"
    )
