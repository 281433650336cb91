"""Build-time generators for hamstray's shipped files; not part of the wheel."""
