"""The settings window on a real X server, driven by real key presses and clicks (XTEST), and the
running app following its settings file.

With ``HAMSTRAY_SCREENSHOTS=docs`` the window's pictures are kept there too (the
README shows them); every run checks them.
"""

import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from tests.pixels import pixels

from .conftest import hamstray_command
from .stack import Desktop, wait_for

WINDOW = "^hamstray settings$"
MINE = (
    '# my own notes, please keep them\n[breaks]\ninterval = "30m"   # half an hour\nsnooze = "5m"\n'
)
TEAL = (0x17, 0x8F, 0x83)  # the Save button
RED = (0xA3, 0x26, 0x1B)  # a value that stops a save


def near(pixel: tuple[int, ...], colour: tuple[int, int, int], by: int = 40) -> bool:
    return all(abs(a - b) <= by for a, b in zip(pixel[:3], colour, strict=True))


def windows(desktop: Desktop) -> list[str]:
    found = desktop.run("xdotool", "search", "--onlyvisible", "--name", WINDOW, check=False)
    return found.stdout.split()


def find_window(desktop: Desktop, timeout: float = 10) -> str:
    return wait_for(lambda: windows(desktop), timeout, "the settings window")[0]  # type: ignore[index]


def press(desktop: Desktop, window: str, *keys: str) -> None:
    """Real key presses with the window focused, as a person types them."""
    desktop.run("xdotool", "windowfocus", "--sync", window)
    desktop.run("xdotool", "key", "--delay", "40", *keys)


def type_in(desktop: Desktop, window: str, text: str) -> None:
    desktop.run("xdotool", "windowfocus", "--sync", window)
    desktop.run("xdotool", "type", "--delay", "40", text)


def shot(desktop: Desktop, window: str, path: Path, keep: str = "") -> Image.Image:
    """A screenshot of the window, kept under $HAMSTRAY_SCREENSHOTS as ``keep`` if asked."""
    desktop.screenshot(path, window)
    folder = os.environ.get("HAMSTRAY_SCREENSHOTS")
    if keep and folder:
        shutil.copy(path, Path(folder) / keep)
    image = Image.open(path)
    image.load()
    return image


def box(image: Image.Image, colour: tuple[int, int, int]) -> tuple[int, int, int, int] | None:
    """The bounding box of the pixels near ``colour``, or None."""
    width = image.width
    found = [i for i, p in enumerate(pixels(image)) if near(p, colour, 12)]
    if not found:
        return None
    xs, ys = [i % width for i in found], [i // width for i in found]
    return min(xs), min(ys), max(xs), max(ys)


def click(desktop: Desktop, window: str, x: int, y: int) -> None:
    """A real pointer click at (x, y) in the window."""
    desktop.run("xdotool", "mousemove", "--window", window, str(x), str(y), "click", "1")


def save_button(image: Image.Image) -> tuple[int, int]:
    """The middle of the Save button: the teal block in the bottom quarter."""
    bottom = image.crop((0, image.height * 3 // 4, image.width, image.height))
    found = box(bottom, TEAL)
    assert found, "no Save button"
    x0, y0, x1, y1 = found
    return (x0 + x1) // 2, image.height * 3 // 4 + (y0 + y1) // 2


@pytest.fixture
def mine(stack: Desktop) -> Path:
    """Where a user's settings file is (the window shows it as ~/.config/hamstray/config.toml)."""
    return Path(stack.env["HOME"]) / ".config/hamstray/config.toml"


def test_a_new_user_changes_the_interval_in_the_window_and_status_follows_at_once(
    app_factory, mine: Path, tmp_path: Path
) -> None:
    """The issue's "done": Settings…, type 20m, Save; status says 20 min, the comments stay."""
    app = app_factory(MINE, config=mine)
    config = Path(app.env["HAMSTRAY_CONFIG"])
    before = config.read_text()
    assert app.cli("settings").stdout.strip() == "The settings window is open."
    window = find_window(app.desktop)
    image = shot(app.desktop, window, tmp_path / "settings.png", keep="settings.png")
    assert 500 < image.width < 1000  # small: all of it on screen
    assert 450 < image.height < 800
    assert box(image, TEAL) is not None
    type_in(app.desktop, window, "20m")  # the interval box has the focus, its text selected
    press(app.desktop, window, "Return")
    wait_for(lambda: not windows(app.desktop), 5, "the window to close on Save")
    status = app.status()
    assert 19 * 60 < status["next_break_in_s"] <= 20 * 60
    assert config.read_text() == before.replace('interval = "30m"', 'interval = "20m"')
    assert status["config"]["path"] == str(config)
    assert status["config"]["problems"] == 0


def test_a_bad_value_is_told_as_it_is_typed_and_saved_only_once_fixed(
    app_factory, mine: Path, tmp_path: Path
) -> None:
    app = app_factory(MINE, config=mine)
    config = Path(app.env["HAMSTRAY_CONFIG"])
    before = config.read_text()
    app.cli("settings", check=True)
    window = find_window(app.desktop)
    type_in(app.desktop, window, "soon")

    def red() -> bool:
        return box(shot(app.desktop, window, tmp_path / "typed.png"), RED) is not None

    wait_for(red, 5, "the check's message in red under the field")
    press(app.desktop, window, "Return")  # refused: the status line says why
    image = shot(app.desktop, window, tmp_path / "error.png", keep="settings-error.png")
    found = box(image, RED)
    assert found is not None
    assert found[3] > image.height * 3 // 4  # the line above the buttons
    assert windows(app.desktop) == [window]
    assert config.read_text() == before
    press(app.desktop, window, *["BackSpace"] * 4)
    type_in(app.desktop, window, "25m")
    wait_for(lambda: not red(), 5, "the message to go once the value is good")
    click(app.desktop, window, *save_button(shot(app.desktop, window, tmp_path / "fixed.png")))
    wait_for(lambda: not windows(app.desktop), 5, "the window to close on a click on Save")
    assert 24 * 60 < app.status()["next_break_in_s"] <= 25 * 60


def test_the_keyboard_reaches_every_page_and_the_stretch_list(
    app_factory, mine: Path, tmp_path: Path
) -> None:
    """Ctrl+Tab to Stretches (the focus goes to its first field, "at the desk"); Space unticks
    it; fifteen Tabs (past the eight conditions and the step) reach the list; Space leaves its
    first stretch out; Return saves."""
    app = app_factory(MINE, config=mine)
    config = Path(app.env["HAMSTRAY_CONFIG"])
    app.cli("settings", check=True)
    window = find_window(app.desktop)
    press(app.desktop, window, "ctrl+Tab", "space", *["Tab"] * 15, "space")
    app.desktop.run("xdotool", "sleep", "0.3")  # for the picture only: Tk draws the change
    shot(app.desktop, window, tmp_path / "stretches.png", keep="settings-stretches.png")
    press(app.desktop, window, "Return")
    wait_for(lambda: not windows(app.desktop), 5, "the window to close on Save")
    text = config.read_text()
    assert 'contexts = ["standing"]' in text
    assert 'exclude = ["bent-knee-calf"]' in text  # "Bent-knee calf stretch", first by name
    assert "# half an hour" in text


def test_escape_cancels_and_leaves_the_file_as_it_was(app_factory, mine: Path) -> None:
    app = app_factory(MINE, config=mine)
    config = Path(app.env["HAMSTRAY_CONFIG"])
    stamp = config.stat().st_mtime_ns
    app.cli("settings", check=True)
    window = find_window(app.desktop)
    type_in(app.desktop, window, "45m")
    press(app.desktop, window, "Escape")
    wait_for(lambda: not windows(app.desktop), 5, "the window to close on Escape")
    assert config.stat().st_mtime_ns == stamp
    assert app.status()["next_break_in_s"] > 25 * 60


def _defunct_children(pid: int) -> list[str]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[1] == str(pid) and fields[0] == "Z":
            found.append(stat.parent.name)
    return found


def test_open_the_file_says_so_when_no_program_opens_it(
    app_factory, mine: Path, tmp_path: Path
) -> None:
    """This desktop has no program for text files: xdg-open fails, and the window says so."""
    app = app_factory(MINE, config=mine)
    app.cli("settings", check=True)
    window = find_window(app.desktop)
    press(app.desktop, window, "ctrl+o")

    def told() -> bool:
        image = shot(app.desktop, window, tmp_path / "open.png")
        found = box(image, RED)
        return found is not None and found[3] > image.height * 3 // 4

    wait_for(told, 15, "the window to say that no program opened the file")
    shot(app.desktop, window, tmp_path / "open.png", keep="settings-no-program.png")
    assert "No program opened" in app.log()
    assert "xdg-open: no program for this kind of file" in app.log()
    assert _defunct_children(app.process.pid) == []
    press(app.desktop, window, "Escape")


def test_the_window_is_readable_at_2x_and_works_without_the_app(hidpi_stack, tmp_path) -> None:
    """On a 192 dpi screen every size doubles (text, boxes, buttons); hamstray settings opens
    the window by itself when no app runs, and Save writes the file."""
    config = Path(hidpi_stack.env["HOME"]) / ".config/hamstray/config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(MINE)
    env = dict(hidpi_stack.env, HAMSTRAY_CONFIG=str(config))
    process = subprocess.Popen([hamstray_command(), "settings"], env=env, text=True)
    try:
        window = find_window(hidpi_stack)
        image = shot(hidpi_stack, window, tmp_path / "2x.png", keep="settings-2x.png")
        assert image.width > 1100  # about 690 px at 1x
        bottom = image.crop((0, image.height * 3 // 4, image.width, image.height))
        _, top, _, low = box(bottom, TEAL) or (0, 0, 0, 0)
        assert low - top > 45  # the Save button is about 60 px high at 2x (30 at 1x)
        press(hidpi_stack, window, "ctrl+Tab", "ctrl+Tab")  # Routines; the morning box, selected
        type_in(hidpi_stack, window, "06:45")
        press(hidpi_stack, window, "Return")
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=5)
    text = config.read_text()
    assert 'morning = "06:45"' in text
    assert text.startswith(MINE)


def test_the_menus_settings_opens_the_window(app_factory, mine: Path) -> None:
    app = app_factory(MINE, config=mine)
    app.desktop.click(app.icon, 3)

    def menu_shown() -> str:  # the posted menu (Tk's class "Menu"), not the popup's hidden root
        found = app.desktop.run(
            "xdotool", "search", "--onlyvisible", "--class", "^Menu$", check=False
        )
        return found.stdout.strip()

    menu = str(wait_for(menu_shown, 10, "the menu")).split()[0]
    # Without a window manager the keys go to the window under the pointer: put it on the
    # menu's first entry. Up from there wraps to Quit, then Start at login, then Settings….
    app.desktop.run(
        "xdotool", "mousemove", "--window", menu, "30", "6", "sleep", "0.3",
        "key", "--delay", "60", "Up", "Up", "Up", "Return",
    )  # fmt: skip
    window = find_window(app.desktop)
    press(app.desktop, window, "Escape")
    wait_for(lambda: not windows(app.desktop), 5, "the window to close")
    assert app.status()["phase"] == "sitting"  # the app runs on


def test_a_file_toml_cannot_read_is_not_saved_over(stack, mine: Path, tmp_path: Path) -> None:
    """The window says where the file is broken, and Return saves nothing over it."""
    mine.parent.mkdir(parents=True)
    mine.write_text('[breaks\ninterval = "30m"\n')
    env = dict(stack.env, HAMSTRAY_CONFIG=str(mine))
    process = subprocess.Popen([hamstray_command(), "settings"], env=env)
    try:
        window = find_window(stack)
        image = shot(stack, window, tmp_path / "broken.png")
        found = box(image, RED)
        assert found is not None
        assert found[3] > image.height * 3 // 4  # said above the buttons
        press(stack, window, "Return", "Escape")
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=5)
    assert mine.read_text() == '[breaks\ninterval = "30m"\n'
