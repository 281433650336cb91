"""Runs ``hamstray`` as the installed command does, and notes which modules are loaded: when
its icon shows (the moment the tray hands over to the app's set-up), once the set-up is done,
and at exit. Each list goes to a file beside $HAMSTRAY_MODULES (.icon, .set-up, .exit)."""

import atexit
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hamstray.desktop.tray import backend  # on the icon's path anyway

OUT = Path(os.environ["HAMSTRAY_MODULES"])


def note(when: str) -> None:
    OUT.with_suffix(f".{when}").write_text("\n".join(sorted(sys.modules)) + "\n")


made = backend.create


def create(*args: Any) -> Any:
    tray = made(*args)
    run = tray.run

    def run_noting(setup: Callable[[], None]) -> None:
        def set_up() -> None:
            note("icon")
            setup()
            note("set-up")

        run(set_up)

    tray.run = run_noting
    return tray


backend.create = create
atexit.register(note, "exit")

from hamstray.cli.main import main  # noqa: E402 - after the hook, as the command would

sys.exit(main())
