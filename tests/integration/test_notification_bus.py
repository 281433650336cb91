"""hamstray's notification client on a real private D-Bus, against a server that behaves as the
ones issue 18 found: mako answers GetCapabilities twice (a return, then an UnknownMethod error
for the same serial), and GNOME 43 sends each ActionInvoked twice (from gnome-shell and from its
notification proxy, which owns the name)."""

import contextlib
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from jeepney import (
    DBusAddress,
    HeaderFields,
    MessageType,
    new_error,
    new_method_return,
    new_signal,
)
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

from hamstray.desktop import router
from hamstray.desktop.notification_server import BUS_NAME, PATH, Freedesktop
from hamstray.desktop.notify import Notifier

CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:tmpdir={root}</listen><auth>EXTERNAL</auth>
  <policy context="default"><allow send_destination="*" eavesdrop="true"/>
  <allow eavesdrop="true"/><allow own="*"/></policy></busconfig>
"""


@pytest.fixture
def bus(tmp_path: Path) -> Iterator[str]:
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed (Debian: dbus)")
    config = tmp_path / "bus.conf"
    config.write_text(CONFIG.format(root=tmp_path))
    daemon = subprocess.Popen(
        ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    yield address
    daemon.terminate()
    daemon.wait(timeout=5)


class DoubleTalkingServer:
    """Owns org.freedesktop.Notifications; answers GetCapabilities twice, and for each
    notification it is told to press, sends ActionInvoked from itself and from an impostor."""

    def __init__(self, address: str) -> None:
        self.connection = open_dbus_connection(bus=address)
        self.impostor = open_dbus_connection(bus=address)
        self.connection.send_and_get_reply(message_bus.RequestName(BUS_NAME), timeout=5)
        self.closed: list[int] = []
        self.client = ""
        self._next = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def press(self, notification: int, key: str) -> None:
        """A click: GNOME's shell broadcasts, its proxy (the owner) tells the client."""
        emitter = DBusAddress(PATH, interface=BUS_NAME)
        shell = new_signal(emitter, "ActionInvoked", "us", (notification, key))
        self.impostor.send(shell)
        proxy = new_signal(emitter, "ActionInvoked", "us", (notification, key))
        proxy.header.fields[HeaderFields.destination] = (
            self.client
        )  # destination: unicast, as the proxy does
        self.connection.send(proxy)
        self.connection.send(new_signal(emitter, "ActionInvoked", "us", (notification, key)))

    def expire(self, notification: int) -> None:
        emitter = DBusAddress(PATH, interface=BUS_NAME)
        self.connection.send(new_signal(emitter, "NotificationClosed", "uu", (notification, 1)))

    def _serve(self) -> None:
        with contextlib.suppress(Exception):
            while True:
                message = self.connection.receive()
                if message.header.message_type is not MessageType.method_call:
                    continue
                self.client = message.header.fields.get(HeaderFields.sender, self.client)
                member = message.header.fields.get(HeaderFields.member)
                if member == "GetCapabilities":
                    self.connection.send(new_method_return(message, "as", (["actions", "body"],)))
                    self.connection.send(
                        new_error(message, "org.freedesktop.DBus.Error.UnknownMethod")
                    )
                elif member == "GetServerInformation":
                    reply = new_method_return(message, "ssss", ("mako", "emersion", "1.7", "1.2"))
                    self.connection.send(reply)
                elif member == "Notify":
                    replaces = message.body[1]
                    self._next = replaces or self._next + 1
                    self.connection.send(new_method_return(message, "u", (self._next,)))
                elif member == "CloseNotification":
                    self.closed.append(message.body[0])
                    self.connection.send(new_method_return(message))


def until(check, timeout: float = 5.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not (found := check()):
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)
    return found


def client(address: str) -> Freedesktop:
    return Freedesktop(lambda: router.session(address))


def test_a_second_reply_to_one_call_never_ends_the_connection(bus: str) -> None:
    """mako: every reminder went to the log only, while doctor said OK."""
    DoubleTalkingServer(bus)
    server = client(bus)
    for _ in range(3):
        assert server.capabilities() == ["actions", "body"]
    assert server.notify("Sitting", "Stretch", "", (), 0) == 1


def test_one_press_acts_once_though_it_comes_three_times(bus: str) -> None:
    fake = DoubleTalkingServer(bus)
    server = client(bus)
    pressed: list[tuple[int, str]] = []
    assert server.listen(lambda n, key: pressed.append((n, key)), lambda n: None)
    notification = server.notify("Sitting", "Stretch", "", (("snooze", "Snooze"),), 0)
    assert notification is not None
    fake.press(notification, "snooze")
    fake.press(notification, "start")  # a second button of the same banner still counts
    until(lambda: len(pressed) >= 2)
    server.capabilities()  # a round trip: every signal sent before it has been handled
    assert pressed == [(notification, "snooze"), (notification, "start")]


def test_a_reminder_the_server_closed_is_not_replaced_and_a_handled_one_is_withdrawn(
    bus: str,
) -> None:
    fake = DoubleTalkingServer(bus)
    server = client(bus)
    notifier = Notifier(Path("icon.png"), None, server)
    server.listen(lambda n, key: None, notifier.closed)
    notifier.remind("Sitting", "Stretch", (("snooze", "Snooze"),))
    first = notifier.last_id
    fake.expire(first)
    until(lambda: notifier.last_id == 0)
    notifier.remind("Sitting", "Again", (("snooze", "Snooze"),))
    assert notifier.last_id not in (0, first)  # a new notification, not a replacement
    shown = notifier.last_id
    notifier.withdraw()
    until(lambda: fake.closed == [shown])
