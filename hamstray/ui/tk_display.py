"""Whether hamstray's Tk windows (the guide, the XEmbed popup menu) can open here, and if not,
the one sentence (in lower case, to follow "hamstray stretch: ") that says why and how to fix
it.

Tk draws through X11 only: on Wayland it needs Xwayland's DISPLAY. Without tkinter, or without a
display it can reach, every window would die at start with a traceback nobody sees.
"""

import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from hamstray.store.translations import _

# The package that brings tkinter, per distribution family (os-release ID and ID_LIKE).
TK_PACKAGES = {
    "debian": "sudo apt install python3-tk",
    "ubuntu": "sudo apt install python3-tk",
    "fedora": "sudo dnf install python3-tkinter",
    "rhel": "sudo dnf install python3-tkinter",
    "arch": "sudo pacman -S tk",
    "opensuse": "sudo zypper install python3-tk",
    "suse": "sudo zypper install python3-tk",
}


def install_hint(os_release: str) -> str:
    """The command that installs tkinter on this distribution (from /etc/os-release's text)."""
    ids: list[str] = []
    for line in os_release.splitlines():
        key, _sep, value = line.partition("=")
        if key in ("ID", "ID_LIKE"):
            ids += value.strip().strip('"').lower().split()
    for found in ids:
        if found in TK_PACKAGES:
            return TK_PACKAGES[found]
    return _("install your distribution's Tk package for Python (python3-tk)")


def problem(
    env: Mapping[str, str],
    platform: str,
    has_tkinter: Callable[[], bool],
    reaches_display: Callable[[str], bool],
    os_release: Callable[[], str],
    system_python: bool = True,
) -> str | None:
    """Why Tk windows cannot open here (a sentence with the fix), or None when they can;
    ``system_python``: this Python is the distribution's, so its Tk package is the fix."""
    if not has_tkinter():
        if platform.startswith("linux") and system_python:
            fix = install_hint(os_release())
        else:
            fix = _("install a Python built with Tk (python.org's installers have it)")
        return _("the guide window needs Tk, and this Python has no tkinter: {fix}.").format(
            fix=fix
        )
    if not platform.startswith("linux"):
        return None
    display = env.get("DISPLAY", "")
    if not display:
        if env.get("WAYLAND_DISPLAY"):
            return _(
                "the guide window needs an X display, and this Wayland session has no "
                "Xwayland (DISPLAY is not set): enable Xwayland in your compositor."
            )
        return _("the guide window needs an X display, and DISPLAY is not set.")
    if not reaches_display(display):
        return _("the guide window cannot reach the X display {display}.").format(display=display)
    return None


def _has_tkinter() -> bool:
    """Whether tkinter imports, asked of a Python of its own as the windows will be (the app
    itself never loads Tk: the memory stays with the windows' processes)."""
    try:
        found = subprocess.run(
            [sys.executable, "-c", "import tkinter"], capture_output=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return found.returncode == 0


def _reaches(display: str) -> bool:
    try:
        from Xlib import display as xdisplay  # noqa: PLC0415 - only on X11

        xdisplay.Display(display).close()
    except Exception:  # noqa: BLE001 - python-xlib raises many kinds of errors
        return False
    return True


def _os_release() -> str:
    try:
        return Path("/etc/os-release").read_text(encoding="utf-8")
    except OSError:
        return ""


def current() -> str | None:
    """Why Tk windows cannot open in this session, or None."""
    system = sys.base_prefix == "/usr"  # the distribution's Python: its Tk package fixes it
    return problem(os.environ, sys.platform, _has_tkinter, _reaches, _os_release, system)


def sentence(problem: str) -> str:
    """The problem as a sentence of its own (a notification's body, doctor's hint)."""
    return problem[:1].upper() + problem[1:]
