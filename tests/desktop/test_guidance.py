"""The guide's safety rules, "this isn't right for me" and the check-in, on a real X server with
the installed app running, as a person uses them (keys pressed through XTEST)."""

import json
import time
from pathlib import Path

from PIL import Image, ImageChops

from hamstray.engine.entries import Entry, Kind
from hamstray.store.history import History
from tests.pixels import pixels

from .conftest import history_rows, start_app
from .stack import wait_for
from .test_guide import FAST, find_window, press, until_shown


def rows(app, kind: str) -> list[tuple[str | None, str]]:
    """(stretch, detail) of each event of ``kind`` in the real history file."""
    path = app.home / "data" / "hamstray" / "history.sqlite3"
    query = "SELECT stretch, detail FROM events WHERE kind = ? ORDER BY id"
    return history_rows(path, query, kind)


def heading(shot: Path) -> Image.Image:
    """The top of a guide window: the step line and the big heading under it."""
    with Image.open(shot) as image:
        return image.convert("RGB").crop((0, 0, 400, 80))


def settled(app, window: str, path: Path) -> Image.Image:  # type: ignore[no-untyped-def]
    """The window's heading once it is drawn: two screenshots in a row the same, not blank."""
    last: list[Image.Image] = []

    def same_twice() -> bool:
        now = heading(app.desktop.screenshot(path, window))
        drawn = len(now.getcolors(4096) or "many") > 1  # not one flat colour
        same = bool(last) and ImageChops.difference(last[-1], now).getbbox() is None
        last.append(now)
        return drawn and same

    wait_for(same_twice, 10, "the window drawn", every=0.2)
    return last[-1]


def test_the_rules_come_once_before_the_first_stretch_and_again_on_f1(
    app_factory, tmp_path: Path
) -> None:
    app = app_factory(FAST)
    assert app.cli("stretch", "desk-calf").returncode == 0
    window = find_window(app, "^hamstray: Calf stretch at the desk$")
    first = settled(app, window, tmp_path / "rules-first.png")
    assert rows(app, "stretch_done") == []  # the countdown waits behind the rules
    press(app, window, "Return")  # "Got it"
    app.wait_for_event("rules_shown")
    app.wait_for_event("stretch_done", timeout=20)  # then the stretch runs by itself
    app.desktop.screenshot(tmp_path / "stretch.png", window)

    wait_for(lambda: app.status()["phase"] == "sitting", 5, "sitting again")
    assert app.cli("stretch", "seated-calf").returncode == 0
    window = find_window(app, "^hamstray: Seated calf stretch$")
    wait_for(lambda: len(rows(app, "stretch_done")) == 2, 20, "the second stretch, unasked")
    assert rows(app, "rules_shown") == [(None, "stretch")]  # shown once, not again

    assert app.cli("stretch", "seated-twist").returncode == 0
    window = find_window(app, "^hamstray: Seated spinal twist$")
    press(app, window, "F1")  # "Safety": the rules again, on request
    wait_for(
        lambda: (
            ImageChops.difference(
                first, heading(app.desktop.screenshot(tmp_path / "rules-again.png", window))
            ).getbbox()
            is None
        ),
        10,
        "the rules' heading again",
        every=0.2,
    )
    press(app, window, "Escape")  # back to the stretch, which then finishes
    wait_for(lambda: len(rows(app, "stretch_done")) == 3, 20, "the stretch after the rules")
    assert rows(app, "rules_shown") == [(None, "stretch")]


def test_the_first_routine_shows_the_rules_with_the_warm_up(app_factory, tmp_path) -> None:
    app = app_factory(FAST)
    assert app.cli("routine", "evening").returncode == 0
    window = find_window(app, "^hamstray: Marching on the spot$")
    app.desktop.screenshot(tmp_path / "routine-rules.png", window)
    press(app, window, "Return")
    wait_for(lambda: rows(app, "rules_shown") == [(None, "routine")], 10, "the routine's rules")
    app.desktop.screenshot(tmp_path / "routine-warm-up.png", window)
    assert app.status()["phase"] == "stretching"
    while find_window(app, "^hamstray: ", timeout=3):  # skip to the end of the routine
        press(app, window, "Escape")
        if app.status()["phase"] == "sitting":
            break
    wait_for(lambda: app.status()["phase"] == "sitting", 10, "the routine's break over")


def test_not_right_for_me_records_the_condition_and_swaps_at_once(
    app_factory, tmp_path: Path
) -> None:
    app = app_factory(FAST)
    config = Path(app.env["HAMSTRAY_CONFIG"])
    before = config.read_bytes()
    assert app.cli("stretch", "standing-side-lunge").returncode == 0
    window = find_window(app, "^hamstray: Standing side lunge$")
    press(app, window, "Return")  # the rules, first time
    app.wait_for_event("rules_shown")
    press(app, window, "n")  # "not right for me"
    press(app, window, "1")  # knee pain or a knee injury
    app.desktop.screenshot(tmp_path / "not-right.png", window)
    press(app, window, "Return")  # "Save and skip"
    wait_for(lambda: rows(app, "condition") == [("standing-side-lunge", "knee")], 10, "knee")
    wait_for(lambda: rows(app, "stretch_skipped") == [("standing-side-lunge", "")], 10, "skipped")
    assert config.read_bytes() == before  # the app never rewrites the user's file

    plan = json.loads(app.cli("plan", "40", "--json").stdout)
    assert not [s for s in plan if "knee" in s["cautions"]]
    assert "chair-wide-leg" in {s["id"] for s in plan}
    listing = app.cli("stretches").stdout
    assert "knee pain or a knee injury (said in the guide)" in listing
    assert app.cli("stretch", "kneeling-hip-flexor").returncode == 0  # asked for by name
    window = find_window(app, "^hamstray: Kneeling hip-flexor lunge$")

    def warm(image: Image.Image) -> int:
        return len([p for p in pixels(image) if p[:3] == (0x9A, 0x5A, 0x12)])

    shot = tmp_path / "knee-caution.png"  # its knee caution is shown, in the warning colour
    until_shown(app, window, shot, warm, 100, "the knee caution in the warning colour")


def test_the_check_in_opens_in_the_running_app_and_is_recorded(app_factory, tmp_path: Path) -> None:
    app = app_factory(FAST)
    result = app.cli("checkin")
    assert result.returncode == 0
    assert result.stdout.strip() == "The flexibility check-in is open."
    window = find_window(app, "^hamstray: Flexibility check-in$")
    app.desktop.screenshot(tmp_path / "checkin.png", window)
    press(app, window, "3")  # mid-shin
    press(app, window, "Return")  # Save
    wait_for(lambda: rows(app, "checkin") == [(None, "chair-reach:mid-shin")], 10, "the answer")
    app.desktop.screenshot(tmp_path / "checkin-saved.png", window)
    press(app, window, "Return")  # Close
    stats = json.loads(app.cli("stats", "--json").stdout)["checkins"]["chair-reach"]
    assert stats["results"][0]["label"] == "Mid-shin"
    assert stats["trend"].startswith("Too early to tell")


def test_a_due_check_in_is_one_notification_that_opens_it_and_no_second_prompt(
    stack, tmp_path: Path
) -> None:
    """Used for days, never checked in: the prompt comes once; then only the menu has it."""
    history = History(Path(stack.env["XDG_DATA_HOME"]) / "hamstray" / "history.sqlite3")
    history.record(Entry(time.time() - 3 * 24 * 3600, Kind.APP_STARTED, detail="0.1.0"))
    history.close()
    app = start_app(stack, FAST)
    try:
        wait_for(lambda: stack.displayed_count() == 1, 15, "the check-in's prompt")
        app.wait_for_event("checkin_offered")
        stack.run("dunstctl", "action", "0")  # a click on it
        window = find_window(app, "^hamstray: Flexibility check-in$")
        stack.close_notifications()
        assert [n["summary"] for n in stack.notifications()] == ["Time for a flexibility check-in"]
        press(app, window, "Escape")  # not now
        wait_for(lambda: not app.cli("status").returncode and not _open(app), 10, "closed")
        assert rows(app, "checkin") == []
    finally:
        stack.stop(app.process)
    again = start_app(stack, FAST, name="hamstray-again")
    try:
        again.status()  # the loop runs, so it has decided whether a check-in is due
        assert len(rows(again, "checkin_offered")) == 1
        assert stack.displayed_count() == 0
    finally:
        stack.stop(again.process)


def _open(app) -> bool:
    found = app.desktop.run(
        "xdotool", "search", "--onlyvisible", "--name", "^hamstray: ", check=False
    )
    return bool(found.stdout.split())
