"""The control socket, for real: permissions, bad requests, silent clients, stale files."""

import json
import os
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from hamstray.runtime import requests
from hamstray.runtime.control import lock, pipe, unix
from hamstray.runtime.control.errors import NotRunning
from hamstray.runtime.control.protocol import CLIENT_TIMEOUT
from hamstray.runtime.requests import Command, Request

STATUS = Request(Command.STATUS)

HAMSTRAY = str(Path(sys.executable).with_name("hamstray"))


def user(tmp_path: Path) -> dict[str, str]:
    """A home with its own config and data dirs."""
    return {
        "HOME": str(tmp_path),
        "PATH": os.environ["PATH"],
        "XDG_CONFIG_HOME": str(tmp_path / "c"),
        "XDG_DATA_HOME": str(tmp_path / "d"),
    }


@pytest.fixture
def server(tmp_path: Path):
    answered: list[Request] = []

    def handler(request: Request) -> dict:
        answered.append(request)
        return {"ok": True, "status": {"phase": "sitting", "pid": os.getpid()}}

    runtime = tmp_path / "runtime" / "hamstray"
    instance = unix.Server(runtime / "control.sock", handler)
    instance.start()
    yield instance, answered
    instance.close()


def raw(path: Path, data: bytes, timeout: float = 5) -> bytes:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(timeout)
        client.connect(str(path))
        client.sendall(data)
        client.shutdown(socket.SHUT_WR)
        reply = b""
        while chunk := client.recv(4096):
            reply += chunk
    return reply


def test_the_socket_is_private(server) -> None:
    instance, _ = server
    assert stat.S_IMODE(instance.path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(instance.path.stat().st_mode) == 0o600


def test_a_request_reaches_the_handler(server) -> None:
    instance, answered = server
    reply = unix.request(instance.path, requests.snooze(60))
    assert reply == {"v": 1, "ok": True, "status": {"phase": "sitting", "pid": os.getpid()}}
    assert answered == [requests.snooze(60)]


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"not json\n", "request is not JSON"),
        (b'{"v": 1, "cmd": "status"', "request is not JSON"),  # truncated
        (b'{"v": 9, "cmd": "status"}\n', "unsupported protocol version 9"),
        (b'{"v": 1, "cmd": "rm -rf"}\n', "unknown command 'rm -rf'"),
        (b"x" * 10_000, "request too long"),
    ],
)
@pytest.mark.finding(
    "malformed, truncated, oversized, unknown-version and unknown-command requests on the socket",
    "one JSON error reply naming the problem",
    "the server, which answers the next request",
)
def test_bad_requests_get_an_error_reply_and_the_server_goes_on(server, data, error) -> None:
    instance, answered = server
    reply = json.loads(raw(instance.path, data))
    assert reply["ok"] is False
    assert error in reply["error"]
    assert answered == []
    assert unix.request(instance.path, STATUS)["ok"] is True


@pytest.mark.finding(
    "a client that connects and sends nothing",
    "it loses its turn after the client timeout",
    "everyone else is served",
)
def test_a_client_that_sends_nothing_does_not_block_others(server) -> None:
    instance, _ = server
    silent = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    silent.connect(str(instance.path))
    started = time.monotonic()
    reply = unix.request(instance.path, STATUS, timeout=10)
    assert reply["ok"] is True
    assert time.monotonic() - started < CLIENT_TIMEOUT + 1.5
    silent.close()


@pytest.mark.finding(
    "a stale socket file left by a dead app",
    "replaced at start",
    "-",
)
def test_a_stale_socket_file_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "rt" / "control.sock"
    path.parent.mkdir(mode=0o700)
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(path))
    stale.close()  # the file stays, nobody listens: what a crash leaves
    with pytest.raises(NotRunning):
        unix.request(path, STATUS)
    fresh = unix.Server(path, lambda request: {"ok": True})
    fresh.start()
    try:
        assert unix.request(path, STATUS) == {"v": 1, "ok": True}
    finally:
        fresh.close()
    assert not path.exists()


def test_only_one_instance_holds_the_lock(tmp_path: Path) -> None:
    first = lock.InstanceLock(tmp_path / "rt" / "instance.lock")
    assert first.acquire()
    code = (
        "import sys; from pathlib import Path; from hamstray.runtime.control import lock; "
        f"print(lock.InstanceLock(Path({str(tmp_path / 'rt' / 'instance.lock')!r})).acquire())"
    )
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert other.stdout.strip() == "False"
    assert first.holder() == os.getpid()
    first.release()
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert again.stdout.strip() == "True"


@pytest.mark.finding(
    "a runtime dir that others can enter",
    "made 0700 again before the socket is created",
    "-",
)
def test_a_runtime_dir_open_to_others_is_closed_again(tmp_path: Path) -> None:
    loose = tmp_path / "loose"
    loose.mkdir(mode=0o777)
    loose.chmod(0o777)
    lock.private_dir(loose)
    assert stat.S_IMODE(loose.stat().st_mode) == 0o700


def test_concurrent_clients_all_get_answers(server) -> None:
    instance, _ = server
    replies: list[dict] = []
    threads = [
        threading.Thread(target=lambda: replies.append(unix.request(instance.path, STATUS)))
        for _ in range(10)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=15)
    assert len(replies) == 10
    assert all(r["ok"] for r in replies)


def test_the_autostart_entry_passes_desktop_file_validate(tmp_path: Path) -> None:
    env = user(tmp_path)
    enabled = subprocess.run(
        [HAMSTRAY, "autostart", "enable"], env=env, capture_output=True, text=True, check=True
    )
    entry = tmp_path / "c" / "autostart" / "hamstray.desktop"
    assert enabled.stdout.strip() == f"hamstray will start at login ({entry})."
    validation = subprocess.run(
        ["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False
    )
    assert validation.returncode == 0, validation.stdout + validation.stderr
    assert f"Exec={HAMSTRAY} run\n" in entry.read_text()
    status = subprocess.run(
        [HAMSTRAY, "autostart", "status"], env=env, capture_output=True, text=True, check=True
    )
    assert status.stdout.strip() == f"enabled ({entry})"
    subprocess.run([HAMSTRAY, "autostart", "disable"], env=env, check=True, capture_output=True)
    assert not entry.exists()


@pytest.fixture
def pipe_server(tmp_path: Path):
    """The Windows transport (multiprocessing.connection), run here over AF_UNIX."""
    address = str(tmp_path / "pipe")
    instance = pipe.PipeServer(
        address,
        lambda request: {
            "ok": True,
            "status": {"cmd": request.command.value, "s": request.seconds},
        },
        family="AF_UNIX",
    )
    instance.start()
    yield address
    instance.close()


def test_the_pipe_transport_answers_requests(pipe_server) -> None:
    reply = pipe.pipe_request(pipe_server, requests.snooze(60), 5, family="AF_UNIX")
    assert reply == {"v": 1, "ok": True, "status": {"cmd": "snooze", "s": 60}}


def test_the_pipe_transport_refuses_bad_requests(pipe_server) -> None:
    from multiprocessing.connection import Client

    for data, error in ((b"nonsense", "request is not JSON"), (b"{" * 5000, "request too long")):
        with Client(pipe_server, family="AF_UNIX") as connection:
            connection.send_bytes(data)
            assert connection.poll(5)
            reply = json.loads(connection.recv_bytes())
        assert reply["ok"] is False
        assert error in reply["error"]
    assert pipe.pipe_request(pipe_server, STATUS, 5, family="AF_UNIX")["ok"] is True


def test_the_pipe_transport_survives_a_silent_client(pipe_server) -> None:
    from multiprocessing.connection import Client

    silent = Client(pipe_server, family="AF_UNIX")
    assert pipe.pipe_request(pipe_server, STATUS, 10, family="AF_UNIX")["ok"] is True
    silent.close()


def test_without_a_server_the_pipe_client_says_not_running(tmp_path: Path) -> None:
    with pytest.raises(NotRunning):
        pipe.pipe_request(str(tmp_path / "nobody"), STATUS, 1, family="AF_UNIX")


def test_the_app_menu_launcher_is_valid_and_removed_cleanly(tmp_path: Path) -> None:
    env = user(tmp_path)
    installed = subprocess.run(
        [HAMSTRAY, "desktop", "install"], env=env, capture_output=True, text=True, check=True
    )
    launcher = tmp_path / "d" / "applications" / "hamstray.desktop"
    assert str(launcher) in installed.stdout
    validation = subprocess.run(
        ["desktop-file-validate", str(launcher)], capture_output=True, text=True, check=False
    )
    assert validation.returncode == 0, validation.stdout + validation.stderr
    icons = sorted((tmp_path / "d" / "icons" / "hicolor").glob("*/apps/hamstray.png"))
    assert [p.parent.parent.name for p in icons] == ["128x128", "256x256", "48x48", "64x64"]
    removed = subprocess.run(
        [HAMSTRAY, "desktop", "uninstall"], env=env, capture_output=True, text=True, check=True
    )
    assert removed.stdout.strip() == "Removed 5 files from your app menu and icon theme."
    assert not launcher.exists()


def test_setup_yes_configures_everything_without_questions(tmp_path: Path) -> None:
    env = user(tmp_path)
    result = subprocess.run(
        [HAMSTRAY, "setup", "--yes"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        stdin=subprocess.DEVNULL,
    )
    assert "All set." in result.stdout
    assert (tmp_path / "c" / "hamstray" / "config.toml").is_file()
    assert (tmp_path / "c" / "autostart" / "hamstray.desktop").is_file()
    assert (tmp_path / "d" / "applications" / "hamstray.desktop").is_file()
