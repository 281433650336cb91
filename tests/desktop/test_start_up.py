"""Start-up is icon first: what the real app has loaded when its icon shows, on an XEmbed tray
(tint2) and a StatusNotifierItem host (xfce4-panel), and what a second start loads.

An XEmbed icon needs only the tray and its picture of a fresh start (and the control socket
listens, so that a request waits for the answer): the settings, the engine, the menu and the
request model come after it. A StatusNotifierItem's host asks for the tooltip and the menu as
the item appears, so there the settings, the view and the menu come before. Everywhere the
history, the notifications, the answers, the desktop probes, the engine's rules, the
catalogue's file and the Tk windows come after the icon."""

import subprocess
import sys
from pathlib import Path

from .conftest import ICON_CLASS, RunningApp
from .stack import Desktop, sni_items, wait_for

NOTING = [sys.executable, str(Path(__file__).with_name("noting_modules.py"))]
# Loaded only once the icon is up (or never, until used).
AFTER_THE_ICON = {
    "sqlite3": "the history (SQLite)",
    "hamstray.store.history": "the history",
    "tomlkit": "the settings writer",
    "tkinter": "the Tk windows",
    "hamstray.ui.guide.session": "the guide window",
    "hamstray.ui.settings.session": "the settings window",
    "hamstray.desktop.notify": "notifications",
    "hamstray.desktop.notification_server": "notifications over D-Bus",
    "hamstray.desktop.idle": "the idle probe",
    "hamstray.desktop.quiet": "the quiet-hours probes",
    "hamstray.desktop.calls": "the call probe",
    "hamstray.desktop.autostart": "start at login",
    "hamstray.engine.rules": "the engine's rules (the loop)",
    "hamstray.engine.events": "the engine's events beyond what a user asks (the loop)",
    "hamstray.engine.effects": "the engine's effects (the loop)",
    "hamstray.engine.catalogue": "the catalogue's types (the view and the menu only name them)",
    "platformdirs": "platformdirs (Linux reads the XDG folders itself)",
    "tempfile": "tempfile",
    "shutil": "shutil (with bz2 and lzma)",
    "difflib": "difflib (the settings check's suggestions, only for a mistake)",
    "hamstray.engine.guidance": "the guidance file's parser",
    "hamstray.engine.catalogue_file": "the catalogue file's parser",
    "hamstray.runtime.practice": "the practice (catalogue, rotation)",
    "argparse": "the command line's parser (a bare start, as at login, has nothing to parse)",
}
# Never loaded by a running app, set up and waiting (they would stay in memory all day).
NOT_WHILE_IT_WAITS = {
    "logging.handlers": "logging's handlers (the log rotates with its own, in runtime.logs)",
    "pickle": "pickle (logging.handlers brings it)",
    "concurrent.futures": "concurrent.futures (the loop and the D-Bus router wait on queues)",
    "jeepney.io.threading": "jeepney's threaded connection (the router has its own reader)",
}
# Loaded once an XEmbed icon is up; a StatusNotifierItem needs them to appear.
AFTER_AN_XEMBED_ICON = {
    "hamstray.runtime.config_file": "the settings",
    "hamstray.engine.settings": "the settings' schema",
    "tomllib": "the settings file's parser",
    "hamstray.engine.model": "the engine's state and view (the icon needs only its phase)",
    "hamstray.engine.timing": "the engine's view",
    "hamstray.desktop.tray.menu": "the menu",
    "hamstray.engine.asks": "what the menu asks of the engine",
    "hamstray.store.translations": "the translations (the icon's first tooltip is its name)",
    "jeepney": "D-Bus (notifications)",
}
# Loaded when first used, not by the set-up: most days nothing asks for them.
WHEN_FIRST_USED = {
    "hamstray.runtime.answers": "the answers to control requests (the first request)",
    "hamstray.runtime.requests": "the request model (the first request)",
    "hamstray.runtime.control.protocol": "the control protocol (the first request)",
    "hamstray.runtime.commands": "the menu's commands (the first one chosen)",
    "hamstray.runtime.settings_window": "the settings window (when opened)",
    "hamstray.runtime.guides": "the guide window's end (the first guide)",
    "hamstray.ui.guide.protocol": "the guide's protocol (the first guide)",
    "hamstray.ui.popup.client": "hamstray's own menu (the first time it opens)",
    "json": "json (requests, the guide and the popup menu speak it)",
}
# Set up after the icon, so loaded by then: proof that the notes were taken where they say.
SET_UP = {"sqlite3", "hamstray.store.history", "hamstray.runtime.loop"}


def modules(out: Path, when: str) -> set[str]:
    return set(out.with_suffix(f".{when}").read_text().split())


def start_noting(stack: Desktop, **env: str) -> tuple[RunningApp, Path]:
    """hamstray with the default settings (routine reminders off), noting its modules."""
    config = stack.root / "hamstray.toml"
    config.write_text('[routines]\nmorning = ""\nevening = ""\n')
    out = stack.root / "modules"
    app_env = dict(stack.env, HAMSTRAY_CONFIG=str(config), HAMSTRAY_MODULES=str(out), **env)
    process = stack.start("hamstray", *NOTING, env=app_env, ours=True)  # bare, as login starts it
    return RunningApp(stack, process, app_env, Path(app_env["HOME"]), 0), out


def loaded_too_early(loaded: set[str], also: dict[str, str] | None = None) -> dict[str, str]:
    early = {**AFTER_THE_ICON, **WHEN_FIRST_USED, **(also or {})}
    return {m: why for m, why in early.items() if m in loaded}


def loaded_while_it_waits(loaded: set[str]) -> dict[str, str]:
    return {m: why for m, why in {**NOT_WHILE_IT_WAITS, **WHEN_FIRST_USED}.items() if m in loaded}


def test_on_an_xembed_tray_the_icon_shows_before_anything_it_does_not_need(stack) -> None:
    app, out = start_noting(stack, HAMSTRAY_TRAY="xorg")
    icon = wait_for(lambda: stack.tray_window(ICON_CLASS), 15, "the hamstray icon in the tray")
    wait_for(lambda: out.with_suffix(".set-up").exists(), 15, "the set-up after the icon")
    at_icon = modules(out, "icon")
    assert {"pystray", "hamstray.desktop.tray.icons"} <= at_icon  # noted when the icon shows
    assert loaded_too_early(at_icon, AFTER_AN_XEMBED_ICON) == {}
    set_up = modules(out, "set-up")
    assert set_up >= SET_UP | set(AFTER_AN_XEMBED_ICON)
    assert loaded_while_it_waits(set_up) == {}
    assert app.status()["phase"] == "sitting"  # and the app works as before (answers made now)
    # The tooltip of a fresh start (the app's name) gives way to the view once the loop runs.
    wait_for(lambda: "Next break in 30 min" in tooltip(stack, icon), 15, "the view's tooltip")


def tooltip(stack: Desktop, window: int) -> str:
    return stack.run("xprop", "-id", str(window), "WM_NAME", check=False).stdout


def test_on_a_status_notifier_host_the_icon_shows_before_anything_it_does_not_need(
    xfce_stack,
) -> None:
    app, out = start_noting(xfce_stack)
    wait_for(lambda: "StatusNotifierItem-" in sni_items(xfce_stack), 15, "hamstray to register")
    wait_for(lambda: out.with_suffix(".set-up").exists(), 15, "the set-up after the icon")
    at_icon = modules(out, "icon")
    assert {"jeepney", "hamstray.desktop.tray.sni"} <= at_icon  # the item is on the bus
    assert loaded_too_early(at_icon) == {}
    set_up = modules(out, "set-up")
    assert set_up >= SET_UP
    assert loaded_while_it_waits(set_up) == {}
    assert app.status()["phase"] == "sitting"


def test_a_second_start_says_so_and_loads_neither_the_tray_nor_the_history(stack) -> None:
    app, out = start_noting(stack, HAMSTRAY_TRAY="xorg")
    wait_for(lambda: out.with_suffix(".set-up").exists(), 15, "the first app's set-up")
    second_out = stack.root / "second"
    env = dict(app.env, HAMSTRAY_MODULES=str(second_out))
    second = subprocess.run(
        NOTING, env=env, capture_output=True, text=True, timeout=20, check=False
    )
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip() == f"hamstray is already running (pid {app.process.pid})"
    loaded = modules(second_out, "exit")
    assert "hamstray.runtime.control.channel" in loaded  # it asked the running app
    assert {"pystray", "Xlib", "PIL", "sqlite3", "tkinter"}.isdisjoint(loaded)
