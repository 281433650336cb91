"""The guide window as the running app uses it: one at a time, its reports turned into events."""

import logging
from collections.abc import Callable, Sequence

from hamstray.engine.catalogue import Stretch
from hamstray.engine.model import Event, Feedback, Snooze, StretchEnded
from hamstray.runtime.practice import Practice
from hamstray.ui import child
from hamstray.ui.guide import session
from hamstray.ui.guide.protocol import Ended, Held, Marked, Report

log = logging.getLogger(__name__)


class Guides:
    """Opens the guide window, posts what it reports to the loop, and closes it when asked;
    a window that crashes is logged with its traceback and told to the user in one sentence."""

    def __init__(
        self,
        post: Callable[[Event], None],
        practice: Practice,
        clock: Callable[[], float],
        tell: Callable[[str, str], None] = lambda title, message: None,
    ) -> None:
        self._post = post
        self._practice = practice
        self._clock = clock
        self._tell = tell
        self._session: session.Session | None = None

    def close(self) -> None:
        """Close the open window, if any; what it would still report is dropped."""
        if self._session is not None:
            self._session.close()

    def _crashed(self, output: str) -> None:
        log.error("The guide window failed:\n%s", output.rstrip())
        self._tell(
            "The stretch window closed unexpectedly",
            f"{child.last_line(output)} (the details are in hamstray's log)",
        )

    def open(self, stretches: Sequence[Stretch], title: str, can_snooze: bool) -> None:
        """Show ``stretches`` in the guide, unless it is open already."""
        if self._session is not None and self._session.running:
            log.info("The guide window is already open.")
            return
        if not stretches:
            log.warning("No stretch fits the %s (check stretches.exclude).", title.lower())
            return
        reported: list[bool] = []

        def on_report(report: Report) -> None:  # in the guide's reader thread
            match report:
                case Held(stretch_id, done, held_s):
                    reported.append(True)
                    found = self._practice.find(stretch_id, self._clock())
                    self._post(StretchEnded(done, held_s, found))
                case Marked(stretch_id, word):
                    found = self._practice.find(stretch_id, self._clock())
                    if found is not None:
                        self._post(Feedback(found, word))
                case Ended("snooze"):
                    self._post(Snooze())
                case Ended() if not reported:
                    self._post(StretchEnded(done=False))

        try:
            self._session = session.start(stretches, title, can_snooze, on_report, self._crashed)
        except OSError as error:
            log.warning("The guide window could not open: %s", error)
