"""Where hamstray keeps its files: on Linux the XDG folders, just where platformdirs puts them."""

import sys

import platformdirs.unix
import pytest

from hamstray.store.paths import APP, default_paths, xdg_dirs

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the XDG folders are Linux's"
)

ENVIRONMENTS = [
    {},
    {"XDG_CONFIG_HOME": "/x/config", "XDG_DATA_HOME": "/x/data", "XDG_STATE_HOME": "/x/state"},
    {"XDG_DATA_HOME": "/only/data/"},
]


@pytest.mark.parametrize("env", ENVIRONMENTS, ids=["unset", "absolute", "one"])
def test_the_xdg_folders_are_where_platformdirs_puts_them(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", "/home/someone")
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in env.items():
        monkeypatch.setenv(variable, value)
    theirs = platformdirs.unix.Unix(APP, appauthor=False)

    config_dir, data_dir, log_dir = xdg_dirs(env)

    assert str(config_dir) == theirs.user_config_dir
    assert str(data_dir) == theirs.user_data_dir
    assert str(log_dir) == theirs.user_log_dir


def test_a_relative_folder_is_ignored_as_the_spec_asks(monkeypatch: pytest.MonkeyPatch) -> None:
    # platformdirs before 4 (Debian 12 has 2.6) took such values as they were.
    monkeypatch.setenv("HOME", "/home/someone")
    env = {"XDG_CONFIG_HOME": "relative/config", "XDG_DATA_HOME": "", "XDG_STATE_HOME": "~/s"}

    folders = xdg_dirs(env)

    assert [str(folder) for folder in folders] == [
        "/home/someone/.config/hamstray",
        "/home/someone/.local/share/hamstray",
        "/home/someone/.local/state/hamstray/log",
    ]


def test_the_app_reads_its_folders_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", "/x/config")
    monkeypatch.setenv("XDG_DATA_HOME", "/x/data")
    monkeypatch.setenv("XDG_STATE_HOME", "/x/state")
    monkeypatch.setenv("XDG_RUNTIME_DIR", "/x/run")
    monkeypatch.delenv("HAMSTRAY_CONFIG", raising=False)

    paths = default_paths()

    assert str(paths.config_file) == "/x/config/hamstray/config.toml"
    assert str(paths.history) == "/x/data/hamstray/history.sqlite3"
    assert str(paths.log_file) == "/x/state/hamstray/log/hamstray.log"
    assert str(paths.socket) == "/x/run/hamstray/control.sock"
