"""The control protocol and its request model: one JSON object per line, strictly checked."""

import contextlib
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hamstray.runtime import requests
from hamstray.runtime.control.protocol import MAX_REQUEST, ProtocolError, decode, encode
from hamstray.runtime.requests import YEAR, Command, Request, RequestError

NOW = 1_800_000_000.0


def line(**message: object) -> bytes:
    return json.dumps(message).encode()


def test_a_well_formed_request_is_read() -> None:
    assert decode(line(v=1, cmd="snooze", args={"seconds": 60}), NOW) == Request(
        Command.SNOOZE, seconds=60
    )
    assert decode(line(v=1, cmd="status"), NOW) == Request(Command.STATUS)
    assert decode(line(v=1, cmd="stretch", args={"id": "desk-calf"}), NOW) == Request(
        Command.STRETCH, name="desk-calf"
    )


@pytest.mark.parametrize(
    "request_",
    [
        Request(Command.STATUS),
        requests.snooze(300),
        requests.snooze(),
        requests.pause(NOW + 3600, NOW),
        requests.pause(None, NOW),
        requests.stretch("desk-calf"),
        requests.routine("evening"),
        Request(Command.SIT),
    ],
)
def test_what_the_command_line_sends_the_app_reads_back(request_: Request) -> None:
    assert decode(encode(request_).rstrip(b"\n"), NOW) == request_


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"hello", "request is not JSON"),
        (b"\xff\xfe", "request is not JSON"),
        (b"[1, 2]", "request must be a JSON object"),
        (line(cmd="status"), "unsupported protocol version None"),
        (line(v=2, cmd="status"), "unsupported protocol version 2"),
        (line(v=1, cmd="explode"), "unknown command 'explode'"),
        (line(v=1, cmd="snooze", args={"minutes": 5}), "bad arguments for snooze"),
        (line(v=1, cmd="skip", args=[1]), "bad arguments for skip"),
        (b"{" * (MAX_REQUEST + 1), "request too long"),
        (b'{"v": 1, "cmd": "pause", "args": {"until": NaN}}', "seconds since the epoch"),
        (b'{"v": 1, "cmd": "pause", "args": {"until": Infinity}}', "seconds since the epoch"),
        (b'{"v": 1, "cmd": "pause", "args": {"until": -Infinity}}', "seconds since the epoch"),
        (line(v=1, cmd="pause", args={"until": NOW + 2 * YEAR}), "a year at most"),
        (line(v=1, cmd="pause", args={"until": True}), "seconds since the epoch"),
        (line(v=1, cmd="snooze", args={"seconds": 1e308}), "positive whole number"),
        (line(v=1, cmd="snooze", args={"seconds": 10**30}), "a year at most"),
        (line(v=1, cmd="snooze", args={"seconds": 0}), "positive whole number"),
        (line(v=1, cmd="snooze", args={"seconds": -5}), "positive whole number"),
        (line(v=1, cmd="stretch", args={"id": 5}), "a stretch id is a word"),
        (line(v=1, cmd="routine", args={"name": "noon"}), "morning or evening"),
    ],
)
def test_a_bad_request_is_refused_with_a_reason(raw: bytes, message: str) -> None:
    with pytest.raises(ProtocolError, match=message):
        decode(raw, NOW)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("soon", 'expected a duration like "45m", got "soon"'),
        ("0", "longer than 0"),
        ("3000000h", "a year at most"),
    ],
)
def test_a_length_typed_on_the_command_line_is_checked_the_same_way(
    text: str, message: str
) -> None:
    with pytest.raises(RequestError, match=message):
        requests.length(text)


@pytest.mark.finding(
    "any bytes as a control request, to the protocol parser (hypothesis)",
    "a checked request or a ProtocolError with a reason, never another exception",
    "-",
)
@given(st.binary(max_size=MAX_REQUEST + 10))
def test_any_bytes_are_parsed_or_refused_never_crash(raw: bytes) -> None:
    try:
        request = decode(raw, NOW)
    except ProtocolError:
        return
    assert isinstance(request.command, Command)


@given(
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=True, allow_infinity=True)
        | st.text(max_size=5),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
        ),
        max_leaves=10,
    )
)
def test_any_json_is_parsed_or_refused_never_crash(value: object) -> None:
    with contextlib.suppress(ProtocolError):
        decode(json.dumps(value).encode(), NOW)


@given(
    command=st.sampled_from([c.value for c in Command]),
    value=st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=8),
)
def test_an_accepted_request_only_carries_finite_bounded_numbers(
    command: str, value: object
) -> None:
    wire = {"seconds": value, "until": value, "id": value, "name": value}
    for key, argument in wire.items():
        try:
            request = Request.from_json(command, {key: argument}, NOW)
        except RequestError:
            continue
        if request.seconds is not None:
            assert 0 < request.seconds <= YEAR
        if request.until is not None:
            assert request.until - NOW <= YEAR
            assert request.until == request.until  # not NaN
