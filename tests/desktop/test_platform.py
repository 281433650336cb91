"""The app knows when the user has left the desk, and holds reminders during full-screen work."""

import subprocess
import sys
import time

from .conftest import start_app, wait_for_notification
from .stack import wait_for

FULLSCREEN_WINDOW = """
import tkinter as tk
root = tk.Tk()
root.title("Presentation")
root.attributes("-fullscreen", True)
root.mainloop()
"""


def test_idle_past_idle_reset_is_a_break_and_activity_brings_the_reminder(stack) -> None:
    app = start_app(stack, '[breaks]\ninterval = "6s"\nidle_reset = "2s"\n')
    # Nobody touches the keyboard or mouse: away before the 6 s are up, so no reminder. The
    # history says what the engine did, in order: no reminder was sent before going away.
    wait_for(lambda: app.status()["phase"] == "away", 10, "the app to see the user away")
    assert "reminder" not in [k for k, _ in app.events()]
    assert stack.displayed_count() == 0
    started = time.monotonic()
    while time.monotonic() - started < 14 and stack.displayed_count() == 0:
        stack.run("xdotool", "mousemove", str(100 + int(time.monotonic() * 10) % 50), "200")
        time.sleep(0.4)  # a user at work keeps moving
    shown_after = time.monotonic() - started
    assert stack.displayed_count() == 1
    assert 5 <= shown_after <= 10
    kinds = [k for k, _ in app.events()]
    assert "natural_break" in kinds
    assert kinds.count("reminder") == 1
    stack.stop(app.process)


def test_a_full_screen_window_holds_the_reminder_until_it_closes(wm_stack) -> None:
    app = start_app(wm_stack, '[breaks]\ninterval = "3s"\n')
    window = subprocess.Popen([sys.executable, "-c", FULLSCREEN_WINDOW], env=wm_stack.env)
    try:
        wait_for(
            lambda: (
                "_NET_WM_STATE_FULLSCREEN"
                in wm_stack.run(
                    "xprop", "-name", "Presentation", "_NET_WM_STATE", check=False
                ).stdout
            ),
            10,
            "a full-screen window",
        )
        wait_for(lambda: app.status()["phase"] == "due", 10, "the break to be due")
        # The engine records a reminder the moment it sends one: none means held back.
        assert "reminder" not in [k for k, _ in app.events()]
        assert wm_stack.displayed_count() == 0
    finally:
        window.terminate()
        window.wait(timeout=10)
    closed = time.monotonic()
    wait_for_notification(wm_stack, timeout=15)
    assert time.monotonic() - closed <= 12
    app.wait_for_event("reminder")
    assert [k for k, _ in app.events()].count("reminder") == 1  # once, not stacked
    assert wm_stack.displayed_count() == 1
    wm_stack.stop(app.process)
