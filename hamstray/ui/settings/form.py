"""The settings window's fields without Tk: which keys it shows and in what order, what kind of
field each is (chosen by the key's check, so a key declared later needs no code here), and the
values being edited, read and checked as ``config check`` reads and checks the file."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from enum import Enum
from pathlib import Path
from typing import Any

from hamstray.config import loader, typed
from hamstray.engine import checks, settings
from hamstray.engine.settings import Config, Key
from hamstray.store.translations import N_, _, said

# The pages and the keys on each, by name; "section.*" is every key of a section. A name that is
# not declared (yet) is left out, and so is a page with no key.
PAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        N_("Breaks"),
        (
            "breaks.interval",
            "breaks.snooze",
            "breaks.max_snoozes",
            "breaks.remind_again",
            "breaks.idle_reset",
            "notifications.enabled",
            "notifications.tips",
        ),
    ),
    (
        N_("Stretches"),
        (
            "stretches.contexts",
            "stretches.avoid",
            "stretches.have",
            "stretches.progression",
            "stretches.exclude",
        ),
    ),
    (N_("Routines"), ("routines.morning", "routines.evening", "routines.length")),
    (N_("Quiet"), ("quiet.*",)),
)
# What the window calls a key, and the line under it (None: the key's own help line; "": none).
LABELS: dict[str, tuple[str, str | None]] = {
    "breaks.interval": (
        N_("Sitting time before a break"),
        N_('like "30m" or "1h"; 30 minutes is a good start'),
    ),
    "breaks.snooze": (N_("Snooze puts a break off by"), ""),
    "breaks.max_snoozes": (N_("Snoozes per break"), None),
    "breaks.remind_again": (N_("Remind again after"), N_("when a reminder is ignored")),
    "breaks.idle_reset": (N_("Away this long is a break"), None),
    "notifications.enabled": (N_("Show reminders as notifications"), ""),
    "notifications.tips": (N_("A posture or movement tip now and then"), ""),
    "stretches.contexts": (N_("Daytime stretches may be done"), ""),
    "stretches.avoid": (N_("Leave out stretches that do not suit"), None),
    "stretches.have": (N_("I have"), N_("a step with a rail, for the heel drop")),
    "stretches.progression": (N_("Holds grow"), N_("from the starting hold up to the longest")),
    "stretches.exclude": (
        N_("Suggest these stretches"),
        N_("Space or a click leaves one out, or takes it back"),
    ),
    "routines.morning": (N_("Morning routine at"), N_('like "07:30"; empty for none')),
    "routines.evening": (N_("Evening routine at"), N_('like "21:00"; empty for none')),
    "routines.length": (N_("A routine takes"), None),
    "quiet.microphone": (N_("Hold reminders while an app records the microphone"), ""),
    "quiet.camera": (N_("Hold reminders while an app uses the camera"), ""),
    "quiet.screen_sharing": (N_("Hold reminders while the screen is shared"), ""),
    "quiet.apps": (N_("And while these apps run"), N_('process names, like "zoom, teams"')),
}
WORDS = {  # how an option reads in the window
    "desk": N_("at the desk"),
    "standing": N_("standing"),
    "floor": N_("on the floor"),
    "gentle": N_("gently"),
    "steady": N_("steadily"),
    "off": N_("not at all"),
}


class Kind(Enum):
    """What a field looks like."""

    DURATION = "duration"  # a box: "30m"
    NUMBER = "number"  # a spin box
    CLOCK = "clock"  # a box: "07:30" or empty
    FLAG = "flag"  # a check box
    CHOICE = "choice"  # radio buttons
    OPTIONS = "options"  # a check box per option
    STRETCHES = "stretches"  # the catalogue by name, each on or off
    WORDS = "words"  # a box of words separated by commas

    @property
    def typed(self) -> bool:
        """Whether the user types the value as text."""
        return self in (Kind.DURATION, Kind.NUMBER, Kind.CLOCK, Kind.WORDS)


def kind_of(key: Key) -> Kind | None:
    """The field for ``key``, by its check (None: the window leaves it to the file)."""
    match key.check:
        case checks.Duration():
            return Kind.DURATION
        case checks.Whole():
            return Kind.NUMBER
        case checks.Clock():
            return Kind.CLOCK
        case checks.Flag():
            return Kind.FLAG
        case checks.OneOf():
            return Kind.CHOICE
        case checks.Words() if key.check.options:
            return Kind.OPTIONS
        case checks.Words() if key.check is settings.STRETCH_IDS:
            return Kind.STRETCHES
        case checks.Words() | checks.Names():
            return Kind.WORDS
    return None


@dataclass(frozen=True, slots=True)
class Field:
    """One key as the window shows it."""

    key: Key
    kind: Kind

    @property
    def label(self) -> str:
        """What the window calls it."""
        found = LABELS.get(self.key.dotted)
        about = _(self.key.about)
        return _(found[0]) if found else about[:1].upper() + about[1:]

    @property
    def help(self) -> str:
        """The line under the field."""
        found = LABELS.get(self.key.dotted)
        if found is None:
            return ""  # the help line is the label already
        return _(self.key.about) if found[1] is None else _(found[1]) if found[1] else ""


def pages(declared: Iterable[Key] | None = None) -> list[tuple[str, list[Field]]]:
    """The window's pages with their fields, in order."""
    keys = list(settings.declared() if declared is None else declared)
    found = []
    for title, names in PAGES:
        chosen = [
            key
            for name in names
            for key in keys
            if key.dotted == name or (name.endswith(".*") and key.section == name[:-2])
        ]
        shown = [Field(key, kind) for key in chosen if (kind := kind_of(key)) is not None]
        if shown:
            found.append((_(title), shown))
    return found


class Form:
    """The values being edited: what the file said, what the user has now, what is wrong."""

    def __init__(self, text: str, path: Path, declared: Sequence[Key] | None = None) -> None:
        self.config, problems = loader.parse(text, path)
        self.pages = pages(declared)
        self.fields = {f.key.dotted: f for _, page in self.pages for f in page}
        # A file TOML cannot read is not edited here: the user fixes it in the file first.
        self.unreadable = next((p for p in problems if not p.key), None)
        self.in_file = {p.key: p.message for p in loader.errors(problems) if p.key in self.fields}
        self.broken = set(self.in_file)  # written on Save even if left as shown
        self.values = {d: settings.value(self.config, f.key) for d, f in self.fields.items()}
        self.opened = dict(self.values)
        self.errors: dict[str, str] = {}

    def text(self, dotted: str) -> str:
        """A typed field's value as the user would type it."""
        field = self.fields[dotted]
        return typed.shown(field.key, self.values[dotted])

    def enter(self, dotted: str, entered: Any) -> str | None:
        """Take what the user entered (the text of a typed field, else the value itself): the
        check's message when it is not a valid value, else None."""
        field = self.fields[dotted]
        try:
            if field.kind.typed:
                value = typed.read(field.key, str(entered))
            else:
                value = field.key.check.read(
                    list(entered) if isinstance(entered, tuple | list) else entered
                )
        except ValueError as error:
            self.errors[dotted] = said(error)
            return self.errors[dotted]
        self.errors.pop(dotted, None)
        self.in_file.pop(dotted, None)
        self.values[dotted] = value
        return None

    def candidate(self) -> Config:
        """The settings the file would give with the values entered so far."""
        sections = {}
        for section in fields(Config):
            values = {
                f.key.name: self.values[d]
                for d, f in self.fields.items()
                if f.key.section == section.name
            }
            sections[section.name] = replace(getattr(self.config, section.name), **values)
        return Config(**sections)

    def notes(self) -> dict[str, tuple[str, bool]]:
        """Per key, what to say under it: (message, whether it stops a save). The check's
        message for a bad entry, the rules that tie keys together, and the warnings."""
        found: dict[str, tuple[str, bool]] = {
            d: (_("in the file: {problem}; Save writes the value shown").format(problem=m), False)
            for d, m in self.in_file.items()
        }
        candidate = self.candidate()
        for dotted, rule, _tied in settings.reconcile(candidate)[1]:
            found[dotted] = (said(rule), True)
        for keys, doubt in settings.doubts(candidate):
            found[keys[0]] = (said(doubt), False)
        for dotted, message in self.errors.items():
            found[dotted] = (message, True)
        return {d: note for d, note in found.items() if d in self.fields}

    @property
    def blocked(self) -> bool:
        """Whether Save must wait: a value is wrong or the file cannot be read."""
        return self.unreadable is not None or any(stop for _, stop in self.notes().values())

    def changes(self) -> dict[str, Any]:
        """The keys to write: those the user changed, and those the file has wrong."""
        return {d: v for d, v in self.values.items() if v != self.opened[d] or d in self.broken}
