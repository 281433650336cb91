"""sway 1.7 (wlroots, headless) with waybar's tray and mako or dunst, as an unprivileged user.

sway refuses to run as real root ("Unable to drop root"), so the session (its bus, sway,
waybar, the notification daemon) runs as a test user the fixture creates if it is missing, in a
folder under /tmp that user owns (pytest's tmp_path is root's, 0700). hamstray itself runs as
the test's own user in that session, as root may: the venv's Python can sit where the test user
cannot reach (pyenv under /root). The logs are copied into tmp_path when the desktop goes.
"""

import contextlib
import json
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import bus
from .stack import Account, Desktop, become_subreaper, home_env, private_bus, wait_for

TEST_USER = "hamstray-test"
PACKAGES = ("sway", "waybar", "mako-notifier", "grim", "xwayland", "dunst", "x11-xserver-utils")
TOOLS = ("sway", "swaymsg", "waybar", "grim", "Xwayland", "xhost")
NOTIFIERS = {"mako": ("mako", "makoctl"), "dunst": ("dunst", "dunstctl")}
PANEL_HEIGHT = 30

SWAY_CONFIG = """output HEADLESS-1 resolution 1280x800 position 0 0
xwayland force
default_border none
exec exec waybar -c {root}/waybar.json -s {root}/waybar.css
exec exec {notifier}
"""
WAYBAR_CONFIG = {
    "layer": "top",
    "position": "top",
    "height": PANEL_HEIGHT,
    "modules-left": [],
    "modules-center": [],
    "modules-right": ["tray"],
    "tray": {"icon-size": 24, "spacing": 6},
}
WAYBAR_CSS = "* { font-family: sans-serif; font-size: 12px; } window { background: #202020; }\n"
MAKO_CONFIG = "default-timeout=0\nactions=1\n"
DUNST_CONFIG = """[global]
dmenu = {root}/choose
"""
# dunst pipes the labels of a notification's actions to its "dmenu" and invokes the one it
# prints: this one prints the label the test put in the file `choice`.
CHOOSE = '#!/bin/sh\ngrep -m1 -i -F -- "$(cat {root}/choice)"\n'


def missing(notifier: str) -> list[str]:
    """The programs this desktop needs that are not installed."""
    return [t for t in (*TOOLS, *NOTIFIERS[notifier]) if shutil.which(t) is None]


def account() -> Account:
    """The unprivileged test user, created (as a system user without a home) if missing."""
    try:
        entry = pwd.getpwnam(TEST_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--user-group", "--no-create-home", "--home-dir",
             "/nonexistent", "--shell", "/usr/sbin/nologin", TEST_USER],
            check=True, capture_output=True,
        )  # fmt: skip
        entry = pwd.getpwnam(TEST_USER)
    return Account(TEST_USER, entry.pw_uid, entry.pw_gid)


@dataclass
class Sway(Desktop):
    """A running sway session; ``notifier`` is "mako" or "dunst"."""

    notifier: str = "mako"
    monitor: bus.Monitor | None = None
    panel = (0, 0, 1280, PANEL_HEIGHT)  # where waybar's tray draws the items

    @property
    def address(self) -> str:
        return self.env["DBUS_SESSION_BUS_ADDRESS"]

    def sni_items(self) -> list[str]:
        """The StatusNotifierItems registered with waybar's watcher."""
        return bus.sni_items(self.address)

    def screenshot(self, path: Path, window: str = "root") -> Path:
        """A PNG of the whole output, taken by grim (as the desktop's user, then copied)."""
        own = self.root / "shot.png"
        self.run("grim", str(own))
        shutil.copy(own, path)
        return path

    def click(self, x: int, y: int, button: int = 1) -> None:  # type: ignore[override]
        """A pointer click at (x, y), through sway's own seat commands."""
        self.run("swaymsg", "seat", "seat0", "cursor", "set", str(x), str(y))
        for state in ("press", "release"):
            self.run("swaymsg", "seat", "seat0", "cursor", state, f"button{button}")

    def move_pointer(self, x: int, y: int) -> None:
        """Move the pointer (input, as far as idle is concerned)."""
        self.run("swaymsg", "seat", "seat0", "cursor", "set", str(x), str(y))

    def shown(self) -> list[dict[str, object]]:
        """The notifications on screen now, newest first: id, summary, body, actions."""
        if self.notifier == "mako":
            listed = json.loads(self.run("makoctl", "list").stdout or '{"data": [[]]}')
            return [
                {
                    "id": n["id"]["data"],
                    "summary": n["summary"]["data"],
                    "body": n["body"]["data"],
                    "actions": sorted(n["actions"]["data"].values()),
                }
                for n in listed["data"][0]
            ]
        displayed = int(self.run("dunstctl", "count", "displayed").stdout.strip() or 0)
        assert self.monitor is not None
        open_ones = self.monitor.snapshot().open()[:displayed]
        return [
            {"id": s.id, "summary": s.summary, "body": s.body, "actions": sorted(s.actions[1::2])}
            for s in open_ones
        ]

    def press(self, label: str) -> None:
        """Press the newest notification's button ``label`` the way the daemon's own tools do:
        ``makoctl invoke``, or dunst's context menu (its "dmenu" picks the label)."""
        assert self.monitor is not None
        (newest, *_) = self.shown()
        sent = self.monitor.sent_as(int(newest["id"]))  # type: ignore[call-overload]
        pairs = dict(zip(sent.actions[1::2], sent.actions[::2], strict=True))
        if self.notifier == "mako":
            self.run("makoctl", "invoke", "-n", str(newest["id"]), pairs[label])
            return
        (self.root / "choice").write_text(label)
        self.run("dunstctl", "context")

    def dismiss(self, notification: int) -> None:
        """Close a notification as its user would (the server then sends NotificationClosed)."""
        if self.notifier == "mako":
            self.run("makoctl", "dismiss", "-n", str(notification))
        else:
            self.run("dunstctl", "close")

    def close(self) -> None:
        if self.monitor is not None:
            self.monitor.close()
            self.monitor = None
        super().close()


@contextlib.contextmanager
def sway(logs: Path, notifier: str = "mako") -> Iterator[Sway]:
    """Bring up a private D-Bus, sway, waybar and ``notifier``; tear them down after."""
    user = account()
    become_subreaper()  # sway's exec lines and Xwayland are orphans from the start
    root = Path(tempfile.mkdtemp(prefix="hamstray-sway-"))
    os.chown(root, user.uid, user.gid)
    env = home_env(root / "home", owner=user)
    env.update(
        XDG_CURRENT_DESKTOP="sway",
        XDG_SESSION_TYPE="wayland",
        WLR_BACKENDS="headless",
        WLR_LIBINPUT_NO_DEVICES="1",
        WLR_RENDERER="pixman",
    )
    session = Sway(root, "", env, user=user, notifier=notifier)
    try:
        env["DBUS_SESSION_BUS_ADDRESS"] = private_bus(session)
        session.monitor = bus.Monitor(session.address)
        (root / "waybar.json").write_text(json.dumps(WAYBAR_CONFIG))
        (root / "waybar.css").write_text(WAYBAR_CSS)
        if notifier == "mako":
            command = f"mako -c {root}/mako.conf"
            (root / "mako.conf").write_text(MAKO_CONFIG)
        else:
            command = f"dunst -config {root}/dunstrc"
            (root / "dunstrc").write_text(DUNST_CONFIG.format(root=root))
            (root / "choose").write_text(CHOOSE.format(root=root))
            (root / "choose").chmod(0o755)
        (root / "sway.conf").write_text(SWAY_CONFIG.format(root=root, notifier=command))
        for path in root.iterdir():
            os.chown(path, user.uid, user.gid)
        session.start("sway", "sway", "-c", str(root / "sway.conf"))
        runtime = Path(env["XDG_RUNTIME_DIR"])
        socket = wait_for(lambda: next(runtime.glob("wayland-[0-9]"), None), 20, "sway's socket")
        env["WAYLAND_DISPLAY"] = str(socket.name)  # type: ignore[attr-defined]
        ipc = wait_for(lambda: next(runtime.glob("sway-ipc.*.sock"), None), 10, "sway's IPC")
        env["SWAYSOCK"] = str(ipc)
        wait_for(
            lambda: session.run("swaymsg", "-t", "get_version", check=False).returncode == 0,
            10,
            "sway to answer",
        )
        # Xwayland is not adopted: sway would start it again; it goes with sway.
        env["DISPLAY"] = str(wait_for(lambda: _xwayland_display(session), 20, "Xwayland"))
        wait_for(
            lambda: session.run("xdpyinfo", check=False).returncode == 0, 10, "Xwayland to answer"
        )
        # hamstray runs as this test's user, the session as the test user: in a real session
        # both are one user, whom Xwayland lets in. Let this one in too (the guide is Tk, X11).
        session.run("xhost", f"+SI:localuser:{pwd.getpwuid(os.getuid()).pw_name}")
        wait_for(lambda: bus.has_owner(session.address, bus.WATCHER), 20, "waybar's tray")
        wait_for(
            lambda: bus.has_owner(session.address, bus.NOTIFICATIONS), 20, f"{notifier} on the bus"
        )
        # sway forks its exec lines twice: they are not its children, so find them by bus name.
        for name in (bus.WATCHER, bus.NOTIFICATIONS):
            pid = bus.owner_pid(session.address, name)
            assert pid is not None
            session.adopt(name, pid)
        yield session
    finally:
        session.close()
        for log in root.glob("*.log"):
            shutil.copy(log, logs / log.name)
        shutil.rmtree(root, ignore_errors=True)


def _xwayland_display(session: Sway) -> str | None:
    """sway's Xwayland's DISPLAY: it is not sway's child, but it has sway's environment."""
    assert session.user is not None
    runtime = f"XDG_RUNTIME_DIR={session.env['XDG_RUNTIME_DIR']}".encode()
    for proc in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError):
            if proc.stat().st_uid != session.user.uid:
                continue
            argv = (proc / "cmdline").read_bytes().split(b"\0")
            if Path(argv[0].decode()).name == "Xwayland" and runtime in (
                proc / "environ"
            ).read_bytes().split(b"\0"):
                return argv[1].decode()
    return None
