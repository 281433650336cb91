"""The StatusNotifierItem tray in a real SNI host: xfce4-panel's systray plugin.

hamstray chooses this backend by itself when a StatusNotifierWatcher is on the bus; the panel
draws the icon from hamstray's pixmaps and the menu from its dbusmenu.
"""

import signal
import time
from pathlib import Path

import pytest
from PIL import Image

from hamstray.desktop.tray import icons

from .conftest import RunningApp, launch
from .stack import Desktop, sni_items, start_xfce_panel, wait_for

PANEL_HEIGHT = 32


def icon_in_panel(stack: Desktop, colour: tuple[int, ...], shot: Path) -> tuple[int, int] | None:
    """The centre of the pixels of ``colour`` in the panel, if the panel shows any."""
    stack.screenshot(shot)
    with Image.open(shot) as image:
        panel = image.convert("RGB").crop((0, 0, image.width, PANEL_HEIGHT))
    found = [
        (x, y)
        for y in range(panel.height)
        for x in range(panel.width)
        if all(abs(a - b) <= 40 for a, b in zip(panel.getpixel((x, y)), colour[:3], strict=False))
    ]
    if len(found) < 12:  # a few stray pixels are not an icon
        return None
    xs, ys = [x for x, _ in found], [y for _, y in found]
    return (min(xs) + max(xs)) // 2, (min(ys) + max(ys)) // 2


def start(stack: Desktop, config_text: str) -> RunningApp:
    app = launch(stack, config_text)
    wait_for(lambda: "StatusNotifierItem-" in sni_items(stack), 15, "hamstray to register")
    return app


def test_the_icon_appears_follows_the_view_and_clicks_work(xfce_stack, tmp_path) -> None:
    app = start(xfce_stack, '[breaks]\ninterval = "4s"\n[stretches]\nhold = "60s"\n')
    try:
        assert "tray backend: sni" in app.log()
        doctor = app.cli("doctor").stdout
        assert "OK       tray           sni backend (a StatusNotifierItem host is on the " in doctor
        sitting = wait_for(
            lambda: icon_in_panel(xfce_stack, icons.TEAL, tmp_path / "sitting.png"),
            10,
            "the teal sitting icon in the panel",
        )
        wait_for(lambda: app.status()["phase"] == "due", 15, "due")
        due = wait_for(
            lambda: icon_in_panel(xfce_stack, icons.ORANGE, tmp_path / "due.png"),
            10,
            "the orange due icon in the panel",
        )
        assert isinstance(sitting, tuple)
        assert isinstance(due, tuple)
        assert abs(sitting[0] - due[0]) <= 4  # the same item, redrawn
        xfce_stack.close_notifications()

        x, y = due
        xfce_stack.run("xdotool", "mousemove", str(x), str(y), "click", "3")
        time.sleep(1)  # the panel reads the layout and draws the menu
        xfce_stack.screenshot(tmp_path / "menu.png")
        xfce_stack.run("xdotool", "key", "Down", "Down", "Return")
        wait_for(lambda: app.status()["phase"] == "snoozed", 10, "the snooze from the menu")
        wait_for(
            lambda: icon_in_panel(xfce_stack, icons.BLUE, tmp_path / "snoozed.png"),
            10,
            "the blue snoozed icon",
        )

        xfce_stack.run("xdotool", "mousemove", str(x), str(y), "click", "1")
        wait_for(lambda: app.status()["phase"] == "stretching", 10, "the stretch to start")

        app.cli("skip", check=True)
        wait_for(lambda: app.status()["phase"] == "sitting", 10, "sitting again")
        xfce_stack.run("xdotool", "mousemove", str(x), str(y), "click", "3")
        time.sleep(1)
        # GTK's keys pass over the disabled Snooze: Start, Skip, Pause ▸ 30 min.
        xfce_stack.run("xdotool", "key", "Down", "Down", "Down", "Right")
        time.sleep(0.5)
        xfce_stack.screenshot(tmp_path / "pause-menu.png")
        xfce_stack.run("xdotool", "key", "Return")
        wait_for(lambda: app.status()["phase"] == "paused", 10, "the pause from the submenu")
    finally:
        xfce_stack.stop(app.process)
    wait_for(lambda: "StatusNotifierItem-" not in sni_items(xfce_stack), 10, "the item to go")


@pytest.mark.finding(
    "the StatusNotifierItem host (xfce4-panel) is killed and started again",
    "hamstray registers again with the new watcher; the icon is back in the panel",
    "the app and its state",
)
def test_the_icon_comes_back_when_the_panel_restarts(xfce_stack, tmp_path) -> None:
    app = start(xfce_stack, "")
    try:
        (panel,) = [p for name, p in xfce_stack.processes if name == "xfce4-panel"]
        xfce_stack.stop(panel, signal.SIGKILL)
        # The systray plugin runs in a child process of its own; it goes with the panel's bus name.
        wait_for(lambda: "StatusNotifierItem-" not in sni_items(xfce_stack), 10, "no watcher")
        start_xfce_panel(xfce_stack)
        wait_for(lambda: "StatusNotifierItem-" in sni_items(xfce_stack), 10, "a new registration")
        wait_for(
            lambda: icon_in_panel(xfce_stack, icons.TEAL, tmp_path / "back.png"),
            10,
            "the icon back in the panel",
        )
        assert "The tray host came back" in app.log()
        assert app.process.poll() is None
    finally:
        xfce_stack.stop(app.process)


def test_a_host_that_asks_for_a_context_menu_gets_ours_and_it_closes_with_the_app(
    xfce_stack,
) -> None:
    """Hosts without dbusmenu call ContextMenu(x, y); hamstray's own menu opens there and
    closes when the app quits (it stayed up to 30 s)."""
    from .test_tray import children, cmdline, gone, menu_windows

    app = start(xfce_stack, "")
    try:
        item = next(
            word.strip('"')
            for word in sni_items(xfce_stack).split()
            if "StatusNotifierItem-" in word
        )
        name, _, path = item.partition("/")
        xfce_stack.run(
            "dbus-send",
            "--session",
            "--print-reply",
            f"--dest={name}",
            f"/{path or 'StatusNotifierItem'}",
            "org.kde.StatusNotifierItem.ContextMenu",
            "int32:640",
            "int32:400",
        )
        wait_for(lambda: menu_windows(app), 10, "hamstray's own menu")
        popup = next(p for p in children(app.process.pid) if b"hamstray.ui.popup" in cmdline(p))
        app.cli("quit", check=True)
        wait_for(lambda: gone(popup), 10, "the menu to close with the app")
    finally:
        xfce_stack.stop(app.process)
