"""The tray backend is chosen from what the session offers, and the choice says why."""

import pytest

from hamstray.desktop.tray.backend import Choice, choose

LINUX = {"DISPLAY": ":0"}


def never() -> bool:
    raise AssertionError("not asked: the answer is already known")


def test_a_statusnotifier_host_wins_on_linux() -> None:
    assert choose(LINUX, "linux", lambda: True, never) == Choice(
        "sni", "a StatusNotifierItem host is on the session bus"
    )


def test_without_a_host_pygobject_gives_gtk_else_xorg() -> None:
    assert choose(LINUX, "linux", lambda: False, lambda: True).name == "gtk"
    assert choose(LINUX, "linux", lambda: False, lambda: False).name == "xorg"


def test_the_overrides_win_and_are_named() -> None:
    assert choose({"HAMSTRAY_TRAY": "xorg"}, "linux", never, never) == Choice(
        "xorg", "chosen by HAMSTRAY_TRAY"
    )
    assert choose({"PYSTRAY_BACKEND": "appindicator"}, "linux", never, never).name == (
        "appindicator"
    )


def test_windows_and_macos_use_their_native_backend() -> None:
    assert choose({}, "win32", never, never).name == "win32"
    assert choose({}, "darwin", never, never).name == "darwin"


def test_an_unknown_override_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match="HAMSTRAY_TRAY=kde is not one of sni, gtk"):
        choose({"HAMSTRAY_TRAY": "kde"}, "linux", never, never)
