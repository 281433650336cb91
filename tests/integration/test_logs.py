"""The log file: rotated at MAX_BYTES with BACKUPS old ones kept, nothing lost on the way."""

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


def test_the_file_rotates_before_it_passes_its_size_and_keeps_every_line(
    root: logging.Logger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 4000)  # lines of about 65 bytes: 61 to a file
    log_file = tmp_path / "log" / "hamstray.log"
    logs.setup(log_file, verbose=False)
    log = logging.getLogger("hamstray.test")
    for number in range(150):
        log.info("line %d of a long day", number)
    files = [log_file, *(log_file.with_name(f"hamstray.log.{n}") for n in (1, 2))]
    assert all(f.exists() for f in files)
    assert not log_file.with_name("hamstray.log.3").exists()  # 150 lines fill three files
    assert all(0 < f.stat().st_size <= 4000 for f in files)
    lines = [line for f in reversed(files) for line in f.read_text().splitlines()]
    assert [line.rsplit(": ", 1)[1] for line in lines] == [
        f"line {n} of a long day" for n in range(150)
    ]  # in order, none lost, none twice


def test_only_backups_old_files_are_kept(
    root: logging.Logger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 500)
    log_file = tmp_path / "hamstray.log"
    logs.setup(log_file, verbose=False)
    for number in range(200):
        logging.getLogger("hamstray.test").info("line %d", number)
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == ["hamstray.log", *(f"hamstray.log.{n}" for n in range(1, logs.BACKUPS + 1))]
    assert "line 199" in log_file.read_text()


def test_a_file_that_grew_elsewhere_is_rotated_on_the_next_line(
    root: logging.Logger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 4000)
    log_file = tmp_path / "hamstray.log"
    log_file.write_text("x" * 3990 + "\n")  # left by an earlier run, nearly full
    logs.setup(log_file, verbose=False)
    logging.getLogger("hamstray.test").info("the first line of this run")
    assert log_file.with_name("hamstray.log.1").read_text() == "x" * 3990 + "\n"
    assert "the first line of this run" in log_file.read_text()
