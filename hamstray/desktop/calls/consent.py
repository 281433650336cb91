"""Whether Windows says an app uses the microphone or the webcam right now.

Windows 10 (1903 and later) and 11 keep, per app, when it last started and stopped using each
capability under the user's CapabilityAccessManager ConsentStore; the privacy indicator in the
taskbar reads the same entries. An entry that started and has not stopped (``LastUsedTimeStop``
is 0) is in use. Packaged apps have a key each; desktop apps are under ``NonPackaged``, named by
their path with ``#`` for ``\\``.
"""

import importlib
from typing import Any, Protocol

from hamstray.desktop.calls import InUse, ProbeError

STORE = r"Software\Microsoft\Windows\CurrentVersion\CapabilityAccessManager\ConsentStore"
MICROPHONE = "microphone"
WEBCAM = "webcam"


class Registry(Protocol):
    """The few registry reads the probe needs, under HKEY_CURRENT_USER."""

    def subkeys(self, path: str) -> list[str] | None:
        """The names of a key's subkeys (None: there is no such key)."""
        ...

    def number(self, path: str, name: str) -> int | None:
        """A key's integer value, or None."""
        ...


def app_name(key: str) -> str:
    """The app an entry stands for: "Zoom" for ``C:#...#Zoom.exe``, the package's name else."""
    if "#" in key:
        file = key.rsplit("#", 1)[-1]
        return file[:-4] if file.lower().endswith(".exe") else file
    return key.split("_", 1)[0]


def in_use(registry: Registry, capability: str) -> InUse:
    """The first app that uses ``capability`` (``MICROPHONE`` or ``WEBCAM``) now."""
    base = f"{STORE}\\{capability}"

    def look() -> str | None:
        packaged = registry.subkeys(base)
        if packaged is None:
            raise ProbeError("this Windows keeps no ConsentStore (Windows 10 1903 or later does)")
        paths = [f"{base}\\{key}" for key in packaged if key != "NonPackaged"]
        paths += [
            f"{base}\\NonPackaged\\{key}" for key in registry.subkeys(f"{base}\\NonPackaged") or []
        ]
        for path in paths:
            started = registry.number(path, "LastUsedTimeStart")
            if started and registry.number(path, "LastUsedTimeStop") == 0:
                return app_name(path.rsplit("\\", 1)[-1])
        return None

    return look


class WindowsRegistry:
    """The real registry, through winreg (Windows only)."""

    def __init__(self) -> None:
        self._winreg: Any = importlib.import_module("winreg")

    def subkeys(self, path: str) -> list[str] | None:
        winreg = self._winreg
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, path) as key:
                return [winreg.EnumKey(key, i) for i in range(winreg.QueryInfoKey(key)[0])]
        except OSError:
            return None

    def number(self, path: str, name: str) -> int | None:
        winreg = self._winreg
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, path) as key:
                value, _ = winreg.QueryValueEx(key, name)
        except OSError:
            return None
        return value if isinstance(value, int) else None
