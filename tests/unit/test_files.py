"""Atomic writes: the file is always the old one or the new one, never half of either."""

import os
import stat
import threading
from pathlib import Path

import pytest

from hamstray.store.files import write_atomically


def test_a_new_file_gets_the_data_and_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomically(tmp_path / "a" / "config.toml", b"x = 1\n")
    finally:
        os.umask(old)
    path = tmp_path / "a" / "config.toml"
    assert path.read_bytes() == b"x = 1\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"old")
    path.chmod(0o600)
    write_atomically(path, b"new")
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_two_writers_at_once_never_share_a_temp_file(tmp_path: Path) -> None:
    """The temp file had one fixed name, so two writers wrote into the same one."""
    path = tmp_path / "config.toml"
    payloads = [bytes([65 + n]) * 200_000 for n in range(8)]
    errors: list[BaseException] = []

    def write(data: bytes) -> None:
        try:
            for _ in range(5):
                write_atomically(path, data)
        except BaseException as error:  # noqa: BLE001 - the test reports it
            errors.append(error)

    threads = [threading.Thread(target=write, args=(p,)) for p in payloads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert path.read_bytes() in payloads  # one writer's whole file, not a mix
    assert [p.name for p in tmp_path.iterdir()] == ["config.toml"]


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"old")

    def full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(path, b"new")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["config.toml"]


def test_the_directory_is_flushed_too(tmp_path: Path, monkeypatch) -> None:
    """The rename is only durable once the directory itself is synced."""
    synced: list[bool] = []
    real = os.fsync

    def spy(descriptor: int) -> None:
        synced.append(stat.S_ISDIR(os.fstat(descriptor).st_mode))
        real(descriptor)

    monkeypatch.setattr(os, "fsync", spy)
    write_atomically(tmp_path / "config.toml", b"x")
    assert synced == [False, True]  # the file's data, then the directory
