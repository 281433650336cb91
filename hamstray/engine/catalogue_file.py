"""Reading the catalogue file: ``stretches.toml`` as text in, validated stretches out."""

import re
import tomllib
from collections.abc import Callable, Sequence
from typing import Any

from hamstray.engine.catalogue import (
    GROUPS,
    POSITION_RISKS,
    POSITIONS,
    ROUND_S,
    CatalogueError,
    Caution,
    Position,
    Stretch,
)
from hamstray.engine.vocabulary import CONDITIONS, CONTEXTS, NEEDS

_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_FIELDS = {
    "id", "name", "groups", "context", "per_side", "hold", "rounds", "minutes", "max_hold",
    "cues", "why", "feel", "caution", "cautions", "adapt", "positions", "needs", "gentler",
    "warm_up", "intro",
}  # fmt: skip


def parse(text: str) -> tuple[Stretch, ...]:
    """Read and validate the catalogue TOML ``text``: its stretches, the warm-ups apart."""
    return tuple(s for s in _parse_all(text) if not s.warm_up)


def warm_ups(text: str) -> tuple[Stretch, ...]:
    """Read and validate the catalogue TOML ``text``: only its warm-ups (they open routines)."""
    # Kept out of ``parse``: a warm-up has no muscle group, and everything that serves or lists
    # stretches goes by their groups.
    return tuple(s for s in _parse_all(text) if s.warm_up)


def _parse_all(text: str) -> tuple[Stretch, ...]:
    try:
        entries = tomllib.loads(text).get("stretch", [])
    except tomllib.TOMLDecodeError as error:
        raise CatalogueError(f"the catalogue is not valid TOML: {error}") from error
    if not isinstance(entries, list) or not entries:
        raise CatalogueError("the catalogue has no [[stretch]] entries")
    stretches = tuple(_entry(number, raw) for number, raw in enumerate(entries, start=1))
    by_id = {s.id: s for s in stretches}
    ids = [s.id for s in stretches]
    for stretch in stretches:
        if ids.count(stretch.id) > 1:
            raise CatalogueError(f"stretch {stretch.id!r}: the id is used twice")
        if stretch.gentler is None:
            continue
        gentler = by_id.get(stretch.gentler)
        if gentler is None:
            raise CatalogueError(
                f"stretch {stretch.id!r}: gentler names no stretch: {stretch.gentler!r}"
            )
        if gentler.warm_up:
            raise CatalogueError(f"stretch {stretch.id!r}: gentler names a warm-up")
        _check_no_loop(stretch, by_id)
    return stretches


def _check_no_loop(stretch: Stretch, by_id: dict[str, Stretch]) -> None:
    # Swaps follow ``gentler`` until a stretch fits, so a chain that comes back would never end.
    seen = [stretch.id]
    current = stretch
    while current.gentler is not None:
        if current.gentler in seen:
            chain = " -> ".join([*seen, current.gentler])
            raise CatalogueError(f"stretch {stretch.id!r}: gentler goes round in a loop: {chain}")
        seen.append(current.gentler)
        current = by_id[current.gentler]


def _entry(number: int, raw: Any) -> Stretch:
    where = f"stretch #{number}"
    if not isinstance(raw, dict):
        raise CatalogueError(f"{where}: expected a table")
    where = f"stretch {raw.get('id', f'#{number}')!r}"
    unknown = set(raw) - _FIELDS
    if unknown:
        raise CatalogueError(f"{where}: unknown field {sorted(unknown)[0]!r}")

    def field(name: str, kind: type, optional: bool = False) -> Any:
        value = raw.get(name)
        if value is None and optional:
            return None
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise CatalogueError(f"{where}: {name} must be a {kind.__name__}, got {value!r}")
        return value

    def words(name: str, vocabulary: Sequence[str]) -> tuple[Any, ...]:
        values = field(name, list, optional=True) or []
        if any(v not in vocabulary for v in values) or len(set(values)) != len(values):
            known = ", ".join(vocabulary)
            raise CatalogueError(f"{where}: {name} must be distinct names from {known}")
        return tuple(values)

    def line(name: str, optional: bool = False) -> Any:
        value = field(name, str, optional)
        if value is not None and (not value.strip() or "\n" in value):
            raise CatalogueError(f"{where}: {name} must be one line of text")
        return value

    stretch_id = field("id", str)
    if not _ID.fullmatch(stretch_id):
        raise CatalogueError(
            f"{where}: id must be lowercase words joined by '-', got {stretch_id!r}"
        )
    warm_up = bool(field("warm_up", bool, optional=True))
    groups = words("groups", GROUPS)
    if warm_up and groups:
        raise CatalogueError(f"{where}: a warm-up has no groups (it is never served as a stretch)")
    if not warm_up and not groups:
        raise CatalogueError(f"{where}: groups must be distinct names from {', '.join(GROUPS)}")
    context = field("context", str)
    if context not in CONTEXTS:
        raise CatalogueError(f"{where}: context must be one of {', '.join(CONTEXTS)}")
    cues = field("cues", list)
    if not 2 <= len(cues) <= 4 or not all(isinstance(c, str) and c.strip() for c in cues):
        raise CatalogueError(f"{where}: cues must be 2 to 4 short sentences")
    hold_s, rounds, minutes, max_hold = _dose(where, raw, field)
    positions = words("positions", POSITIONS)
    cautions, adapt = _conditions(where, raw, positions)
    intro = line("intro", optional=True)
    if intro is not None and not intro.endswith(":"):
        raise CatalogueError(f"{where}: intro must end with ':', got {intro!r}")
    gentler = field("gentler", str, optional=True)
    if gentler == stretch_id:
        raise CatalogueError(f"{where}: gentler names the stretch itself")
    return Stretch(
        id=stretch_id,
        name=line("name"),
        groups=groups,
        context=context,
        per_side=field("per_side", bool),
        hold_s=hold_s,
        cues=tuple(cues),
        caution=line("caution", optional=True),
        gentler=gentler,
        why=line("why"),
        feel=line("feel"),
        rounds=rounds,
        minutes=minutes,
        max_hold_s=max_hold,
        cautions=cautions,
        adapt=adapt,
        positions=positions,
        needs=words("needs", NEEDS),
        warm_up=warm_up,
        intro=intro or "",
    )


def _dose(
    where: str, raw: dict[str, Any], field: Callable[..., Any]
) -> tuple[int, int | None, int | None, int | None]:
    """The entry's one dose as (seconds it takes, rounds, minutes, max hold)."""
    given = [name for name in ("hold", "rounds", "minutes") if name in raw]
    if len(given) != 1:
        raise CatalogueError(f"{where}: give exactly one dose: hold, rounds or minutes")
    if "max_hold" in raw and given != ["hold"]:
        raise CatalogueError(f"{where}: max_hold caps a hold; a movement has none")
    if given == ["rounds"]:
        rounds = field("rounds", int)
        if not 3 <= rounds <= 20:
            raise CatalogueError(f"{where}: rounds must be 3 to 20, got {rounds}")
        return rounds * ROUND_S, rounds, None, None
    if given == ["minutes"]:
        minutes = field("minutes", int)
        if not 1 <= minutes <= 5:
            raise CatalogueError(f"{where}: minutes must be 1 to 5, got {minutes}")
        return minutes * 60, None, minutes, None
    hold = field("hold", int)
    if not 10 <= hold <= 300:
        raise CatalogueError(f"{where}: hold must be 10 to 300 seconds, got {hold}")
    max_hold = field("max_hold", int, optional=True)
    if max_hold is not None and not hold <= max_hold <= 300:
        raise CatalogueError(f"{where}: max_hold must be {hold} to 300 seconds, got {max_hold}")
    return hold, None, None, max_hold


def _conditions(
    where: str, raw: dict[str, Any], positions: tuple[Position, ...]
) -> tuple[tuple[Caution, ...], tuple[Caution, ...]]:
    """The entry's ``cautions`` and ``adapt``, with a caution for every risk its positions carry."""
    cautions = _cautions(where, raw, "cautions")
    adapt = _cautions(where, raw, "adapt")
    both = {c.condition for c in cautions} & {c.condition for c in adapt}
    if both:
        raise CatalogueError(f"{where}: {sorted(both)[0]!r} is in both cautions and adapt")
    for position in positions:
        if POSITION_RISKS[position] not in {c.condition for c in cautions}:
            raise CatalogueError(
                f"{where}: positions has {position!r}, so cautions needs "
                f"{POSITION_RISKS[position]!r}"
            )
    return cautions, adapt


def _cautions(where: str, raw: dict[str, Any], name: str) -> tuple[Caution, ...]:
    """A ``condition = "text"`` table, checked against the conditions' vocabulary."""
    table = raw.get(name, {})
    if not isinstance(table, dict):
        raise CatalogueError(f'{where}: {name} must be a table of condition = "text"')
    result = []
    for condition, text in table.items():
        if condition not in CONDITIONS:
            raise CatalogueError(
                f"{where}: {name} names an unknown condition {condition!r} "
                f"(known: {', '.join(CONDITIONS)})"
            )
        if not isinstance(text, str) or not text.strip() or "\n" in text:
            raise CatalogueError(f"{where}: {name}.{condition} must be one line of text")
        result.append(Caution(condition, text))
    return tuple(result)
