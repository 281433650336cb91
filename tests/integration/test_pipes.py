"""A reader that stops early (``hamstray history | head``) ends hamstray quietly: no
BrokenPipeError traceback (issue 18, bug 11)."""

import subprocess
from pathlib import Path

from hamstray.engine.entries import Entry, Kind
from hamstray.store.history import History

from .conftest import HAMSTRAY


def test_history_into_a_reader_that_stops_early_ends_without_a_traceback(env) -> None:
    history = History(Path(env["XDG_DATA_HOME"]) / "hamstray" / "history.sqlite3")
    for n in range(4000):  # far more than a pipe holds, so hamstray writes after head left
        history.record(Entry(1_700_000_000.0 + n, Kind.REMINDER))
    history.close()
    process = subprocess.Popen(
        [HAMSTRAY, "history", "--limit", "4000"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    first = process.stdout.readline()  # what `head -1` reads, then it goes
    process.stdout.close()
    errors = process.stderr.read()
    process.wait(timeout=30)
    assert first.strip()
    assert "Traceback" not in errors, errors
    assert "BrokenPipeError" not in errors, errors
