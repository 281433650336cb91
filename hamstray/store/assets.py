"""Where the shipped files are: inside the installed package, or in a source checkout.

Plain paths beside the modules, not importlib.resources: the pictures are opened by Tk from a
file name anyway (so hamstray cannot run from a zip), and resources would pull zipfile and its
readers into the running app.
"""

from pathlib import Path

from hamstray.engine.catalogue import Stretch
from hamstray.engine.catalogue_file import parse


def asset_dir() -> Path:
    """The shipped images: ``hamstray/icons`` when installed, else the source's ``icons/``."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "icons"
    return packaged if packaged.is_dir() else package.parent / "icons"


def app_icon() -> Path:
    """The application icon (PNG) for notifications and launchers."""
    return asset_dir() / "hamstray.png"


def picture(relative: str) -> Path:
    """A stretch's pictogram, from its ``picture`` name."""
    return asset_dir() / relative


def catalogue_text() -> str:
    """The stretch catalogue data file."""
    return (Path(__file__).with_name("stretches.toml")).read_text(encoding="utf-8")


def stretches() -> tuple[Stretch, ...]:
    """The shipped stretch catalogue, validated."""
    return parse(catalogue_text())
