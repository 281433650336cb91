"""A fresh user for the command-line tests: empty XDG dirs, no display."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

HAMSTRAY = str(Path(sys.executable).with_name("hamstray"))


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A user with empty XDG dirs and no display."""
    home = tmp_path / "home"
    variables = {"HOME": str(home), "PATH": os.environ["PATH"], "LANG": "C.UTF-8"}
    for name, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_RUNTIME_DIR", "runtime"),
    ):
        (home / sub).mkdir(parents=True)
        variables[name] = str(home / sub)
    return variables


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """The installed ``hamstray`` with ``args``, as the user ``env`` runs it."""
    return subprocess.run(
        [HAMSTRAY, *args], env=env, capture_output=True, text=True, timeout=60, check=False
    )
