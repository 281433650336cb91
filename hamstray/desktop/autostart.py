"""Start at login: an XDG autostart entry (Linux), the Run key (Windows), a LaunchAgent (macOS).

Everything platform-specific is injected (platform, home, dirs, registry), so each platform's
file or value is tested here. Enabling twice is harmless; disabling removes only what hamstray
wrote (its entries carry a marker).
"""

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from hamstray.store.files import write_atomically
from hamstray.store.paths import xdg_home
from hamstray.store.translations import _

APP_ID = "io.github.hamstray"
MARKER = "X-Hamstray-Autostart=true"
LAUNCHER_MARKER = "X-Hamstray-Launcher=true"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
ICON_SIZES = (48, 64, 128, 256)


class AutostartError(Exception):
    """Start at login cannot be changed; the message says why."""


class Registry(Protocol):
    """The few HKEY_CURRENT_USER calls hamstray needs (winreg on Windows, a dict in tests)."""

    def get(self, key: str, name: str) -> str | None: ...

    def set(self, key: str, name: str, value: str) -> None: ...

    def delete(self, key: str, name: str) -> None: ...


def launcher() -> list[str]:
    """The command that starts this installed hamstray, with absolute paths."""
    argv0 = Path(sys.argv[0])
    if argv0.stem == "hamstray" and argv0.exists():
        return [str(argv0.absolute())]
    import shutil  # noqa: PLC0415 - shutil brings bz2 and lzma: only when asked

    found = shutil.which("hamstray")
    if found:
        return [str(Path(found).absolute())]
    return [sys.executable, "-m", "hamstray"]


def exec_quote(argument: str) -> str:
    """Quote one Exec argument as the Desktop Entry spec asks (and escape % as %%)."""
    argument = argument.replace("%", "%%")
    if not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`="):
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return f'"{escaped}"'


def exec_line(argv: list[str]) -> str:
    """The Exec value as written in the file: quoted arguments, then the key file's own escaping
    of backslashes (so a quoted ``$`` is ``\\$`` on disk, as the spec says)."""
    return " ".join(exec_quote(a) for a in argv).replace("\\", "\\\\")


def desktop_entry(command: list[str], autostart: bool) -> str:
    """The .desktop file for the app menu or for autostart."""
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Name=hamstray",
        "GenericName=Stretch Break Reminder",
        "Comment=Counts your sitting time and suggests a stretch for your hamstrings",
        "Exec=" + exec_line([*command, "run"]),
        "Icon=hamstray",
        "Terminal=false",
        "Categories=Utility;",
        "Keywords=break;stretch;sitting;hamstrings;health;",
        "StartupNotify=false",
        # The guide window's WM class (ui.look.WM_CLASS): task bars match the window to
        # this entry and show its icon.
        "StartupWMClass=hamstray",
    ]
    lines += ["X-GNOME-Autostart-enabled=true", MARKER] if autostart else [LAUNCHER_MARKER]
    return "\n".join(lines) + "\n"


def launch_agent(command: list[str]) -> bytes:
    """The LaunchAgent plist (macOS)."""
    import plistlib  # noqa: PLC0415 - macOS only; 15 ms of imports elsewhere

    return plistlib.dumps(
        {
            "Label": APP_ID,
            "ProgramArguments": [*command, "run"],
            "RunAtLoad": True,
            "ProcessType": "Interactive",
            "X-Hamstray-Autostart": True,
        }
    )


@dataclass(frozen=True)
class Autostart:
    """Start at login for one user on one platform."""

    platform: str
    home: Path
    config_home: Path  # $XDG_CONFIG_HOME (Linux)
    data_home: Path  # $XDG_DATA_HOME (Linux)
    command: tuple[str, ...]
    registry: Registry | None = None

    @property
    def location(self) -> str:
        """Where the entry lives, for messages."""
        if self.platform == "win32":
            return rf"HKEY_CURRENT_USER\{RUN_KEY}\hamstray"
        if self.platform == "darwin":
            return str(self._plist)
        return str(self._desktop_file)

    @property
    def _desktop_file(self) -> Path:
        return self.config_home / "autostart" / "hamstray.desktop"

    @property
    def _plist(self) -> Path:
        return self.home / "Library" / "LaunchAgents" / f"{APP_ID}.plist"

    def _value(self) -> str:
        return " ".join(f'"{a}"' if " " in a else a for a in [*self.command, "run"])

    def enabled(self) -> bool:
        """Whether hamstray starts at login."""
        if self.platform == "win32":
            return self._registry().get(RUN_KEY, "hamstray") is not None
        path = self._plist if self.platform == "darwin" else self._desktop_file
        return path.is_file()

    def enable(self) -> None:
        """Start hamstray at login (again harmless)."""
        if self.platform == "win32":
            self._registry().set(RUN_KEY, "hamstray", self._value())
        elif self.platform == "darwin":
            write_atomically(self._plist, launch_agent(list(self.command)))
        else:
            write_atomically(
                self._desktop_file, desktop_entry(list(self.command), autostart=True).encode()
            )
            install_icons(self.data_home)

    def disable(self) -> bool:
        """Stop starting at login; False when there was nothing of hamstray's to remove."""
        if self.platform == "win32":
            registry = self._registry()
            if registry.get(RUN_KEY, "hamstray") is None:
                return False
            registry.delete(RUN_KEY, "hamstray")
            return True
        path = self._plist if self.platform == "darwin" else self._desktop_file
        if not path.is_file():
            return False
        if not _ours(path):
            raise AutostartError(
                _("{path} was not written by hamstray; left as it is").format(path=path)
            )
        path.unlink()
        return True

    def _registry(self) -> Registry:
        if self.registry is None:
            raise AutostartError(_("no registry on this platform"))
        return self.registry


def install_launcher(data_home: Path, command: list[str]) -> Path:
    """Put hamstray into the app menu: a .desktop launcher and the icon in the hicolor theme."""
    path = data_home / "applications" / "hamstray.desktop"
    write_atomically(path, desktop_entry(command, autostart=False).encode())
    install_icons(data_home)
    return path


def uninstall_launcher(data_home: Path) -> list[Path]:
    """Remove what install_launcher wrote (only that); return what was removed."""
    removed = []
    launcher = data_home / "applications" / "hamstray.desktop"
    if launcher.is_file():
        if LAUNCHER_MARKER.encode() not in launcher.read_bytes():
            raise AutostartError(
                _("{path} was not written by hamstray; left as it is").format(path=launcher)
            )
        launcher.unlink()
        removed.append(launcher)
    for size in ICON_SIZES:
        icon = data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "hamstray.png"
        if icon.is_file():
            icon.unlink()
            removed.append(icon)
    return removed


def _ours(path: Path) -> bool:
    data = path.read_bytes()
    if path.suffix == ".plist":
        import plistlib  # noqa: PLC0415 - macOS only

        try:
            return bool(plistlib.loads(data).get("X-Hamstray-Autostart"))
        except plistlib.InvalidFileException:
            return False
    return MARKER.encode() in data


def install_icons(data_home: Path) -> list[Path]:
    """Put the app icon into the user's hicolor theme at a few sizes; return the files."""
    from hamstray.desktop.tray import icons  # noqa: PLC0415 - Pillow only when icons are installed
    from hamstray.engine.phase import Phase  # noqa: PLC0415

    written = []
    for size in ICON_SIZES:
        path = data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "hamstray.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        icons.draw(Phase.SITTING, 8, size).save(path)
        written.append(path)
    return written


if sys.platform == "win32":
    import winreg

    class WinRegistry:
        """HKEY_CURRENT_USER through winreg."""

        def get(self, key: str, name: str) -> str | None:
            try:
                with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key) as handle:
                    return str(winreg.QueryValueEx(handle, name)[0])
            except FileNotFoundError:
                return None

        def set(self, key: str, name: str, value: str) -> None:
            with winreg.CreateKey(winreg.HKEY_CURRENT_USER, key) as handle:
                winreg.SetValueEx(handle, name, 0, winreg.REG_SZ, value)

        def delete(self, key: str, name: str) -> None:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key, 0, winreg.KEY_SET_VALUE) as handle:
                winreg.DeleteValue(handle, name)


def for_this_user() -> Autostart:
    """Start at login for the user running hamstray, on this platform."""
    config_home, data_home = xdg_home("XDG_CONFIG_HOME"), xdg_home("XDG_DATA_HOME")
    registry: Registry | None = None
    if sys.platform == "win32":
        registry = WinRegistry()
    return Autostart(sys.platform, Path.home(), config_home, data_home, tuple(launcher()), registry)
