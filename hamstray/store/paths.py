"""Where hamstray keeps its files: the XDG base directories on Linux, the platform's own folders
(platformdirs) elsewhere."""

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

APP = "hamstray"
XDG_DEFAULTS = {
    "XDG_CONFIG_HOME": "~/.config",
    "XDG_DATA_HOME": "~/.local/share",
    "XDG_STATE_HOME": "~/.local/state",
}


@dataclass(frozen=True, slots=True)
class Paths:
    """The files and folders of one user's hamstray."""

    config_file: Path
    data_dir: Path
    log_dir: Path
    runtime_dir: Path

    @property
    def history(self) -> Path:
        """The SQLite event log."""
        return self.data_dir / "history.sqlite3"

    @property
    def log_file(self) -> Path:
        """The rotated log file."""
        return self.log_dir / "hamstray.log"

    @property
    def socket(self) -> Path:
        """The control socket of the running app."""
        return self.runtime_dir / "control.sock"


def default_paths(config_override: str | None = None) -> Paths:
    """Return this user's paths; ``config_override`` (``--config`` or $HAMSTRAY_CONFIG) wins."""
    override = config_override or os.environ.get("HAMSTRAY_CONFIG")
    if sys.platform.startswith("linux"):
        config_dir, data_dir, log_dir = xdg_dirs(os.environ)
    else:
        import platformdirs  # noqa: PLC0415 - Windows and macOS folders

        config_dir = Path(platformdirs.user_config_dir(APP))
        data_dir = Path(platformdirs.user_data_dir(APP, appauthor=False))
        log_dir = Path(platformdirs.user_log_dir(APP, appauthor=False))
    return Paths(
        config_file=Path(override) if override else config_dir / "config.toml",
        data_dir=data_dir,
        log_dir=log_dir,
        runtime_dir=_runtime_dir(),
    )


def xdg_dirs(env: Mapping[str, str]) -> tuple[Path, Path, Path]:
    """hamstray's config, data and log folders under the XDG base folders."""
    return (
        xdg_home("XDG_CONFIG_HOME", env) / APP,
        xdg_home("XDG_DATA_HOME", env) / APP,
        xdg_home("XDG_STATE_HOME", env) / APP / "log",
    )


def xdg_home(variable: str, env: Mapping[str, str] = os.environ) -> Path:
    """An XDG base folder (``XDG_CONFIG_HOME``, ``_DATA_``, ``_STATE_``) as the spec and
    platformdirs read it: the variable when it is an absolute path, else its default. Written out
    because platformdirs loads tempfile, shutil and random for it: 11 ms and 1 MiB at start."""
    path = Path(env.get(variable, ""))
    return path if path.is_absolute() else Path(XDG_DEFAULTS[variable]).expanduser()


def _runtime_dir() -> Path:
    xdg = os.environ.get("XDG_RUNTIME_DIR")
    if xdg and sys.platform.startswith("linux"):
        return Path(xdg) / APP
    # No XDG runtime dir (macOS, Windows, minimal Linux sessions): a private per-user dir.
    user = (
        os.environ.get("USER")
        or os.environ.get("USERNAME")
        or str(os.getuid() if hasattr(os, "getuid") else "user")
    )
    import tempfile  # noqa: PLC0415 - only where no runtime dir is given

    return Path(tempfile.gettempdir()) / f"{APP}-{user}"
