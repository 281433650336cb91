"""The core stays pure: it imports nothing that reaches a clock, a thread, a file or a GUI."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "hamstray"
PURE = ("core.py", "durations.py", "config.py", "catalogue.py")
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


def test_an_offline_command_does_not_load_the_gui_stack() -> None:
    """``hamstray config show`` must not import pystray, Tk or plyer (start-up cost)."""
    code = (
        "import sys; from hamstray import cli; cli.main(['config', 'show']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pystray', 'tkinter', 'plyer', 'Xlib', 'PIL')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
