"""The local attack surface: the control socket, shells, launcher files and file modes."""

import ast
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from hamstray.desktop import autostart
from hamstray.runtime.control import unix
from hamstray.runtime.requests import Command, Request

from .conftest import run

ROOT = Path(__file__).resolve().parents[2]
INTRUDER = "hamstray-intruder"
CLIENT = """
import json, socket, sys
client = socket.socket(socket.AF_UNIX)
try:
    client.connect(sys.argv[1])
except OSError as error:
    print(type(error).__name__)
    sys.exit()
client.sendall(b'{"v": 1, "cmd": "pause"}\\n')
print(client.makefile().readline().strip())
"""


def intruder() -> int:
    """The uid of a second, unprivileged user (created once, when root)."""
    if os.geteuid() != 0:
        pytest.skip("needs root to create a second user (CI runs as root)")
    found = subprocess.run(["id", "-u", INTRUDER], capture_output=True, text=True, check=False)
    if found.returncode != 0:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", INTRUDER],
            check=True,
        )
        found = subprocess.run(["id", "-u", INTRUDER], capture_output=True, text=True, check=True)
    return int(found.stdout)


def as_user(uid: int, *argv: str) -> str:
    return subprocess.run(
        ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", *argv],
        capture_output=True,
        text=True,
        check=True,
        timeout=20,
    ).stdout.strip()


@pytest.mark.finding(
    "another user's process connects to the control socket (a real second user)",
    "refused by the 0700 directory; with the directory opened up anyway, refused by the peer "
    'uid check: {"ok": false, "error": "permission denied"}',
    "the app's state: the handler is never called",
)
def test_another_user_cannot_control_the_app() -> None:
    uid = intruder()
    calls: list[str] = []
    base = Path(tempfile.mkdtemp(prefix="hamstray-security-"))
    (base / "runtime").mkdir()
    for folder in (base, base / "runtime"):
        folder.chmod(0o755)  # others may walk up to the app's private dir, not into it
    runtime = base / "runtime" / "hamstray"
    server = unix.Server(
        runtime / "control.sock", lambda r: calls.append(r.command.value) or {"ok": True}
    )
    server.start()
    try:
        assert stat.S_IMODE(runtime.stat().st_mode) == 0o700
        python = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable
        assert as_user(uid, python, "-c", CLIENT, str(server.path)) == "PermissionError"
        runtime.chmod(0o755)  # a mistake elsewhere opens the door: the peer check still holds
        server.path.chmod(0o777)
        reply = as_user(uid, python, "-c", CLIENT, str(server.path))
        assert reply == '{"v": 1, "ok": false, "error": "permission denied"}'
        assert calls == []
        assert (
            unix.request(server.path, Request(Command.STATUS))["ok"] is True
        )  # its owner still gets in
    finally:
        server.close()
        shutil.rmtree(base)


class _ShellUse(ast.NodeVisitor):
    def __init__(self) -> None:
        self.found: list[str] = []

    def visit_Call(self, node: ast.Call) -> None:
        name = ast.unparse(node.func)
        if name in ("os.system", "os.popen", "subprocess.getoutput", "subprocess.getstatusoutput"):
            self.found.append(name)
        for keyword in node.keywords:
            if keyword.arg == "shell" and not (
                isinstance(keyword.value, ast.Constant) and keyword.value.value is False
            ):
                self.found.append(f"{name}(shell=...)")
        if name.startswith("subprocess.") and node.args and isinstance(node.args[0], ast.JoinedStr):
            self.found.append(f"{name}(f-string)")
        self.generic_visit(node)


@pytest.mark.finding(
    "looking for any command line run through a shell in hamstray/",
    "none: every subprocess gets an argument list (notification text, config values and "
    "paths go in as arguments)",
    "-",
)
def test_no_command_line_goes_through_a_shell() -> None:
    found = {}
    sources = sorted((ROOT / "hamstray").rglob("*.py"))
    assert len(sources) > 40  # every module of every package, not just the top level
    for source in sources:
        visitor = _ShellUse()
        visitor.visit(ast.parse(source.read_text()))
        if visitor.found:
            found[str(source.relative_to(ROOT))] = visitor.found
    assert found == {}


# Not "%": the spec's "%%" is right, but GLib looks for the program before it expands field
# codes, so it finds no "50%%" directory (desktop-file-validate accepts it; exec_quote's unit test
# checks it).
HOSTILE = "/tmp/hamstray launcher test/we ird $HOME `id` \\ \"q\" 'a'/hamstray"


@pytest.mark.finding(
    "hamstray installed under a path with spaces, quotes, $, backquotes and a backslash",
    "the .desktop Exec line passes desktop-file-validate, and GLib's launcher (gio launch) "
    "runs exactly that program with the argument `run`",
    "-",
)
def test_a_hostile_install_path_is_quoted_in_the_launcher(tmp_path) -> None:
    program = Path(HOSTILE)
    program.parent.mkdir(parents=True, exist_ok=True)
    seen = tmp_path / "argv.txt"
    program.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$0\" \"$@\" > '{seen}'\n")
    program.chmod(0o755)
    try:
        entry = tmp_path / "hamstray.desktop"
        entry.write_text(autostart.desktop_entry([str(program)], autostart=False))
        validated = subprocess.run(
            ["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False
        )
        assert validated.returncode == 0, validated.stdout + validated.stderr
        subprocess.run(["gio", "launch", str(entry)], check=True, timeout=20)
        for _ in range(100):
            if seen.exists() and seen.read_text().count("\n") >= 2:
                break
            subprocess.run(["sleep", "0.05"], check=True)
        assert seen.read_text().splitlines() == [HOSTILE, "run"]
    finally:
        shutil.rmtree(Path("/tmp/hamstray launcher test"))


@pytest.mark.finding(
    "the files hamstray writes, under a strict umask (077) and the usual one (022)",
    "config, launcher and autostart entries follow the umask; the history and its journal are "
    "always 0600; the control socket 0600 in a 0700 dir",
    "-",
)
@pytest.mark.parametrize("umask", [0o077, 0o022])
def test_files_follow_the_umask_and_the_history_is_private(env, umask) -> None:
    home = Path(env["HOME"])
    old = os.umask(umask)
    try:
        assert run(env, "config", "init").returncode == 0
        assert run(env, "desktop", "install").returncode == 0
        assert run(env, "autostart", "enable").returncode == 0
        assert run(env, "feedback", "legs-up-the-wall", "easy").returncode == 0
    finally:
        os.umask(old)
    written = [p for p in home.rglob("*") if p.is_file()]
    assert written
    for path in written:
        mode = stat.S_IMODE(path.stat().st_mode)
        if "history.sqlite3" in path.name:
            assert mode == 0o600, path
        else:
            assert mode & umask == 0, f"{path} is {mode:o} under umask {umask:o}"
    assert not list(home.rglob(".*.tmp"))  # no temp file left behind
