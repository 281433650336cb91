"""Full-screen windows on wlroots compositors, told by wlr-foreign-toplevel-management, against
a fake compositor that speaks the protocol as its XML defines it (issue 18, bug 8)."""

import struct
from collections.abc import Iterator
from pathlib import Path

import pytest

from hamstray.desktop import fullscreen, wayland

from .fake_wayland import FakeCompositor, array, until

SERVER_IDS = 0xFF000000  # ids the compositor makes for its own objects


def states(*values: int) -> bytes:
    return array(struct.pack(f"={len(values)}I", *values))


@pytest.fixture
def compositor(tmp_path: Path) -> Iterator[FakeCompositor]:
    fake = FakeCompositor(
        tmp_path / "wayland-0", [("wl_seat", 7), ("zwlr_foreign_toplevel_manager_v1", 3)]
    )
    yield fake
    fake.close()


def env(compositor: FakeCompositor) -> dict[str, str]:
    return {"WAYLAND_DISPLAY": compositor.path.name, "XDG_RUNTIME_DIR": str(compositor.path.parent)}


def open_window(compositor: FakeCompositor, handle: int, *state: int) -> None:
    manager = compositor.bound["zwlr_foreign_toplevel_manager_v1"]
    compositor.send(manager, 0, struct.pack("=I", handle))  # toplevel(new_id)
    compositor.send(handle, 4, states(*state))  # state
    compositor.send(handle, 5)  # done


def test_an_active_full_screen_window_is_seen_and_its_end_too(compositor) -> None:
    check = fullscreen.Toplevels(wayland.connect(env(compositor)))
    assert check() is False
    open_window(compositor, SERVER_IDS, fullscreen.ACTIVATED)
    open_window(compositor, SERVER_IDS + 1, fullscreen.ACTIVATED, fullscreen.FULLSCREEN)
    until(check)
    compositor.send(SERVER_IDS + 1, 4, states(fullscreen.ACTIVATED))  # left full screen
    compositor.send(SERVER_IDS + 1, 5)
    until(lambda: not check())


def test_a_state_counts_only_once_the_compositor_says_done(compositor) -> None:
    check = fullscreen.Toplevels(wayland.connect(env(compositor)))
    manager = compositor.bound["zwlr_foreign_toplevel_manager_v1"]
    compositor.send(manager, 0, struct.pack("=I", SERVER_IDS))
    compositor.send(SERVER_IDS, 4, states(fullscreen.ACTIVATED, fullscreen.FULLSCREEN))
    compositor.send(SERVER_IDS, 0, b"\x06\0\0\0video\0\0\0")  # a title, then done
    compositor.send(SERVER_IDS, 5)
    until(check)


def test_a_full_screen_window_behind_another_is_not_in_front(compositor) -> None:
    check = fullscreen.Toplevels(wayland.connect(env(compositor)))
    open_window(compositor, SERVER_IDS, fullscreen.FULLSCREEN)  # not activated
    open_window(compositor, SERVER_IDS + 1, fullscreen.ACTIVATED)
    # A third, in front and full screen, then closed: once its end is seen, so are the two.
    open_window(compositor, SERVER_IDS + 2, fullscreen.ACTIVATED, fullscreen.FULLSCREEN)
    until(check)
    compositor.send(SERVER_IDS + 2, 6)
    until(lambda: not check())


def test_a_closed_window_is_forgotten_and_destroyed(compositor) -> None:
    check = fullscreen.Toplevels(wayland.connect(env(compositor)))
    open_window(compositor, SERVER_IDS, fullscreen.ACTIVATED, fullscreen.FULLSCREEN)
    until(check)
    compositor.send(SERVER_IDS, 6)  # closed
    until(lambda: not check())
    compositor.wait_for(  # the client destroys the handle, as the protocol asks
        lambda: any(r.object_id == SERVER_IDS and r.opcode == 7 for r in compositor.requests)
    )


def test_doctor_says_which_way_each_desktop_has(compositor) -> None:
    assert fullscreen.describe(env(compositor)) == (
        True,
        "the compositor's window list (zwlr_foreign_toplevel_manager_v1)",
    )
    gnome = {"WAYLAND_DISPLAY": "wayland-0", "XDG_CURRENT_DESKTOP": "GNOME"}
    assert fullscreen.describe(gnome) == (True, fullscreen.GNOME_NOTE)
    assert fullscreen.describe({"DISPLAY": ":0"}) == (True, "X11 windows by their _NET_WM_STATE")


def test_a_compositor_without_a_window_list_is_said(tmp_path: Path) -> None:
    fake = FakeCompositor(tmp_path / "wayland-1", [("wl_seat", 7)])
    try:
        seen, why = fullscreen.describe(
            {"WAYLAND_DISPLAY": "wayland-1", "XDG_RUNTIME_DIR": str(tmp_path), "DISPLAY": ":1"}
        )
    finally:
        fake.close()
    assert not seen
    assert why == (
        "the compositor offers no zwlr_foreign_toplevel_manager_v1; only X11 windows by their "
        "_NET_WM_STATE"
    )
