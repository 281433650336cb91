"""Redraw the shipped application icon: ``python -m tools.app_icon [DIR]`` (default: icons/)."""

import sys
from pathlib import Path

from hamstray.desktop.tray import icons
from hamstray.engine.phase import Phase

APP_ICON_PROGRESS = 8  # the ring two thirds full: the sitting state people see most


def main(argv: list[str]) -> int:
    """Write ``hamstray.png`` (256 px) into ``argv[0]`` or the source tree's ``icons/``."""
    target = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "icons"
    target.mkdir(parents=True, exist_ok=True)
    icons.draw(Phase.SITTING, APP_ICON_PROGRESS, 256).save(target / "hamstray.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
