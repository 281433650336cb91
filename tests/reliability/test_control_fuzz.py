"""The control socket, fuzzed for real: random bytes through a real Unix socket to the real
server, and a handler that crashes. The server answers or hangs up, and then serves the next."""

import json
import logging
import socket
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hamstray import control


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    calls: list[tuple[str, dict]] = []

    def handler(command: str, args: dict) -> dict:
        calls.append((command, args))
        if command == "skip":
            raise RuntimeError("a handler bug")
        return {"ok": True, "status": {"phase": "sitting"}}

    instance = control.Server(tmp_path_factory.mktemp("fuzz") / "rt" / "control.sock", handler)
    instance.start()
    yield instance, calls
    instance.close()


def exchange(path: Path, data: bytes) -> bytes:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(control.CLIENT_TIMEOUT + 3)
        client.connect(str(path))
        try:
            client.sendall(data)
            client.shutdown(socket.SHUT_WR)
        except OSError:
            pass  # the server may hang up on a long request before reading it all
        reply = b""
        try:
            while chunk := client.recv(4096):
                reply += chunk
        except ConnectionResetError:
            pass
    return reply


requests = st.one_of(
    st.binary(max_size=6000),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass") + b"\n"),
    st.dictionaries(
        st.sampled_from(["v", "cmd", "args", "x"]),
        st.one_of(st.none(), st.integers(), st.text(max_size=20), st.lists(st.integers())),
    ).map(lambda d: json.dumps(d).encode() + b"\n"),
)


@pytest.mark.finding(
    "random bytes, random text and random JSON objects sent to the real control socket "
    "(hypothesis, 300 requests)",
    'each gets one JSON reply line ({"ok": false, "error": ...} unless it is a valid request), '
    "and the next client is served",
    "the handler sees only well-formed commands",
)
@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(requests)
def test_whatever_arrives_gets_a_reply_and_the_server_goes_on(server, data: bytes) -> None:
    instance, calls = server
    calls.clear()
    reply = exchange(instance.path, data)
    lines = reply.decode().splitlines()
    assert len(lines) == 1
    answer = json.loads(lines[0])
    assert answer["v"] == control.PROTOCOL
    if not answer["ok"]:
        assert answer.get("error")
    assert all(command in control.COMMANDS for command, _ in calls)
    assert control.request(instance.path, "status")["ok"] is True


@pytest.mark.finding(
    "a crash in the code that handles a control request",
    "logged with its traceback in the log; the client gets one sentence: could not carry "
    "this out (details in its log)",
    "the server: the next request is answered",
)
def test_a_crashing_handler_is_logged_and_the_server_goes_on(server, caplog) -> None:
    instance, _ = server
    with caplog.at_level(logging.ERROR, logger="hamstray.control"):
        reply = json.loads(exchange(instance.path, b'{"v": 1, "cmd": "skip"}\n'))
    assert reply == {
        "v": 1,
        "ok": False,
        "error": "hamstray could not carry this out (details in its log)",
    }
    (record,) = caplog.records
    assert record.getMessage() == "A control request failed"
    assert record.exc_info is not None
    assert "a handler bug" in caplog.text
    assert control.request(instance.path, "status")["ok"] is True
