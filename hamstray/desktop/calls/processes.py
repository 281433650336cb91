"""The user's running processes: their names (for ``[quiet] apps``) and their open files (for the
camera), from ``/proc`` on Linux and from the system's process list elsewhere."""

import logging
import os
import subprocess
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from hamstray.desktop.calls import InUse, ProbeError

log = logging.getLogger(__name__)

COMM_LENGTH = 15  # Linux keeps the first 15 bytes of a process's name in /proc/PID/comm
Run = Callable[[list[str]], str]


def own(proc: Path, uid: int) -> Iterator[Path]:
    """The /proc/PID folders of the processes that belong to ``uid``."""
    try:
        entries = list(os.scandir(proc))
    except OSError as error:
        raise ProbeError(f"{proc} cannot be read: {error.strerror}") from error
    for entry in entries:
        if not entry.name.isdigit():
            continue
        try:
            if entry.stat().st_uid == uid:
                yield Path(entry.path)
        except OSError:  # the process ended while we looked
            continue


def comm(folder: Path) -> str:
    """A process's short name (``/proc/PID/comm``), or "" once it is gone."""
    try:
        return folder.joinpath("comm").read_text(errors="replace").strip()
    except OSError:
        return ""


def _program(folder: Path) -> str:
    """The file name of a process's first argument (the program as started), or ""."""
    try:
        argv0 = folder.joinpath("cmdline").read_bytes().split(b"\0", 1)[0]
    except OSError:
        return ""
    return os.fsdecode(argv0).replace("\\", "/").rsplit("/", 1)[-1]


def linux_names(proc: Path = Path("/proc"), uid: int | None = None) -> Callable[[], list[str]]:
    """The names of this user's processes: each one's comm and its program's file name."""

    def names() -> list[str]:
        found: list[str] = []
        for folder in own(proc, os.getuid() if uid is None else uid):
            found += [comm(folder), _program(folder)]
        return [name for name in found if name]

    return names


def windows_names(run: Run) -> Callable[[], list[str]]:
    """The image names of this session's processes, from ``tasklist``."""

    def names() -> list[str]:
        out = _ask(run, ["tasklist", "/fo", "csv", "/nh"])
        return [line.split('","', 1)[0].strip('"') for line in out.splitlines() if line]

    return names


def macos_names(run: Run) -> Callable[[], list[str]]:
    """The executable names of this user's processes, from ``ps``."""

    def names() -> list[str]:
        out = _ask(run, ["ps", "-x", "-o", "comm="])
        return [line.strip().rsplit("/", 1)[-1] for line in out.splitlines() if line.strip()]

    return names


def _ask(run: Run, argv: list[str]) -> str:
    try:
        return run(argv)
    except (OSError, subprocess.SubprocessError) as error:
        raise ProbeError(f"{argv[0]} failed: {error}") from error


def _key(name: str) -> str:
    name = name.strip().lower()
    return name[:-4] if name.endswith(".exe") else name


def running(names: Callable[[], Iterable[str]], wanted: Callable[[], Iterable[str]]) -> InUse:
    """The first wanted name (as configured) that a running process has, case aside."""

    def look() -> str | None:
        apps = list(wanted())
        if not apps:
            return None  # nothing to look for: no process list is read
        present = {_key(name) for name in names()}
        for app in apps:
            key = _key(app)
            if key in present or key[:COMM_LENGTH] in present:
                return app
        return None

    return look


def run_quietly(argv: list[str]) -> str:
    """A command's output, without a console window flashing up on Windows."""
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    return subprocess.run(
        argv, capture_output=True, text=True, timeout=5, check=True, creationflags=flags
    ).stdout
