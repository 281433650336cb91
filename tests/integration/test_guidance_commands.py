"""Safety rules, conditions, the check-in and its trend, through the installed command."""

import json
import sqlite3
import subprocess
import time
from pathlib import Path

from hamstray.engine.entries import Entry, Kind
from hamstray.store.history import History

from .conftest import HAMSTRAY, run

WEEK = 7 * 24 * 3600


def config(env: dict[str, str], text: str) -> Path:
    path = Path(env["XDG_CONFIG_HOME"]) / "hamstray" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def history_path(env: dict[str, str]) -> Path:
    return Path(env["XDG_DATA_HOME"]) / "hamstray" / "history.sqlite3"


def typed(env: dict[str, str], *args: str, answers: str) -> subprocess.CompletedProcess[str]:
    """The command with ``answers`` typed in (no display: the terminal asks)."""
    return subprocess.run(
        [HAMSTRAY, *args],
        env=env,
        input=answers,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_stretches_ends_with_the_rules_for_every_stretch(env: dict[str, str]) -> None:
    out = run(env, "stretches").stdout
    rules = out.split("For every stretch:", 1)[1]
    assert "  - Stretch to mild tension, never to pain." in rules
    assert "walk or march on the spot for a minute" in rules
    assert "Loosening up takes weeks" in rules
    assert "No conditions to spare" in out


def test_stretches_marks_what_a_condition_swaps_or_leaves_out(env: dict[str, str]) -> None:
    config(env, '[stretches]\navoid = ["knee", "pregnancy"]\n')
    lines = {line.split()[0]: line for line in run(env, "stretches").stdout.splitlines() if line}
    assert "swapped for chair-figure-four (knee)" in lines["pigeon"]
    assert "left out (pregnancy)" in lines["legs-up-the-wall"]
    assert lines["step-heel-drop"].endswith("left out: needs a step (stretches.have)")
    assert "Sparing: knee pain or a knee injury (your config); pregnancy (your config)." in (
        run(env, "stretches").stdout
    )
    items = {i["id"]: i for i in json.loads(run(env, "stretches", "--json").stdout)}
    assert items["pigeon"]["for_you"] == {"swapped_for": "chair-figure-four", "because": "knee"}
    assert items["desk-calf"]["for_you"] is None


def test_stretches_json_says_why_where_to_feel_it_the_dose_and_the_cautions(
    env: dict[str, str],
) -> None:
    items = {i["id"]: i for i in json.loads(run(env, "stretches", "--json").stdout)}
    cat_cow = items["seated-cat-cow"]
    assert (cat_cow["dose"], cat_cow["rounds"], cat_cow["dose_text"]) == (
        "rounds",
        8,
        "8 slow rounds",
    )
    assert items["foot-roll"]["dose_text"] == "1 min each side"
    assert items["legs-up-the-wall"]["cautions"]["pregnancy"].startswith("After the first")
    assert items["seated-wide-leg"]["adapt"]["low-back"] == "Stay upright; don't hinge forward."
    assert all(i["why"] and i["feel"] for i in items.values())


def test_plan_swaps_for_a_condition_and_serves_the_heel_drop_only_with_a_step(
    env: dict[str, str],
) -> None:
    config(env, '[stretches]\navoid = ["balance"]\n')
    plan = json.loads(run(env, "plan", "40", "--json").stdout)
    assert not [i for i in plan if "balance" in i["cautions"]]
    assert "step-heel-drop" not in {i["id"] for i in plan}
    config(env, '[stretches]\nhave = ["step"]\n')
    assert "step-heel-drop" in {
        i["id"] for i in json.loads(run(env, "plan", "60", "--json").stdout)
    }
    config(env, '[stretches]\ncontexts = ["floor"]\navoid = ["knee"]\n')
    plan = json.loads(run(env, "plan", "14", "--json").stdout)
    swapped = [i for i in plan if i["instead_of"]]
    assert swapped
    assert swapped[0]["instead_of"]["reason"]
    text = run(env, "plan", "14").stdout
    assert ", in place of " in text


def test_config_check_names_a_condition_it_does_not_know(env: dict[str, str]) -> None:
    path = config(env, '[stretches]\navoid = ["knee", "bad-back"]\n')
    result = run(env, "config", "check")
    assert result.returncode == 2
    assert f'{path}:2: stretches.avoid: expected a list of "knee", "low-back"' in result.stdout
    assert 'got "bad-back"' in result.stdout


def test_setup_asks_for_conditions_a_step_and_the_feet(env: dict[str, str]) -> None:
    result = typed(env, "setup", answers="\nno\n\n\nlow-back, wrists\nstep\nno\n")
    assert result.returncode == 0, result.stderr
    assert "glaucoma-or-blood-pressure" in result.stdout
    assert "a footstool lifts them off" in result.stdout
    text = (Path(env["XDG_CONFIG_HOME"]) / "hamstray" / "config.toml").read_text()
    assert 'avoid = ["low-back", "wrists"]' in text
    assert 'have = ["step"]' in text
    assert run(env, "config", "check").returncode == 0
    plan = json.loads(run(env, "plan", "30", "--json").stdout)
    assert not [i for i in plan if {"low-back", "wrists"} & set(i["cautions"])]


def test_checkin_without_app_or_display_asks_in_the_terminal_and_records(
    env: dict[str, str],
) -> None:
    result = typed(env, "checkin", answers="1\n2\n")
    assert result.returncode == 0, result.stderr
    assert "Where did your fingertips reach on the tighter leg?" in result.stdout
    assert "Saved: The knee. Too early to tell" in result.stdout
    with sqlite3.connect(history_path(env)) as db:
        rows = db.execute("SELECT kind, detail FROM events").fetchall()
    assert rows == [("checkin", "chair-reach:knee")]


def test_checkin_skipped_saves_nothing(env: dict[str, str]) -> None:
    result = typed(env, "checkin", answers="\n\n")
    assert result.returncode == 0
    assert "Skipped: nothing was saved." in result.stdout
    with sqlite3.connect(history_path(env)) as db:
        assert db.execute("SELECT COUNT(*) FROM events").fetchone() == (0,)


def test_stats_shows_the_check_in_trend_over_the_weeks(env: dict[str, str]) -> None:
    assert "Flexibility: no check-in yet." in run(env, "stats").stdout
    history = History(history_path(env))
    history.record(Entry(time.time() - 6 * WEEK, Kind.CHECKIN, detail="chair-reach:knee"))
    history.close()
    assert typed(env, "checkin", answers="1\n4\n").returncode == 0  # the ankle, six weeks on
    text = run(env, "stats").stdout
    assert "Seated reach: the knee (" in text
    assert "-> the ankle (" in text
    assert "Looser than 6 weeks ago: keep going." in text
    reach = json.loads(run(env, "stats", "--json").stdout)["checkins"]["chair-reach"]
    assert [r["answer"] for r in reach["results"]] == ["knee", "ankle"]
    assert (reach["results"][-1]["score"], reach["results"][-1]["of"]) == (3, 5)
    assert reach["trend"] == "Looser than 6 weeks ago: keep going."
