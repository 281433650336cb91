"""Without tkinter (Debian without python3-tk) hamstray says so and counts nothing against the
user (issue 21 §3, issue 18 bug 10), on an XEmbed tray where its menu is Tk too.

tkinter is taken away as on a stock Debian: a ``tkinter`` module on PYTHONPATH that raises
what Python raises there, for the app and every window process it starts.
"""

import sys
from pathlib import Path

import pytest

from .conftest import launch
from .stack import wait_for

MISSING = 'raise ModuleNotFoundError("No module named \'tkinter\'", name="tkinter")\n'
# The fix for the Python the app runs on: the distribution's package for Debian's own Python
# (a pipx or venv install on it), a Python built with Tk for one of its own (pyenv here).
FIX = "sudo apt install python3-tk" if sys.base_prefix == "/usr" else "a Python built with Tk"


@pytest.fixture
def no_tk(tmp_path: Path) -> str:
    folder = tmp_path / "no-tk"
    folder.mkdir()
    (folder / "tkinter.py").write_text(MISSING)
    return str(folder)


def told(stack) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    """What dunst has shown (closed first: its history lists closed notifications only)."""
    stack.close_notifications()
    return stack.notifications()  # type: ignore[no-any-return]


def start_without_tk(stack, no_tk: str, config: str = ""):  # type: ignore[no-untyped-def]
    app = launch(stack, config, PYTHONPATH=no_tk)
    icon = wait_for(lambda: stack.tray_window("hamstraySystemTrayIcon"), 15, "the icon")
    app.icon = icon  # type: ignore[assignment]
    return app


def test_the_app_says_once_that_the_stretch_window_cannot_open(stack, no_tk) -> None:
    app = start_without_tk(stack, no_tk)
    notice = wait_for(
        lambda: [n for n in told(stack) if "cannot open" in n["summary"]],
        15,
        "a notification that the guide window cannot open",
    )
    assert FIX in notice[0]["body"]  # type: ignore[index]
    assert app.log().count("The guide window cannot open") == 1
    stack.stop(app.process)


def test_a_stretch_is_refused_with_the_reason_and_never_recorded(stack, no_tk) -> None:
    app = start_without_tk(stack, no_tk, '[breaks]\ninterval = "3s"\nremind_again = "10m"\n')
    wait_for(lambda: app.status()["phase"] == "due", 15, "a due break")
    result = app.cli("stretch")
    assert result.returncode == 1
    assert result.stderr.startswith("hamstray stretch: the guide window needs Tk")
    assert FIX in result.stderr
    kinds = [kind for kind, _ in app.events()]
    assert "stretch_started" not in kinds
    assert "stretch_skipped" not in kinds
    assert app.status()["phase"] == "due"  # the break is still there to take
    stack.stop(app.process)


def test_a_click_on_the_xembed_icon_says_where_the_menu_went(stack, no_tk) -> None:
    app = start_without_tk(stack, no_tk)
    wait_for(lambda: told(stack), 15, "the start-up notice")
    stack.click(app.icon, button=3)
    notice = wait_for(
        lambda: [n for n in told(stack) if "and cannot open" in n["body"]],
        10,
        "a notification instead of the menu",
    )
    assert "hamstray status, snooze, skip, pause, resume, quit" in notice[0]["body"]  # type: ignore[index]
    assert notice[0]["summary"].startswith("Next break in")  # type: ignore[index]
    stack.stop(app.process)


def test_doctor_says_the_guide_cannot_open_with_the_fix(stack, no_tk) -> None:
    app = start_without_tk(stack, no_tk)
    doctor = app.cli("doctor", env=dict(app.env, PYTHONPATH=no_tk))
    guide = next(line for line in doctor.stdout.splitlines() if " guide " in f" {line} ")
    assert guide.startswith("PROBLEM"), doctor.stdout
    assert FIX in doctor.stdout
    assert "its menu cannot open without Tk" in doctor.stdout
    assert "right click opens hamstray's menu" not in doctor.stdout
    assert doctor.returncode == 1
    stack.stop(app.process)
