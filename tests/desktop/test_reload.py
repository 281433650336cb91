"""The real running app follows its settings file: an editor's save is seen when the loop wakes
anyway, ``hamstray reload`` and SIGHUP read it at once, and a file with errors is told once."""

import os
import signal
from pathlib import Path

from .stack import wait_for

# interval 1m: the loop wakes every 5 s for the tray's ring, and looks at the file then.
QUICK = '# mine\n[breaks]\ninterval = "1m"    # short, for this test\nremind_again = "1m"\n'
PROBLEM = "Your hamstray settings file has a problem"


def save_as_an_editor_does(path: Path, text: str) -> None:
    """Write a new file beside it and rename it over the old one, as editors save."""
    fresh = path.with_name(f".{path.name}.new")
    fresh.write_text(text)
    fresh.replace(path)


def told(app) -> list[dict[str, str]]:
    """The notifications about the settings file so far (closing the open ones to read them)."""
    app.desktop.close_notifications()
    return [n for n in app.desktop.notifications() if n["summary"] == PROBLEM]


def config_of(app) -> Path:
    return Path(app.env["HAMSTRAY_CONFIG"])


def test_an_editors_save_is_followed_within_one_wake_up(app_factory) -> None:
    app = app_factory(QUICK)
    config = config_of(app)
    read_at = app.status()["config"]["read_at"]
    save_as_an_editor_does(config, config.read_text().replace('"1m"    #', '"2m"    #'))
    wait_for(lambda: "Settings read again" in app.log(), 7, "the next wake-up to read the file")
    assert 'breaks.interval = "2m"' in app.log()
    status = app.status()
    assert 60 < status["next_break_in_s"] <= 120  # sitting time kept, the break moved
    assert status["config"]["read_at"] >= read_at
    assert [k for k, _ in app.events()].count("reminder") == 0


def test_a_shorter_interval_already_passed_gives_one_reminder(app_factory) -> None:
    app = app_factory(QUICK.replace('"1m"    #', '"2h"    #'))
    wait_for(lambda: app.status()["sitting_s"] >= 3, 10, "three seconds of sitting")
    save_as_an_editor_does(config_of(app), QUICK.replace('"1m"    #', '"2s"    #'))
    assert app.cli("reload").returncode == 0
    app.wait_for_event("reminder")
    assert app.status()["phase"] == "due"
    assert [k for k, _ in app.events()].count("reminder") == 1  # one, not one per interval
    assert "natural_break" not in [k for k, _ in app.events()]


def test_reload_reads_the_file_at_once_and_says_what_changed(app_factory) -> None:
    app = app_factory(QUICK)
    assert app.cli("pause").returncode == 0  # paused until resume: the loop sleeps, no wake-up
    config = config_of(app)
    save_as_an_editor_does(config, config.read_text() + "\n[notifications]\nenabled = false\n")
    result = app.cli("reload")
    assert result.returncode == 0
    assert result.stdout == f"Read {config}: notifications.enabled = false.\n"
    save_as_an_editor_does(config, config.read_text().replace('"1m"    #', '"3m"    #'))
    os.kill(app.process.pid, signal.SIGHUP)
    wait_for(lambda: 'breaks.interval = "3m"' in app.log(), 5, "SIGHUP to read the file")
    assert app.cli("reload").stdout == f"Read {config}: nothing changed.\n"


def test_a_file_with_errors_is_told_once_and_the_last_good_values_stay(app_factory) -> None:
    app = app_factory(QUICK)
    config = config_of(app)
    save_as_an_editor_does(config, config.read_text().replace('"1m"    #', '"2 minutes"    #'))
    result = app.cli("reload")
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        f'{config}:3: breaks.interval: expected a duration like "45m", got "2 minutes"',
        f"Read {config}: nothing changed.",
        "The settings file has 1 problem; the last good settings are in use.",
    ]
    status = app.status()
    assert status["next_break_in_s"] <= 60  # still the last good "1m"
    assert status["config"]["message"] == (
        "settings file has 1 problem; the last good settings are in use"
    )
    assert "The settings file has 1 problem" in app.cli("status").stdout
    doctor = app.cli("doctor").stdout
    assert "settings file has 1 problem; the last good settings are in use" in doctor
    (note,) = wait_for(lambda: told(app), 5, "the notification about the settings file")
    assert note["body"].startswith('line 3: breaks.interval: expected a duration like "45m"')
    assert app.cli("reload").returncode == 2  # read again, the same content: not told again
    assert len(told(app)) == 1


def test_problems_at_start_are_told_once_as_a_notification(app_factory) -> None:
    app = app_factory('[breaks]\ninterval = "1m"\nmax_snooze = 2\n')
    (note,) = wait_for(lambda: told(app), 10, "the notification about the settings file")
    assert "breaks.max_snooze: unknown key (ignored); did you mean max_snoozes?" in note["body"]


def test_setup_while_the_app_runs_says_it_follows_and_it_does(app_factory) -> None:
    app = app_factory(QUICK)
    result = app.cli("setup", "--yes")
    assert result.returncode == 0
    assert "Start it now" not in result.stdout
    assert f"hamstray is running (pid {app.process.pid}) and follows the new settings." in (
        result.stdout
    )
    assert "# short, for this test" in config_of(app).read_text()
