"""The log file: opened plainly at start, rotated once the app is set up, nothing lost between."""

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from hamstray.runtime import logs


@pytest.fixture
def root() -> Iterator[logging.Logger]:
    """The root logger, given back as it was (logs.setup replaces its handlers)."""
    logger = logging.getLogger()
    handlers, level = list(logger.handlers), logger.level
    yield logger
    for handler in logger.handlers:
        handler.close()
    logger.handlers[:] = handlers
    logger.setLevel(level)


def test_what_is_logged_before_the_set_up_stays_and_the_file_rotates_after(
    root: logging.Logger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 4000)  # 100 lines of about 66 bytes: 2 files
    log_file = tmp_path / "log" / "hamstray.log"
    logs.setup(log_file, verbose=False)
    log = logging.getLogger("hamstray.test")
    log.info("before the icon")
    logs.rotate()
    log.info("after the set-up")
    assert "before the icon" in log_file.read_text()
    assert "after the set-up" in log_file.read_text()
    for number in range(100):
        log.info("line %d of a long day", number)
    rotated = log_file.with_name("hamstray.log.1")
    assert rotated.exists()
    assert log_file.stat().st_size <= 4000
    everything = "".join(p.read_text() for p in sorted(tmp_path.glob("log/hamstray.log*")))
    assert "line 99 of a long day" in log_file.read_text()
    assert everything.count("of a long day") == 100  # nothing lost in the rotation
    assert [type(h).__name__ for h in root.handlers] == ["StreamHandler", "RotatingFileHandler"]
