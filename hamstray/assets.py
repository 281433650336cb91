"""Where the shipped images are: inside the installed package, or in a source checkout."""

from importlib import resources
from pathlib import Path


def asset_dir() -> Path:
    """The shipped images: ``hamstray/icons`` when installed, else the source's ``icons/``."""
    packaged = resources.files("hamstray") / "icons"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "icons"


def app_icon() -> Path:
    """The application icon (PNG) for notifications and launchers."""
    return asset_dir() / "hamstray.png"
