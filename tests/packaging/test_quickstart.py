"""The README's quick start and uninstall, as written, for a new user on Debian's own Python.

The commands come from the README itself, so the two cannot drift apart. Each line runs in a new
terminal (an interactive bash, so what ``pipx ensurepath`` wrote is read), as a fresh non-root
user whose PATH has Debian's ``/usr/bin/python3`` only. Three things cannot run as written, and are
stood in for: ``sudo apt install`` runs as root with ``apt-get install -y``; ``git clone`` of the
project's GitHub address clones a local copy of this source tree (no network here); the bare
``hamstray`` that starts the tray app is left out (it needs a desktop: tests/desktop starts it), and
``hamstray setup`` is given ``--yes`` (it asks questions otherwise).
"""

import re
import subprocess
import tomllib
from pathlib import Path

import pytest

from .conftest import ROOT, User, apt_install, copy_source

# Downloads and installs from Debian's and PyPI's mirrors: minutes, not the default 120 s.
pytestmark = pytest.mark.timeout(1800)

README = (ROOT / "README.md").read_text()
HOMEPAGE = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["urls"]["Homepage"]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def section(title: str) -> str:
    """The README's text under ``## title``, up to the next heading of that level."""
    return README.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def blocks(title: str) -> list[list[str]]:
    """The command lines of each ``sh`` block in a README section, comments left out."""
    found = re.findall(r"```sh\n(.*?)```", section(title), re.S)
    return [
        [line.split(" #", 1)[0].strip() for line in block.splitlines() if line.strip()]
        for block in found
    ]


class Terminal:
    """Runs README lines for one user, one new terminal per line, following ``cd``."""

    def __init__(self, user: User, cwd: Path, clone_from: Path) -> None:
        self.user = user
        self.cwd = cwd
        self.clone_from = clone_from
        self.seen: dict[str, subprocess.CompletedProcess[str]] = {}

    def run(self, line: str) -> subprocess.CompletedProcess[str]:
        if line.startswith("sudo "):
            match = re.fullmatch(r"sudo apt install ([a-z0-9.+\- ]+)", line)
            assert match, f"a root step the test does not know how to run: {line}"
            apt_install(*match[1].split())
            result = subprocess.CompletedProcess(line, 0, "", "")
        elif line.startswith("cd "):
            self.cwd = self.cwd / line.removeprefix("cd ")
            assert self.cwd.is_dir(), line
            result = subprocess.CompletedProcess(line, 0, "", "")
        else:
            command = line
            if line.startswith("git clone "):
                assert line == f"git clone {HOMEPAGE}.git", line
                command = f"git clone {self.clone_from} hamstray"
            if line == "hamstray setup":
                command = "hamstray setup --yes"
            result = self.user.shell(command, self.cwd)
        self.seen[line] = result
        return result

    def run_all(self, lines: list[str], may_fail: tuple[str, ...] = ()) -> None:
        for line in lines:
            result = self.run(line)
            if line not in may_fail:
                assert result.returncode == 0, f"{line}\n{result.stdout}\n{result.stderr}"


def assert_doctor_is_right(result: subprocess.CompletedProcess[str], home: Path) -> None:
    """Doctor ran to its end: no desktop (the tray is a PROBLEM), the user's own dirs are OK."""
    assert result.returncode == 1, result.stdout + result.stderr  # 1: something needs attention
    assert "Traceback" not in result.stdout + result.stderr
    lines = {line.split()[1]: line for line in result.stdout.splitlines() if line[:1] in "OP"}
    assert lines["tray"].startswith("PROBLEM"), result.stdout
    assert "no graphical session" in lines["tray"]
    for part in ("autostart", "config", "data", "log", "app"):
        assert lines[part].startswith("OK"), result.stdout
    assert f"{home}/.local/share/hamstray" in lines["data"]
    assert f"{home}/.config/hamstray/config.toml" in lines["config"]


def test_the_readme_names_pipx_a_venv_and_a_clone_in_that_order() -> None:
    pipx, check, plain, clone, setup = blocks("Quick start")
    assert pipx == ["sudo apt install pipx python3-tk", "pipx ensurepath", "pipx install ."]
    assert check[-1] == "hamstray"  # starts the app
    assert plain[1].startswith("python3 -m venv ")
    assert clone[1].startswith("git clone ")
    assert setup == ["hamstray setup"]
    assert "pipx uninstall hamstray" in blocks("Uninstall")[0]


@pytest.fixture
def terminal(new_user: User, tmp_path: Path) -> Terminal:
    """A new user's terminal in a copy of the source tree, which is also what ``git clone`` gets."""
    source = copy_source(new_user.home / "Downloads" / f"hamstray-{VERSION}")
    repo = copy_source(tmp_path / "repo")
    for git in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "the tree under test"]):
        subprocess.run(
            ["git", "-c", "user.name=test", "-c", "user.email=test@localhost", *git],
            cwd=repo,
            check=True,
        )
    clone_from = new_user.home / "hamstray.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(repo), str(clone_from)], check=True)
    new_user.chown(new_user.home)
    return Terminal(new_user, source, clone_from)


def test_the_quick_start_works_as_written_for_a_new_user(terminal: Terminal) -> None:
    """pipx with Debian's Python, then the checks, the setup, then the uninstall section."""
    home = terminal.user.home
    assert terminal.user.shell("command -v python3", home).stdout.strip() == "/usr/bin/python3"
    pipx, check, _, _, setup = blocks("Quick start")

    terminal.run_all(pipx)
    terminal.run_all(check[:-1], may_fail=("hamstray doctor",))
    assert terminal.seen["hamstray --version"].stdout.strip() == f"hamstray {VERSION}"
    assert terminal.user.shell("command -v hamstray", home).stdout.strip() == (
        f"{home}/.local/bin/hamstray"
    )
    assert_doctor_is_right(terminal.seen["hamstray doctor"], home)

    terminal.run_all(setup)
    autostart = home / ".config" / "autostart" / "hamstray.desktop"
    launcher = home / ".local" / "share" / "applications" / "hamstray.desktop"
    assert f"Exec={home}/.local/bin/hamstray run" in autostart.read_text()
    assert launcher.is_file()

    terminal.run_all(blocks("Uninstall")[0])
    assert not autostart.exists()
    assert not launcher.exists()
    gone = terminal.user.shell("hamstray --version", home)
    assert gone.returncode == 127, gone.stdout + gone.stderr  # command not found


def test_the_plain_venv_and_the_clone_work_as_written(terminal: Terminal) -> None:
    home = terminal.user.home
    _, _, plain, clone, _ = blocks("Quick start")

    terminal.run_all(plain, may_fail=(plain[-1],))
    assert plain[-1] == "~/.venvs/hamstray/bin/hamstray doctor"
    assert_doctor_is_right(terminal.seen[plain[-1]], home)

    terminal.cwd = home
    terminal.run_all(clone)
    assert terminal.seen[".venv/bin/hamstray --version"].stdout.strip() == f"hamstray {VERSION}"
    assert (home / "hamstray" / ".venv" / "bin" / "python").resolve() == Path("/usr/bin/python3.11")
