"""Logging: everything to a rotated file in the user log dir, short warnings on stderr."""

import logging
import os
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


class RotatingFile(logging.FileHandler):
    """The log file, moved to ``.1`` (and older ones on, BACKUPS kept) before a record would
    take it past MAX_BYTES. logging.handlers' own would keep pickle and its socket handlers in
    memory all day (about 0.5 MiB) for these few lines."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is not None:
                size = self.stream.seek(0, os.SEEK_END)  # other processes may write too
                line = len(self.format(record).encode(self.encoding or "utf-8")) + 1
                if size and size + line > MAX_BYTES:
                    self._roll_over()
        except Exception:  # noqa: BLE001 - as logging's own handlers: never raise from a log call
            self.handleError(record)
            return
        super().emit(record)

    def _roll_over(self) -> None:
        """Called with the handler's lock held (``Handler.handle`` takes it)."""
        if self.stream is not None:
            self.stream.close()
        current = Path(self.baseFilename)
        for number in range(BACKUPS, 0, -1):
            older = current.with_name(f"{current.name}.{number - 1}") if number > 1 else current
            if older.exists():
                older.replace(current.with_name(f"{current.name}.{number}"))
        self.stream = self._open()


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
        handler = RotatingFile(log_file, encoding="utf-8")
    except OSError as error:
        logging.getLogger(__name__).warning("Cannot write the log file %s (%s).", log_file, error)
        return
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
