"""Logging: everything to a rotated file in the user log dir, short warnings on stderr.

The file is opened plainly at start and rotated once the app is set up (``rotate``):
logging.handlers, with pickle, is not on the tray icon's way.
"""

import logging
import sys
import threading
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 1_000_000
BACKUPS = 3


class _NoTraceback(logging.Formatter):
    """Tracebacks belong in the log file, not in the user's terminal."""

    def format(self, record: logging.LogRecord) -> str:
        return f"hamstray: {record.getMessage()}"


class _Once(logging.Filter):
    """Lets each distinct message through once (pystray repeats "Failed to dock icon" on every
    icon update while there is no tray)."""

    def __init__(self) -> None:
        super().__init__()
        self._seen: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        if text in self._seen:
            return False
        self._seen.add(text)
        return True


def _log_thread_crash(args: threading.ExceptHookArgs) -> None:
    """A crash in any thread goes to the log file with its traceback; the app goes on."""
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else "a thread"
    error = args.exc_value or args.exc_type()
    logging.getLogger("hamstray").error("%s stopped: %s", name, error, exc_info=error)


def setup(log_file: Path | None, verbose: bool = False) -> None:
    """Send INFO and up (DEBUG when ``verbose``) to ``log_file`` and WARNING and up to stderr."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        root.removeHandler(handler)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.WARNING)
    console.setFormatter(_NoTraceback())
    console.addFilter(lambda record: record.name.startswith("hamstray"))  # the rest: the file
    root.addHandler(console)
    threading.excepthook = _log_thread_crash
    for name in ("pystray._base", "pystray._xorg"):
        logging.getLogger(name).addFilter(_Once())
    if log_file is None:
        return
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(log_file, encoding="utf-8")
    except OSError as error:
        logging.getLogger(__name__).warning("Cannot write the log file %s (%s).", log_file, error)
        return
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)


def rotate() -> None:
    """From now on, rotate the log file at MAX_BYTES, keeping BACKUPS old ones."""
    import logging.handlers  # noqa: PLC0415 - once the icon is up

    root = logging.getLogger()
    for index, plain in enumerate(root.handlers):
        if type(plain) is logging.FileHandler:
            rotating = logging.handlers.RotatingFileHandler(
                plain.baseFilename, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
            )
            rotating.setFormatter(plain.formatter)
            root.handlers[index] = rotating  # one step: a record goes to one of the two
            plain.close()
