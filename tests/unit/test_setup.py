"""`hamstray setup`: asks a few things, writes them, keeps everything else."""

from collections.abc import Iterator
from pathlib import Path

from hamstray.cli import first_run as setup
from hamstray.config import loader as config
from hamstray.engine import swaps
from hamstray.engine.entries import Entry, Kind
from hamstray.engine.settings import Config
from hamstray.store.history import History
from hamstray.store.paths import Paths


def paths(tmp_path: Path) -> Paths:
    return Paths(tmp_path / "config.toml", tmp_path / "data", tmp_path / "log", tmp_path / "run")


def answers(*replies: str) -> tuple[list[str], "callable"]:
    asked: list[str] = []
    queue: Iterator[str] = iter(replies)

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return next(queue)

    return asked, ask


def test_yes_writes_the_commented_defaults(tmp_path: Path, capsys) -> None:
    calls: list[bool] = []
    assert setup.run(paths(tmp_path), None, lambda on: str(calls.append(on)), lambda: "menu") == 0
    text = (tmp_path / "config.toml").read_text()
    assert config.parse(text, tmp_path / "config.toml") == (Config(), [])
    assert "# sitting time before a reminder" in text
    assert calls == [True]


def test_answers_are_written_and_nothing_else_is_lost(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '# mine\n[breaks]\nsnooze = "7m"   # I like seven\n[notifications]\nenabled = false\n'
    )
    asked, ask = answers("45m", "no", "", "none", "", "", "")
    setup.run(paths(tmp_path), ask, lambda on: "", lambda: "")
    text = path.read_text()
    cfg, problems = config.parse(text, path)
    assert problems == []
    assert cfg.breaks.interval == 45 * 60
    assert cfg.breaks.snooze == 7 * 60  # kept
    assert cfg.notifications.enabled is False  # kept
    assert cfg.routines.morning is not None
    assert cfg.routines.evening is None
    assert "# I like seven" in text
    assert len(asked) == 7


def test_a_bad_answer_is_asked_again(tmp_path: Path, capsys) -> None:
    _, ask = answers(
        "soon", "20", "25h", "20m", "maybe", "yes", "7am", "06:00", "", "bad-knees", "", "", ""
    )
    setup.run(paths(tmp_path), ask, lambda on: "", lambda: "")
    out = capsys.readouterr().out
    assert 'expected a duration like "45m", got "soon"' in out
    assert 'write the unit too, like "20m" for minutes' in out
    assert 'expected a duration from 1s to 24h, got "25h"' in out  # the config's own range
    assert "answer yes or no" in out
    assert 'got "bad-knees"' in out
    cfg, _ = config.load(tmp_path / "config.toml")
    assert cfg.breaks.interval == 20 * 60
    assert f"{cfg.routines.morning:%H:%M}" == "06:00"


def test_rerunning_offers_the_current_values(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('[breaks]\ninterval = "40m"\n[routines]\nmorning = ""\n')
    asked, ask = answers("", "", "", "", "", "", "")
    setup.run(paths(tmp_path), ask, lambda on: "", lambda: "")
    assert asked[0].endswith("[40m]: ")
    assert asked[2].endswith("[none]: ")
    assert asked[4].endswith("[none]: ")


def test_conditions_and_a_step_are_asked_through_the_config_declarations(
    tmp_path: Path, capsys
) -> None:
    _, ask = answers("", "", "", "", "knee, pregnancy", "step", "")
    setup.run(paths(tmp_path), ask, lambda on: "", lambda: "")
    assert "glaucoma-or-blood-pressure" in capsys.readouterr().out  # the vocabulary is listed
    cfg, problems = config.load(tmp_path / "config.toml")
    assert problems == []
    assert cfg.stretches.avoid == ("knee", "pregnancy")
    assert cfg.stretches.have == ("step",)


def test_conditions_named_in_the_guide_are_offered_and_then_kept_in_the_config(
    tmp_path: Path,
) -> None:
    where = paths(tmp_path)
    history = History(where.history)
    history.record(Entry(1.0, Kind.CONDITION, "pigeon", ("glutes",), detail="wrists"))
    history.close()
    asked, ask = answers("", "", "", "", "", "", "")
    setup.run(where, ask, lambda on: "", lambda: "")
    assert asked[4].endswith("[wrists]: ")
    cfg, _ = config.load(tmp_path / "config.toml")
    assert cfg.stretches.avoid == ("wrists",)
    reopened = History(where.history)
    assert swaps.named(reopened.rows((Kind.CONDITION,))) == ()  # one place to change them now


def test_feet_that_do_not_reach_the_floor_get_the_footstool_tip(tmp_path: Path, capsys) -> None:
    asked, ask = answers("", "", "", "", "", "", "no")
    setup.run(paths(tmp_path), ask, lambda on: "", lambda: "")
    assert "feet rest flat on the floor" in asked[-1]
    assert "a footstool lifts them off" in capsys.readouterr().out


def test_setup_while_hamstray_runs_says_it_follows_instead_of_start_it(
    tmp_path: Path, capsys
) -> None:
    setup.run(paths(tmp_path), None, lambda on: "", lambda: "", running=lambda: 4321)
    out = capsys.readouterr().out
    assert "Start it now" not in out
    assert out.rstrip().endswith("hamstray is running (pid 4321) and follows the new settings.")


def test_setup_refuses_to_overwrite_a_file_edited_while_it_asked(tmp_path: Path, capsys) -> None:
    path = tmp_path / "config.toml"
    path.write_text("# mine\n")

    def ask(prompt: str) -> str:
        path.write_text("# changed in an editor\n")
        return ""

    assert setup.run(paths(tmp_path), ask, lambda on: "", lambda: "") == 1
    assert "changed on disk after it was read" in capsys.readouterr().err
    assert path.read_text() == "# changed in an editor\n"
