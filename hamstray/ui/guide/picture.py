"""The guide's picture: a stretch's keyframes for one side, at the size the screen wants, played
as a gentle loop on a Tk label while the window is on screen and not at all while it is not.

The files come from ``icons/stretches/manifest.json`` (written by ``python -m tools.pictures``):
plain PNGs Tk opens itself, so the guide needs no Pillow.
"""

import contextlib
import json
import tkinter as tk
from pathlib import Path
from typing import Any

from hamstray.engine.catalogue import ROUND_S, Dose

FRAME_MS = 1000  # each keyframe stays this long: start, end, start... one a second
HIDPI = 1.5  # above this `tk scaling` (pixels per point; 1.33 at 96 dpi) the 2x files are used
RIGHT, LEFT = 1, 2  # a picture's side one is the figure's right; side two, the mirror image


def picture_side(per_side: bool, hold: int) -> int:
    """The picture for the countdown's ``hold`` (0 or 1): the guide holds the left side first,
    so that is side two, the mirrored picture."""
    return (LEFT, RIGHT)[hold] if per_side else RIGHT


def pace(dose: str | None) -> int:
    """How long each keyframe stays, ms: for a stretch done in rounds, half a round, so the
    first keyframe goes with the breath in and the second with the breath out."""
    return ROUND_S * 500 if dose == Dose.ROUNDS.value else FRAME_MS


def read_manifest(path: str | None) -> dict[str, Any]:
    """The pictures' manifest, or an empty one when there is none (the still is shown then)."""
    if not path:
        return {}
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def frame_files(
    manifest: dict[str, Any], folder: Path, stretch: str, side: int, scale: str
) -> list[Path]:
    """The files of ``stretch``'s keyframes for ``side`` at ``scale`` ("1x" or "2x"), in the
    order they play; a stretch done once has only side one."""
    entry = manifest.get("stretches", {}).get(stretch)
    if not isinstance(entry, dict):
        return []
    files = entry.get("files", {})
    sides = files.get(str(side)) or files.get(str(RIGHT)) or {}
    found = [sides.get(frame, {}).get(scale) for frame in entry.get("frames", [])]
    return [folder / f for f in found if isinstance(f, str)]


class Player:
    """Shows one stretch's picture on ``label`` and, when it has keyframes, plays them while
    the window is mapped (a Tk ``after`` that stops on unmap, withdraw or close)."""

    def __init__(self, label: tk.Label, manifest_path: str | None) -> None:
        self.label = label
        self.top = label.winfo_toplevel()
        self.manifest = read_manifest(manifest_path)
        self.folder = Path(manifest_path).parent if manifest_path else Path()
        self.scale = "2x" if float(label.tk.call("tk", "scaling")) > HIDPI else "1x"
        self.files: list[Path] = []
        self.images: list[tk.PhotoImage | None] = []
        self.index = 0
        self.frame_ms = FRAME_MS
        self.job: str | None = None
        self.top.bind("<Map>", self._mapped, add="+")
        self.top.bind("<Unmap>", self._unmapped, add="+")
        label.bind("<Destroy>", lambda _event: self.stop(), add="+")

    @property
    def playing(self) -> bool:
        """Whether the next frame is scheduled."""
        return self.job is not None

    def show(
        self, stretch: str, side: int, still: str | None = None, frame_ms: int = FRAME_MS
    ) -> bool:
        """Show ``stretch`` for ``side`` (1, or 2 for the mirrored picture): its first keyframe
        now, the others every ``frame_ms`` as they play; else ``still``. Whether there is a
        picture at all."""
        self.stop()
        self.frame_ms = frame_ms
        self.files = frame_files(self.manifest, self.folder, stretch, side, self.scale)
        self.images = [None] * len(self.files)
        self.index = 0
        first = self._image(0)
        if first is None and still:
            self.files, self.images = [], []
            try:
                first = tk.PhotoImage(file=still)
                self.images = [first]
            except tk.TclError:
                first = None
        self.label.configure(image=first or "")
        self._start()
        return first is not None

    def stop(self) -> None:
        """Stop the loop (the picture stays on its current frame)."""
        if self.job is not None:
            with contextlib.suppress(tk.TclError):  # the window is already gone
                self.label.after_cancel(self.job)
            self.job = None

    def _image(self, index: int) -> tk.PhotoImage | None:
        """Keyframe ``index``, read from its file the first time it is needed."""
        if index >= len(self.files):
            return self.images[index] if index < len(self.images) else None
        if self.images[index] is None:
            try:
                self.images[index] = tk.PhotoImage(file=str(self.files[index]))
            except tk.TclError:
                return None
        return self.images[index]

    def _start(self) -> None:
        if self.job is None and len(self.images) > 1 and self.top.winfo_viewable():
            self.job = self.label.after(self.frame_ms, self._next)

    def _next(self) -> None:
        self.job = None
        if not self.top.winfo_viewable():
            return
        if self.label.winfo_viewable():  # behind a panel it waits, without reading or drawing
            self.index = (self.index + 1) % len(self.images)
            image = self._image(self.index)
            if image is not None:
                self.label.configure(image=image)
        self._start()

    def _mapped(self, event: "tk.Event[tk.Misc]") -> None:
        if event.widget is self.top:
            self._start()

    def _unmapped(self, event: "tk.Event[tk.Misc]") -> None:
        if event.widget is self.top:
            self.stop()
