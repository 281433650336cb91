"""The same app on pystray's gtk backend (PyGObject, built by tests/run in a second venv)."""

import os
import time
from pathlib import Path

import pytest

from .conftest import RunningApp
from .stack import Desktop, wait_for


def gtk_hamstray() -> str:
    venv = os.environ.get(
        "HAMSTRAY_GTK_VENV", str(Path(__file__).resolve().parents[2] / ".venv-gtk")
    )
    command = Path(venv) / "bin" / "hamstray"
    if not command.exists():
        pytest.fail(
            f"{command} is missing: tests/run builds it (PyGObject needs Debian's "
            "libgirepository1.0-dev, libcairo2-dev and gir1.2-gtk-3.0)"
        )
    return str(command)


def start_gtk(stack: Desktop, config_text: str) -> RunningApp:
    config = stack.root / "gtk.toml"
    config.write_text(config_text)
    env = dict(stack.env, HAMSTRAY_CONFIG=str(config), HAMSTRAY_TRAY="gtk")
    process = stack.start("hamstray-gtk", gtk_hamstray(), "--verbose", env=env)

    def docked() -> int | None:
        found = stack.run("xdotool", "search", "--class", "^Hamstray$", check=False).stdout.split()
        return next((int(w) for w in found if stack.docked(int(w))), None)

    icon = wait_for(docked, 20, "the gtk icon in the tray")
    assert isinstance(icon, int)
    return RunningApp(stack, process, env, Path(env["HOME"]), icon)


def test_gtk_left_click_starts_and_the_menu_snoozes(stack) -> None:
    app = start_gtk(stack, '[breaks]\ninterval = "3s"\n[stretches]\nhold = "60s"\n')
    try:
        wait_for(lambda: app.status()["phase"] == "due", 15, "due")
        stack.close_notifications()
        stack.click(app.icon, 3)  # GTK's own menu
        time.sleep(1)
        stack.run("xdotool", "key", "Down", "Down", "Return")
        wait_for(lambda: app.status()["phase"] == "snoozed", 10, "the snooze from the menu")
        stack.click(app.icon, 1)  # the default item
        wait_for(lambda: app.status()["phase"] == "stretching", 10, "the stretch to start")
    finally:
        stack.stop(app.process)
