"""Opening a file with the desktop's program: a failure is said, and no defunct child stays."""

import os
import sys
import threading
from pathlib import Path

import pytest

from hamstray.desktop import opener


def fake_xdg_open(folder: Path, exit_code: int) -> None:
    script = folder / "xdg-open"
    script.write_text(
        "#!/bin/sh\n"
        "echo \"xdg-open: no method available for opening '$1'\" >&2\n"
        f"exit {exit_code}\n"
    )
    script.chmod(0o755)


def opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exit_code: int) -> list[str]:
    fake_xdg_open(tmp_path, exit_code)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    said: list[str] = []
    before = set(threading.enumerate())
    opener.open_file(tmp_path / "config.toml", said.append)
    for thread in set(threading.enumerate()) - before:
        thread.join(5)  # the opener's waiter: it has reaped the child when it ends
    return said


@pytest.mark.skipif(sys.platform != "linux", reason="xdg-open is for Linux desktops")
def test_no_program_for_the_file_is_said_in_a_few_words(tmp_path, monkeypatch) -> None:
    assert opened(tmp_path, monkeypatch, 4) == ["xdg-open: no program for this kind of file"]


@pytest.mark.skipif(sys.platform != "linux", reason="xdg-open is for Linux desktops")
def test_a_program_that_opens_it_says_nothing_and_leaves_no_defunct_child(
    tmp_path, monkeypatch
) -> None:
    assert opened(tmp_path, monkeypatch, 0) == []
    assert defunct_children() == []


def defunct_children() -> list[str]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            state, parent = stat.read_text().rsplit(")", 1)[1].split()[:2]
        except OSError:
            continue  # ended meanwhile
        if parent == str(os.getpid()) and state == "Z":
            found.append(stat.parent.name)
    return found


@pytest.mark.skipif(sys.platform != "linux", reason="xdg-open is for Linux desktops")
def test_without_xdg_open_it_is_said(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    said: list[str] = []
    opener.open_file(tmp_path / "x.png", said.append)
    assert said == ["xdg-open is not installed"]
