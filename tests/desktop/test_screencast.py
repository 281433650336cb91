"""Screen sharing on a real GNOME Shell: a screencast session is seen while it lasts."""

import contextlib
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from hamstray.desktop.calls import screencast

from .conftest import hamstray_command
from .stack import DBUS_CONFIG, wait_for

pytestmark = pytest.mark.skipif(
    shutil.which("gnome-shell") is None,
    reason="needs GNOME Shell (Debian: gnome-shell), which tests/run does not install",
)


@contextlib.contextmanager
def gnome_shell(root: Path) -> Iterator[dict[str, str]]:
    """A headless GNOME Shell on a private session bus (and an empty system bus for its logind
    lookups); yields the environment a client in that session needs."""
    home, runtime = root / "home", root / "runtime"
    for folder in (home, runtime):
        folder.mkdir()
    runtime.chmod(0o700)
    config = root / "bus.conf"
    config.write_text(DBUS_CONFIG.format(tmp=root))
    started: list[subprocess.Popen[bytes]] = []
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_STATE_HOME": str(home / ".local/state"),
        "NO_AT_BRIDGE": "1",
    }
    try:
        for name in ("DBUS_SESSION_BUS_ADDRESS", "DBUS_SYSTEM_BUS_ADDRESS"):
            out = root / f"{name}.txt"
            with out.open("wb") as address:
                started.append(
                    subprocess.Popen(
                        ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
                        stdout=address,
                        start_new_session=True,
                    )
                )
            env[name] = str(wait_for(lambda out=out: out.read_text().strip(), 10, name))
        with (root / "gnome-shell.log").open("wb") as log:
            started.append(
                subprocess.Popen(
                    ["gnome-shell", "--headless", "--wayland", "--virtual-monitor", "1280x800",
                     "--wayland-display=hamstray-test"],
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )  # fmt: skip
        wait_for(lambda: owned(env), 30, "org.gnome.Mutter.ScreenCast on the session bus")
        yield env
    finally:
        for process in reversed(started):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)


def owned(env: dict[str, str]) -> bool:
    reply = subprocess.run(
        ["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
         "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner",
         f"string:{screencast.MUTTER}"],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return "boolean true" in reply.stdout


HOLD_A_SESSION = """
import sys
from jeepney import DBusAddress, new_method_call
from jeepney.io.blocking import open_dbus_connection
bus = open_dbus_connection(bus="SESSION")
cast = DBusAddress("/org/gnome/Mutter/ScreenCast", bus_name="org.gnome.Mutter.ScreenCast",
                   interface="org.gnome.Mutter.ScreenCast")
print(bus.send_and_get_reply(new_method_call(cast, "CreateSession", "a{sv}", ({},))).body[0],
      flush=True)
sys.stdin.read()  # the session lasts as long as this connection
"""


def doctor_line(env: dict[str, str]) -> str:
    out = subprocess.run(
        [hamstray_command(), "doctor"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    ).stdout
    return next(line for line in out.splitlines() if " screen sharing " in f" {line} ")


def test_a_gnome_screencast_session_counts_as_screen_sharing_while_it_lasts(tmp_path) -> None:
    with gnome_shell(tmp_path) as env:
        assert doctor_line(env).endswith("GNOME's screencast sessions: readable, not in use now")
        sharer = subprocess.Popen(
            [sys.executable, "-c", HOLD_A_SESSION],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert sharer.stdout is not None
            assert sharer.stdout.readline().startswith("/org/gnome/Mutter/ScreenCast/Session/")
            line = doctor_line(env)
            assert line.startswith("OK ")
            assert line.endswith("GNOME's screencast sessions: in use now")
        finally:
            assert sharer.stdin is not None
            sharer.stdin.close()
            sharer.wait(timeout=10)
        wait_for(lambda: doctor_line(env).endswith("not in use now"), 10, "the session to be gone")
