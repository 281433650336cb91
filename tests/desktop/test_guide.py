"""The guided stretch window, opened by the running app on a real X server."""

import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from hamstray.engine.catalogue import GROUPS
from tests.pixels import pixels

from .stack import wait_for

FAST = '[stretches]\nhold = "5s"\nmax_hold = "5s"\n'


def find_window(app, title: str, timeout: float = 10) -> str:
    def search() -> list[str]:
        found = app.desktop.run("xdotool", "search", "--onlyvisible", "--name", title, check=False)
        return found.stdout.split()

    return wait_for(search, timeout, f"a window named {title}")[0]  # type: ignore[index]


def press(app, window: str, key: str) -> None:
    """A real key press (XTEST) with the window focused, as a person types it."""
    app.desktop.run("xdotool", "windowfocus", "--sync", window)
    app.desktop.run("xdotool", "key", key)


def until_shown(
    app, window: str, path: Path, count: Callable[[Image.Image], int], least: int, what: str
) -> int:
    """Screenshot ``window`` until ``count`` of it reaches ``least`` (a window maps before Tk
    has drawn it); return the count."""

    def enough() -> int:
        with Image.open(app.desktop.screenshot(path, window)) as image:
            found = count(image)
        return found if found >= least else 0

    return wait_for(enough, 10, what, every=0.2)  # type: ignore[return-value]


def read_the_rules(app, window: str) -> None:
    """Close the rules the guide shows before the first stretch (Enter: "Got it")."""
    press(app, window, "Return")
    app.wait_for_event("rules_shown")


def test_a_stretch_runs_its_countdown_and_is_recorded_as_done(app_factory, tmp_path: Path) -> None:
    app = app_factory(FAST)
    started = time.monotonic()
    assert app.cli("stretch", "chair-forward-fold").returncode == 0
    window = find_window(app, "^hamstray: Chair forward fold$")
    opened = time.monotonic() - started
    assert opened < 5
    assert app.status()["phase"] == "stretching"
    read_the_rules(app, window)

    def teal(image: Image.Image) -> int:
        return len([p for p in pixels(image) if p[0] < 60 and p[1] > 120 and p[2] > 110])

    until_shown(app, window, tmp_path / "guide.png", teal, 500, "the Done button and the bar")
    with Image.open(tmp_path / "guide.png") as image:
        width, height = image.size
    assert width > 300
    assert height > 400
    app.wait_for_event("stretch_done", timeout=15)
    assert ("stretch_done", "chair-forward-fold") in app.events()
    wait_for(lambda: app.status()["phase"] == "sitting", 5, "sitting again")


def test_enter_finishes_and_escape_skips(app_factory) -> None:
    app = app_factory('[stretches]\nhold = "60s"\n')
    assert app.cli("stretch", "desk-calf").returncode == 0
    window = find_window(app, "^hamstray: Calf stretch at the desk$")
    read_the_rules(app, window)
    press(app, window, "Escape")
    app.wait_for_event("stretch_skipped")
    assert app.status()["phase"] == "sitting"
    assert app.cli("stretch", "seated-calf").returncode == 0
    window = find_window(app, "^hamstray: Seated calf stretch$")
    press(app, window, "Return")
    app.wait_for_event("stretch_done")


def test_a_click_on_the_due_icon_opens_the_suggested_stretch(app_factory) -> None:
    app = app_factory('[breaks]\ninterval = "2s"\n' + FAST)
    wait_for(lambda: app.status()["phase"] == "due", 10, "a due break")
    name = app.status()["next_stretch"]["name"]
    app.desktop.click(app.icon)
    find_window(app, f"^hamstray: {name}$")


def test_the_routine_runs_without_the_app_and_records_each_stretch(stack, tmp_path: Path) -> None:
    import sqlite3
    import subprocess

    from .conftest import hamstray_command

    config = tmp_path / "routine.toml"
    config.write_text('[stretches]\nhold = "60s"\n')  # none ends before its Return, however busy
    env = dict(stack.env, HAMSTRAY_CONFIG=str(config))
    process = subprocess.Popen(
        [hamstray_command(), "routine", "evening"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen: list[str] = []
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        found = stack.run(
            "xdotool", "search", "--onlyvisible", "--name", "^hamstray: ", check=False
        ).stdout.split()
        if found:  # Enter: the rules first ("Got it"), then each stretch is done
            title = stack.run("xdotool", "getwindowname", found[0], check=False).stdout.strip()
            if not seen or seen[-1] != title:
                seen.append(title)
            stack.run("xdotool", "windowfocus", "--sync", found[0], check=False)
            stack.run("xdotool", "key", "Return", check=False)
        time.sleep(0.3)
    assert process.wait(timeout=20) == 0
    path = Path(env["XDG_DATA_HOME"]) / "hamstray" / "history.sqlite3"
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT kind, stretch, groups FROM events ORDER BY id").fetchall()
    assert [r[0] for r in rows[:2]] == ["routine_started", "rules_shown"]
    done = [r for r in rows if r[0] == "stretch_done"]
    assert done[0][1] == "march-in-place"  # the warm-up opens it
    assert done[-1][1] == "legs-up-the-wall"  # a restful pose closes it
    assert len(done) >= 6
    assert {g for r in done[1:] for g in r[2].split(",")} == set(GROUPS)
    assert seen[0] == "hamstray: Marching on the spot"
    assert len(seen) == len(done)


def test_the_routine_opens_in_the_running_app(app_factory) -> None:
    app = app_factory(FAST)
    result = app.cli("routine", "morning")
    assert result.returncode == 0
    assert result.stdout.strip() == "The morning routine is open."
    find_window(app, "^hamstray: ")
    app.wait_for_event("routine_started")
    assert app.status()["phase"] == "stretching"  # the sitting timer waits for the routine
