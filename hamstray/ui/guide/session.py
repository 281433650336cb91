"""The app's end of the guide: start the window in a process of its own and read its reports.

Tk runs only in that process, so a slow window never blocks the tray.
"""

import json
import logging
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hamstray.ui.guide.protocol import Ended, Report, decode

log = logging.getLogger(__name__)


@dataclass
class Session:
    """A running guide window; its reports go to ``on_report`` (in a reader thread)."""

    process: subprocess.Popen[str]
    done: threading.Event  # set when every report has been handed on
    ended: threading.Event  # set when the window said it ended (it may linger a moment)

    @property
    def running(self) -> bool:
        """Whether the window is still in use: open, and not yet saying "well done"."""
        return self.process.poll() is None and not self.ended.is_set()

    def close(self) -> None:
        """Close the window (the reader reports it as skipped if it had not ended)."""
        if self.running:
            self.process.terminate()


def start(spec: dict[str, Any], on_report: Callable[[Report], None]) -> Session:
    """Open the window for ``spec`` (see ``protocol``); hand each of its reports to
    ``on_report``."""
    process = subprocess.Popen(
        [sys.executable, "-m", "hamstray.ui.guide", json.dumps(spec)],
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    done, ended_event = threading.Event(), threading.Event()

    def read() -> None:
        assert process.stdout is not None  # noqa: S101 - Popen was given stdout=PIPE
        ended = False
        for line in process.stdout:
            report = decode(line)
            if report is None:
                log.warning("The guide window wrote something unexpected: %r", line[:200])
                continue
            ended = ended or isinstance(report, Ended)
            on_report(report)
            if ended:  # after its report: what the window said comes before what comes next
                ended_event.set()
        process.wait()
        if not ended:  # closed by the window manager or crashed: the stretch was not finished
            on_report(Ended("skip"))
        done.set()

    threading.Thread(target=read, name="hamstray-guide", daemon=True).start()
    return Session(process, done, ended_event)
