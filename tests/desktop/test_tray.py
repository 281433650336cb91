"""The tray icon people see and use: states, menu, notification buttons."""

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

    def capture(name: str) -> None:
        time.sleep(0.4)  # the icon redraws in the tray's thread
        shots[name] = icon_shot(app, tmp_path / f"{name}.png")

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
    for name, image in shots.items():
        mine = share(image, COLOURS[name])
        others = max(share(image, c) for n, c in COLOURS.items() if n not in (name, "paused"))
        assert mine > 0.05, name
        assert mine > others, name


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
