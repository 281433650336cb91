"""Shared test settings, and the reliability report.

Tests that try a bad input or a fault carry ``@pytest.mark.finding(tried, happens, kept)``.
With ``HAMSTRAY_RELIABILITY_REPORT=docs/reliability.md`` set, a run writes those as a table with
each test's outcome, so the document says what the tests showed, not what we hoped.
"""

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests stay quick and deterministic in the normal run.
settings.register_profile("default", derandomize=True, deadline=None)
settings.load_profile("default")


HEADER = """# Reliability

Generated on {when} by the tests marked `finding` (most in `tests/reliability/`):
`HAMSTRAY_RELIABILITY_REPORT=docs/reliability.md tests/run`. Each row is a test that does the
thing to the real program (the installed `hamstray`, a real SQLite file on a real mount, a real
socket, a real X server, panel and notification daemon) and checks what happens; "cases" counts
its parametrized cases that passed.

| what was tried | what happens | what is kept | test | cases passed |
|---|---|---|---|---:|
"""

# (tried, happens, kept, test function) -> outcome of each case
_findings: dict[tuple[str, str, str, str], list[str]] = {}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    marker = item.get_closest_marker("finding")
    failed_setup = report.when == "setup" and report.failed
    if marker is None or (report.when != "call" and not failed_setup):
        return
    name = getattr(item, "originalname", item.name)
    _findings.setdefault((*marker.args, name), []).append(report.outcome)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    # tests/run checks this file: a run that ends without it (an os._exit in the test process,
    # a kill) did not finish, whatever its exit code says.
    finished = os.environ.get("HAMSTRAY_PYTEST_FINISHED")
    if finished:
        Path(finished).write_text(f"{int(exitstatus)} {session.testscollected}\n")
    target = os.environ.get("HAMSTRAY_RELIABILITY_REPORT")
    if not target or not _findings:
        return
    lines = [HEADER.format(when=f"{date.today():%Y-%m-%d}")]
    for (tried, happens, kept, name), outcomes in _findings.items():
        passed = outcomes.count("passed")
        cases = f"{passed} of {len(outcomes)}" + ("" if passed == len(outcomes) else " **FAILED**")
        lines.append(f"| {tried} | {happens} | {kept} | `{name}` | {cases} |\n")
    Path(target).write_text("".join(lines))
