"""A real, private desktop for end-to-end tests: Xvfb, a session D-Bus, dunst and a panel.

The panel is tint2 (an XEmbed system tray) or xfce4-panel, whose systray plugin hosts both
XEmbed icons and StatusNotifierItems (it owns ``org.kde.StatusNotifierWatcher``).

Each part is started in order and waited for with a readiness check; everything is torn down by
PID, in reverse order. Nothing here touches the user's own session.
"""

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

DBUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>{kind}</type><listen>{listen}</listen><auth>EXTERNAL</auth>{services}
  <policy context="default"><allow user="*"/><allow send_destination="*" eavesdrop="true"/>
  <allow eavesdrop="true"/><allow own="*"/></policy></busconfig>
"""
# D-Bus service activation is left out on purpose: on the stock session config any notification
# call would start a second dunst from the service file. A desktop that needs some activated
# services (GNOME's dconf and notification proxy) gets a private directory with only those.

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


def pid_alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie does not count: PID 1 here may not reap it)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def descendants(pid: int) -> list[int]:
    """The processes ``pid`` started and theirs, parents before children."""
    found: list[int] = []
    parents = [pid]
    while parents:
        parent = parents.pop(0)
        for children in Path(f"/proc/{parent}/task").glob("*/children"):
            with contextlib.suppress(OSError):
                for child in map(int, children.read_text().split()):
                    found.append(child)
                    parents.append(child)
    return found


def become_subreaper() -> None:
    """Make the processes our children leave behind (double forks) ours to reap.

    PID 1 here does not reap orphans, so without this each one stays a zombie.
    """
    import ctypes

    pr_set_child_subreaper = 36
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_child_subreaper, 1, 0, 0, 0)


def stop_pid(pid: int, timeout: float = 5) -> None:
    """SIGTERM ``pid``, then SIGKILL it if it is still there after ``timeout`` seconds; reap it
    if it is ours."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if not pid_alive(pid):
            break
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)
        deadline = time.monotonic() + timeout
        while pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.02)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


@dataclass(frozen=True)
class Account:
    """The unprivileged user a desktop runs as (sway refuses to run as root)."""

    name: str
    uid: int
    gid: int


@dataclass
class Desktop:
    """A running private desktop; ``env`` is what an app started in it needs."""

    root: Path
    display: str
    env: dict[str, str]
    processes: list[tuple[str, subprocess.Popen[bytes]]] = field(default_factory=list)
    user: Account | None = None  # None: the desktop and its apps run as the test's own user
    adopted: list[tuple[str, int]] = field(default_factory=list)

    def as_user(self) -> dict[str, object]:
        """The ``subprocess`` arguments that run a program as this desktop's user."""
        if self.user is None:
            return {}
        return {"user": self.user.uid, "group": self.user.gid, "extra_groups": []}

    def run(
        self, *argv: str, check: bool = True, timeout: float = 10, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        """Run a helper program on this desktop and return its output."""
        return subprocess.run(  # type: ignore[call-overload,no-any-return]
            argv,
            env=env or self.env,
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            check=check,
            timeout=timeout,
            **self.as_user(),
        )

    def start(
        self,
        name: str,
        *argv: str,
        env: dict[str, str] | None = None,
        log: Path | None = None,
        ours: bool = False,
    ) -> subprocess.Popen[bytes]:
        """Start a long-running program on this desktop (as the test's own user when ``ours``,
        else as the desktop's); it is stopped by ``close``."""
        out = (log or self.root / f"{name}.log").open("ab")
        process = subprocess.Popen(  # type: ignore[call-overload]
            argv,
            env=env or self.env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            **({} if ours else self.as_user()),
        )
        out.close()
        self.processes.append((name, process))
        return process  # type: ignore[no-any-return]

    def adopt(self, name: str, pid: int) -> None:
        """Stop ``pid`` first on ``close``: a process the desktop started for itself and let go
        of (a compositor's ``exec`` forks twice), found by the test."""
        self.adopted.append((name, pid))

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
        """Stop everything, newest first; before each program, what it started itself (a
        compositor's ``exec`` lines and Xwayland, D-Bus-activated services), deepest first, while
        their parent is still there to reap them; last, whatever is left of the session."""
        everything = marked(self.env.get(MARK, ""))
        for _, pid in reversed(self.adopted):
            stop_pid(pid)
        self.adopted.clear()
        for _, process in reversed(self.processes):
            for pid in reversed(descendants(process.pid)):
                stop_pid(pid)
            self.stop(process)
        self.processes.clear()
        for pid in everything + marked(self.env.get(MARK, "")):
            stop_pid(pid, timeout=1)  # also reaps the orphans that came to us

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


MARK = "HAMSTRAY_TEST_SESSION"  # in the environment of every process a desktop starts


def marked(session: str) -> list[int]:
    """The processes whose environment carries ``MARK=session``: what is left of a desktop
    after its own programs were stopped (a helper that outlived its parent)."""
    if not session:
        return []
    needle = f"{MARK}={session}".encode()
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError):
            if needle in (proc / "environ").read_bytes().split(b"\0") and pid_alive(int(proc.name)):
                found.append(int(proc.name))
    return [pid for pid in found if pid != os.getpid()]


def home_env(home: Path, owner: Account | None = None) -> dict[str, str]:
    """A fresh HOME with its XDG folders (owned by ``owner``), as the environment names them."""
    for sub in ("config", "data", "state", "cache", "runtime"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    (home / "runtime").chmod(0o700)
    if owner is not None:
        for path in (home, *home.rglob("*")):
            os.chown(path, owner.uid, owner.gid)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
        "NO_AT_BRIDGE": "1",
        MARK: str(home),
    }
    if "VIRTUAL_ENV" in os.environ:
        env["VIRTUAL_ENV"] = os.environ["VIRTUAL_ENV"]
    return env


def private_bus(
    session: Desktop,
    name: str = "dbus",
    kind: str = "session",
    services: tuple[str, ...] = (),
) -> str:
    """Start a dbus-daemon of our own (socket under the desktop's root); return its address.

    ``services`` names the only D-Bus services it may activate, copied from the system's.
    """
    root = session.root
    listen = f"unix:path={root / (name + '.socket')}" if kind == "system" else f"unix:tmpdir={root}"
    service_line = ""
    if services:
        folder = root / f"{name}-services"
        folder.mkdir(exist_ok=True)
        for service in services:
            shutil.copy(f"/usr/share/dbus-1/services/{service}.service", folder)
        service_line = f"<servicedir>{folder}</servicedir>"
    config = root / f"{name}.conf"
    config.write_text(DBUS_CONFIG.format(kind=kind, listen=listen, services=service_line))
    address_file = root / f"{name}.address"
    bus = session.start(
        name,
        "dbus-daemon",
        f"--config-file={config}",
        "--nofork",
        "--print-address=1",
        log=address_file,
    )
    address = wait_for(lambda: address_file.read_text().strip(), 10, f"the {name} D-Bus")
    assert _alive(bus), f"the {name} D-Bus died; see {address_file}"
    return str(address).splitlines()[0]


def free_display() -> int:
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
    number = free_display()
    display = f":{number}"
    env = dict(home_env(root / "home"), DISPLAY=display)
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
        env["DBUS_SESSION_BUS_ADDRESS"] = private_bus(session)

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


# A sound server of its own: a null sink (speakers nobody hears) and a null source (a microphone
# that records silence), on the default socket in the desktop's XDG_RUNTIME_DIR.
PULSEAUDIO_SCRIPT = """load-module module-native-protocol-unix auth-anonymous=1
load-module module-null-sink sink_name=speakers
load-module module-null-source source_name=microphone
set-default-source microphone
"""


def start_pulseaudio(session: Desktop) -> subprocess.Popen[bytes]:
    """Start a private PulseAudio server for this desktop and wait until it answers."""
    script = session.root / "pulseaudio.pa"
    script.write_text(PULSEAUDIO_SCRIPT)
    process = session.start(
        "pulseaudio",
        "pulseaudio",
        "--daemonize=no",
        "--exit-idle-time=-1",
        "--system=false",
        "-n",
        "-F",
        str(script),
        "--log-target=stderr",
    )
    wait_for(lambda: session.run("pactl", "info", check=False).returncode == 0, 10, "PulseAudio")
    return process


def start_pipewire(session: Desktop) -> None:
    """Start PipeWire, its PulseAudio server and WirePlumber (which links streams) for this
    desktop, with a virtual microphone and speakers like PulseAudio's, and wait for them."""
    env = dict(session.env, DBUS_SYSTEM_BUS_ADDRESS=f"unix:path={session.root}/no-system-bus")
    session.start("pipewire", "pipewire", env=env)
    wait_for(lambda: Path(env["XDG_RUNTIME_DIR"], "pipewire-0").exists(), 10, "PipeWire")
    session.start("pipewire-pulse", "pipewire-pulse", env=env)
    session.start("wireplumber", "wireplumber", env=env)
    wait_for(
        lambda: session.run("pactl", "info", check=False).returncode == 0, 10, "pipewire-pulse"
    )
    for module in (
        ("module-null-sink", "sink_name=speakers"),
        ("module-null-sink", "sink_name=microphone", "media.class=Audio/Source/Virtual"),
    ):
        session.run("pactl", "load-module", *module, "channel_map=front-left,front-right")


def capture_streams(session: Desktop) -> list[str]:
    """The application names of the server's running (not corked) capture streams."""
    listed = session.run("pactl", "list", "source-outputs", check=False).stdout
    running = []
    for block in listed.split("\n\n"):
        name = re.search(r'application\.name = "([^"]*)"', block)
        if name and re.search(r"^\s*Corked: no$", block, re.M):
            running.append(name.group(1))
    return running


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
