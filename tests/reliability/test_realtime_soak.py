"""Ten real minutes of the installed app on the real tray and notification path.

With ``interval = "5s"`` and ``snooze = "3s"`` a person answers every reminder the way the
buttons allow: Snooze from the notification while snoozes are left, then a real click on the
tray icon starts the stretch and Return in the guide window finishes it (the first time,
after a Return that closes the safety rules). Every break is then,
by the rules, exactly 4 reminders, 3 snoozes and one stretch done. The app's memory, threads and
open files are compared between the first minute and the last.
"""

import os
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.desktop.stack import wait_for

SOAK_S = float(os.environ.get("HAMSTRAY_SOAK_S", "600"))
CONFIG = '[breaks]\ninterval = "5s"\nsnooze = "3s"\nmax_snoozes = 3\nremind_again = "1h"\n'


def footprint(pid: int) -> tuple[float, int, int]:
    """RSS (MiB), threads and open files of the app process."""
    status = Path(f"/proc/{pid}/status").read_text()
    rss = int(next(line for line in status.splitlines() if line.startswith("VmRSS")).split()[1])
    threads = len(list(Path(f"/proc/{pid}/task").iterdir()))
    return rss / 1024, threads, len(list(Path(f"/proc/{pid}/fd").iterdir()))


def guide_window(desktop) -> str:  # type: ignore[no-untyped-def]
    found = desktop.run("xdotool", "search", "--onlyvisible", "--name", "^hamstray: ", check=False)
    return found.stdout.split()[0] if found.stdout.split() else ""


@pytest.mark.slow
@pytest.mark.timeout(SOAK_S + 180)
@pytest.mark.finding(
    f"{SOAK_S / 60:.0f} real minutes under Xvfb with interval 5 s: every reminder answered "
    "through the notification's Snooze button, then a real click on the tray icon and Return "
    "in the guide window",
    "every break is exactly 4 reminders, 3 snoozes and one stretch done; the app's memory, "
    "threads and open files do not grow",
    "every event in the history",
)
def test_ten_real_minutes_on_the_real_desktop(app_factory) -> None:
    app = app_factory(CONFIG)
    desktop = app.desktop
    pid = app.process.pid
    started = time.monotonic()
    first: tuple[float, int, int] | None = None
    breaks = 0
    while time.monotonic() - started < SOAK_S:
        wait_for(lambda: app.status()["phase"] == "due", 30, "a reminder")
        wait_for(lambda: desktop.displayed_count() > 0, 10, "the reminder on screen")
        if app.status()["snoozes_left"]:
            desktop.run("dunstctl", "context")  # the Snooze button, through dunst's dmenu
            wait_for(lambda: app.status()["phase"] == "snoozed", 10, "the snooze")
            continue
        desktop.close_notifications()
        desktop.click(app.icon, 1)  # the tray icon: start the stretch
        guide = wait_for(lambda: guide_window(desktop), 10, "the guide window")
        desktop.run("xdotool", "windowfocus", "--sync", str(guide))
        if breaks == 0:  # the first stretch opens on the safety rules: Return closes them
            desktop.run("xdotool", "key", "Return")
            wait_for(lambda: ("rules_shown", None) in app.events(), 10, "the rules read")
        desktop.run("xdotool", "key", "Return")  # done
        wait_for(lambda: app.status()["phase"] == "sitting", 10, "sitting again")
        breaks += 1
        if first is None and time.monotonic() - started > 60:
            first = footprint(pid)
    last = footprint(pid)
    desktop.stop(app.process)

    kinds = Counter(kind for kind, _ in app.events())
    assert breaks >= SOAK_S / 60  # a break takes some 18 s: 5 s sitting, 3 snoozes of 3 s
    assert kinds["stretch_done"] == breaks
    in_progress = kinds["reminder"] - 4 * breaks  # the break under way when time ran out
    assert 0 <= in_progress <= 4
    # ... each of its reminders snoozed, but perhaps the last, if it came before the app stopped
    assert max(0, in_progress - 1) <= kinds["snoozed"] - 3 * breaks <= in_progress
    assert first is not None
    rss, threads, files = last[0] - first[0], last[1] - first[1], last[2] - first[2]
    print(f"\nreal-time soak: {breaks} breaks, {sum(kinds.values())} events; RSS {rss:+.1f} MiB,")
    print(f"threads {threads:+d}, open files {files:+d} (minute 1 → the end)")
    assert rss < 2.0
    assert threads <= 0
    assert files <= 0
    assert "Traceback" not in app.log()
