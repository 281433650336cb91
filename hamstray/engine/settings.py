"""The settings the rules read, each key declared once: type, default, allowed values and help.

A key is a dataclass field made with ``setting(default, check, help)``. The config loader reads a
file through the checks, the writer renders the defaults file from the same declarations, and
``declared()`` lists them for anything that shows or edits settings.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field, fields, replace
from datetime import time
from typing import Any, Literal, TypeVar, get_args

from hamstray.engine import durations
from hamstray.engine.checks import Check, Clock, Duration, Flag, Names, OneOf, Whole, Words
from hamstray.engine.marks import N_, Marked, marked
from hamstray.engine.vocabulary import CONDITIONS, CONTEXTS, NEEDS, Condition, Context, Need

T = TypeVar("T")

Progression = Literal["gentle", "steady", "off"]
PROGRESSIONS: tuple[Progression, ...] = get_args(Progression)
DAY = 24 * 3600


def setting(default: T, check: Check[T], about: str) -> T:
    """Declare one key: its default, how it is checked, and one line that says what it does."""
    declared: T = field(default=default, metadata={"check": check, "about": about})
    return declared


@dataclass(frozen=True, slots=True)
class Breaks:
    """When reminders come and how often they may be put off."""

    interval: int = setting(30 * 60, Duration(1, DAY), N_("sitting time before a reminder"))
    snooze: int = setting(5 * 60, Duration(1, DAY), N_("how long Snooze puts a break off"))
    max_snoozes: int = setting(3, Whole(0, 20), N_("then only Start or Skip are offered"))
    remind_again: int = setting(
        10 * 60, Duration(1, DAY), N_("an ignored reminder repeats after this")
    )
    idle_reset: int = setting(
        5 * 60, Duration(1, DAY), N_("idle (or locked, or suspended) this long counts as a break")
    )


STRETCH_IDS: Words[str] = Words(N_("stretch ids"))


@dataclass(frozen=True, slots=True)
class Stretches:
    """Which stretches daytime reminders may suggest and how long they are held."""

    contexts: tuple[Context, ...] = setting(
        ("desk", "standing"),
        Words("contexts", CONTEXTS, allow_empty=False),
        N_('what daytime reminders may suggest ("floor" too, if you like)'),
    )
    exclude: tuple[str, ...] = setting(
        (), STRETCH_IDS, N_("stretch ids never suggested (see: hamstray stretches)")
    )
    avoid: tuple[Condition, ...] = setting(
        (),
        Words("conditions", CONDITIONS),
        N_("conditions to spare: risky stretches are swapped or left out"),
    )
    have: tuple[Need, ...] = setting(
        (), Words("things", NEEDS), N_('["step"]: a step with a rail, for the heel drop')
    )
    hold: int = setting(
        30, Duration(5, 10 * 60), N_("starting hold, per side where a stretch has sides")
    )
    max_hold: int = setting(
        60,
        Duration(5, 10 * 60),
        N_("holds grow slowly up to this (ACSM: 30-60 s per muscle group)"),
    )
    progression: Progression = setting(
        "gentle", OneOf(PROGRESSIONS), N_('"gentle" | "steady" | "off"')
    )


@dataclass(frozen=True, slots=True)
class Routines:
    """The longer floor routine in the morning and evening (None: no reminder)."""

    morning: time | None = setting(
        time(7, 30), Clock(), N_('a reminder for the longer floor routine; "" for none')
    )
    evening: time | None = setting(time(21, 0), Clock(), N_('the evening one; "" for none'))
    length: int = setting(10 * 60, Duration(60, 2 * 3600), N_("how long a routine takes"))


@dataclass(frozen=True, slots=True)
class Notifications:
    """Whether reminders pop up as desktop notifications."""

    enabled: bool = setting(True, Flag(), N_("reminders as desktop notifications"))
    tips: bool = setting(
        True, Flag(), N_("at most one posture or movement tip a day in a reminder")
    )


@dataclass(frozen=True, slots=True)
class Quiet:
    """What counts as a call: while one goes on, a due reminder waits and comes once after."""

    microphone: bool = setting(
        True, Flag(), N_("hold reminders while an app records the microphone")
    )
    camera: bool = setting(True, Flag(), N_("hold reminders while an app uses the camera"))
    screen_sharing: bool = setting(True, Flag(), N_("hold reminders while the screen is shared"))
    apps: tuple[str, ...] = setting(
        (), Names(), N_('process names that keep reminders quiet, e.g. ["zoom", "teams"]')
    )


LANGUAGES = ("", "en", "de", "fr", "es")  # "": the desktop's; each other one has a catalogue


@dataclass(frozen=True, slots=True)
class Ui:
    """The language hamstray speaks."""

    language: str = setting(
        "", OneOf(LANGUAGES), N_('"" follows the desktop\'s locale; or "en", "de", "fr", "es"')
    )


# Longer notes the defaults file puts above a section.
NOTES = {
    "breaks": (
        "Five minutes of light movement every 30 minutes lowered both blood sugar and blood\n"
        "pressure in a crossover trial (Diaz et al., MSSE 2023); breaks every 60 minutes did\n"
        "not help blood sugar."
    ),
    "stretches": (
        "avoid takes any of: "
        + ", ".join(f'"{c}"' for c in CONDITIONS[:4])
        + ",\n"
        + ", ".join(f'"{c}"' for c in CONDITIONS[4:])
        + ".\nWith any of them, ask a doctor or physiotherapist first."
    ),
    "quiet": (
        "During a call, sitting still counts as sitting: the reminder after it says how long.\n"
        "hamstray doctor shows which of these this machine can detect."
    ),
}


@dataclass(frozen=True, slots=True)
class Config:
    """Every setting hamstray reads, with the defaults of INTERFACE.md."""

    breaks: Breaks = field(default_factory=Breaks)
    stretches: Stretches = field(default_factory=Stretches)
    routines: Routines = field(default_factory=Routines)
    notifications: Notifications = field(default_factory=Notifications)
    quiet: Quiet = field(default_factory=Quiet)
    ui: Ui = field(default_factory=Ui)


@dataclass(frozen=True, slots=True)
class Key:
    """One declared key, as ``declared()`` lists it."""

    section: str
    name: str
    check: Check[Any]
    about: str
    default: Any

    @property
    def dotted(self) -> str:
        """``section.name``, as messages name it."""
        return f"{self.section}.{self.name}"


def declared() -> Iterator[Key]:
    """Every key, section by section, in declaration order."""
    for section in fields(Config):
        defaults = getattr(Config(), section.name)
        for item in fields(defaults):
            yield Key(
                section.name,
                item.name,
                item.metadata["check"],
                item.metadata["about"],
                getattr(defaults, item.name),
            )


def sections() -> tuple[str, ...]:
    """The section names, in order."""
    return tuple(f.name for f in fields(Config))


def value(config: Config, key: Key) -> Any:
    """The value ``config`` has for ``key``."""
    return getattr(getattr(config, key.section), key.name)


def reconcile(config: Config) -> tuple[Config, list[tuple[str, Marked, str]]]:
    """Apply the rules that tie two keys together: the corrected config and (key, problem, the
    key it is tied to), so a problem can point at whichever of the two the file sets."""
    problems: list[tuple[str, Marked, str]] = []
    stretches = config.stretches
    if stretches.max_hold < stretches.hold:
        problems.append(
            (
                "stretches.max_hold",
                marked(
                    N_("must be at least {other} ({low}), got {got}"),
                    other="stretches.hold",
                    low=durations.compact(stretches.hold),
                    got=durations.compact(stretches.max_hold),
                ),
                "stretches.hold",
            )
        )
        config = replace(config, stretches=replace(stretches, max_hold=stretches.hold))
    return config, problems


FEW_SECONDS = 60  # an interval shorter than this is for trying hamstray out


def doubts(config: Config) -> list[tuple[tuple[str, ...], Marked]]:
    """Values that are allowed but make little sense together, as (the keys involved, the first
    one named first; warning): they are used as written, and the check names them."""
    breaks = config.breaks
    found: list[tuple[tuple[str, ...], Marked]] = []
    if breaks.interval < FEW_SECONDS:
        found.append(
            (
                ("breaks.interval",),
                marked(
                    N_(
                        "{interval} of sitting is for trying hamstray out; "
                        "for everyday use it is minutes, like {example}"
                    ),
                    interval=durations.compact(breaks.interval),
                    example='"30m"',
                ),
            )
        )
    if breaks.remind_again > breaks.interval:
        found.append(
            (
                ("breaks.remind_again", "breaks.interval"),
                marked(
                    N_(
                        "{again} is longer than {other} ({interval}): an ignored reminder comes "
                        "back after more than a whole sitting interval"
                    ),
                    again=durations.compact(breaks.remind_again),
                    other="breaks.interval",
                    interval=durations.compact(breaks.interval),
                ),
            )
        )
    return found
