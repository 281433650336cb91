"""A real, private desktop for end-to-end tests: Xvfb, a session D-Bus, dunst and a panel.

The panel is tint2 (an XEmbed system tray) or xfce4-panel, whose systray plugin hosts both
XEmbed icons and StatusNotifierItems (it owns ``org.kde.StatusNotifierWatcher``).

Each part is started in order and waited for with a readiness check; everything is torn down by
PID, in reverse order. Nothing here touches the user's own session.
"""

import contextlib
import json
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

DBUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:tmpdir={tmp}</listen><auth>EXTERNAL</auth>
  <policy context="default"><allow send_destination="*" eavesdrop="true"/>
  <allow eavesdrop="true"/><allow own="*"/></policy></busconfig>
"""
# D-Bus service activation is left out on purpose: on the stock session config any notification
# call would start a second dunst from the service file.

TINT2RC = """panel_items = S
panel_position = top right horizontal
panel_size = 200 32
wm_menu = 0
strut_policy = none
systray = 1
systray_icon_size = 24
systray_padding = 4 4 4
startup_notifications = 0
"""

XFCE_PANEL = """<?xml version="1.0" encoding="UTF-8"?>
<channel name="xfce4-panel" version="1.0">
  <property name="configver" type="int" value="2"/>
  <property name="panels" type="array">
    <value type="int" value="1"/>
    <property name="panel-1" type="empty">
      <property name="position" type="string" value="p=6;x=0;y=0"/>
      <property name="length" type="uint" value="100"/>
      <property name="position-locked" type="bool" value="true"/>
      <property name="size" type="uint" value="32"/>
      <property name="plugin-ids" type="array">
        <value type="int" value="1"/><value type="int" value="2"/><value type="int" value="3"/>
      </property>
    </property>
  </property>
  <property name="plugins" type="empty">
    <property name="plugin-1" type="string" value="separator">
      <property name="expand" type="bool" value="true"/>
      <property name="style" type="uint" value="0"/>
    </property>
    <property name="plugin-2" type="string" value="systray"/>
    <property name="plugin-3" type="string" value="clock"/>
  </property>
</channel>
"""
WATCHER = "org.kde.StatusNotifierWatcher"

DUNSTRC = """[global]
dmenu = /bin/grep -m1 -i snooze
"""

TOOLS = (
    "Xvfb",
    "dbus-daemon",
    "dunst",
    "dunstctl",
    "tint2",
    "xdotool",
    "xprop",
    "xdpyinfo",
    "xwininfo",
    "notify-send",
)


def missing_tools() -> list[str]:
    """The programs this stack needs that are not installed."""
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def wait_for(check: Callable[[], object], timeout: float, what: str, every: float = 0.05) -> object:
    """Return the first truthy ``check()``; fail with ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(every)


def _alive(process: subprocess.Popen[bytes]) -> bool:
    # PID 1 here may not reap orphans, so read the process state rather than trusting poll().
    if process.poll() is not None:
        return False
    try:
        stat = Path(f"/proc/{process.pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@dataclass
class Desktop:
    """A running private desktop; ``env`` is what an app started in it needs."""

    root: Path
    display: str
    env: dict[str, str]
    processes: list[tuple[str, subprocess.Popen[bytes]]] = field(default_factory=list)

    def run(
        self, *argv: str, check: bool = True, timeout: float = 10
    ) -> subprocess.CompletedProcess[str]:
        """Run a helper program on this desktop and return its output."""
        return subprocess.run(
            argv,
            env=self.env,
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            check=check,
            timeout=timeout,
        )

    def start(
        self, name: str, *argv: str, env: dict[str, str] | None = None, log: Path | None = None
    ) -> subprocess.Popen[bytes]:
        """Start a long-running program on this desktop; it is stopped by ``close``."""
        out = (log or self.root / f"{name}.log").open("ab")
        process = subprocess.Popen(
            argv, env=env or self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        out.close()
        self.processes.append((name, process))
        return process

    def stop(self, process: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
        """Stop one started program (it stays stopped)."""
        if _alive(process):
            with contextlib.suppress(ProcessLookupError):
                process.send_signal(sig)
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)

    def close(self) -> None:
        """Stop everything, newest first."""
        for _, process in reversed(self.processes):
            self.stop(process)
        self.processes.clear()

    # What a person would see.
    def notifications(self) -> list[dict[str, str]]:
        """Every notification dunst has shown (open ones first, then closed ones), newest first."""
        shown = self.run("dunstctl", "history").stdout
        entries = json.loads(shown)["data"][0] if shown.strip() else []
        return [{k: e[k]["data"] for k in ("summary", "body", "appname", "id")} for e in entries]

    def close_notifications(self) -> None:
        """Close the open notifications, which moves them into dunst's history."""
        self.run("dunstctl", "close-all")

    def displayed_count(self) -> int:
        """How many notifications are on screen now."""
        return int(self.run("dunstctl", "count", "displayed").stdout.strip())

    def tray_window(self, classname: str) -> int | None:
        """The id of a window with WM_CLASS instance ``classname`` docked in the tray, if any."""
        found = self.run("xdotool", "search", "--classname", f"^{classname}$", check=False).stdout
        return next((int(w) for w in found.split() if self.docked(int(w))), None)

    def docked(self, wid: int) -> bool:
        """Whether window ``wid`` is docked (reparented away from the root) and viewable."""
        tree = self.run("xwininfo", "-children", "-id", str(wid), check=False).stdout
        info = self.run("xwininfo", "-id", str(wid), check=False).stdout
        root_line = next((x for x in tree.splitlines() if "Root window id" in x), "")
        parent_line = next((x for x in tree.splitlines() if "Parent window id" in x), "")
        root_id = root_line.split()[3] if root_line else None
        parent_id = parent_line.split()[3] if parent_line else None
        return bool(parent_id and parent_id != root_id and "IsViewable" in info)

    def click(self, wid: int, button: int = 1) -> None:
        """A real pointer click (XTEST) in the middle of window ``wid``."""
        self.run("xdotool", "mousemove", "--window", str(wid), "10", "10", "click", str(button))

    def screenshot(self, path: Path, window: str = "root") -> Path:
        """Save a PNG of the screen (or of one window id)."""
        self.run("import", "-window", window, str(path))
        return path


def _free_display() -> int:
    for number in range(90, 200):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            return number
    raise RuntimeError("no free X display number")


@contextlib.contextmanager
def desktop(
    root: Path,
    window_manager: bool = False,
    panel: str = "tint2",
    screen: str = "1280x800",
    dpi: int | None = None,
) -> Iterator[Desktop]:
    """Bring up Xvfb, D-Bus, dunst, (openbox) and a panel under ``root``; tear them down after.

    ``panel`` is "tint2" or "xfce4-panel"; ``dpi`` 192 is a 2x HiDPI screen (Tk scales by it).
    """
    number = _free_display()
    display = f":{number}"
    home = root / "home"
    for sub in ("config", "data", "state", "cache", "runtime"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    (home / "runtime").chmod(0o700)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "DISPLAY": display,
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
        "NO_AT_BRIDGE": "1",
    }
    if "VIRTUAL_ENV" in os.environ:
        env["VIRTUAL_ENV"] = os.environ["VIRTUAL_ENV"]
    session = Desktop(root, display, env)
    try:
        session.start(
            "xvfb",
            "Xvfb",
            display,
            "-screen",
            "0",
            f"{screen}x24",
            *(["-dpi", str(dpi)] if dpi else []),  # Xvfb's own is 100
            "-nolisten",
            "tcp",
            "-noreset",
        )
        wait_for(
            lambda: session.run("xdpyinfo", "-display", display, check=False).returncode == 0,
            10,
            "Xvfb",
        )

        bus_config = root / "dbus.conf"
        bus_config.write_text(DBUS_CONFIG.format(tmp=root))
        bus = session.start(
            "dbus",
            "dbus-daemon",
            f"--config-file={bus_config}",
            "--nofork",
            "--print-address=1",
            log=root / "dbus.address",
        )
        address = wait_for(lambda: (root / "dbus.address").read_text().strip(), 10, "D-Bus")
        assert _alive(bus)
        env["DBUS_SESSION_BUS_ADDRESS"] = str(address).splitlines()[0]

        start_dunst(session)

        if window_manager:
            session.start("openbox", "openbox", "--sm-disable")
            wait_for(
                lambda: (
                    "_NET_SUPPORTING_WM_CHECK(WINDOW)"
                    in session.run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK", check=False).stdout
                ),
                10,
                "openbox",
            )
        else:  # tint2 waits 15 s for a window manager's desktops unless they are set
            for prop, value in (("_NET_NUMBER_OF_DESKTOPS", "1"), ("_NET_CURRENT_DESKTOP", "0")):
                session.run("xprop", "-root", "-f", prop, "32c", "-set", prop, value)
        if panel == "xfce4-panel":
            start_xfce_panel(session)
        else:
            start_tint2(session)
        yield session
    finally:
        session.close()


def start_dunst(session: Desktop) -> subprocess.Popen[bytes]:
    """Start the notification daemon and wait until it answers."""
    (session.root / "dunstrc").write_text(DUNSTRC)
    process = session.start("dunst", "dunst", "-config", str(session.root / "dunstrc"))
    wait_for(
        lambda: session.run("dunstctl", "is-paused", check=False).stdout.strip() == "false",
        10,
        "dunst",
    )
    return process


def start_tint2(session: Desktop) -> subprocess.Popen[bytes]:
    """Start tint2 (an XEmbed system tray) and wait until it owns the tray selection."""
    (session.root / "tint2rc").write_text(TINT2RC)
    process = session.start("tint2", "tint2", "-c", str(session.root / "tint2rc"))
    wait_for(lambda: tray_owner(session.display), 15, "the tint2 system tray")
    return process


def xfconfd() -> str | None:
    """Xfce's settings daemon, which the panel needs (it is not on PATH)."""
    found = sorted(Path("/usr/lib").glob("*/xfce4/xfconf/xfconfd"))
    return str(found[0]) if found else None


def start_xfce_panel(session: Desktop) -> subprocess.Popen[bytes]:
    """Start xfce4-panel (systray plugin: XEmbed and StatusNotifierItem host) and wait for it."""
    settings = Path(session.env["XDG_CONFIG_HOME"]) / "xfce4/xfconf/xfce-perchannel-xml"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "xfce4-panel.xml").write_text(XFCE_PANEL)
    if not any(name == "xfconfd" for name, _ in session.processes):
        daemon = xfconfd()
        assert daemon, "xfconfd is missing: install xfconf"
        session.start("xfconfd", daemon)
        wait_for(lambda: has_owner(session, "org.xfce.Xfconf"), 10, "xfconfd")
    panel = session.start("xfce4-panel", "xfce4-panel", "--disable-wm-check")
    wait_for(lambda: tray_owner(session.display) and has_owner(session, WATCHER), 15, "xfce4-panel")
    return panel


def sni_items(session: Desktop) -> str:
    """The StatusNotifierWatcher's list of registered items, as dbus-send prints it."""
    return session.run(
        "dbus-send",
        "--session",
        "--print-reply",
        f"--dest={WATCHER}",
        "/StatusNotifierWatcher",
        "org.freedesktop.DBus.Properties.Get",
        f"string:{WATCHER}",
        "string:RegisteredStatusNotifierItems",
        check=False,
    ).stdout


def has_owner(session: Desktop, name: str) -> bool:
    """Whether ``name`` is owned on the desktop's session bus."""
    reply = session.run(
        "dbus-send",
        "--session",
        "--print-reply",
        "--dest=org.freedesktop.DBus",
        "/org/freedesktop/DBus",
        "org.freedesktop.DBus.NameHasOwner",
        f"string:{name}",
        check=False,
    ).stdout
    return "boolean true" in reply


def tray_owner(display: str) -> int:
    """The window that owns the system tray selection on ``display`` (0: none)."""
    from Xlib import X
    from Xlib import display as xdisplay

    connection = xdisplay.Display(display)
    try:
        owner = connection.get_selection_owner(connection.intern_atom("_NET_SYSTEM_TRAY_S0"))
        return 0 if owner == X.NONE else int(owner.id)
    finally:
        connection.close()
