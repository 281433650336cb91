"""The ``status --json`` object of INTERFACE.md, built from the engine's view of one moment."""

import os
from datetime import UTC, datetime
from typing import Any

import hamstray
from hamstray.engine.model import View
from hamstray.runtime.config_file import Reading


def as_json(view: View, reading: Reading | None = None) -> dict[str, Any]:
    """What ``hamstray status --json`` prints for ``view`` (and the settings file's ``reading``:
    which file is in use, when it was read, its problems)."""
    stretch = view.stretch
    return {
        "phase": view.phase.value,
        "sitting_s": round(view.sitting_s),
        "next_break_in_s": None if view.next_break_in is None else round(view.next_break_in),
        "next_stretch": None
        if stretch is None
        else {"id": stretch.id, "name": stretch.name, "groups": list(stretch.groups)},
        "snoozes_left": view.snoozes_left,
        "standing": view.standing,
        "paused_until": None
        if view.paused_until is None
        else datetime.fromtimestamp(view.paused_until, UTC).isoformat(timespec="seconds"),
        "held_back": None if view.held_back is None else view.held_back.text,
        "held_back_cause": None if view.held_back is None else view.held_back.cause.value,
        "pid": os.getpid(),
        "version": hamstray.__version__,
        "config": None if reading is None else reading.as_json(),
    }
