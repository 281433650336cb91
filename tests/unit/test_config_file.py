"""The running app's view of its settings file: read again when it changed, the last good values
kept for keys with errors, problems told once per content."""

import os
from pathlib import Path

from hamstray.engine import timing
from hamstray.engine.model import initial
from hamstray.engine.settings import Config
from hamstray.runtime import status
from hamstray.runtime.config_file import ConfigFile, Reading
from hamstray.store.assets import stretches


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def write(path: Path, text: str) -> None:
    """Write ``text`` as an editor would, with a new mtime even within one clock tick."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text)
    os.utime(path, ns=(before + 10**9, before + 10**9))


def test_a_changed_file_is_read_and_its_new_values_are_followed(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    write(path, '[breaks]\ninterval = "30m"\n')
    clock = Clock()
    followed = ConfigFile(path, clock)
    assert followed.check() is None  # nothing changed since the start
    clock.now += 60
    write(path, '[breaks]\ninterval = "20s"\n')
    new = followed.check()
    assert new is not None
    assert new.breaks.interval == 20
    assert followed.reading.read_at == clock.now
    assert followed.reading.changes == ('breaks.interval = "20s"',)


def test_a_file_touched_but_not_changed_is_not_followed(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    write(path, '[breaks]\ninterval = "45m"\n')
    followed = ConfigFile(path, Clock())
    write(path, '[breaks]\ninterval = "45m"\n')
    assert followed.check() is None
    write(path, "[breaks]\ninterval = 2700  # the same, spelt in seconds\n")
    assert followed.check() is None  # read, and nothing in force changes


def test_a_forced_read_of_an_unchanged_file_changes_nothing(tmp_path: Path) -> None:
    followed = ConfigFile(tmp_path / "absent.toml", Clock())
    assert followed.check(forced=True) is None
    assert followed.config == Config()
    assert followed.reading.changes == ()


def test_a_bad_value_keeps_the_last_good_one_and_the_good_ones_are_followed(
    tmp_path: Path,
) -> None:
    path = tmp_path / "config.toml"
    write(path, '[breaks]\ninterval = "20m"\nsnooze = "7m"\n')
    followed = ConfigFile(path, Clock())
    write(path, '[breaks]\ninterval = "25m"\nsnooze = "7 minutes"\n')
    new = followed.check()
    assert new is not None
    assert (new.breaks.interval, new.breaks.snooze) == (25 * 60, 7 * 60)
    assert followed.reading.message == (
        "settings file has 1 problem; the last good settings are in use"
    )


def test_an_unreadable_file_keeps_every_last_good_value(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    write(path, '[breaks]\ninterval = "20m"\n')
    followed = ConfigFile(path, Clock())
    write(path, '[breaks]\ninterval = 20m\nsnooze = "1m"\n')
    assert followed.check() is None
    assert followed.config.breaks.interval == 20 * 60
    assert followed.reading.errors == 1


def test_problems_are_told_once_per_content(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    write(path, '[breaks]\nsnooze = "soon"\n')
    followed = ConfigFile(path, Clock())
    title, body = followed.notice() or ("", "")
    assert title == "Your hamstray settings file has a problem"
    assert body.startswith('line 2: breaks.snooze: expected a duration like "45m", got "soon". ')
    assert "The settings file has 1 problem; their defaults are in use." in body
    assert followed.notice() is None
    followed.check(forced=True)  # hamstray reload of the same file
    assert followed.notice() is None
    write(path, '[breaks]\nsnooze = "2m"\n')
    followed.check()
    assert followed.notice() is None  # fixed: nothing to tell
    write(path, '[breaks]\nsnooze = "soon"\n')
    followed.check()
    assert followed.notice() is not None  # broken again: told again


def test_warnings_about_values_in_use_are_not_notified(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    write(path, '[breaks]\ninterval = "3s"\n')
    assert ConfigFile(path, Clock()).notice() is None
    write(path, "[breaks]\nmax_snooze = 2\n")
    _, body = ConfigFile(path, Clock()).notice() or ("", "")
    assert "did you mean max_snoozes?" in body


def test_status_names_the_file_when_it_was_read_and_its_problems(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    write(path, '[breaks]\nsnooze = "soon"\nsnoozes = 1\n')
    reading = ConfigFile(path, Clock()).reading
    view = timing.view(initial(0.0, stretches()[0]), 0.0, Config())
    shown = status.as_json(view, reading)["config"]
    assert shown == {
        "path": str(path),
        "read_at": "1970-01-12T13:46:40+00:00",
        "problems": 1,
        "warnings": 1,
        "message": "settings file has 1 problem; their defaults are in use",
    }


def test_a_reading_without_problems_has_no_message() -> None:
    assert Reading(Path("c.toml"), 0.0).message is None
