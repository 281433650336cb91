"""The tray icon people see and use: states, menu, notification buttons."""

import re
import signal
import time
from pathlib import Path

import pytest
from PIL import Image

from tests.pixels import pixels

from .conftest import wait_for_notification
from .stack import wait_for

COLOURS = {  # what each state looks like, roughly (R, G, B)
    "sitting": (24, 150, 136),
    "due": (240, 128, 32),
    "snoozed": (80, 120, 220),
    "paused": (138, 143, 152),
    "stretching": (56, 170, 80),
    "standing": (122, 92, 199),
}


def icon_shot(app, path: Path) -> Image.Image:
    app.desktop.screenshot(path, str(app.icon))
    with Image.open(path) as image:
        return image.convert("RGBA")


def share(image: Image.Image, colour: tuple[int, int, int]) -> float:
    close = [
        p
        for p in pixels(image)
        if all(abs(a - b) <= 40 for a, b in zip(p[:3], colour, strict=True))
    ]
    return len(close) / (image.width * image.height)


def test_each_state_has_its_look_in_the_tray(app_factory, tmp_path: Path) -> None:
    app = app_factory('[breaks]\ninterval = "3s"\nsnooze = "1h"\n[stretches]\nhold = "60s"\n')
    shots = {}

    def looks(name: str) -> bool:
        image = icon_shot(app, tmp_path / f"{name}.png")
        mine = share(image, COLOURS[name])
        others = max(share(image, c) for n, c in COLOURS.items() if n not in (name, "paused"))
        shots[name] = image
        return mine > 0.05 and mine > others

    def capture(name: str) -> None:  # the icon redraws in the tray's thread, soon
        wait_for(lambda: looks(name), 10, f"the {name} look", every=0.2)

    capture("sitting")
    wait_for(lambda: app.status()["phase"] == "due", 10, "due")
    capture("due")
    app.cli("snooze")
    capture("snoozed")
    app.cli("stretch")
    capture("stretching")
    app.cli("skip")
    app.cli("stand")
    capture("standing")
    app.cli("sit")
    app.cli("pause")
    capture("paused")
    assert len(shots) == len(COLOURS)


def test_a_notification_button_starts_the_stretch(app_factory) -> None:
    app = app_factory('[breaks]\ninterval = "3s"\n[stretches]\nhold = "60s"\n')
    wait_for_notification(app.desktop, timeout=10)
    app.desktop.run("dunstctl", "action", "0")  # the reminder's default action: Start stretch
    wait_for(lambda: app.status()["phase"] == "stretching", 10, "the stretch to start")


def test_the_snooze_button_of_a_notification_snoozes(app_factory) -> None:
    app = app_factory('[breaks]\ninterval = "3s"\n')
    wait_for_notification(app.desktop, timeout=10)
    # dunst pipes the actions to its dmenu, here `grep -m1 -i snooze`, and invokes the one chosen.
    app.desktop.run("dunstctl", "context")
    wait_for(lambda: app.status()["phase"] == "snoozed", 10, "the snooze")


def test_a_second_reminder_replaces_the_first(app_factory) -> None:
    app = app_factory('[breaks]\ninterval = "3s"\nremind_again = "2s"\n')
    wait_for_notification(app.desktop, timeout=10)
    wait_for(lambda: [k for k, _ in app.events()].count("reminder") >= 2, 10, "a second reminder")
    time.sleep(0.5)
    assert app.desktop.displayed_count() == 1


def test_right_click_opens_the_menu_and_snooze_works(app_factory, tmp_path: Path) -> None:
    app = app_factory('[breaks]\ninterval = "3s"\n')
    wait_for(lambda: app.status()["phase"] == "due", 10, "due")
    app.desktop.close_notifications()
    app.desktop.click(app.icon, 3)

    def menu_shown() -> str:
        found = app.desktop.run("xdotool", "search", "--classname", "hamstray-menu", check=False)
        return found.stdout.strip()

    wait_for(menu_shown, 10, "the menu")
    time.sleep(0.5)
    app.desktop.screenshot(tmp_path / "menu.png")
    app.desktop.run("xdotool", "key", "Down", "Down", "Return")
    wait_for(lambda: app.status()["phase"] == "snoozed", 10, "the snooze")


def menu_windows(app) -> list[tuple[int, int, int, int]]:
    """The popup menus on screen, as (left, top, right, bottom): Tk's menus of class Menu (the
    only Tk menus on this private desktop)."""
    found = app.desktop.run("xdotool", "search", "--class", "^Menu$", check=False)
    boxes = []
    for window in found.stdout.split():
        info = app.desktop.run("xwininfo", "-id", window, check=False).stdout
        if "IsViewable" not in info:
            continue
        value = {
            key: int(re.search(rf"{key}:\s+(-?\d+)", info).group(1))  # type: ignore[union-attr]
            for key in ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height")
        }
        left, top = value["Absolute upper-left X"], value["Absolute upper-left Y"]
        boxes.append((left, top, left + value["Width"], top + value["Height"]))
    return boxes


def open_menu(app) -> int:
    """Right-click the icon once a stretch is suggested; return the menu process's pid."""
    wait_for(lambda: app.status()["next_stretch"], 10, "a suggestion")
    app.desktop.click(app.icon, 3)
    wait_for(lambda: menu_windows(app), 10, "the menu")
    return next(pid for pid in children(app.process.pid) if b"hamstray.ui.popup" in cmdline(pid))


def children(pid: int) -> list[int]:
    return [
        int(entry.name)
        for entry in Path("/proc").iterdir()
        if entry.name.isdigit() and parent_of(int(entry.name)) == pid
    ]


def parent_of(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError):
        return None


def cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def gone(pid: int) -> bool:
    """Whether ``pid`` has ended (a zombie that nobody reaps counts as ended)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def test_the_pause_submenu_opens_beside_the_menu_in_the_top_right_corner(
    app_factory, tmp_path: Path
) -> None:
    """tint2 sits in the top right corner: there is no room on the right, so Pause opens on
    the left instead of over the menu's own entries."""
    app = app_factory()
    open_menu(app)
    app.desktop.run("xdotool", "key", "Down", "Down", "Down", "Right")  # Start, Skip, Pause
    wait_for(lambda: len(menu_windows(app)) == 2, 10, "the Pause submenu")
    app.desktop.screenshot(tmp_path / "pause-submenu.png")
    main, submenu = sorted(menu_windows(app), key=lambda box: box[3] - box[1], reverse=True)
    assert submenu[2] <= main[0] + 2, (main, submenu)  # beside it (Tk's 2 px of border)
    assert submenu[0] >= 0
    assert main[1] <= submenu[1] <= main[3]
    app.desktop.run("xdotool", "key", "Down", "Return")  # 1 hour
    wait_for(lambda: app.status()["phase"] == "paused", 10, "the pause")


def test_escape_closes_the_menu_and_changes_nothing(app_factory) -> None:
    """Even with the pointer away from the menu (the focus then was nowhere near it)."""
    app = app_factory()
    popup = open_menu(app)
    app.desktop.run("xdotool", "mousemove", "200", "600")
    app.desktop.run("xdotool", "key", "Escape")
    wait_for(lambda: gone(popup), 10, "the menu to close")
    assert menu_windows(app) == []
    assert app.status()["phase"] == "sitting"


def test_a_click_beside_the_menu_closes_it(app_factory) -> None:
    """The menu holds the pointer and keyboard while it is up: a click elsewhere, where the
    focus would go, closes it first."""
    app = app_factory()
    popup = open_menu(app)
    app.desktop.run("xdotool", "mousemove", "200", "600", "click", "1")
    wait_for(lambda: gone(popup), 10, "the menu to close")
    assert app.status()["phase"] == "sitting"


def pointer_held_by_another(desktop) -> bool:
    """Whether some program (the menu) holds the pointer: our own grab is refused then."""
    from Xlib import X, display

    screen = display.Display(desktop.display)
    try:
        root = screen.screen().root
        result = root.grab_pointer(False, 0, X.GrabModeAsync, X.GrabModeAsync, 0, 0, X.CurrentTime)
        screen.ungrab_pointer(X.CurrentTime)
        screen.sync()
        return bool(result == X.AlreadyGrabbed)
    finally:
        screen.close()


def test_the_menu_stays_while_the_button_is_held_and_takes_the_keys_after(app_factory) -> None:
    """Pressing, holding and releasing later: the tray holds the pointer while the button is
    down, and the menu vanished when Tk gave up trying to grab it after a second."""
    app = app_factory()
    wait_for(lambda: app.status()["next_stretch"], 10, "a suggestion")
    app.desktop.run("xdotool", "mousemove", "--window", str(app.icon), "10", "10", "mousedown", "3")
    try:
        wait_for(lambda: menu_windows(app), 10, "the menu")
        popup = next(p for p in children(app.process.pid) if b"hamstray.ui.popup" in cmdline(p))
        time.sleep(2)  # a long press: Tk's own tries to grab the pointer end after a second
        assert menu_windows(app), "the menu went while the button was held"
    finally:
        app.desktop.run("xdotool", "mouseup", "3")
    wait_for(lambda: pointer_held_by_another(app.desktop), 10, "the menu to hold the pointer")
    app.desktop.run("xdotool", "mousemove", "200", "600", "key", "Escape")
    wait_for(lambda: gone(popup), 10, "the menu to close")


@pytest.mark.parametrize("ending", [signal.SIGTERM, signal.SIGKILL], ids=["quit", "killed"])
def test_the_menu_closes_with_the_app(app_factory, ending: signal.Signals) -> None:
    """It used to stay on screen for up to 30 s after the app had gone."""
    app = app_factory()
    popup = open_menu(app)
    app.desktop.stop(app.process, ending)
    wait_for(lambda: gone(popup), 5, "the menu to close")
    assert menu_windows(app) == []


def test_doctor_is_right_about_this_desktop(app_factory) -> None:
    app = app_factory()
    result = app.cli("doctor")
    lines = {
        line.split()[1]: line.split()[0]
        for line in result.stdout.splitlines()
        if line.startswith(("OK", "PROBLEM"))
    }
    assert lines["tray"] == "OK"
    assert lines["notifications"] == "OK"
    assert "with Start/Snooze buttons" in result.stdout
    assert lines["idle"] == "OK"
    assert f"running (pid {app.process.pid})" in result.stdout
    assert result.returncode == 0, result.stdout


@pytest.mark.finding(
    "no system tray on the display",
    "one warning; reminders still come as notifications",
    "the app",
)
def test_without_a_tray_host_reminders_still_come_and_it_is_said_once(stack) -> None:
    from .conftest import hamstray_command

    tint2 = next(process for name, process in stack.processes if name == "tint2")
    stack.stop(tint2)
    config = stack.root / "no-tray.toml"
    config.write_text('[breaks]\ninterval = "2s"\nremind_again = "2s"\n')
    env = dict(stack.env, HAMSTRAY_CONFIG=str(config))
    app = stack.start("hamstray", hamstray_command(), env=env)
    wait_for_notification(stack, timeout=10)
    log = Path(stack.env["XDG_STATE_HOME"]) / "hamstray" / "log" / "hamstray.log"
    wait_for(lambda: log.read_text().count(": reminder") >= 3, 15, "more reminders and updates")
    output = (stack.root / "hamstray.log").read_text()
    assert output.count("No system tray on this display") == 1
    assert "Failed to dock icon" not in output  # pystray's own errors go to the log file
    assert "Traceback" not in output
    stack.stop(app)
