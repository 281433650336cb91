"""The app's end of the guide: start the window in a process of its own and read its reports.

Tk runs only in that process, so a slow window never blocks the tray.
"""

import json
import logging
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from hamstray.ui import child
from hamstray.ui.guide.protocol import Ended, Report, decode

log = logging.getLogger(__name__)


@dataclass
class Session:
    """A running guide window; its reports go to ``on_report`` (in a reader thread)."""

    process: subprocess.Popen[str]
    done: threading.Event  # set when every report has been handed on
    ended: threading.Event  # set when the window said it ended (it may linger a moment)
    closed: threading.Event = field(default_factory=threading.Event)  # closed by the app

    @property
    def running(self) -> bool:
        """Whether the window is still in use: open, and not yet saying "well done"."""
        return self.process.poll() is None and not self.ended.is_set()

    def close(self) -> None:
        """Close the window without a report: the app ended its stretch another way."""
        self.closed.set()
        if self.process.poll() is None:
            self.process.terminate()


def start(
    spec: dict[str, Any],
    on_report: Callable[[Report], None],
    on_crash: Callable[[str], None] = lambda _: None,
) -> Session:
    """Open the window for ``spec`` (see ``protocol``); hand each of its reports to
    ``on_report``, and what a crashed window printed (its traceback) to ``on_crash``."""
    process = subprocess.Popen(
        [sys.executable, "-m", "hamstray.ui.guide", json.dumps(spec)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    stderr = child.errors(process)
    done, ended_event = threading.Event(), threading.Event()
    session = Session(process, done, ended_event)

    def read() -> None:
        assert process.stdout is not None  # noqa: S101 - Popen was given stdout=PIPE
        ended = False
        for line in process.stdout:
            report = decode(line)
            if report is None:
                log.warning("The guide window wrote something unexpected: %r", line[:200])
                continue
            ended = ended or isinstance(report, Ended)
            if not session.closed.is_set():
                on_report(report)
            if ended:  # after its report: what the window said comes before what comes next
                ended_event.set()
        code = process.wait()
        if code != 0 and not session.closed.is_set():
            on_crash(stderr() or f"exit status {code}")
        if not ended and not session.closed.is_set():
            on_report(Ended("skip"))  # closed by the window manager, or crashed
        done.set()

    threading.Thread(target=read, name="hamstray-guide", daemon=True).start()
    return session
