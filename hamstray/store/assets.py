"""Where the shipped files are: inside the installed package, or in a source checkout.

Plain paths beside the modules, not importlib.resources: the pictures are opened by Tk from a
file name anyway (so hamstray cannot run from a zip), and resources would pull zipfile and its
readers into the running app.
"""

from pathlib import Path

from hamstray.engine import guidance as guidance_file
from hamstray.engine.catalogue import Stretch
from hamstray.engine.catalogue_file import parse
from hamstray.engine.catalogue_file import warm_ups as warm_ups_in
from hamstray.engine.guidance import Guidance
from hamstray.store import spoken


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


def picture_manifest() -> Path:
    """Where every stretch's keyframes are, per side and scale (``tools/pictures``)."""
    return asset_dir() / "stretches" / "manifest.json"


def catalogue_text() -> str:
    """The stretch catalogue data file."""
    return (Path(__file__).with_name("stretches.toml")).read_text(encoding="utf-8")


def stretches() -> tuple[Stretch, ...]:
    """The shipped stretch catalogue, validated, in the user's language."""
    return tuple(spoken.stretch(s) for s in parse(catalogue_text()))


def warm_ups() -> tuple[Stretch, ...]:
    """The shipped warm-ups (they open the floor routines), validated, in the user's language."""
    return tuple(spoken.stretch(s) for s in warm_ups_in(catalogue_text()))


def guidance() -> Guidance:
    """The shipped guidance: the general rules, the tips and the flexibility check-in."""
    text = Path(__file__).with_name("guidance.toml").read_text(encoding="utf-8")
    return spoken.guidance(guidance_file.parse(text))
