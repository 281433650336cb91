"""Fixtures that start a private desktop and the installed ``hamstray`` in it."""

import json
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from .stack import Desktop, desktop, missing_tools, wait_for, xfconfd

ICON_CLASS = "hamstraySystemTrayIcon"  # pystray's xorg window: WM_CLASS "<name>SystemTrayIcon"


def hamstray_command() -> str:
    """The installed console script next to this Python, as a user would run it."""
    found = Path(sys.executable).with_name("hamstray")
    return str(found) if found.exists() else shutil.which("hamstray") or "hamstray"


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[Desktop]:
    missing = missing_tools()
    if missing:
        pytest.fail(
            f"the desktop tests need {', '.join(missing)}: run tests/run as root to install them"
        )
    with desktop(tmp_path) as session:
        yield session


@pytest.fixture
def wm_stack(tmp_path: Path) -> Iterator[Desktop]:
    """The same desktop with a window manager (openbox), for full-screen windows."""
    missing = missing_tools() + ([] if shutil.which("openbox") else ["openbox"])
    if missing:
        pytest.fail(
            f"the desktop tests need {', '.join(missing)}: run tests/run as root to install them"
        )
    with desktop(tmp_path, window_manager=True) as session:
        yield session


@pytest.fixture
def hidpi_stack(tmp_path: Path) -> Iterator[Desktop]:
    """The desktop on a 2x HiDPI screen (192 dpi, 2560 x 1600): Tk's scaling doubles."""
    missing = missing_tools()
    if missing:
        pytest.fail(
            f"the desktop tests need {', '.join(missing)}: run tests/run as root to install them"
        )
    with desktop(tmp_path, screen="2560x1600", dpi=192) as session:
        yield session


@pytest.fixture
def xfce_stack(tmp_path: Path) -> Iterator[Desktop]:
    """The desktop with xfce4-panel: a StatusNotifierItem host as well as an XEmbed tray."""
    missing = missing_tools() + [t for t in ("xfce4-panel", "dbus-send") if not shutil.which(t)]
    if missing or not xfconfd():
        pytest.fail(
            f"the desktop tests need {', '.join(missing or ['xfconf'])}: "
            "run tests/run as root to install them"
        )
    with desktop(tmp_path, panel="xfce4-panel") as session:
        yield session


@dataclass
class RunningApp:
    """The installed hamstray, running on a private desktop."""

    desktop: Desktop
    process: subprocess.Popen[bytes]
    env: dict[str, str]
    home: Path
    icon: int  # the XEmbed icon's window (0 for a StatusNotifierItem, which has none)
    launched: float = field(default_factory=time.monotonic)  # made as the process starts

    def cli(
        self, *args: str, check: bool = False, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        """Run ``hamstray ARGS`` in the app's environment (or ``env``)."""
        return subprocess.run(
            [hamstray_command(), *args],
            env=env or self.env,
            capture_output=True,
            text=True,
            timeout=20,
            check=check,
        )

    def status(self) -> dict[str, object]:
        out = self.cli("status", "--json", check=True).stdout
        return json.loads(out)  # type: ignore[no-any-return]

    def events(self) -> list[tuple[str, str | None]]:
        """(kind, stretch) of every event in the real history file, oldest first; none while
        the app has not made the file yet (it opens its history once the icon shows). Read-only:
        a test must not create the file the app is about to make."""
        path = self.home / "data" / "hamstray" / "history.sqlite3"
        return history_rows(path, "SELECT kind, stretch FROM events ORDER BY id")

    def log(self) -> str:
        path = self.home / "state" / "hamstray" / "log" / "hamstray.log"
        return path.read_text() if path.exists() else ""

    def wait_for_event(self, kind: str, timeout: float = 10) -> None:
        wait_for(lambda: any(k == kind for k, _ in self.events()), timeout, f"a {kind} event")


def launch(
    stack: Desktop,
    config_text: str,
    name: str = "hamstray",
    without: tuple[str, ...] = (),
    config: Path | None = None,
    **env_vars: str,
) -> RunningApp:
    """Start the installed ``hamstray`` with ``config_text`` (its icon may not be up yet), in
    ``config`` (default: a file of its own beside the desktop).

    Routine reminders are off unless ``config_text`` sets them, so a test that happens to run at
    07:30 or 21:00 sees only the notifications it asked for.
    """
    if "[routines]" not in config_text:
        config_text += '\n[routines]\nmorning = ""\nevening = ""\n'
    config = config or stack.root / f"{name}.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(config_text)
    env = dict(stack.env, HAMSTRAY_CONFIG=str(config), **env_vars)
    for name_ in without:  # e.g. DISPLAY: Wayland without Xwayland
        env.pop(name_, None)
    # The app runs as the test's own user even where the desktop runs as another (sway): the
    # venv's Python may sit where that user cannot reach (pyenv under /root).
    process = stack.start(name, hamstray_command(), "--verbose", env=env, ours=True)
    return RunningApp(stack, process, env, Path(env["HOME"]), 0)


def start_app(
    stack: Desktop,
    config_text: str,
    name: str = "hamstray",
    config: Path | None = None,
    **env_vars: str,
) -> RunningApp:
    """Start the installed ``hamstray`` with ``config_text`` (and ``env_vars`` in its
    environment) and wait until its icon is docked and the app is set up (it reads its settings
    once the icon shows; a request waits on the control socket until then)."""
    app = launch(stack, config_text, name, config=config, **env_vars)
    icon = wait_for(lambda: stack.tray_window(ICON_CLASS), 15, "the hamstray icon in the tray")
    assert isinstance(icon, int)
    app.icon = icon
    app.status()
    return app


def history_rows(path: Path, query: str, *args: object) -> list[Any]:
    """Rows of ``query`` on the app's real history file, read-only (a test must not create the
    file the app is about to make); none while the app has not made it and its table yet (it
    opens its history once the icon shows)."""
    if not path.exists():
        return []
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return db.execute(query, args).fetchall()
    except sqlite3.OperationalError as error:
        if "no such table" in str(error):
            return []
        raise
    finally:
        db.close()


@pytest.fixture
def app_factory(stack: Desktop) -> Iterator[type[RunningApp] | object]:
    started: list[RunningApp] = []

    def start(config_text: str = "", config: Path | None = None, **env_vars: str) -> RunningApp:
        app = start_app(stack, config_text, config=config, **env_vars)
        started.append(app)
        return app

    yield start
    for app in started:
        stack.stop(app.process)


def wait_for_notification(stack: Desktop, timeout: float) -> float:
    """Wait until a notification is on screen; return when it appeared (monotonic)."""
    wait_for(lambda: stack.displayed_count() > 0, timeout, "a notification on screen", every=0.02)
    return time.monotonic()


@pytest.fixture
def session(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Desktop]:
    """A real desktop (GNOME, Plasma, sway): parametrize with ``desktops.params(...)``,
    ``indirect=True``."""
    from .desktops import bring_up

    with bring_up(request.param, tmp_path) as desktop:
        yield desktop


@pytest.fixture
def start(session: Desktop) -> Iterator[object]:
    """Start hamstray in the session with a config and wait for its item; stopped after."""
    started: list[RunningApp] = []

    def run(config_text: str = "", without: tuple[str, ...] = ()) -> RunningApp:
        app = launch(session, config_text, without=without)
        started.append(app)
        wait_for(lambda: any("StatusNotifierItem" in i for i in session.sni_items()), 20,
                 "hamstray's item registered with the host")  # fmt: skip
        return app

    yield run
    for app in started:
        session.stop(app.process)
