"""Logging: everything to a rotated file in the user log dir, short warnings on stderr."""

import logging
import logging.handlers
import sys
from pathlib import Path


class _NoTraceback(logging.Formatter):
    """Tracebacks belong in the log file, not in the user's terminal."""

    def format(self, record: logging.LogRecord) -> str:
        return f"hamstray: {record.getMessage()}"


def setup(log_file: Path | None, verbose: bool = False) -> None:
    """Send INFO and up (DEBUG when ``verbose``) to ``log_file`` and WARNING and up to stderr."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        root.removeHandler(handler)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.WARNING)
    console.setFormatter(_NoTraceback())
    root.addHandler(console)
    if log_file is None:
        return
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as error:
        logging.getLogger(__name__).warning("Cannot write the log file %s (%s).", log_file, error)
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
