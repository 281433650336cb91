"""KDE Plasma 5.27 on Wayland: kwin_wayland nested in Xvfb, then plasmashell, in a private bus.

kwin_wayland draws into a window on Xvfb (``--x11-display``), so ``import`` takes screenshots
and xdotool clicks; the apps talk Wayland to it (or X11 through its Xwayland). The bus may
activate only KDE's own services (kded5 hosts the StatusNotifierWatcher, kactivitymanagerd the
activities plasmashell needs). ``/usr/bin/kwin_wayland`` carries a file capability that a
container's bounding set may lack ("Operation not permitted"): a copy of the binary runs.
"""

import contextlib
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from . import bus
from .stack import (
    Desktop,
    become_subreaper,
    descendants,
    free_display,
    home_env,
    private_bus,
    wait_for,
)

PACKAGES = (
    "plasma-workspace",
    "plasma-desktop",
    "qtwayland5",
    "kwin-wayland",
    "xwayland",
    "xvfb",
    "xdotool",
    "imagemagick",
)
TOOLS = ("kwin_wayland", "plasmashell", "kded5", "dbus-update-activation-environment", "Xvfb")
SERVICES = tuple(
    p.name.removesuffix(".service")
    for p in sorted(Path("/usr/share/dbus-1/services").glob("org.kde.*.service"))
)
PANEL_HEIGHT = 44  # Plasma's default panel, at the bottom


def missing() -> list[str]:
    """The programs this desktop needs that are not installed."""
    found = [t for t in TOOLS if shutil.which(t) is None]
    if not Path("/usr/share/plasma/shells/org.kde.plasma.desktop").is_dir():
        found.append("plasma-desktop")  # without it: "starting invalid corona"
    if not list(Path("/usr/lib").glob("*/qt5/plugins/platforms/libqwayland-generic.so")):
        found.append("qtwayland5")  # without it plasmashell cannot talk Wayland
    return found


@dataclass
class Plasma(Desktop):
    """A running Plasma session; ``display`` is the Xvfb it is drawn on."""

    monitor: bus.Monitor | None = None
    host_display: str = ""
    panel = (0, 800 - PANEL_HEIGHT, 1280, 800)  # the system tray is in the bottom panel

    @property
    def address(self) -> str:
        return self.env["DBUS_SESSION_BUS_ADDRESS"]

    def sni_items(self) -> list[str]:
        """The StatusNotifierItems registered with kded5's watcher."""
        return bus.sni_items(self.address)

    def _host(self, *argv: str) -> str:
        return self.run(*argv, env=dict(self.env, DISPLAY=self.host_display)).stdout

    def screenshot(self, path: Path, window: str = "root") -> Path:
        """A PNG of the screen (kwin's window on Xvfb)."""
        self._host("import", "-window", "root", str(path))
        return path

    def click(self, x: int, y: int, button: int = 1) -> None:  # type: ignore[override]
        """A real click at (x, y), through Xvfb into kwin."""
        self._host("xdotool", "mousemove", str(x), str(y), "click", str(button))

    def move_pointer(self, x: int, y: int) -> None:
        """Move the pointer: input, for idle."""
        self._host("xdotool", "mousemove", str(x), str(y))

    def shown(self) -> list[dict[str, object]]:
        """The notifications Plasma took and has not closed, newest first, while a popup is on
        screen (Plasma has no way to list its popups: the bus says which, a screenshot that one
        shows; Plasma may take a notification and show nothing)."""
        assert self.monitor is not None
        if self.popup_close_button() is None:
            return []
        return [
            {"id": s.id, "summary": s.summary, "body": s.body, "actions": sorted(s.actions[1::2])}
            for s in self.monitor.snapshot().open()
        ]

    def press(self, label: str) -> None:
        """Click the newest popup's button ``label``, found on a screenshot: the buttons are the
        white boxes in a row under the text, in the order of the notification's actions."""
        assert self.monitor is not None
        (newest, *_) = self.shown()
        sent = self.monitor.sent_as(int(newest["id"]))  # type: ignore[call-overload]
        labels = [sent.actions[i + 1] for i in range(0, len(sent.actions), 2)
                  if sent.actions[i] != "default"]  # fmt: skip
        x, y = self._button(labels.index(label), len(labels))
        self.click(x, y)

    def dismiss(self, notification: int) -> None:
        """Close the newest popup with its close button, as a person would."""
        x, y = self._close_button()
        self.click(x, y)

    def _close_button(self) -> tuple[int, int]:
        """The centre of the newest (lowest) popup's red close button, once it is on screen and
        has stopped moving (Plasma slides a popup in: a click during the slide misses)."""
        seen: list[tuple[int, int] | None] = [None]

        def still() -> tuple[int, int] | None:
            before, seen[0] = seen[0], self.popup_close_button()
            return seen[0] if seen[0] is not None and seen[0] == before else None

        return wait_for(still, 10, "a popup's close button, still", every=0.2)  # type: ignore[return-value]

    def popup_close_button(self) -> tuple[int, int] | None:
        """Where the newest popup's close button is on a screenshot now, if one is on screen."""
        shot = self.screenshot(self.root / "popup.png")
        with Image.open(shot) as image:
            rgb = image.convert("RGB")
            reds = [
                (x, y)
                for y in range(0, 800 - PANEL_HEIGHT)
                for x in range(640, 1280)
                if (p := rgb.getpixel((x, y)))[0] > 190 and p[1] < 90 and p[2] < 90
            ]
        if not reds:
            return None
        bottom = max(y for _, y in reds)
        lowest = [(x, y) for x, y in reds if y > bottom - 20]
        xs, ys = [x for x, _ in lowest], [y for _, y in lowest]
        return (min(xs) + max(xs)) // 2, (min(ys) + max(ys)) // 2

    def _button(self, index: int, count: int) -> tuple[int, int]:
        cx, cy = self._close_button()
        with Image.open(self.root / "popup.png") as image:
            rgb = image.convert("RGB")
            left, right = cx - 330, cx + 12

            def white(x: int, y: int) -> bool:
                return min(rgb.getpixel((x, y))) >= 245

            rows = [
                y
                for y in range(cy + 20, min(cy + 400, 800 - PANEL_HEIGHT))
                if sum(white(x, y) for x in range(left, right)) > 60
            ]
            assert rows, "no button row in the popup (see popup.png)"
            top = rows[0]
            bottom = max(y for y in rows if y - top < 40)
            mid = (top + bottom) // 2
            runs: list[tuple[int, int]] = []
            for x in range(left, right):
                if white(x, top + 3):  # above the labels, which would split a button
                    if runs and runs[-1][1] == x - 1:
                        runs[-1] = (runs[-1][0], x)
                    else:
                        runs.append((x, x))
        buttons = [r for r in runs if r[1] - r[0] >= 20][-count:]
        assert len(buttons) == count, f"{len(buttons)} buttons seen, {count} expected"
        start, end = buttons[index]
        return (start + end) // 2, mid

    def close(self) -> None:
        if self.monitor is not None:
            self.monitor.close()
            self.monitor = None
        super().close()


@contextlib.contextmanager
def plasma(root: Path) -> Iterator[Plasma]:
    """Bring up Xvfb, a private bus, kwin_wayland (nested) and plasmashell; tear them down."""
    become_subreaper()  # kded5 and kactivitymanagerd come by D-Bus activation
    host = f":{free_display()}"
    env = home_env(root / "home")
    env.update(
        XDG_CURRENT_DESKTOP="KDE",
        XDG_SESSION_TYPE="wayland",
        XDG_SESSION_DESKTOP="KDE",
        KDE_FULL_SESSION="true",
        KDE_SESSION_VERSION="5",
    )
    session = Plasma(root, "", env, host_display=host)
    try:
        session.start(
            "xvfb", "Xvfb", host, "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset"
        )
        wait_for(
            lambda: session.run("xdpyinfo", "-display", host, check=False).returncode == 0,
            10,
            "Xvfb",
        )
        env["DBUS_SESSION_BUS_ADDRESS"] = private_bus(session, services=SERVICES)
        session.monitor = bus.Monitor(session.address)
        kwin = root / "kwin_wayland"  # a copy has no file capability to fail on
        shutil.copy("/usr/bin/kwin_wayland", kwin)
        socket = "hamstray-kwin"
        session.start(
            "kwin", str(kwin), "--x11-display", host, "--xwayland", "--width", "1280",
            "--height", "800", "--socket", socket, "--no-lockscreen",
            env=dict(env, DISPLAY=host, QT_QPA_PLATFORM="xcb"),
        )  # fmt: skip
        wait_for(lambda: bus.has_owner(session.address, "org.kde.KWin"), 30, "kwin on the bus")
        env["WAYLAND_DISPLAY"] = socket
        kwin_pid = session.processes[-1][1].pid
        env["DISPLAY"] = session.display = str(
            wait_for(lambda: _xwayland_display(kwin_pid), 30, "kwin's Xwayland")
        )
        wait_for(lambda: session.run("xdpyinfo", check=False).returncode == 0, 20, "Xwayland")
        env["QT_QPA_PLATFORM"] = "wayland"
        session.run(
            "dbus-update-activation-environment",
            *(f"{k}={env[k]}" for k in env if k.startswith(("XDG_", "KDE_", "QT_")) or k in (
                "WAYLAND_DISPLAY", "DISPLAY", "HOME", "PATH", "DBUS_SESSION_BUS_ADDRESS")),
        )  # fmt: skip
        session.start("plasmashell", "plasmashell", "--no-respawn")
        wait_for(lambda: bus.has_owner(session.address, "org.kde.plasmashell"), 60, "plasmashell")
        # kded5 (the StatusNotifierWatcher) otherwise comes only when something happens to ask.
        bus.call(
            session.address, bus.BUS.bus_name, bus.BUS.object_path, bus.BUS.interface,
            "StartServiceByName", "su", "org.kde.kded5", 0, timeout=60,
        )  # fmt: skip
        wait_for(lambda: bus.has_owner(session.address, bus.WATCHER), 60, "kded5's watcher")
        wait_for(
            lambda: bus.has_owner(session.address, bus.NOTIFICATIONS), 60, "Plasma's notifications"
        )
        # The server answers before the applet that draws popups has loaded (slower when the
        # machine is busy); a notification sent then goes to the history without a popup.
        (probe,) = bus.call(
            session.address, bus.NOTIFICATIONS, "/org/freedesktop/Notifications",
            bus.NOTIFICATIONS, "Notify", "susssasa{sv}i",
            "desktop-test", 0, "", "Is the desktop ready?", "", [], {}, 0,
        )  # fmt: skip
        wait_for(session.popup_close_button, 60, "Plasma's first popup")
        bus.call(
            session.address, bus.NOTIFICATIONS, "/org/freedesktop/Notifications",
            bus.NOTIFICATIONS, "CloseNotification", "u", probe,
        )  # fmt: skip
        wait_for(lambda: session.popup_close_button() is None, 10, "the probe popup to go")
        yield session
    finally:
        session.close()


def _xwayland_display(kwin: int) -> str | None:
    for pid in descendants(kwin):
        with contextlib.suppress(OSError):
            argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            if Path(argv[0].decode()).name == "Xwayland":
                return next((a.decode() for a in argv if a.startswith(b":")), None)
    return None
