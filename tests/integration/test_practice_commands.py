"""The catalogue commands on a real history file, as a user runs them."""

import json
import sqlite3
from pathlib import Path

from hamstray.engine.catalogue import GROUPS
from hamstray.engine.entries import Entry, Kind

from .conftest import run

KEYS = {"id", "name", "groups", "context", "per_side", "hold_s", "cues", "caution", "picture"}


def history(env: dict[str, str]) -> Path:
    return Path(env["XDG_DATA_HOME"]) / "hamstray" / "history.sqlite3"


def test_stretches_lists_the_catalogue_by_muscle_group(env: dict[str, str]) -> None:
    out = run(env, "stretches").stdout
    headings = [line for line in out.splitlines() if line and not line.startswith(" ")]
    assert headings[:7] == [
        "Hamstrings",
        "Hip flexors",
        "Inner thighs",
        "Calves",
        "Glutes",
        "Low back",
        "Feet",
    ]
    assert "legs-up-the-wall" in out
    assert not history(env).exists()  # looking changes nothing


def test_stretches_json_has_the_interface_shape(env: dict[str, str]) -> None:
    items = json.loads(run(env, "stretches", "--json").stdout)
    assert len(items) >= 20
    for item in items:
        assert set(item) >= KEYS  # the INTERFACE shape; new fields may be added
        assert Path(item["picture"]).is_file()


def test_plan_shows_what_comes_and_changes_nothing(env: dict[str, str]) -> None:
    first = run(env, "plan", "7", "--json")
    assert first.returncode == 0
    items = json.loads(first.stdout)
    assert [i["groups"][0] for i in items] == list(GROUPS)
    assert json.loads(run(env, "plan", "7", "--json").stdout) == items
    text = run(env, "plan", "3").stdout.splitlines()
    assert text[0] == f" 1. {items[0]['name']} (hamstrings, 30 s each side)"
    assert len(text) == 3


def test_plan_refuses_a_bad_count(env: dict[str, str]) -> None:
    result = run(env, "plan", "zero")
    assert result.returncode == 2
    assert "expected a number from 1 to 100, got 'zero'" in result.stderr


def test_feedback_never_removes_a_stretch_until_reset(env: dict[str, str]) -> None:
    said = run(env, "feedback", "chair-hamstring", "never")
    assert said.returncode == 0
    assert "will not be suggested again" in said.stdout
    assert "chair-hamstring" not in {
        i["id"] for i in json.loads(run(env, "plan", "30", "--json").stdout)
    }
    with sqlite3.connect(history(env)) as db:
        assert db.execute("SELECT kind, stretch, detail FROM events").fetchall() == [
            ("feedback", "chair-hamstring", "never")
        ]
    assert run(env, "stretches", "--reset", "chair-hamstring").returncode == 0
    assert "chair-hamstring" in {
        i["id"] for i in json.loads(run(env, "plan", "30", "--json").stdout)
    }


def test_feedback_for_an_unknown_stretch_is_a_usage_error(env: dict[str, str]) -> None:
    result = run(env, "feedback", "cartwheel", "easy")
    assert result.returncode == 2
    assert (
        result.stderr.strip() == "hamstray: unknown stretch 'cartwheel' (see: hamstray stretches)"
    )


def test_feedback_words_are_checked(env: dict[str, str]) -> None:
    result = run(env, "feedback", "desk-calf", "meh")
    assert result.returncode == 2
    assert "invalid choice: 'meh'" in result.stderr


def test_the_rotation_continues_from_the_history(env: dict[str, str]) -> None:
    from hamstray.store.history import History

    store = History(history(env))
    store.record(Entry(1.0, Kind.STRETCH_DONE, "chair-hamstring", ("hamstrings",), 60))
    store.close()
    items = json.loads(run(env, "plan", "1", "--json").stdout)
    assert items[0]["groups"][0] == "hip_flexors"


def test_a_simulated_day_reads_right_in_stats_history_and_the_picture(env, tmp_path) -> None:
    """The hand-counted working day of the core's tests, recorded as the app records it."""
    import csv
    import io
    from datetime import date, datetime, time, timedelta

    from hamstray.engine import asks, events
    from hamstray.engine.effects import Record
    from hamstray.engine.settings import Config
    from hamstray.store.history import History
    from tests.unit.drive import drive
    from tests.unit.test_core import M

    # Yesterday, so the whole day is in the past whatever the hour the test runs at.
    day = date.today() - timedelta(days=1)
    start = datetime.combine(day, time(8, 0)).timestamp()
    script = [
        (start + t * M, e)
        for t, e in [
            (31, asks.StartStretch()),
            (33, events.StretchEnded(done=True, held_s=60)),
            (64, asks.Snooze()),
            (70, asks.StartStretch()),
            (72, events.StretchEnded(done=True, held_s=60)),
            (130, asks.Skip()),
            (241, asks.Pause(start + 300 * M)),
            (331, asks.StartStretch()),
            (333, events.StretchEnded(done=True, held_s=60)),
            (452, asks.StartStretch()),
            (454, events.StretchEnded(done=True, held_s=60)),
            (470, asks.Pause(None)),
        ]
    ]

    def idle(now: float) -> float:
        return now - (start + 150 * M) if start + 150 * M <= now < start + 210 * M else 0.0

    trace = drive(
        Config(),
        script,
        until=start + 480 * M,
        idle=idle,
        asleep=[(start + 370 * M, start + 420 * M)],
        start=start,
    )
    history = History(Path(env["XDG_DATA_HOME"]) / "hamstray" / "history.sqlite3")
    for _, effect in trace.of(Record):
        history.record(effect.entry())
    history.close()

    days = json.loads(run(env, "stats", "--days", "2", "--json").stdout)["days"]
    (the_day,) = [d for d in days if d["date"] == day.isoformat()]
    assert (the_day["reminders"], the_day["stretches"], the_day["snoozes"], the_day["skips"]) == (
        10,
        4,
        1,
        1,
    )
    assert the_day["breaks"] == 6  # four stretches and two natural breaks (lunch, the suspend)
    assert the_day["longest_sitting_s"] == 58 * 60  # 72 to 130 min, skipped, no stretch
    text = run(env, "stats", "--days", "2").stdout
    assert "Streak: 1 day in a row with 3 or more stretches." in text

    exported = list(csv.DictReader(io.StringIO(run(env, "history", "--csv").stdout)))
    assert [r["kind"] for r in exported].count("reminder") == 10
    assert set(exported[0]) == {"time_utc", "kind", "stretch", "groups", "seconds", "detail"}
    assert exported[0]["time_utc"].endswith("+00:00")

    picture = tmp_path / "week.png"
    assert run(env, "stats", "--png", str(picture)).returncode == 0
    from PIL import Image

    with Image.open(picture) as image:
        assert image.size == (800, 580)
