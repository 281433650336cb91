"""The app's end of the settings window: start it in a process of its own, read its reports,
and answer it.

Tk runs only in that process, so the window never blocks the tray.
"""

import contextlib
import json
import logging
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hamstray.ui.settings.protocol import OpenFailed, Report, decode, encode, spec

log = logging.getLogger(__name__)


@dataclass
class Session:
    """A running settings window; its reports go to ``on_report`` (in a reader thread)."""

    process: subprocess.Popen[str]
    done: threading.Event  # set when every report has been handed on

    @property
    def running(self) -> bool:
        """Whether the window is still open."""
        return self.process.poll() is None

    def tell(self, answer: OpenFailed) -> None:
        """Answer the window (it may have closed meanwhile)."""
        if self.process.stdin is None:
            return
        with contextlib.suppress(OSError, ValueError):  # closed: nobody to tell
            self.process.stdin.write(encode(answer) + "\n")
            self.process.stdin.flush()


def start(
    path: Path,
    autostart: bool | None,
    standing: bool | None,
    on_report: Callable[[Session, Report], None],
) -> Session:
    """Open the window for the settings file ``path``; hand each report to ``on_report``."""
    process = subprocess.Popen(
        [sys.executable, "-m", "hamstray.ui.settings", json.dumps(spec(path, autostart, standing))],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    session = Session(process, threading.Event())

    def read() -> None:
        assert process.stdout is not None  # noqa: S101 - Popen was given stdout=PIPE
        for line in process.stdout:
            report = decode(line)
            if report is None or isinstance(report, OpenFailed):
                log.warning("The settings window wrote something unexpected: %r", line[:200])
                continue
            on_report(session, report)
        process.wait()
        if process.stdin is not None:
            with contextlib.suppress(OSError):
                process.stdin.close()
        if process.returncode != 0:
            log.info("The settings window ended with exit code %s", process.returncode)
        session.done.set()

    threading.Thread(target=read, name="hamstray-settings", daemon=True).start()
    return session
