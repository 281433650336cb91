"""Idle time from a Wayland compositor's notices, against a fake compositor that speaks the
protocols as their XML defines them (issue 18, bug 7). The real ones: tests/desktop (sway 1.7's
org_kde_kwin_idle, KWin's)."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from hamstray.desktop import idle, wayland, wayland_idle

from .fake_wayland import FakeCompositor, uint, until


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def compositor(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[FakeCompositor]:
    offered = getattr(request, "param", [("wl_seat", 7), ("ext_idle_notifier_v1", 1)])
    fake = FakeCompositor(tmp_path / "wayland-0", offered)
    yield fake
    fake.close()


def env(compositor: FakeCompositor) -> dict[str, str]:
    return {"WAYLAND_DISPLAY": compositor.path.name, "XDG_RUNTIME_DIR": str(compositor.path.parent)}


def watching(compositor: FakeCompositor, protocol: str, opcode: int):  # type: ignore[no-untyped-def]
    """The client's request for idle notices, once it came."""
    return compositor.wait_for(
        lambda: next(
            (
                r
                for r in compositor.requests
                if r.object_id == compositor.bound.get(protocol) and r.opcode == opcode
            ),
            None,
        )
    )


def test_ext_idle_notify_is_asked_for_the_threshold_and_told_idle_and_back(compositor) -> None:
    clock = Clock()
    probe = wayland_idle.WaylandIdle(wayland.connect(env(compositor)), lambda: 300.0, clock)
    asked = watching(compositor, "ext_idle_notifier_v1", 1)  # get_idle_notification
    notification, timeout, seat = asked.uints()  # (new_id, timeout ms, seat): the XML's order
    assert (timeout, seat) == (300_000, compositor.bound["wl_seat"])
    assert probe() == 0.0  # no notice yet: less than the threshold
    clock.now += 400
    compositor.send(notification, 0)  # idled: no input for 300 s
    until(lambda: (probe() or 0) > 0)
    clock.now += 60
    assert probe() == pytest.approx(360.0)  # idle since the notice less the threshold
    compositor.send(notification, 1)  # resumed
    until(lambda: probe() == 0.0)
    clock.now += 20
    assert probe() == pytest.approx(20.0)  # input came no earlier than the notice


@pytest.mark.parametrize("compositor", [[("wl_seat", 5), ("org_kde_kwin_idle", 1)]], indirect=True)
def test_kwins_older_protocol_takes_the_seat_before_the_timeout(compositor) -> None:
    """org_kde_kwin_idle.get_idle_timeout(id, seat, timeout): sway 1.7 and KWin 5.27."""
    clock = Clock()
    probe = wayland_idle.WaylandIdle(wayland.connect(env(compositor)), lambda: 180.0, clock)
    assert probe.protocol == "org_kde_kwin_idle"
    timeout_id, seat, milliseconds = watching(compositor, "org_kde_kwin_idle", 0).uints()
    assert (seat, milliseconds) == (compositor.bound["wl_seat"], 180_000)
    clock.now += 200
    compositor.send(timeout_id, 0)  # idle
    until(lambda: (probe() or 0) > 0)
    assert probe() == pytest.approx(180.0)


def test_a_new_threshold_replaces_the_request(compositor) -> None:
    threshold = [300.0]
    probe = wayland_idle.WaylandIdle(
        wayland.connect(env(compositor)), lambda: threshold[0], Clock()
    )
    first = watching(compositor, "ext_idle_notifier_v1", 1).uints()[0]
    threshold[0] = 120.0
    probe()

    def asked_again() -> list[list[int]]:
        return [
            r.uints()
            for r in compositor.requests
            if r.object_id == compositor.bound["ext_idle_notifier_v1"] and r.opcode == 1
        ][1:]

    # The old notification's destroy and the new request may reach the compositor in separate
    # reads: wait for both, not for the first.
    assert compositor.wait_for(asked_again)
    assert asked_again()[-1][1] == 120_000
    assert any(r.object_id == first and r.opcode == 0 for r in compositor.requests)


@pytest.mark.parametrize("compositor", [[("wl_seat", 7), ("wl_shm", 1)]], indirect=True)
def test_a_compositor_without_idle_notices_says_what_it_offers(compositor) -> None:
    with pytest.raises(wayland_idle.Unavailable, match="offers: wl_seat, wl_shm"):
        wayland_idle.probe(env(compositor), lambda: 300.0)


def test_a_compositor_that_goes_away_gives_no_answer(compositor) -> None:
    probe = wayland_idle.WaylandIdle(wayland.connect(env(compositor)), lambda: 300.0, Clock())
    watching(compositor, "ext_idle_notifier_v1", 1)
    compositor.close()
    until(lambda: probe() is None)


def test_no_wayland_socket_is_a_reason_not_a_crash(tmp_path: Path) -> None:
    missing = {"WAYLAND_DISPLAY": "wayland-9", "XDG_RUNTIME_DIR": str(tmp_path)}
    with pytest.raises(wayland.WaylandError, match="cannot reach the compositor"):
        wayland.connect(missing)


def test_outside_gnome_a_wayland_session_uses_the_compositors_notices(caplog) -> None:
    caplog.set_level("DEBUG")
    sway = {"WAYLAND_DISPLAY": "wayland-1", "XDG_CURRENT_DESKTOP": "sway"}
    made = idle.choose("linux", sway, lambda: lambda *a: None, notices=lambda e, t: lambda: 4.0)
    assert made is not None
    assert made() == 4.0
    assert "no answer from org.gnome.Mutter.IdleMonitor" in caplog.text  # -v says why


def test_a_failed_wayland_probe_says_why_at_debug_level(caplog) -> None:
    caplog.set_level("DEBUG")
    kde = {"WAYLAND_DISPLAY": "wayland-1", "XDG_CURRENT_DESKTOP": "KDE"}

    def none(env, threshold):  # type: ignore[no-untyped-def]
        raise wayland.WaylandError("the compositor offers neither …")

    assert idle.choose("linux", kde, lambda: lambda *a: None, notices=none) is None
    assert "no Wayland idle notices: the compositor offers neither" in caplog.text


def test_the_fake_speaks_the_wire_format() -> None:
    assert uint(1) == b"\x01\0\0\0"
