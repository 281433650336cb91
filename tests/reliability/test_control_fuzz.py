"""The control socket, fuzzed for real: random bytes through a real Unix socket to the real
server and the app's own request handling (the request model, a running loop and the engine),
and a handler that crashes. Each request is answered, and the loop neither dies nor spins."""

import json
import logging
import math
import socket
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hamstray.engine.model import initial
from hamstray.engine.settings import Config
from hamstray.runtime.answers import Answers
from hamstray.runtime.config_file import ConfigFile
from hamstray.runtime.control import unix
from hamstray.runtime.control.protocol import CLIENT_TIMEOUT, PROTOCOL
from hamstray.runtime.loop import Loop
from hamstray.runtime.practice import Practice
from hamstray.runtime.requests import Command, Request

STATUS = Request(Command.STATUS)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """The running app's request handling: a real loop on the real clock, with the engine."""
    practice = Practice(Config(), None)
    loop = Loop(
        Config(),
        initial(time.time()),
        time.time,
        lambda effect: None,
        suggest=lambda: practice.suggest(time.time()),
    )
    thread = threading.Thread(target=loop.run, daemon=True)
    thread.start()
    settings_file = ConfigFile(tmp_path_factory.mktemp("cfg") / "config.toml", time.time)
    handler = Answers(
        loop,
        lambda stretch_id: practice.find(stretch_id, time.time()),
        lambda: settings_file.reading,
    )
    instance = unix.Server(tmp_path_factory.mktemp("fuzz") / "rt" / "control.sock", handler)
    instance.start()
    yield instance, loop, thread
    instance.close()
    loop.quit()
    thread.join(5)


@pytest.fixture(scope="module")
def crashing(tmp_path_factory):
    def handler(request: Request) -> dict:
        raise RuntimeError("a handler bug")

    instance = unix.Server(tmp_path_factory.mktemp("crash") / "rt" / "control.sock", handler)
    instance.start()
    yield instance
    instance.close()


def exchange(path: Path, data: bytes) -> bytes:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(CLIENT_TIMEOUT + 3)
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


numbers = st.one_of(
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -1, 10**30, 1e308, float("nan"), float("inf"), -float("inf")]),
)
arguments = st.dictionaries(
    st.sampled_from(["seconds", "until", "id", "name", "x"]),
    st.one_of(st.none(), numbers, st.text(max_size=20), st.sampled_from(["desk-calf", "morning"])),
    max_size=2,
)
commands = st.one_of(
    st.sampled_from([c.value for c in Command if c is not Command.QUIT]), st.text()
)
requests = st.one_of(
    st.binary(max_size=6000),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass") + b"\n"),
    st.dictionaries(
        st.sampled_from(["v", "cmd", "args", "x"]),
        st.one_of(st.none(), st.integers(), st.text(max_size=20), st.lists(st.integers())),
    ).map(lambda d: json.dumps(d).encode() + b"\n"),
    st.builds(lambda c, a: {"v": 1, "cmd": c, "args": a}, commands, arguments).map(
        lambda d: json.dumps(d).encode() + b"\n"  # json writes NaN and Infinity as JS does
    ),
)


def assert_sleeping(loop: Loop) -> None:
    """The loop is waiting on its queue, not turning (a bad deadline would spin it)."""
    before = loop.iterations
    time.sleep(0.05)
    assert loop.iterations - before <= 2


@pytest.mark.finding(
    "random bytes, random text and random JSON objects sent to the real control socket "
    "(hypothesis, 300 requests)",
    'each gets one JSON reply line ({"ok": false, "error": ...} unless it is a valid request), '
    "and the next client is served",
    "the handler sees only well-formed commands",
)
@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(requests)
def test_whatever_arrives_gets_a_reply_and_the_app_goes_on(app, data: bytes) -> None:
    instance, loop, thread = app
    reply = exchange(instance.path, data)
    lines = reply.decode().splitlines()
    assert len(lines) == 1
    answer = json.loads(lines[0])
    assert answer["v"] == PROTOCOL
    if not answer["ok"]:
        assert answer.get("error")
    assert thread.is_alive()
    assert_sleeping(loop)
    status = unix.request(instance.path, STATUS)["status"]
    assert math.isfinite(status["sitting_s"])
    unix.request(instance.path, Request(Command.RESUME))  # the next example starts unpaused


@pytest.mark.finding(
    "a pause until NaN, Infinity or a time centuries away, on the socket",
    "refused with a reason; before, NaN made the loop spin and Infinity killed it",
    "the loop, which sleeps and answers",
)
@pytest.mark.parametrize("until", ["NaN", "Infinity", "-Infinity", "1e300"])
def test_a_pause_until_a_time_that_is_no_time_is_refused(app, until: str) -> None:
    instance, loop, thread = app
    data = b'{"v": 1, "cmd": "pause", "args": {"until": ' + until.encode() + b"}}\n"
    answer = json.loads(exchange(instance.path, data))
    assert answer["ok"] is False
    assert thread.is_alive()
    assert_sleeping(loop)
    assert unix.request(instance.path, STATUS)["status"]["phase"] == "sitting"


@pytest.mark.finding(
    "a crash in the code that handles a control request",
    "logged with its traceback in the log; the client gets one sentence: could not carry "
    "this out (details in its log)",
    "the server: the next request is answered",
)
def test_a_crashing_handler_is_logged_and_the_server_goes_on(crashing, caplog) -> None:
    instance = crashing
    with caplog.at_level(logging.ERROR, logger="hamstray.runtime.control"):
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
    again = json.loads(exchange(instance.path, b'{"v": 1, "cmd": "status"}\n'))
    assert again["error"] == "hamstray could not carry this out (details in its log)"
