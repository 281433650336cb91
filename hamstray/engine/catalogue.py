"""The stretches as values: groups, conditions, doses, cautions, and the ``Stretch`` itself."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Literal, get_args

from hamstray.engine.marks import N_
from hamstray.engine.vocabulary import Condition, Context, Need

GROUPS = ("hamstrings", "hip_flexors", "inner_thighs", "calves", "glutes", "low_back", "feet")
GROUP_NAMES = {
    "hamstrings": N_("Hamstrings"),
    "hip_flexors": N_("Hip flexors"),
    "inner_thighs": N_("Inner thighs"),
    "calves": N_("Calves"),
    "glutes": N_("Glutes"),
    "low_back": N_("Low back"),
    "feet": N_("Feet"),
}
STANDARD_HOLD = 30  # the catalogue's holds are written for this ``stretches.hold``
ROUND_S = 8  # one slow round of a movement: a full breath in and out

# How the guide and setup name a condition to the person who has it.
CONDITION_NAMES: dict[Condition, str] = {
    "knee": N_("Knee pain or a knee injury"),
    "low-back": N_("Low-back or sacroiliac pain"),
    "osteoporosis": N_("Osteoporosis or fragile bones"),
    "pregnancy": N_("Pregnancy"),
    "glaucoma-or-blood-pressure": N_("Glaucoma, recent eye surgery or high blood pressure"),
    "balance": N_("Unsteady balance"),
    "wrists": N_("Sore wrists"),
    "hip-replacement": N_("A hip replacement"),
}
Position = Literal[
    "on-back", "inverted", "kneeling", "balancing", "weight-on-hands", "spinal-flexion", "twisting"
]
POSITIONS: tuple[Position, ...] = get_args(Position)
# A position puts one condition at risk, so a stretch taking it must carry that caution: lying on
# the back lets the womb press on the vena cava, the head below the heart raises eye pressure...
POSITION_RISKS: dict[Position, Condition] = {
    "on-back": "pregnancy",
    "inverted": "glaucoma-or-blood-pressure",
    "kneeling": "knee",
    "balancing": "balance",
    "weight-on-hands": "wrists",
    "spinal-flexion": "osteoporosis",
    "twisting": "osteoporosis",
}
# How a reminder introduces a stretch, unless the entry says otherwise (``intro``).
INTROS: dict[Context, str] = {
    "desk": N_("Try at your desk:"),
    "standing": N_("Stand up for:"),
    "floor": N_("Find some floor space for:"),
}


class CatalogueError(ValueError):
    """A catalogue entry that is not valid; the message names the entry and the field."""


class Dose(Enum):
    """How a stretch is measured: held still, or moved through in rounds or for minutes."""

    HOLD = "hold"
    ROUNDS = "rounds"
    MINUTES = "minutes"


@dataclass(frozen=True, slots=True)
class Caution:
    """What a stretch means for someone with ``condition``, said in one sentence."""

    condition: Condition
    text: str


@dataclass(frozen=True, slots=True)
class Swap:
    """Why a stretch is served in place of another: ``instead_of`` (its id and name), ``reason``."""

    instead_of: str
    name: str
    reason: str

    @property
    def text(self) -> str:
        """What the guide says about it."""
        return f"Swapped in for {self.name}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Stretch:
    """One stretch as data: what it works, where it can be done, how to do it, and for whom.

    A stretch handed to the core as a suggestion has its groups ordered with the group it is
    served for first, and ``hold_s`` set to this user's hold for it today. For a movement
    (``rounds`` or ``minutes`` set) ``hold_s`` is the time its dose takes, per side.
    ``cautions`` name the conditions for which it is swapped for ``gentler`` or left out;
    ``adapt`` those for which it stays, done as the text says. ``swap`` says why it is served
    in place of another stretch, when it is.
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
    why: str = ""
    feel: str = ""
    rounds: int | None = None
    minutes: int | None = None
    max_hold_s: int | None = None
    cautions: tuple[Caution, ...] = ()
    adapt: tuple[Caution, ...] = ()
    positions: tuple[Position, ...] = ()
    needs: tuple[Need, ...] = ()
    warm_up: bool = False
    intro: str = ""
    swap: Swap | None = None

    @property
    def picture(self) -> str:
        """Its pictogram, relative to the icons folder."""
        return f"stretches/{self.id}.png"

    @property
    def dose(self) -> Dose:
        """Whether it is held, counted in rounds, or timed in minutes."""
        if self.rounds is not None:
            return Dose.ROUNDS
        return Dose.HOLD if self.minutes is None else Dose.MINUTES

    @property
    def dose_text(self) -> str:
        """ "30 s each side", "8 slow rounds" or "1 min each side"."""
        sides = " each side" if self.per_side else ""
        if self.rounds is not None:
            return f"{self.rounds} slow rounds{sides}"
        if self.minutes is not None:
            return f"{self.minutes} min{sides}"
        return f"{self.hold_s} s{sides}"

    @property
    def reminder_intro(self) -> str:
        """How a reminder introduces it, e.g. "Try at your desk:"."""
        return self.intro or INTROS[self.context]

    def cautions_for(self, conditions: Iterable[str]) -> tuple[Caution, ...]:
        """Its cautions for any of ``conditions``: if any, swap it for ``gentler`` or drop it."""
        named = set(conditions)
        return tuple(c for c in self.cautions if c.condition in named)

    def adapt_for(self, conditions: Iterable[str]) -> tuple[Caution, ...]:
        """How to do it differently with any of ``conditions`` (it stays in the rotation)."""
        named = set(conditions)
        return tuple(c for c in self.adapt if c.condition in named)


def find(stretches: Sequence[Stretch], stretch_id: str) -> Stretch | None:
    """Return the stretch with ``stretch_id``, or None."""
    return next((s for s in stretches if s.id == stretch_id), None)
