"""The real desktops the suite brings up, behind one small interface the tests share.

Each desktop (``gnome.Gnome``, ``sway.Sway``, ``plasma.Plasma``) offers: ``env``, ``sni_items()``,
``screenshot(path)``, ``panel`` (the box where tray items are drawn), ``click(x, y)``,
``move_pointer(x, y)``, ``shown()`` (the notifications on screen, newest first, each with
``id``, ``summary``, ``body`` and ``actions``: button labels), ``press(label)`` (press a button of
the newest notification the way that server does it) and ``dismiss(id)``.
"""

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from . import gnome, plasma, sway
from .stack import Desktop


@dataclass(frozen=True)
class Kind:
    """One desktop the suite can bring up."""

    name: str
    marker: str  # the pytest marker that selects it
    packages: tuple[str, ...]  # Debian packages (tests/run installs them as root)
    missing: Callable[[], list[str]]
    bring_up: Callable[[Path], contextlib.AbstractContextManager[Desktop]]


KINDS = {
    kind.name: kind
    for kind in (
        Kind(
            "gnome-wayland",
            "gnome",
            gnome.PACKAGES,
            gnome.missing,
            lambda root: gnome.gnome_shell(root, "wayland"),
        ),
        Kind(
            "gnome-x11",
            "gnome",
            gnome.PACKAGES,
            gnome.missing,
            lambda r: gnome.gnome_shell(r, "x11"),
        ),
        Kind("plasma", "kde", plasma.PACKAGES, plasma.missing, plasma.plasma),
        Kind(
            "sway-mako",
            "sway",
            sway.PACKAGES,
            lambda: sway.missing("mako"),
            lambda root: sway.sway(root, "mako"),
        ),
        Kind(
            "sway-dunst",
            "sway",
            sway.PACKAGES,
            lambda: sway.missing("dunst"),
            lambda root: sway.sway(root, "dunst"),
        ),
    )
}


def params(*names: str) -> list[object]:
    """``pytest.param`` for each desktop named (all when none), with its marker."""
    return [
        pytest.param(name, marks=getattr(pytest.mark, KINDS[name].marker), id=name)
        for name in names or KINDS
    ]


@contextlib.contextmanager
def bring_up(name: str, root: Path) -> Iterator[Desktop]:
    """The desktop ``name``, or a skip (not root, packages missing) or a failure (root: tests/run
    installs the packages, so a missing one is a broken setup, as on CI)."""
    kind = KINDS[name]
    if os.environ.get("HAMSTRAY_DESKTOPS") == "none":
        pytest.skip(f"{name}: HAMSTRAY_DESKTOPS=none leaves the real desktops out")
    missing = kind.missing()
    if missing:
        message = (
            f"{name}: {', '.join(missing)} not installed "
            f"(Debian: apt-get install {' '.join(kind.packages)}; tests/run does it as root)"
        )
        if os.geteuid() != 0:
            pytest.skip(message)
        pytest.fail(message)
    with kind.bring_up(root) as session:
        yield session


def icon_in_panel(
    session: Desktop,
    colour: tuple[int, ...],
    shot: Path,
    near: tuple[int, int] | None = None,
    least: int = 12,
) -> tuple[int, int] | None:
    """The centre of the pixels of ``colour`` in the panel (or within 16 px of ``near``, where
    the item was: GNOME's own status icons have orange in them), if it shows any."""
    session.screenshot(shot)
    box = session.panel  # type: ignore[attr-defined]
    if near is not None:
        box = (near[0] - 16, box[1], near[0] + 16, box[3])
    with Image.open(shot) as image:
        panel = image.convert("RGB").crop(box)
    found = [
        (x, y)
        for y in range(panel.height)
        for x in range(panel.width)
        if all(abs(a - b) <= 40 for a, b in zip(panel.getpixel((x, y)), colour[:3], strict=False))
    ]
    if len(found) < least:  # a few stray pixels are not an icon
        return None
    xs, ys = [x for x, _ in found], [y for _, y in found]
    left, top = box[:2]
    return left + (min(xs) + max(xs)) // 2, top + (min(ys) + max(ys)) // 2
