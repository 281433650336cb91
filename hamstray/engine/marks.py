"""The no-op marker for text the engine makes and another layer shows in the user's language."""

from dataclasses import dataclass


def N_(text: str) -> str:
    """``text`` itself: marks it for the catalogue; the layer that shows it translates it."""
    return text


@dataclass(frozen=True, slots=True)
class Marked:
    """A message as a marked template and its fields: ``str()`` is the English text; the layer
    that shows it says it in the user's language. The fields named in ``translated`` are marked
    words too; the others (values as the file spells them, keys) stay as they are."""

    template: str
    fields: tuple[tuple[str, str], ...] = ()
    translated: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.template.format(**dict(self.fields))


def marked(template: str, translated: tuple[str, ...] = (), **fields: str) -> Marked:
    """``Marked(template, fields, translated)`` with the fields as keywords."""
    return Marked(template, tuple(fields.items()), translated)


class MarkedError(ValueError):
    """A ValueError whose message is ``Marked`` (``str()`` is the English text)."""

    def __init__(self, template: str, translated: tuple[str, ...] = (), **fields: str) -> None:
        self.marked = marked(template, translated, **fields)
        super().__init__(str(self.marked))
