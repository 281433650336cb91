"""GNOME Shell 43, headless: Wayland (``--virtual-monitor``) or X11 (on Xvfb), in private buses.

The session bus may activate only dconf and GNOME's notification proxy; an empty private system
bus stands in for logind's. The AppIndicator extension (Ubuntu's, as Debian ships it) hosts
StatusNotifierItems, and a three-line extension of ours turns on the shell's unsafe mode so
the test can script it (``org.gnome.Shell.Eval``), take screenshots and use a virtual pointer.
"""

import contextlib
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jeepney.wrappers import DBusErrorResponse

from . import bus
from .stack import Desktop, become_subreaper, free_display, home_env, private_bus, wait_for

APPINDICATOR = "ubuntu-appindicators@ubuntu.com"
UNSAFE = "unsafe-mode@hamstray.test"
PACKAGES = ("gnome-shell", "gnome-shell-extension-appindicator", "gjs", "xwayland", "dconf-service")
TOOLS = ("gnome-shell", "gjs", "gsettings", "Xwayland", "Xvfb", "xdpyinfo", "xprop")
SHELL = "org.gnome.Shell"
PANEL_HEIGHT = 32  # the top bar, at 1280x800 and scale 1

METADATA = {
    "uuid": UNSAFE,
    "name": "Unsafe mode for tests",
    "description": "Lets hamstray's desktop tests use Eval and Screenshot.",
    "shell-version": ["43"],
}
EXTENSION = """function init() {}
function enable() { global.context.unsafe_mode = true; }
function disable() { global.context.unsafe_mode = false; }
"""

# What the banner and the notification list show, per freedesktop notification id.
SHOWN_JS = """(() => {
  const Main = imports.ui.main;
  const daemon = Main.notificationDaemon._fdoNotificationDaemon;
  const banner = Main.messageTray._notification;
  return Object.values(daemon._notifications)
    .filter(d => d.notification)
    .map(d => ({id: d.id, summary: d.notification.title,
                body: d.notification.bannerBodyText,
                actions: d.notification.actions.map(a => a.label),
                banner: d.notification === banner}))
    .sort((a, b) => b.id - a.id);
})()"""

# The centre of the banner's button labelled LABEL, or null while it is not on screen.
BUTTON_JS = """(() => {
  const banner = imports.ui.main.messageTray._banner;
  if (!banner || !banner.expanded || !banner._buttonBox || !banner._buttonBox.mapped) return null;
  if (imports.ui.main.messageTray._bannerBin.get_transition('y')) return null;  // still moving
  const button = banner._buttonBox.get_children().find(b => b.label === LABEL);
  if (!button) return null;
  const [x, y] = button.get_transformed_position();
  const [w, h] = button.get_transformed_size();
  return [Math.round(x + w / 2), Math.round(y + h / 2)];
})()"""

BANNER_JS = """(() => {
  const tray = imports.ui.main.messageTray;
  const banner = tray._banner;
  if (!banner || !banner.mapped || tray._notificationState !== 2) return null;  // 2: SHOWN
  const [x, y] = banner.get_transformed_position();
  const [w, h] = banner.get_transformed_size();
  return [Math.round(x + w / 2), Math.round(y + h / 3)];
})()"""

POINTER_JS = """(() => {
  const Clutter = imports.gi.Clutter;
  if (!global.__hamstrayPointer)
    global.__hamstrayPointer = Clutter.get_default_backend().get_default_seat()
      .create_virtual_device(Clutter.InputDeviceType.POINTER_DEVICE);
  const pointer = global.__hamstrayPointer;
  const now = imports.gi.GLib.get_monotonic_time();
  pointer.notify_absolute_motion(now, X, Y);
  for (const state of STATES)
    pointer.notify_button(now, BUTTON, state ? Clutter.ButtonState.PRESSED
                                             : Clutter.ButtonState.RELEASED);
  return true;
})()"""

# The shell's own notices at start-up ("System was put in unsafe mode", "Logged in as a
# privileged user", "Screen Lock disabled") hold the banner until some input expires them; they
# are all queued by the time Eval answers (our extension turns unsafe mode on). Clear them (and
# only them) until the banner is free.
NOTICES_JS = """(() => {
  const tray = imports.ui.main.messageTray;
  tray.getSources().filter(s => s.title === 'System Information').forEach(s => s.destroy());
  return tray._notificationState === 0 && tray._notificationQueue.length === 0;  // 0: HIDDEN
})()"""

WINDOWS_JS = """global.get_window_actors().map(a => a.meta_window).map(w => ({
  title: w.get_title(), wm_class: w.get_wm_class(), wm_class_instance: w.get_wm_class_instance(),
  sandboxed_app_id: w.get_sandboxed_app_id(), gtk_app_id: w.get_gtk_application_id(),
  x11: w.get_client_type() === imports.gi.Meta.WindowClientType.X11,
  app: (imports.gi.Shell.WindowTracker.get_default().get_window_app(w) || {get_id: () => null})
    .get_id()}))"""


def missing() -> list[str]:
    """The programs this desktop needs that are not installed."""
    found = [t for t in TOOLS if shutil.which(t) is None]
    if not Path(f"/usr/share/gnome-shell/extensions/{APPINDICATOR}").is_dir():
        found.append("gnome-shell-extension-appindicator")
    return found


class EvalError(RuntimeError):
    """The shell refused or failed to evaluate a script."""


@dataclass
class Gnome(Desktop):
    """A running GNOME Shell; ``mode`` is "wayland" or "x11"."""

    mode: str = "wayland"
    monitor: bus.Monitor | None = None
    panel = (0, 0, 1280, PANEL_HEIGHT)  # the top bar, where the AppIndicator items sit

    @property
    def address(self) -> str:
        return self.env["DBUS_SESSION_BUS_ADDRESS"]

    def eval(self, script: str) -> Any:
        """Run JavaScript in the shell and return its JSON value."""
        ok, result = bus.call(self.address, SHELL, "/org/gnome/Shell", SHELL, "Eval", "s", script)
        if not ok:
            raise EvalError(result or "Eval refused (unsafe mode off?)")
        return json.loads(result) if result else None

    def sni_items(self) -> list[str]:
        """The StatusNotifierItems registered with the AppIndicator extension's watcher."""
        return bus.sni_items(self.address)

    def screenshot(self, path: Path, window: str = "root") -> Path:
        """A PNG of the whole screen, taken by the shell (org.gnome.Shell.Screenshot)."""
        ok, _ = bus.call(
            self.address, f"{SHELL}.Screenshot", "/org/gnome/Shell/Screenshot",
            f"{SHELL}.Screenshot", "Screenshot", "bbs", False, False, str(path),
        )  # fmt: skip
        assert ok, "the shell took no screenshot"
        return path

    def pointer(self, x: int, y: int, button: int = 1, states: tuple[bool, ...] = ()) -> None:
        """Move the shell's virtual pointer to (x, y), then press (True) / release (False)."""
        script = (
            POINTER_JS.replace("STATES", json.dumps(list(states)))
            .replace("BUTTON", str(button))
            .replace("X", str(x))
            .replace("Y", str(y))
        )
        self.eval(script)

    def click(self, x: int, y: int, button: int = 1) -> None:  # type: ignore[override]
        """A real click at (x, y) through the shell's virtual pointer."""
        self.pointer(x, y, button, (True, False))

    def move_pointer(self, x: int, y: int) -> None:
        """Move the pointer: input, for the idle monitor."""
        self.pointer(x, y)

    def shown(self) -> list[dict[str, object]]:
        """The notifications the shell holds (banner or list), newest first:
        id, summary, body, actions (button labels), banner (on screen now)."""
        return self.eval(SHOWN_JS)  # type: ignore[no-any-return]

    def press(self, label: str) -> None:
        """Press the banner's button ``label`` with the pointer, as a person does: point at
        the banner (it expands and shows its buttons), then click the button."""
        banner = self._steady(BANNER_JS, "the banner")
        x, y = banner  # type: ignore[misc]
        self.move_pointer(x, y)
        where = self._steady(BUTTON_JS.replace("LABEL", json.dumps(label)), f"the {label} button")
        bx, by = where  # type: ignore[misc]
        self.click(bx, by)

    def _steady(self, script: str, what: str) -> Any:
        """The value of ``script`` once two looks in a row agree (the banner grows as it
        expands, so a button moves until the animation ends)."""
        last: list[Any] = [None]

        def look() -> Any:
            now = self.eval(script)
            same = now is not None and now == last[0]
            last[0] = now
            return now if same else None

        return wait_for(look, 10, f"{what} on screen, not moving", every=0.1)

    def dismiss(self, notification: int) -> None:
        """Close a notification as its user would (the shell then sends NotificationClosed)."""
        self.eval(
            "imports.ui.main.notificationDaemon._fdoNotificationDaemon._notifications"
            f"[{int(notification)}].notification.destroy("
            "imports.ui.messageTray.NotificationDestroyedReason.DISMISSED)"
        )

    def windows(self) -> list[dict[str, object]]:
        """The shell's windows: title, WM class, app id and how the shell matched an app."""
        return self.eval(WINDOWS_JS)  # type: ignore[no-any-return]

    def close(self) -> None:
        if self.monitor is not None:
            self.monitor.close()
            self.monitor = None
        super().close()


@contextlib.contextmanager
def gnome_shell(root: Path, mode: str = "wayland") -> Iterator[Gnome]:
    """Bring up GNOME Shell (``mode`` "wayland" or "x11") under ``root``; tear it down after."""
    become_subreaper()  # D-Bus-activated services and Xwayland outlive their parents
    env = home_env(root / "home")
    env.update(XDG_CURRENT_DESKTOP="GNOME", XDG_SESSION_TYPE=mode, XDG_SESSION_DESKTOP="gnome")
    session = Gnome(root, "", env, mode=mode)
    try:
        # gnome-shell sees systemd's seats and asks logind on the system bus: give it an empty
        # one of its own, never the machine's.
        env["DBUS_SYSTEM_BUS_ADDRESS"] = private_bus(session, "system-bus", kind="system")
        env["DBUS_SESSION_BUS_ADDRESS"] = private_bus(
            session, services=("ca.desrt.dconf", "org.gnome.Shell.Notifications")
        )
        session.monitor = bus.Monitor(session.address)
        extension = Path(env["XDG_DATA_HOME"]) / "gnome-shell" / "extensions" / UNSAFE
        extension.mkdir(parents=True)
        (extension / "metadata.json").write_text(json.dumps(METADATA))
        (extension / "extension.js").write_text(EXTENSION)
        for key, value in (
            ("enabled-extensions", f"['{APPINDICATOR}', '{UNSAFE}']"),
            ("disable-user-extensions", "false"),
            ("welcome-dialog-last-shown-version", "'999'"),
        ):
            session.run("gsettings", "set", "org.gnome.shell", key, value)
        if mode == "wayland":
            session.start(
                "gnome-shell", "gnome-shell", "--headless", "--wayland",
                "--virtual-monitor", "1280x800", "--wayland-display=hamstray-wayland",
            )  # fmt: skip
            env["WAYLAND_DISPLAY"] = "hamstray-wayland"
        else:
            display = f":{free_display()}"
            env["DISPLAY"] = session.display = display
            session.start(
                "xvfb", "Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp",
                "-noreset",
            )  # fmt: skip
            wait_for(lambda: session.run("xdpyinfo", check=False).returncode == 0, 10, "Xvfb")
            session.start("gnome-shell", "gnome-shell", "--x11", "--replace")
        wait_for(lambda: bus.has_owner(session.address, SHELL), 60, "gnome-shell on the bus")
        wait_for(lambda: _evaluates(session), 60, "the shell's unsafe mode (our extension)")
        wait_for(
            lambda: not session.eval("imports.ui.main.layoutManager._startingUp"), 60, "start-up"
        )
        wait_for(lambda: bus.has_owner(session.address, bus.WATCHER), 30, "the AppIndicator host")
        wait_for(
            lambda: bus.has_owner(session.address, bus.NOTIFICATIONS), 30, "the notification server"
        )
        session.eval("imports.ui.main.overview.hide()")  # the shell starts in the overview
        wait_for(lambda: session.eval(NOTICES_JS), 20, "the banner free of the shell's notices")
        wait_for(lambda: not session.eval("imports.ui.main.overview.visible"), 10, "the desktop")
        if mode == "wayland":  # Xwayland's display and cookie, chosen by mutter
            env["DISPLAY"] = session.display = session.eval("imports.gi.GLib.getenv('DISPLAY')")
            env["XAUTHORITY"] = session.eval("imports.gi.GLib.getenv('XAUTHORITY')")
        yield session
    finally:
        session.close()


def _evaluates(session: Gnome) -> bool:
    try:
        return session.eval("1") == 1
    except (EvalError, DBusErrorResponse):  # refused, or not exported yet
        return False
