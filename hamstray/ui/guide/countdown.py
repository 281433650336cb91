"""Where a stretch's dose stands, second by second: a hold per side with a pause to switch,
rounds paced by the breath, or minutes of movement. Pure: the window ticks it once a second."""

from dataclasses import dataclass, field
from enum import Enum

from hamstray.engine.catalogue import ROUND_S, Dose
from hamstray.store.translations import _

SWITCH_S = 3  # seconds to change sides


def clock(seconds: int) -> str:
    """A countdown as people read it: 0:25."""
    return f"{seconds // 60}:{seconds % 60:02d}"


class Beat(Enum):
    """What a tick brought, besides one second less."""

    NONE = "none"
    SWITCH = "switch"  # time to change sides: the window rings its soft bell
    DONE = "done"


@dataclass
class Countdown:
    """One stretch's dose: ``seconds`` per side (for rounds, ``rounds`` of ``ROUND_S``)."""

    dose: Dose
    seconds: int
    per_side: bool
    rounds: int | None = None
    side: int = 0
    switching: bool = False
    held: int = 0  # seconds of the dose done so far, both sides together
    left: int = field(init=False)

    def __post_init__(self) -> None:
        self.seconds = max(1, self.seconds)
        self.left = self.seconds

    @property
    def sides(self) -> int:
        """How many times the dose is done: twice for a stretch with sides."""
        return 2 if self.per_side else 1

    def tick(self) -> Beat:
        """One second passed."""
        self.left -= 1
        if not self.switching:
            self.held += 1
        if self.left > 0:
            return Beat.NONE
        if self.switching:
            self.switching, self.left = False, self.seconds
            return Beat.NONE
        if self.side + 1 < self.sides:
            self.side += 1
            self.switching, self.left = True, SWITCH_S
            return Beat.SWITCH
        self.left = 0
        return Beat.DONE

    @property
    def label(self) -> str:
        """The line above the count: the side, the round, or the switch."""
        if self.switching:
            return _("Switch sides")
        side = (_("Left side"), _("Right side"))[self.side] if self.per_side else ""
        if self.dose is Dose.ROUNDS:
            number = min(self.seconds - self.left, self.seconds - 1) // ROUND_S + 1
            total = self.rounds or max(1, self.seconds // ROUND_S)
            return " · ".join(
                p
                for p in (side, _("Round {number} of {total}").format(number=number, total=total))
                if p
            )
        if self.dose is Dose.MINUTES:
            return side or _("Keep moving gently")
        return side or _("Hold")

    @property
    def big(self) -> str:
        """The large text: the time left, or for rounds the breath."""
        if self.dose is Dose.ROUNDS and not self.switching:
            into = (self.seconds - self.left) % ROUND_S
            return _("Breathe in") if into < ROUND_S // 2 else _("Breathe out")
        return clock(self.left)

    @property
    def most_done(self) -> bool:
        """Whether most (two thirds) of the whole dose ran: only then does it count towards
        progress."""
        return self.held * 3 >= self.seconds * self.sides * 2

    @property
    def fraction(self) -> float:
        """How much of this side is done, 0 to 1 (0 while switching)."""
        return 0.0 if self.switching else 1 - self.left / self.seconds
