"""The installed ``hamstray`` command, run as a user runs it (no display needed)."""

import re
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import hamstray
from hamstray.cli.parser import build_parser
from hamstray.config import loader, writer

from .conftest import run


def _commands() -> list[str]:
    """The sub-commands the parser knows."""
    parser = build_parser()
    return list(next(a for a in parser._actions if a.dest == "command").choices)  # noqa: SLF001


def test_version_comes_from_the_installed_metadata(env: dict[str, str]) -> None:
    result = run(env, "--version")
    assert result.stdout.strip() == f"hamstray {hamstray.__version__}"
    assert hamstray.__version__ == "0.1.0"


def test_python_dash_m_runs_the_same_command(env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "hamstray", "--version"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == f"hamstray {hamstray.__version__}"


def test_help_lists_every_command_once_in_its_group(env: dict[str, str]) -> None:
    out = run(env, "--help").stdout
    listed: dict[str, list[str]] = {}
    for section in out.split("\n\n"):
        title, *lines = section.splitlines()
        if title in ("the running app:", "your practice:", "setup and files:"):
            listed[title] = [line.split()[0] for line in lines]
    assert list(listed) == ["the running app:", "your practice:", "setup and files:"]
    assert {"run", "status", "snooze", "pause", "quit"} <= set(listed["the running app:"])
    assert {"stretches", "plan", "stats", "history"} <= set(listed["your practice:"])
    assert {"setup", "config", "doctor"} <= set(listed["setup and files:"])
    everywhere = [name for names in listed.values() for name in names]
    assert sorted(everywhere) == sorted(_commands())  # each command once, none left out


@pytest.mark.parametrize("command", _commands())
def test_each_command_has_a_description_and_an_example(env: dict[str, str], command: str) -> None:
    out = run(env, command, "--help").stdout
    usage, description, *_ = out.split("\n\n")
    assert usage.startswith(f"usage: hamstray {command} ")
    assert description[0].isupper(), description
    assert description.endswith("."), description
    assert "\n" not in description, description  # one line
    assert re.search(rf"^example:\n  hamstray {command}\b.*   \w", out, re.M), out


NO_DISPLAY = (
    "hamstray: needs a graphical desktop session, but neither DISPLAY nor WAYLAND_DISPLAY is set.\n"
)


def test_without_a_display_the_app_says_so_in_one_sentence(env: dict[str, str]) -> None:
    result = run(env)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == NO_DISPLAY


def test_without_a_display_a_routine_says_so_with_one_prefix(env: dict[str, str]) -> None:
    result = run(env, "routine", "evening")
    assert result.returncode == 1
    assert result.stderr == NO_DISPLAY


def test_an_app_that_hangs_up_is_reported_with_one_prefix(env: dict[str, str]) -> None:
    """Something holds the control socket but answers nothing: one line, one "hamstray:"."""
    folder = Path(env["XDG_RUNTIME_DIR"]) / "hamstray"
    folder.mkdir(mode=0o700)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(folder / "control.sock"))
        server.listen()

        def answer_nothing() -> None:
            connection, _ = server.accept()
            connection.close()

        hang_up = threading.Thread(target=answer_nothing, daemon=True)
        hang_up.start()
        result = run(env, "status")
        hang_up.join(timeout=10)
    assert result.returncode == 1
    assert result.stderr.count("hamstray") == 1, result.stderr
    assert result.stderr.startswith("hamstray: the running app "), result.stderr


@pytest.mark.parametrize(
    "command",
    [["status"], ["snooze"], ["pause"], ["resume"], ["stretch"], ["skip"], ["reload"], ["quit"]],
)
def test_control_commands_without_a_running_app_exit_3(
    env: dict[str, str], command: list[str]
) -> None:
    result = run(env, *command)
    assert result.returncode == 3
    assert result.stderr.strip() == "hamstray is not running"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["snooze", "soon"], 'hamstray snooze: expected a duration like "45m", got "soon"'),
        (["snooze", "0"], 'hamstray snooze: expected a duration longer than 0 like "5m", got "0"'),
        (["pause", "later"], 'hamstray pause: expected a duration like "45m", got "later"'),
        (
            ["pause", "3000000h"],
            'hamstray pause: "3000000h" is too long: a pause lasts a year at most',
        ),
        (
            ["snooze", "8785h"],
            'hamstray snooze: "8785h" is too long: a snooze lasts a year at most',
        ),
        (["snooze", "400d"], 'hamstray snooze: expected a duration like "45m", got "400d"'),
        (
            ["pause", "99999999999999999999h"],
            'hamstray pause: "99999999999999999999h" is too long: a pause lasts a year at most',
        ),
    ],
)
def test_a_bad_duration_is_a_usage_error(
    env: dict[str, str], args: list[str], message: str
) -> None:
    result = run(env, *args)
    assert result.returncode == 2
    assert result.stderr.strip() == message


def test_an_unknown_command_is_a_usage_error(env: dict[str, str]) -> None:
    result = run(env, "dance")
    assert result.returncode == 2
    assert "invalid choice: 'dance'" in result.stderr


def test_config_path_follows_xdg(env: dict[str, str]) -> None:
    assert (
        run(env, "config", "path").stdout.strip()
        == f"{env['XDG_CONFIG_HOME']}/hamstray/config.toml"
    )


def test_config_path_follows_the_override(env: dict[str, str], tmp_path: Path) -> None:
    assert run(env, "--config", str(tmp_path / "x.toml"), "config", "path").stdout.strip() == str(
        tmp_path / "x.toml"
    )
    env["HAMSTRAY_CONFIG"] = str(tmp_path / "y.toml")
    assert run(env, "config", "path").stdout.strip() == str(tmp_path / "y.toml")


def test_config_init_writes_the_commented_defaults_and_never_overwrites(
    env: dict[str, str],
) -> None:
    path = Path(env["XDG_CONFIG_HOME"]) / "hamstray" / "config.toml"
    first = run(env, "config", "init")
    assert first.stdout.strip() == f"Wrote {path}"
    assert path.read_text() == writer.default_file()
    path.write_text('[breaks]\ninterval = "45m"\n')
    second = run(env, "config", "init")
    assert second.returncode == 0
    assert second.stdout.strip() == f"{path} already exists; left as it is."
    assert path.read_text() == '[breaks]\ninterval = "45m"\n'


def test_config_check_prints_one_line_per_problem_and_exits_2(
    env: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "config.toml"
    text = '[breaks]\ninterval = "soon"\nsnooze = -3\nmax_snooze = 2\n'
    path.write_text(text)
    result = run(env, "config", "check", str(path))
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        f'{path}:2: breaks.interval: expected a duration like "45m", got "soon"',
        f'{path}:3: breaks.snooze: expected a duration like "45m", got a negative number -3',
        f"{path}:4: warning: breaks.max_snooze: unknown key (ignored); did you mean max_snoozes?",
    ]
    assert path.read_text() == text  # never rewritten


def test_config_check_of_a_good_file_says_ok(env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(writer.default_file())
    result = run(env, "config", "check", str(path))
    assert (result.returncode, result.stdout.strip()) == (0, f"{path}: OK")


def test_config_check_of_a_syntax_error_names_line_and_column(
    env: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[breaks]\ninterval = 30m\n")
    result = run(env, "config", "check", str(path))
    assert result.returncode == 2
    assert result.stdout.startswith(f"{path}:2: column ")


def test_config_show_prints_the_effective_values(env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[breaks]\ninterval = "45m"\nsnooze = "never"\n')
    result = run(env, "--config", str(path), "config", "show")
    assert 'interval = "45m"' in result.stdout
    assert 'snooze = "5m"' in result.stdout  # the bad value falls back to its default
    assert 'breaks.snooze: expected a duration like "45m", got "never"' in result.stderr
    parsed, problems = loader.parse(result.stdout, path)
    assert problems == []
    assert parsed.breaks.interval == 2700


def test_settings_without_a_display_or_an_app_says_so_in_one_sentence(env: dict[str, str]) -> None:
    result = run(env, "settings")
    assert result.returncode == 1
    assert result.stderr.startswith("hamstray settings: the window cannot open (")
    assert len(result.stderr.splitlines()) == 1
