"""Counted words: the one place that picks a noun's plural form for a number."""


def plural(count: int, one: str, other: str) -> str:
    """``one`` or ``other`` for ``count``, with ``{n}`` filled in: ``plural(1, "{n} break",
    "{n} breaks")`` reads "1 break". English has two forms; the translations will choose
    among their language's forms here (gettext's ngettext takes the same three arguments)."""
    return (one if count == 1 else other).format(n=count)
