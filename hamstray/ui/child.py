"""What a window's process printed to stderr, kept so that a crash is logged with its traceback."""

import subprocess
import threading
from collections.abc import Callable

KEPT = 20_000  # characters of a failed window's output kept for the log


def errors(process: subprocess.Popen[str]) -> Callable[[], str]:
    """Collect ``process``'s stderr in a thread of its own (a full pipe would stall the
    process); the returned call gives its end once the process has exited."""
    kept: list[str] = []

    def read() -> None:
        assert process.stderr is not None  # noqa: S101 - Popen was given stderr=PIPE
        for line in process.stderr:
            kept.append(line)
            while sum(map(len, kept)) > KEPT and len(kept) > 1:
                kept.pop(0)

    reader = threading.Thread(target=read, name="hamstray-stderr", daemon=True)
    reader.start()

    def text() -> str:
        reader.join(timeout=2)
        return "".join(kept)

    return text


def last_line(output: str) -> str:
    """The line of a traceback that says what went wrong (its last), for one sentence."""
    lines = output.strip().splitlines()
    return lines[-1][:160] if lines else "no message"
