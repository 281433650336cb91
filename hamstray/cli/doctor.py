"""`hamstray doctor`: each platform part, OK or PROBLEM, with a concrete hint for each problem."""

import importlib.util
import logging
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from hamstray.cli.desktop_checks import Check, idle_probe, notifications, tray
from hamstray.config import loader
from hamstray.desktop.calls import Look, ProbeError, Unsupported, choose
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


def call_probes(looks: list[Look], switches: Quiet, platform: str) -> list[Check]:
    """Which of the call checks work here, and what each sees now."""
    checks = []
    for cause, part in CALL_PARTS.items():
        look = next((item for item in looks if item.cause is cause), None)
        system = "linux" if platform.startswith("linux") else platform
        if look is None:
            unseen = choose.UNSEEN.get((system, cause), _("not detected on this platform"))
            checks.append(Check(part, True, unseen, unseen=True))
        elif look.switch is not None and not getattr(switches, look.switch):
            off = _("off ({setting})").format(setting=f"[quiet] {look.switch} = false")
            checks.append(Check(part, True, off))
        elif cause is Cause.APP and not switches.apps:
            checks.append(Check(part, True, _('none named ([quiet] apps = ["zoom"] to add some)')))
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
        hint = _("until it works, {setting} silences this").format(setting=off)
        return Check(part, False, f"{look.how}: {error}", hint)
    if who is None:
        return Check(part, True, _("{how}: readable, not in use now").format(how=look.how))
    if look.cause is Cause.APP:
        return Check(part, True, _("{how}: {app} is running now").format(how=look.how, app=who))
    if who:
        return Check(part, True, _("{how}: in use now by {app}").format(how=look.how, app=who))
    return Check(part, True, _("{how}: in use now").format(how=look.how))


def autostart_state(enabled: bool, location: str) -> Check:
    """Whether hamstray starts at login (off is a choice, not a problem)."""
    if enabled:
        return Check("autostart", True, _("starts at login ({where})").format(where=location))
    return Check("autostart", True, _("off (hamstray autostart enable to start at login)"))


def config_state(path: Path, status: Mapping[str, Any] | None = None) -> Check:
    """Whether the config file reads cleanly, and what the running app (``status``) makes of it."""
    told = (status or {}).get("config") or {}
    if told.get("message"):
        return Check(
            "config",
            False,
            f"{told['message']} ({told.get('path', path)})",
            _("hamstray config check lists them; fix them and save, the app follows"),
        )
    if not path.exists():
        return Check(
            "config",
            True,
            _("defaults ({path} does not exist; hamstray config init)").format(path=path),
        )
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
    return Check(
        part,
        False,
        _("{folder} is not writable").format(folder=folder),
        _("check the permissions of {folder}").format(folder=probe),
    )


def running(status: Mapping[str, Any] | None) -> Check:
    """Whether the app runs for this user (``status``: what it answered, None: nothing)."""
    if status is None:
        return Check("app", True, _("not running (start it with: hamstray)"))
    return Check("app", True, _("running (pid {pid})").format(pid=status["pid"]))


def full_screen(seen: bool, how: str) -> Check:
    """Whether a full-screen window (a presentation, a film, a game) holds reminders back."""
    if seen:
        return Check("fullscreen", True, how)
    return Check(
        "fullscreen",
        False,
        _("full-screen windows are not seen: {how}").format(how=how),
        _("reminders then come over a full-screen window too; do-not-disturb still holds them"),
    )


def guide(problem: str | None) -> Check:
    """Whether the guide window (and on XEmbed trays the menu) can open: both are Tk."""
    if problem is None:
        return Check("guide", True, _("the guide window can open (Tk and an X display)"))
    from hamstray.ui import tk_display  # noqa: PLC0415

    return Check("guide", False, _("the guide window cannot open"), tk_display.sentence(problem))


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
        return Check("notifications", True, _("the system's notification centre (through plyer)"))
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
