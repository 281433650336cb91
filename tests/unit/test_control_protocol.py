"""The control protocol: one JSON object per line, strictly checked."""

import contextlib
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hamstray.control import MAX_REQUEST, ProtocolError, parse_request


def line(**message: object) -> bytes:
    return json.dumps(message).encode()


def test_a_well_formed_request_is_read() -> None:
    assert parse_request(line(v=1, cmd="snooze", args={"seconds": 60})) == (
        "snooze",
        {"seconds": 60},
    )
    assert parse_request(line(v=1, cmd="status")) == ("status", {})


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
    ],
)
def test_a_bad_request_is_refused_with_a_reason(raw: bytes, message: str) -> None:
    with pytest.raises(ProtocolError, match=message):
        parse_request(raw)


@pytest.mark.finding(
    "any bytes as a control request, to the protocol parser (hypothesis)",
    "a command or a ProtocolError with a reason, never another exception",
    "-",
)
@given(st.binary(max_size=MAX_REQUEST + 10))
def test_any_bytes_are_parsed_or_refused_never_crash(raw: bytes) -> None:
    try:
        command, args = parse_request(raw)
    except ProtocolError:
        return
    assert isinstance(command, str)
    assert isinstance(args, dict)


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
        ),
        max_leaves=10,
    )
)
def test_any_json_is_parsed_or_refused_never_crash(value: object) -> None:
    with contextlib.suppress(ProtocolError):
        parse_request(json.dumps(value).encode())
