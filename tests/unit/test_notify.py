"""Notifications fall back path by path and never raise; a reminder replaces the one on
screen, never one the server closed, and is withdrawn once the break is handled."""

from pathlib import Path

from PIL import Image

from hamstray.desktop.notification_server import Deliveries, ServerInfo
from hamstray.desktop.notify import Notifier, buttons_for

BUTTONS = (("default", "Start stretch"), ("snooze", "Snooze"))
THREE = (("default", "Start stretch"), ("start", "Start stretch"), ("snooze", "Snooze"))


class FakeServer:
    def __init__(self, capabilities: list[str] | None, name: str = "gnome-shell") -> None:
        self.caps = capabilities
        self.name = name
        self.sent: list[tuple] = []
        self.images: list[object] = []
        self.icons: list[str] = []
        self.closed: list[int] = []

    def capabilities(self) -> list[str] | None:
        return self.caps

    def information(self) -> ServerInfo:
        return ServerInfo(self.name, "vendor", "1.0")

    def notify(self, title, message, icon, actions, replaces, image=None) -> int:
        self.sent.append((title, message, tuple(actions), replaces))
        self.images.append(image)
        self.icons.append(icon)
        return 40 + len(self.sent)

    def close(self, notification: int) -> None:
        self.closed.append(notification)


def test_a_server_with_actions_gets_buttons_and_replaces_the_last_reminder() -> None:
    server = FakeServer(["body", "actions"])
    notifier = Notifier(Path("icon.png"), None, server)
    assert notifier.remind("Title", "Body", BUTTONS) == "dbus"
    assert notifier.remind("Title", "Again", BUTTONS) == "dbus"
    assert server.sent[0][2] == BUTTONS
    assert [replaces for *_, replaces in server.sent] == [0, 41]
    assert notifier.last_id == 42


def test_without_a_notification_server_the_tray_shows_it() -> None:
    shown: list[tuple[str, str]] = []
    notifier = Notifier(
        Path("icon.png"), lambda t, m: shown.append((t, m)) is None, FakeServer(None)
    )
    assert notifier.remind("Title", "Body", BUTTONS) == "tray"
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
    notifier.remind("Sitting", "Stretch", BUTTONS)
    assert notifier.notify("hamstray is running", "Hello") == "dbus"
    assert server.sent[1] == ("hamstray is running", "Hello", (), 0)
    assert notifier.last_id == 41  # Start and Snooze still answer the reminder


def test_a_server_without_buttons_still_gets_the_reminder_and_replaces_the_last() -> None:
    server = FakeServer(["body"])
    notifier = Notifier(Path("icon.png"), None, server)
    notifier.remind("Sitting", "Stretch", BUTTONS)
    notifier.remind("Sitting", "Again", BUTTONS)
    assert [(actions, replaces) for *_, actions, replaces in server.sent] == [((), 0), ((), 41)]


def test_a_reminder_shows_its_stretch_s_picture_and_the_app_s_icon_stays(tmp_path) -> None:
    picture = tmp_path / "seated-calf.png"
    Image.new("RGBA", (480, 360), (30, 90, 200, 255)).save(picture)
    server = FakeServer(["body", "actions"])
    notifier = Notifier(Path("icon.png"), None, server)
    notifier.remind("Sitting", "Try: Seated calf stretch", BUTTONS, picture)
    notifier.remind("Sitting", "Try it now", BUTTONS, tmp_path / "gone.png")  # unreadable
    first, fallback = server.images
    assert first.size == (128, 96)
    assert first.getpixel((64, 48)) == (30, 90, 200, 255)
    assert fallback.size == (64, 64)  # the due icon instead: the reminder still goes
    assert set(server.icons) == {"icon.png"}


def test_a_reminder_the_server_closed_is_never_replaced() -> None:
    """Plasma shows nothing for a replaces_id it already closed (expired or dismissed)."""
    server = FakeServer(["actions"])
    notifier = Notifier(Path("icon.png"), None, server)
    notifier.remind("Sitting", "Stretch", BUTTONS)
    notifier.closed(41)
    notifier.remind("Sitting", "Again", BUTTONS)
    assert [replaces for *_, replaces in server.sent] == [0, 0]


def test_a_close_of_another_notification_keeps_the_reminder_replaceable() -> None:
    server = FakeServer(["actions"])
    notifier = Notifier(Path("icon.png"), None, server)
    notifier.remind("Sitting", "Stretch", BUTTONS)
    notifier.closed(7)
    notifier.remind("Sitting", "Again", BUTTONS)
    assert [replaces for *_, replaces in server.sent] == [0, 41]


def test_a_handled_reminder_is_withdrawn_once_and_the_next_one_is_new() -> None:
    server = FakeServer(["actions"])
    notifier = Notifier(Path("icon.png"), None, server)
    notifier.remind("Sitting", "Stretch", BUTTONS)
    notifier.withdraw()
    notifier.withdraw()  # nothing on screen any more: nothing to close
    notifier.remind("Sitting", "Again", BUTTONS)
    assert server.closed == [41]
    assert [replaces for *_, replaces in server.sent] == [0, 0]


def test_a_reminder_carries_the_due_icon_at_notification_size_and_a_notice_none() -> None:
    server = FakeServer(["actions"])
    notifier = Notifier(Path("icon.png"), None, server)
    notifier.remind("Sitting", "Stretch", BUTTONS)
    notifier.notify("hamstray is running", "Hello")
    image, notice = server.images
    assert image.size == (64, 64)
    assert image.convert("RGB").getpixel((16, 32)) == (240, 128, 32)  # the due icon's orange
    assert notice is None


def test_servers_that_list_the_default_action_get_start_once() -> None:
    """dunst and mako list every action, the default one too: "Start stretch" showed twice."""
    assert buttons_for(THREE, "dunst") == (("default", "Start stretch"), ("snooze", "Snooze"))
    assert buttons_for(THREE, "mako") == (("default", "Start stretch"), ("snooze", "Snooze"))
    assert buttons_for(THREE, "gnome-shell") == THREE  # its banner shows buttons, not defaults
    assert buttons_for(THREE, "Plasma") == THREE


def test_only_the_server_that_took_a_notification_is_believed_about_it() -> None:
    deliveries = Deliveries()
    deliveries.sent(5, ":1.20")
    assert not deliveries.action(":1.7", 5, "snooze")  # gnome-shell's own broadcast
    assert deliveries.action(":1.20", 5, "snooze")  # the proxy that owns the name
    assert not deliveries.action(":1.20", 6, "snooze")  # not one of ours


def test_an_action_counts_once_per_notification_until_it_is_sent_again() -> None:
    deliveries = Deliveries()
    deliveries.sent(5, ":1.20")
    assert deliveries.action(":1.20", 5, "snooze")
    assert not deliveries.action(":1.20", 5, "snooze")
    assert deliveries.action(":1.20", 5, "start")  # another button of the same banner
    deliveries.sent(5, ":1.20")  # a later reminder replaced it under the same id
    assert deliveries.action(":1.20", 5, "snooze")


def test_a_close_counts_only_from_its_server_and_only_once() -> None:
    deliveries = Deliveries()
    deliveries.sent(5, ":1.20")
    assert not deliveries.closed(":1.7", 5)
    assert deliveries.closed(":1.20", 5)
    assert not deliveries.closed(":1.20", 5)
    assert not deliveries.action(":1.20", 5, "snooze")  # closed: its buttons are gone
