"""The guide window as the app uses it: what it is opened with, and its reports as events.

The running app opens one guide at a time and posts the reports to its loop; the offline
commands (``routine``, ``checkin``) use the same specs and the same events (see ``alone``).
"""

import logging
from collections.abc import Callable, Sequence
from typing import Any

from hamstray.engine.asks import Snooze
from hamstray.engine.catalogue import Stretch
from hamstray.engine.events import (
    Avoid,
    CheckedIn,
    Event,
    Feedback,
    GuideClosed,
    RulesSeen,
    StretchEnded,
)
from hamstray.runtime.practice import Practice
from hamstray.store.translations import _
from hamstray.ui import child
from hamstray.ui.guide import protocol, session
from hamstray.ui.guide.protocol import Answered, Avoided, Ended, Held, Marked, Report, RulesRead

log = logging.getLogger(__name__)


def stretch_spec(
    practice: Practice, stretches: Sequence[Stretch], title: str, snooze: bool, routine: bool
) -> dict[str, Any]:
    """The guide for ``stretches``: the rules first if the user has not read them for this
    kind of guide yet, and the cautions for their conditions."""
    return protocol.spec(
        stretches,
        title,
        snooze,
        practice.guidance.rules,
        show_rules=practice.rules_due(routine),
        routine=routine,
        conditions=practice.settings().avoid,
    )


def checkin_spec(practice: Practice, now: float) -> dict[str, Any]:
    """The guide for the flexibility check-in, with the trend each answer would show."""
    earlier = {p.test.id: p.points for p in practice.checkins()}
    return protocol.checkin_spec(practice.guidance.checkin, practice.guidance.rules, earlier, now)


def event_for(report: Report, find: Callable[[str], Stretch | None]) -> Event | None:
    """The engine event a report stands for (None: the report needs the session to say, or
    names a stretch that does not exist)."""
    match report:
        case Held(stretch_id, done, held_s, most):
            found = find(stretch_id)
            return None if found is None else StretchEnded(done, held_s, found, brief=not most)
        case Marked(stretch_id, word):
            found = find(stretch_id)
            return None if found is None else Feedback(found, word)
        case Avoided(stretch_id, conditions):
            found = find(stretch_id)
            return None if found is None else Avoid(found, conditions)
        case RulesRead(routine):
            return RulesSeen(routine)
        case Answered(test, answer):
            return CheckedIn(test, answer)
        case Ended("snooze"):
            return Snooze()
    return None


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
            _("The guide window closed unexpectedly"),
            _("{problem} (the details are in hamstray's log)").format(
                problem=child.last_line(output)
            ),
        )

    def _find(self, stretch_id: str) -> Stretch | None:
        return self._practice.find(stretch_id, self._clock())

    def open(
        self, stretches: Sequence[Stretch], title: str, snooze: bool, routine: bool = False
    ) -> None:
        """Show ``stretches`` in the guide, unless it is open already (then the break the
        engine started for them is over at once)."""
        if not stretches:
            log.warning("No stretch fits the %s (check stretches.exclude).", title.lower())
            self._post(GuideClosed())
            return
        spec = stretch_spec(self._practice, stretches, title, snooze, routine)
        self._start(spec, single=not routine)

    def open_checkin(self) -> None:
        """Show the flexibility check-in, unless the guide is open already."""
        self._start(checkin_spec(self._practice, self._clock()), single=False, break_=False)

    def _start(self, spec: dict[str, Any], single: bool, break_: bool = True) -> None:
        if self._session is not None and self._session.running:
            log.info("The guide window is already open.")
            if break_:
                self._post(GuideClosed())
            return
        reported: list[bool] = []

        def on_report(report: Report) -> None:  # in the guide's reader thread
            if isinstance(report, Held):
                reported.append(True)
            events = [event_for(report, self._find)]
            if isinstance(report, Ended) and report.action != "snooze":
                if single and not reported:  # closed before the stretch was done or skipped
                    events = [StretchEnded(done=False)]
                if break_:
                    events.append(GuideClosed())
            for event in events:
                if event is not None:
                    self._post(event)

        try:
            self._session = session.start(spec, on_report, self._crashed)
        except OSError as error:
            log.warning("The guide window could not open: %s", error)
            if break_:
                self._post(GuideClosed())
