"""The core stays pure: it imports nothing that reaches a clock, a thread, a file or a GUI."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "hamstray"
PURE = ("core.py", "durations.py", "config.py", "catalogue.py", "rotation.py", "menu.py")
ALLOWED = {
    "dataclasses",
    "enum",
    "math",
    "re",
    "tomllib",
    "collections.abc",
    "typing",
    "datetime",
    "pathlib",
    "hamstray",
    "hamstray.durations",
    "hamstray.config",
    "hamstray.catalogue",
    "hamstray.core",
}


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_the_pure_modules_import_only_pure_things() -> None:
    for name in PURE:
        assert imports(PACKAGE / name) <= ALLOWED, name


def test_the_core_never_reads_the_clock() -> None:
    for name in PURE:
        source = (PACKAGE / name).read_text()
        for clock in ("time.time", "monotonic", ".now()"):
            assert clock not in source, (name, clock)


@pytest.mark.parametrize("command", [["config", "show"], ["stretches"], ["plan", "3"]])
def test_an_offline_command_does_not_load_the_gui_stack(command: list[str], tmp_path: Path) -> None:
    """Offline commands must not import pystray, Tk, plyer, Xlib or Pillow (start-up cost)."""
    code = (
        f"import sys; from hamstray import cli; cli.main({command!r}); "
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
