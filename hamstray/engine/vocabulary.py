"""The words the catalogue and the config share: where a stretch is done, the conditions a
user can name, and the equipment a stretch may need."""

from typing import Literal, get_args

Context = Literal["desk", "standing", "floor"]
CONTEXTS: tuple[Context, ...] = get_args(Context)
# The conditions of ``stretches.avoid``, and of the catalogue's cautions.
Condition = Literal[
    "knee",
    "low-back",
    "osteoporosis",
    "pregnancy",
    "glaucoma-or-blood-pressure",
    "balance",
    "wrists",
    "hip-replacement",
]
CONDITIONS: tuple[Condition, ...] = get_args(Condition)
# Equipment beyond a chair, a desk, a wall, a towel or a cushion (``stretches.have``).
Need = Literal["step"]
NEEDS: tuple[Need, ...] = get_args(Need)
# The words a user marks a stretch with (``hamstray feedback``, the guide's buttons).
FEEDBACK = ("easy", "hard", "favourite", "never")
