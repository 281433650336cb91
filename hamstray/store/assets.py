"""Where the shipped files are: inside the installed package, or in a source checkout."""

from importlib import resources
from pathlib import Path

from hamstray.engine.catalogue import Stretch
from hamstray.engine.catalogue_file import parse


def asset_dir() -> Path:
    """The shipped images: ``hamstray/icons`` when installed, else the source's ``icons/``."""
    packaged = resources.files("hamstray") / "icons"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "icons"


def app_icon() -> Path:
    """The application icon (PNG) for notifications and launchers."""
    return asset_dir() / "hamstray.png"


def picture(relative: str) -> Path:
    """A stretch's pictogram, from its ``picture`` name."""
    return asset_dir() / relative


def catalogue_text() -> str:
    """The stretch catalogue data file."""
    return (resources.files("hamstray.store") / "stretches.toml").read_text(encoding="utf-8")


def stretches() -> tuple[Stretch, ...]:
    """The shipped stretch catalogue, validated."""
    return parse(catalogue_text())
