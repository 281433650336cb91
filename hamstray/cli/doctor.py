"""`hamstray doctor`: each platform part, OK or PROBLEM, with a concrete hint for each problem."""

import importlib.util
import logging
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hamstray.config import loader
from hamstray.desktop.calls import Look, ProbeError, Unsupported, choose
from hamstray.desktop.tray import backend
from hamstray.engine.reasons import Cause
from hamstray.engine.settings import Quiet
from hamstray.store.paths import Paths
from hamstray.store.translations import _, plural

CALL_PARTS = {
    Cause.MICROPHONE: "microphone",
    Cause.CAMERA: "camera",
    Cause.SCREEN_SHARING: "screen sharing",
    Cause.APP: "apps",
}


@dataclass(frozen=True)
class Check:
    """The state of one part (``unseen``: this platform offers no way to look, not a problem)."""

    part: str
    ok: bool
    detail: str
    hint: str = ""
    unseen: bool = False

    def __str__(self) -> str:
        label = "N/A" if self.unseen else "OK" if self.ok else "PROBLEM"
        line = f"{label:<8} {self.part:<14} {self.detail}"
        return line + (f"\n{'':<24}hint: {self.hint}" if self.hint else "")


def tray(
    env: Mapping[str, str],
    platform: str,
    tray_owner: Callable[[], bool | None],
    watcher: Callable[[], bool | None],
    has_gi: bool,
    no_tk: str | None = None,
) -> Check:
    """Which tray backend hamstray will use and why, and whether something will show it
    (``no_tk``: why Tk windows cannot open, which takes the XEmbed menu away)."""
    try:
        choice = backend.choose(env, platform, lambda: bool(watcher()), lambda: has_gi)
    except ValueError as error:
        return Check("tray", False, str(error), f"one of: {', '.join(backend.BACKENDS)}")
    named = f"{choice.name} backend ({choice.why})"
    if platform in ("win32", "darwin"):
        return Check("tray", True, named)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return Check(
            "tray",
            False,
            "no graphical session (DISPLAY and WAYLAND_DISPLAY unset)",
            "run hamstray from your desktop session",
        )
    gnome = "GNOME" in env.get("XDG_CURRENT_DESKTOP", "").upper()
    if choice.name in ("sni", "appindicator"):
        if watcher():
            there = (
                "" if choice.name == "sni" and not env.get("HAMSTRAY_TRAY") else "; a host is there"
            )
            return Check("tray", True, f"{named}{there}")
        hint = (
            "enable the AppIndicator extension (gnome-shell-extension-appindicator)"
            if gnome
            else "your panel needs a StatusNotifierItem host (a system tray)"
        )
        return Check("tray", False, f"{named}, but no StatusNotifierWatcher", hint)
    if not env.get("DISPLAY"):
        return Check(
            "tray",
            False,
            f"{named} needs X11, this is Wayland",
            "enable your desktop's tray (on GNOME: the AppIndicator extension); hamstray then "
            "shows a StatusNotifierItem",
        )
    if not tray_owner():
        hint = (
            "GNOME shows no tray icons without the AppIndicator extension "
            "(gnome-shell-extension-appindicator)"
            if gnome
            else "add a system tray (notification area) to your panel"
        )
        return Check("tray", False, f"{named}, but no system tray on this display", hint)
    clicks = ""
    if choice.name == "xorg":
        clicks = (
            "; left click starts, right click opens hamstray's menu"
            if no_tk is None
            else "; its menu cannot open without Tk (see guide): a click says so"
        )
    return Check("tray", True, f"{named}; an XEmbed system tray is there{clicks}")


def notifications(capabilities: list[str] | None, server: str | None) -> Check:
    """Whether reminders can pop up, and with buttons."""
    if capabilities is None:
        return Check(
            "notifications",
            False,
            "no notification server on the session bus",
            "start your desktop's notification daemon (for example dunst); until then "
            "reminders show in the tray icon only",
        )
    buttons = "with Start/Snooze buttons" if "actions" in capabilities else "without buttons"
    return Check("notifications", True, f"{server or 'a freedesktop server'}, {buttons}")


def idle_hint(env: Mapping[str, str]) -> str:
    """What reads idle time on this kind of desktop, for the hint when nothing does."""
    desktop = env.get("XDG_CURRENT_DESKTOP", "").upper()
    wayland = env.get("XDG_SESSION_TYPE") == "wayland" or bool(env.get("WAYLAND_DISPLAY"))
    if "GNOME" in desktop:
        where = "on GNOME hamstray asks Mutter's idle monitor (org.gnome.Mutter.IdleMonitor)"
    elif wayland and "KDE" in desktop:
        where = (
            "on KDE Wayland hamstray takes KWin's idle notices (ext-idle-notify-v1 or "
            "org_kde_kwin_idle) through WAYLAND_DISPLAY"
        )
    elif wayland:
        where = (
            "on Wayland hamstray takes the compositor's idle notices (ext-idle-notify-v1 or "
            "org_kde_kwin_idle: sway, Hyprland, river and KWin have them) through WAYLAND_DISPLAY"
        )
    elif env.get("DISPLAY"):
        where = "on X11 hamstray reads the X server's MIT-SCREEN-SAVER extension"
    else:
        where = "hamstray reads idle time from the desktop session (X11 or Wayland)"
    return (
        f"{where}; hamstray -v doctor says why that failed. Until then natural breaks are "
        "seen only from suspends"
    )


def idle_probe(
    found: Callable[[], float | None] | None, env: Mapping[str, str] | None = None
) -> Check:
    """Whether hamstray can tell that the user left the desk."""
    if found is None:
        return Check(
            "idle", False, "no way to read idle time on this desktop", idle_hint(env or {})
        )
    seconds = found()
    if seconds is None:
        return Check(
            "idle",
            False,
            "the idle probe gave no answer",
            "hamstray -v doctor says why",
        )
    return Check("idle", True, f"idle time readable (now {seconds:.0f} s)")


def call_probes(looks: list[Look], switches: Quiet, platform: str) -> list[Check]:
    """Which of the call checks work here, and what each sees now."""
    checks = []
    for cause, part in CALL_PARTS.items():
        look = next((item for item in looks if item.cause is cause), None)
        system = "linux" if platform.startswith("linux") else platform
        if look is None:
            unseen = choose.UNSEEN.get((system, cause), "not detected on this platform")
            checks.append(Check(part, True, unseen, unseen=True))
        elif look.switch is not None and not getattr(switches, look.switch):
            checks.append(Check(part, True, f"off ([quiet] {look.switch} = false)"))
        elif cause is Cause.APP and not switches.apps:
            checks.append(Check(part, True, 'none named ([quiet] apps = ["zoom"] to add some)'))
        else:
            checks.append(_look(part, look))
    return checks


def _look(part: str, look: Look) -> Check:
    try:
        who = look.look()
    except Unsupported as error:
        return Check(part, True, str(error), unseen=True)
    except ProbeError as error:
        off = f"[quiet] {look.switch} = false" if look.switch else "[quiet] apps = []"
        return Check(part, False, f"{look.how}: {error}", f"until it works, {off} silences this")
    if who is None:
        return Check(part, True, f"{look.how}: readable, not in use now")
    if look.cause is Cause.APP:
        return Check(part, True, f"{look.how}: {who} is running now")
    return Check(part, True, f"{look.how}: in use now" + (f" by {who}" if who else ""))


def autostart_state(enabled: bool, location: str) -> Check:
    """Whether hamstray starts at login (off is a choice, not a problem)."""
    if enabled:
        return Check("autostart", True, f"starts at login ({location})")
    return Check("autostart", True, "off (hamstray autostart enable to start at login)")


def config_state(path: Path, status: Mapping[str, Any] | None = None) -> Check:
    """Whether the config file reads cleanly, and what the running app (``status``) makes of it."""
    told = (status or {}).get("config") or {}
    if told.get("message"):
        return Check(
            "config",
            False,
            f"{told['message']} ({told.get('path', path)})",
            "hamstray config check lists them; fix them and save, the app follows",
        )
    if not path.exists():
        return Check("config", True, f"defaults ({path} does not exist; hamstray config init)")
    _config, problems = loader.load(path)
    errors = [p for p in problems if not p.warning]
    if errors:
        count = plural(len(errors), "{n} problem", "{n} problems")
        found = _("{problems} in {path}, e.g. {first}").format(
            problems=count, path=path, first=errors[0]
        )
        hint = _("hamstray config check lists them; bad keys fall back to their defaults")
        return Check("config", False, found, hint)
    warnings = plural(len(problems), "{n} warning", "{n} warnings")
    return Check("config", True, f"{path}" + (f" ({warnings})" if problems else ""))


def writable(part: str, folder: Path) -> Check:
    """Whether hamstray can write in ``folder``."""
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if os.access(probe, os.W_OK):
        return Check(part, True, str(folder))
    return Check(part, False, f"{folder} is not writable", f"check the permissions of {probe}")


def running(status: Mapping[str, Any] | None) -> Check:
    """Whether the app runs for this user (``status``: what it answered, None: nothing)."""
    if status is None:
        return Check("app", True, "not running (start it with: hamstray)")
    return Check("app", True, f"running (pid {status['pid']})")


def full_screen(seen: bool, how: str) -> Check:
    """Whether a full-screen window (a presentation, a film, a game) holds reminders back."""
    if seen:
        return Check("fullscreen", True, how)
    return Check(
        "fullscreen",
        False,
        f"full-screen windows are not seen: {how}",
        "reminders then come over a full-screen window too; do-not-disturb still holds them",
    )


def guide(problem: str | None) -> Check:
    """Whether the guide window (and on XEmbed trays the menu) can open: both are Tk."""
    if problem is None:
        return Check("guide", True, "the guide window can open (Tk and an X display)")
    from hamstray.ui import tk_display  # noqa: PLC0415

    return Check("guide", False, "the guide window cannot open", tk_display.sentence(problem))


def run(paths: Paths, verbose: bool = False) -> int:
    """Print one line per part; exit 0 when everything is OK, 1 otherwise; ``verbose``: the
    probes' reasons go to stderr."""
    from hamstray.cli.remote import running_status  # noqa: PLC0415
    from hamstray.desktop import autostart, idle, quiet  # noqa: PLC0415
    from hamstray.ui import tk_display  # noqa: PLC0415

    if verbose:
        logging.basicConfig(level=logging.DEBUG, format="%(name)s: %(message)s")
    problem = tk_display.current()
    checks = [
        tray(
            os.environ,
            sys.platform,
            _tray_owner,
            _watcher,
            importlib.util.find_spec("gi") is not None,
            problem,
        ),
        _notification_check(),
        guide(problem),
        idle_probe(idle.default_probe(), os.environ),
    ]
    switches = loader.load(paths.config_file)[0].quiet
    checks += call_probes(
        quiet.looks(sys.platform, os.environ, lambda: switches), switches, sys.platform
    )
    if sys.platform.startswith("linux"):
        from hamstray.desktop import fullscreen  # noqa: PLC0415

        checks.append(full_screen(*fullscreen.describe(os.environ)))
    entry = autostart.for_this_user()
    status = running_status(paths)
    checks += [
        autostart_state(entry.enabled(), entry.location),
        config_state(paths.config_file, status),
        writable("data", paths.data_dir),
        writable("log", paths.log_dir),
        running(status),
    ]
    for check in checks:
        print(check)
    return 0 if all(c.ok for c in checks) else 1


def _notification_check() -> Check:
    """Asked the way the app asks (the same connection code), so that doctor cannot say OK
    where the app finds no server (mako's double reply once killed the app's connection)."""
    if not sys.platform.startswith("linux"):
        return Check("notifications", True, "the system's notification centre (through plyer)")
    from hamstray.desktop.notification_server import Freedesktop  # noqa: PLC0415

    server = Freedesktop()
    capabilities = server.capabilities()
    info = server.information()
    return notifications(capabilities, None if info is None else f"{info.name} {info.version}")


def _tray_owner() -> bool | None:
    if not os.environ.get("DISPLAY"):
        return None
    try:
        from Xlib import X  # noqa: PLC0415
        from Xlib import display as xdisplay  # noqa: PLC0415

        connection = xdisplay.Display()
        try:
            owner = connection.get_selection_owner(connection.intern_atom("_NET_SYSTEM_TRAY_S0"))
            return bool(owner != X.NONE)
        finally:
            connection.close()
    except Exception:  # noqa: BLE001 - no X server: no XEmbed tray
        return None


def _watcher() -> bool | None:
    from hamstray.desktop import dbus  # noqa: PLC0415

    return dbus.has_owner("org.kde.StatusNotifierWatcher")
