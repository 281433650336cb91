"""Where hamstray keeps its files, per platform (platformdirs), honouring the XDG variables."""

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP = "hamstray"


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
    config_file = (
        Path(override) if override else Path(platformdirs.user_config_dir(APP)) / "config.toml"
    )
    return Paths(
        config_file=config_file,
        data_dir=Path(platformdirs.user_data_dir(APP, appauthor=False)),
        log_dir=Path(platformdirs.user_log_dir(APP, appauthor=False)),
        runtime_dir=_runtime_dir(),
    )


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
