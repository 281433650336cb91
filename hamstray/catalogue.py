"""The stretches hamstray suggests, and which one comes next."""

from collections.abc import Sequence
from dataclasses import dataclass

from hamstray.config import Context

GROUPS = ("hamstrings", "hip_flexors", "inner_thighs", "calves", "glutes", "low_back", "feet")


@dataclass(frozen=True, slots=True)
class Stretch:
    """One stretch as data: what it works, where it can be done, how to do it."""

    id: str
    name: str
    groups: tuple[str, ...]
    context: Context
    per_side: bool
    hold_s: int
    cues: tuple[str, ...]
    caution: str | None = None

    @property
    def picture(self) -> str:
        """The file name of its pictogram in the icons folder."""
        return f"stretches/{self.id}.png"


# A small fixed set for now; the full catalogue is a data file of its own.
BUILTIN: tuple[Stretch, ...] = (
    Stretch(
        "chair-hamstring",
        "Seated hamstring stretch on the chair edge",
        ("hamstrings",),
        "desk",
        per_side=True,
        hold_s=30,
        cues=(
            "Sit on the front of your chair.",
            "Straighten one leg, heel down, toes up.",
            "Hinge forward from the hips with a long back.",
        ),
        caution="Ease off at discomfort; never bounce.",
    ),
    Stretch(
        "standing-hip-flexor",
        "Standing hip-flexor lunge",
        ("hip_flexors",),
        "standing",
        per_side=True,
        hold_s=30,
        cues=(
            "Step one foot back into a short lunge, hand on the desk.",
            "Tuck your tailbone under and squeeze the back glute.",
            "Feel the front of the back hip open.",
        ),
    ),
    Stretch(
        "desk-calf",
        "Calf stretch at the desk",
        ("calves",),
        "standing",
        per_side=True,
        hold_s=30,
        cues=(
            "Hands on the desk, one foot back.",
            "Press the back heel to the floor, knee straight.",
            "Lean in until the calf pulls gently.",
        ),
    ),
    Stretch(
        "seated-wide-leg",
        "Wide-legged seated stretch",
        ("inner_thighs", "hamstrings"),
        "desk",
        per_side=False,
        hold_s=30,
        cues=(
            "Sit forward, feet wide, toes out.",
            "Hands on your knees, lean forward with a flat back.",
            "Breathe out and let the inner thighs soften.",
        ),
        caution="Ease off at discomfort; never bounce.",
    ),
)


def suggest(stretches: Sequence[Stretch], served: Sequence[str]) -> Stretch:
    """Return the stretch served least recently (never served first), given ids oldest to newest."""
    last_served = {stretch_id: index for index, stretch_id in enumerate(served)}
    return min(stretches, key=lambda s: (last_served.get(s.id, -1), stretches.index(s)))


def find(stretches: Sequence[Stretch], stretch_id: str) -> Stretch | None:
    """Return the stretch with ``stretch_id``, or None."""
    return next((s for s in stretches if s.id == stretch_id), None)
