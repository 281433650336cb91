"""Bad input through the installed ``hamstray`` command: one clear sentence, the right exit code,
no traceback, nothing of the user's rewritten, and the valid rest still used."""

import os
import subprocess
import tomllib
from pathlib import Path

import pytest

from hamstray.config import writer
from tests.integration.conftest import HAMSTRAY

from .conftest import run

DEFAULTS = tomllib.loads(writer.default_file())
KEYS = [(section, key, value) for section, keys in DEFAULTS.items() for key, value in keys.items()]


def wrong_type(value: object) -> str:
    """A TOML value of another type than ``value``."""
    if isinstance(value, bool):
        return '"yes"'
    if isinstance(value, int):
        return '"many"'
    if isinstance(value, list):
        return '"desk"'
    return "true"


def check(env: dict[str, str], path: Path) -> subprocess.CompletedProcess[str]:
    return run(env, "config", "check", str(path))


def effective(env: dict[str, str], path: Path) -> dict[str, dict[str, object]]:
    shown = run({**env, "HAMSTRAY_CONFIG": str(path)}, "config", "show")
    assert shown.returncode == 0, shown.stderr
    return tomllib.loads(shown.stdout)


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.finding(
    "every config key given a value of the wrong type",
    "`config check` names file, line and key, exits 2; the app reads the file",
    "the other keys; that key's default; the file untouched",
)
@pytest.mark.parametrize(("section", "key", "value"), KEYS, ids=[f"{s}.{k}" for s, k, _ in KEYS])
def test_a_wrong_type_names_file_line_and_key(env, tmp_path, section, key, value) -> None:
    good_key, good = ("snooze", "7m") if key == "interval" else ("interval", "45m")
    bad = f"{key} = {wrong_type(value)}"
    if section == "breaks":
        text = f'[breaks]\n{good_key} = "{good}"\n{bad}\n'
    else:
        text = f'[breaks]\n{good_key} = "{good}"\n\n[{section}]\n{bad}\n'
    path = tmp_path / "config.toml"
    path.write_text(text)
    result = check(env, path)
    no_traceback(result)
    assert result.returncode == 2
    line = text.splitlines().index(bad) + 1
    (message,) = result.stdout.splitlines()
    assert message.startswith(f"{path}:{line}: {section}.{key}: ")
    values = effective(env, path)
    assert values["breaks"][good_key] == good  # the valid rest is used
    defaults = effective(env, tmp_path / "missing.toml")
    assert values[section][key] == defaults[section][key]  # the bad key falls back alone
    assert path.read_text() == text


@pytest.mark.finding(
    "negative, zero and absurd durations",
    "each is named with its line and what is allowed; exit 2",
    "the default for that key",
)
@pytest.mark.parametrize(
    ("value", "says"),
    [
        ('"-5m"', "expected a duration"),
        ('"0s"', "from 1s to 24h"),
        ("0", "from 1s to 24h"),
        ('"1000h"', "from 1s to 24h"),
        ("-1", "negative"),
        ("1e400", "expected a duration"),
        ('"30 parsecs"', "expected a duration"),
    ],
)
def test_absurd_durations_are_refused(env, tmp_path, value, says) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f"[breaks]\ninterval = {value}\n")
    result = check(env, path)
    no_traceback(result)
    assert result.returncode == 2
    assert result.stdout.startswith(f"{path}:2: breaks.interval: ")
    assert says in result.stdout
    assert effective(env, path)["breaks"]["interval"] == DEFAULTS["breaks"]["interval"]


@pytest.mark.finding(
    "unknown keys and sections",
    "a warning with the line; exit 2 from `config check`",
    "every known key",
)
def test_unknown_keys_are_warnings(env, tmp_path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[breaks]\ninterval = "45m"\nintervall = "40m"\n[colours]\nicon = "red"\n')
    result = check(env, path)
    no_traceback(result)
    assert (
        f"{path}:3: warning: breaks.intervall: unknown key (ignored); did you mean interval?"
        in result.stdout
    )
    assert f"{path}:4: warning: colours: unknown section (ignored)" in result.stdout
    assert effective(env, path)["breaks"]["interval"] == "45m"


@pytest.mark.finding(
    "a file that is not UTF-8, a TOML syntax error, a directory in the file's place",
    "one line naming the file (and line or column); exit 2",
    "every default; the file or directory untouched",
)
@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda p: p.write_bytes(b'[breaks]\ninterval = "45m"\n# caf\xe9\n'), ":3: is not UTF-8"),
        (lambda p: p.write_text("[breaks\ninterval = 45m\n"), ":1: column "),
        (lambda p: p.write_text('[breaks]\ninterval = "45m"\ninterval = "50m"\n'), ":3: "),
        (lambda p: p.mkdir(), "is a directory"),
    ],
    ids=["not-utf8", "syntax", "duplicate-key", "directory"],
)
def test_unreadable_files_are_named_and_defaults_used(env, tmp_path, make, says) -> None:
    path = tmp_path / "config.toml"
    make(path)
    before = path.read_bytes() if path.is_file() else None
    result = check(env, path)
    no_traceback(result)
    assert result.returncode == 2
    (message,) = result.stdout.splitlines()
    assert message.startswith(str(path))
    assert says in message
    assert effective(env, path) == effective(env, tmp_path / "missing.toml")
    assert (path.read_bytes() if path.is_file() else None) == before


@pytest.mark.finding(
    "an empty config file",
    "`config check` says OK",
    "every default",
)
def test_an_empty_file_is_every_default(env, tmp_path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("")
    assert check(env, path).stdout.strip() == f"{path}: OK"
    defaults = tmp_path / "defaults.toml"
    defaults.write_text(writer.default_file())
    assert effective(env, path) == effective(env, defaults)


@pytest.mark.finding(
    "a config file the user cannot read (mode 000)",
    "one line: permission denied, naming the file; exit 2",
    "every default",
)
def test_a_file_without_read_permission(env, tmp_path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[breaks]\ninterval = "45m"\n')
    path.chmod(0o000)
    argv = [HAMSTRAY, "config", "check", str(path)]
    if os.geteuid() == 0:  # root reads anything: ask without the capabilities that allow it
        argv = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *argv]
    try:
        result = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    finally:
        path.chmod(0o600)
    no_traceback(result)
    assert result.returncode == 2, result.stderr
    assert result.stdout.strip().startswith(f"{path}: ")
    assert "ermission denied" in result.stdout


COMMAND_ERRORS = [
    (["snooze", "soon"], "expected a duration"),
    (["snooze", "-5m"], "unrecognized arguments: -5m"),
    (["pause", "0s"], 'expected a duration longer than 0 like "5m", got "0s"'),
    (["stats", "--days", "0"], "--days: expected a number from 1 to 100, got '0'"),
    (["stats", "--days", "many"], "--days: expected a number from 1 to 100, got 'many'"),
    (["history", "--limit", "-1"], "--limit"),
    (["feedback", "no-such-stretch", "easy"], "unknown stretch 'no-such-stretch'"),
    (["feedback", "legs-up-the-wall", "great"], "invalid choice: 'great'"),
    (["stretch", "now"], "unknown stretch 'now' (see: hamstray stretches)"),
    (["plan", "-3"], "expected a number from 1 to 100, got '-3'"),
    (["routine", "noon"], "invalid choice: 'noon'"),
    (["autostart", "maybe"], "invalid choice: 'maybe'"),
    (["desktop", "remove"], "invalid choice: 'remove'"),
    (["config", "edit-now"], "invalid choice: 'edit-now'"),
    (["stretches", "--reset"], "expected one argument"),
    (["status", "--yaml"], "unrecognized arguments: --yaml"),
    (["setup", "--no"], "unrecognized arguments: --no"),
    (["doctor", "now"], "unrecognized arguments: now"),
    (["frobnicate"], "invalid choice: 'frobnicate'"),
]


@pytest.mark.finding(
    "wrong arguments to each command",
    "argparse's usage line and one sentence naming the argument; exit 2",
    "no state changed",
)
@pytest.mark.parametrize(
    ("argv", "says"), COMMAND_ERRORS, ids=["-".join(a).lstrip("-") for a, _ in COMMAND_ERRORS]
)
def test_wrong_arguments_get_one_clear_sentence(env, argv, says) -> None:
    result = run(env, *argv)
    no_traceback(result)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert says in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 3  # usage (maybe wrapped) and the error
    assert not (Path(env["XDG_DATA_HOME"]) / "hamstray" / "history.sqlite3").exists()
