"""Notifications fall back path by path and never raise."""

from pathlib import Path

from hamstray.notify import Notifier


def test_without_a_notification_server_the_tray_shows_it() -> None:
    shown: list[tuple[str, str]] = []
    notifier = Notifier(
        Path("icon.png"),
        lambda t, m: shown.append((t, m)) is None,
        server_check=lambda: "no notification server on the session bus",
    )
    assert notifier.notify("Title", "Body") == "tray"
    assert shown == [("Title", "Body")]


def test_with_nothing_at_all_it_goes_to_the_log_and_warns_once(caplog) -> None:
    caplog.set_level("INFO")
    notifier = Notifier(Path("icon.png"), None, server_check=lambda: "no session D-Bus (gone)")
    assert notifier.notify("Title", "Body") == "log"
    assert notifier.notify("Title", "Body") == "log"
    assert caplog.text.count("Desktop notifications are unavailable: no session D-Bus (gone).") == 1
    assert caplog.text.count("Reminder: Title. Body") == 2
