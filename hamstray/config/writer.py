"""Writing settings as TOML: the commented defaults file and ``config show`` (edits to the
user's own file are ``edits``)."""

from hamstray.engine import settings
from hamstray.engine.settings import Config

HEADER = (
    "# hamstray settings. Every key is optional: delete a line to get its default back.\n"
    '# Durations: "90s", "5m", "1h30m", "2h", or a whole number of seconds.\n'
)


def to_toml(config: Config, comments: bool = False) -> str:
    """Render ``config`` as TOML that the loader reads back to the same values; with
    ``comments``, each section's note and each key's one-line help as well."""
    lines: list[str] = [HEADER] if comments else []
    for section in settings.sections():
        keys = [key for key in settings.declared() if key.section == section]
        lines.append(f"[{section}]")
        if comments and section in settings.NOTES:
            lines += [f"# {line}" for line in settings.NOTES[section].splitlines()]
        assignments = [
            f"{key.name} = {key.check.toml(settings.value(config, key))}" for key in keys
        ]
        column = max(23, *(len(a) + 3 for a in assignments))
        for key, assignment in zip(keys, assignments, strict=True):
            lines.append(f"{assignment.ljust(column)}# {key.about}" if comments else assignment)
        lines.append("")
    return "\n".join(lines)


def default_file() -> str:
    """The commented file ``config init`` writes: every key at its default, with its help."""
    return to_toml(Config(), comments=True)
