"""What the import contracts (``lint-imports``, run by tests/run) cannot see: the engine never
reads a clock, modules stay small, and offline commands never load the GUI stack."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "hamstray"
MAX_LINES = 350
CLOCKS = {"now", "today", "utcnow", "time", "monotonic", "perf_counter", "localtime", "gmtime"}


def clock_calls(source: str) -> list[str]:
    """Calls that read the clock, such as ``datetime.now()`` or ``date.today()``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        call = isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        if call and node.func.attr in CLOCKS:  # type: ignore[attr-defined]
            found.append(ast.unparse(node.func))  # type: ignore[attr-defined]
    return found


def test_the_clock_check_sees_every_way_of_reading_the_clock() -> None:
    source = "datetime.now()\ndate.today()\nx.monotonic()\ndatetime.fromtimestamp(now)\n"
    assert clock_calls(source) == ["datetime.now", "date.today", "x.monotonic"]


@pytest.mark.parametrize("path", sorted((PACKAGE / "engine").glob("*.py")), ids=lambda p: p.name)
def test_the_engine_never_reads_the_clock(path: Path) -> None:
    assert clock_calls(path.read_text()) == []


@pytest.mark.parametrize(
    "path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_a_module_has_one_job_and_stays_small(path: Path) -> None:
    assert len(path.read_text().splitlines()) <= MAX_LINES


@pytest.mark.parametrize("command", [["config", "show"], ["stretches"], ["plan", "3"]])
def test_an_offline_command_does_not_load_the_gui_stack(command: list[str], tmp_path: Path) -> None:
    """Offline commands must not import pystray, Tk, plyer, Xlib or Pillow (start-up cost)."""
    code = (
        f"import sys; from hamstray.cli.main import main; main({command!r}); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pystray', 'tkinter', 'plyer', 'Xlib', 'PIL')))"
    )
    env = {
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_the_tray_app_loads_none_of_what_comes_after_its_icon() -> None:
    """The app's module and pystray's tray import nothing a first XEmbed icon does not need: the
    settings, the engine, the menu, the request model, the history, notifications, the answers
    to requests and the probes are set up (and imported) once the icon shows
    (tests/desktop/test_start_up.py watches the real app)."""
    code = (
        "import sys, hamstray.cli.main, hamstray.runtime.app, hamstray.desktop.tray.backend, "
        "hamstray.desktop.tray.pystray_icon; print(sorted(sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(ast.literal_eval(out.stdout))
    assert "hamstray.desktop.tray.icons" in loaded  # the icon's picture, drawn before it shows
    later = {
        "sqlite3",
        "tomlkit",
        "tomllib",
        "jeepney",
        "tkinter",
        "json",
        "gettext",
        "hamstray.runtime.config_file",
        "hamstray.engine.settings",
        "hamstray.engine.model",
        "hamstray.engine.timing",
        "hamstray.engine.asks",
        "logging.handlers",
        "hamstray.desktop.tray.menu",
        "hamstray.runtime.requests",
        "hamstray.runtime.control.protocol",
        "hamstray.store.translations",
        "hamstray.store.history",
        "hamstray.desktop.notify",
        "hamstray.desktop.idle",
        "hamstray.desktop.quiet",
        "hamstray.desktop.autostart",
        "hamstray.runtime.services",
        "hamstray.runtime.answers",
        "hamstray.runtime.loop",
        "hamstray.engine.rules",
        "hamstray.engine.catalogue_file",
    }
    assert sorted(loaded & later) == []
