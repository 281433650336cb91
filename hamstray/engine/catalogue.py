"""The stretches hamstray knows, read from the data file ``stretches.toml`` and validated."""

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from hamstray.engine.settings import CONTEXTS, Context

GROUPS = ("hamstrings", "hip_flexors", "inner_thighs", "calves", "glutes", "low_back", "feet")
GROUP_NAMES = {
    "hamstrings": "Hamstrings",
    "hip_flexors": "Hip flexors",
    "inner_thighs": "Inner thighs",
    "calves": "Calves",
    "glutes": "Glutes",
    "low_back": "Low back",
    "feet": "Feet",
}
STANDARD_HOLD = 30  # the catalogue's holds are written for this ``stretches.hold``
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


class CatalogueError(ValueError):
    """A catalogue entry that is not valid; the message names the entry and the field."""


@dataclass(frozen=True, slots=True)
class Stretch:
    """One stretch as data: what it works, where it can be done, how to do it.

    A stretch handed to the core as a suggestion has its groups ordered with the group it is
    served for first, and ``hold_s`` set to this user's hold for it today.
    """

    id: str
    name: str
    groups: tuple[str, ...]
    context: Context
    per_side: bool
    hold_s: int
    cues: tuple[str, ...]
    caution: str | None = None
    gentler: str | None = None

    @property
    def picture(self) -> str:
        """Its pictogram, relative to the icons folder."""
        return f"stretches/{self.id}.png"


def parse(text: str) -> tuple[Stretch, ...]:
    """Read and validate the catalogue TOML ``text``."""
    try:
        entries = tomllib.loads(text).get("stretch", [])
    except tomllib.TOMLDecodeError as error:
        raise CatalogueError(f"the catalogue is not valid TOML: {error}") from error
    if not isinstance(entries, list) or not entries:
        raise CatalogueError("the catalogue has no [[stretch]] entries")
    stretches = tuple(_entry(number, raw) for number, raw in enumerate(entries, start=1))
    ids = [s.id for s in stretches]
    for stretch in stretches:
        if ids.count(stretch.id) > 1:
            raise CatalogueError(f"stretch {stretch.id!r}: the id is used twice")
        if stretch.gentler is not None and stretch.gentler not in ids:
            raise CatalogueError(
                f"stretch {stretch.id!r}: gentler names no stretch: {stretch.gentler!r}"
            )
    return stretches


def _entry(number: int, raw: Any) -> Stretch:
    where = f"stretch #{number}"
    if not isinstance(raw, dict):
        raise CatalogueError(f"{where}: expected a table")
    where = f"stretch {raw.get('id', f'#{number}')!r}"
    known = {"id", "name", "groups", "context", "per_side", "hold", "cues", "caution", "gentler"}
    unknown = set(raw) - known
    if unknown:
        raise CatalogueError(f"{where}: unknown field {sorted(unknown)[0]!r}")

    def field(name: str, kind: type, optional: bool = False) -> Any:
        value = raw.get(name)
        if value is None and optional:
            return None
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise CatalogueError(f"{where}: {name} must be a {kind.__name__}, got {value!r}")
        return value

    stretch_id = field("id", str)
    if not _ID.fullmatch(stretch_id):
        raise CatalogueError(
            f"{where}: id must be lowercase words joined by '-', got {stretch_id!r}"
        )
    groups = field("groups", list)
    if not groups or any(g not in GROUPS for g in groups) or len(set(groups)) != len(groups):
        raise CatalogueError(f"{where}: groups must be distinct names from {', '.join(GROUPS)}")
    context = field("context", str)
    if context not in CONTEXTS:
        raise CatalogueError(f"{where}: context must be one of {', '.join(CONTEXTS)}")
    hold = field("hold", int)
    if not 10 <= hold <= 300:
        raise CatalogueError(f"{where}: hold must be 10 to 300 seconds, got {hold}")
    cues = field("cues", list)
    if not 2 <= len(cues) <= 4 or not all(isinstance(c, str) and c.strip() for c in cues):
        raise CatalogueError(f"{where}: cues must be 2 to 4 short sentences")
    return Stretch(
        id=stretch_id,
        name=field("name", str),
        groups=tuple(groups),
        context=context,
        per_side=field("per_side", bool),
        hold_s=hold,
        cues=tuple(cues),
        caution=field("caution", str, optional=True),
        gentler=field("gentler", str, optional=True),
    )


def find(stretches: Sequence[Stretch], stretch_id: str) -> Stretch | None:
    """Return the stretch with ``stretch_id``, or None."""
    return next((s for s in stretches if s.id == stretch_id), None)
