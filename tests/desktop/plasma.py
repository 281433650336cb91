"""KDE Plasma 5.27 on Wayland: kwin_wayland nested in Xvfb, kded5's watcher and plasmashell."""

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

from .stack import Desktop

PACKAGES = ("plasma-workspace", "kwin-wayland", "xwayland", "xvfb", "xdotool", "imagemagick")
TOOLS = ("kwin_wayland", "plasmashell", "kded5", "dbus-update-activation-environment")


def missing() -> list[str]:
    """The programs this desktop needs that are not installed."""
    return [t for t in TOOLS if shutil.which(t) is None]


@contextlib.contextmanager
def plasma(root: Path) -> Iterator[Desktop]:
    raise NotImplementedError
    yield
