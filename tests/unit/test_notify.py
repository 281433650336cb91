"""Notifications fall back path by path and never raise."""

from pathlib import Path

from hamstray.desktop.notify import Notifier

BUTTONS = (("default", "Start stretch"), ("snooze", "Snooze"))


class FakeServer:
    def __init__(self, capabilities: list[str] | None) -> None:
        self.caps = capabilities
        self.sent: list[tuple] = []
        self.icons: list[str] = []

    def capabilities(self) -> list[str] | None:
        return self.caps

    def notify(self, title, message, icon, actions, replaces) -> int:
        self.sent.append((title, message, tuple(actions), replaces))
        self.icons.append(icon)
        return 40 + len(self.sent)


def test_a_server_with_actions_gets_buttons_and_replaces_the_last_reminder() -> None:
    server = FakeServer(["body", "actions"])
    notifier = Notifier(Path("icon.png"), None, server)
    assert notifier.notify("Title", "Body", BUTTONS) == "dbus"
    assert notifier.notify("Title", "Again", BUTTONS) == "dbus"
    assert server.sent[0][2] == BUTTONS
    assert [replaces for *_, replaces in server.sent] == [0, 41]
    assert notifier.last_id == 42


def test_without_a_notification_server_the_tray_shows_it() -> None:
    shown: list[tuple[str, str]] = []
    notifier = Notifier(
        Path("icon.png"), lambda t, m: shown.append((t, m)) is None, FakeServer(None)
    )
    assert notifier.notify("Title", "Body", BUTTONS) == "tray"
    assert shown == [("Title", "Body")]


def test_with_nothing_at_all_it_goes_to_the_log_and_warns_once(caplog) -> None:
    caplog.set_level("INFO")
    notifier = Notifier(Path("icon.png"), None, FakeServer(None))
    assert notifier.notify("Title", "Body") == "log"
    assert notifier.notify("Title", "Body") == "log"
    assert caplog.text.count("No notification server answers on the session bus") == 1
    assert caplog.text.count("Reminder: Title. Body") == 2


def test_macos_notifies_through_osascript_with_the_texts_as_arguments() -> None:
    ran: list[list[str]] = []
    notifier = Notifier(
        Path("icon.png"), None, None, platform="darwin", run=lambda argv: ran.append(argv) or 0
    )
    assert notifier.notify('Say "hi"', "and then; rm -rf /") == "osascript"
    (argv,) = ran
    assert argv[0] == "osascript"
    assert argv[-2:] == ['Say "hi"', "and then; rm -rf /"]  # data, not script
    assert all('"hi"' not in part for part in argv[:-2])


def test_a_plain_notice_goes_over_d_bus_too_and_never_replaces_the_reminder() -> None:
    """The hello or a history notice used to go through plyer (notify-send, and some 3 MiB of
    imports in the running app) even with a server on the bus."""
    server = FakeServer(["body", "actions"])
    notifier = Notifier(Path("icon.png"), None, server)
    notifier.notify("Sitting", "Stretch", BUTTONS)
    assert notifier.notify("hamstray is running", "Hello") == "dbus"
    assert server.sent[1] == ("hamstray is running", "Hello", (), 0)
    assert notifier.last_id == 41  # Start and Snooze still answer the reminder


def test_a_server_without_buttons_still_gets_the_reminder_and_replaces_the_last() -> None:
    server = FakeServer(["body"])
    notifier = Notifier(Path("icon.png"), None, server)
    notifier.notify("Sitting", "Stretch", BUTTONS)
    notifier.notify("Sitting", "Again", BUTTONS)
    assert [(actions, replaces) for *_, actions, replaces in server.sent] == [((), 0), ((), 41)]


def test_a_reminder_can_show_its_stretch_s_picture_instead_of_the_app_icon() -> None:
    server = FakeServer(["body", "actions"])
    notifier = Notifier(Path("icon.png"), None, server)
    notifier.notify("Sitting", "Try: Seated calf stretch", BUTTONS, Path("seated-calf.png"))
    notifier.notify("hamstray is running", "Hello")
    assert server.icons == ["seated-calf.png", "icon.png"]
