"""Changing keys in the user's own settings file so that it stays theirs: only the keys that
changed are touched, and their comments, order, spacing, unknown keys and line endings stay
(tomlkit). A save is atomic and refuses to overwrite a file that changed since it was read."""

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError

from hamstray.config.writer import default_file
from hamstray.engine import settings
from hamstray.engine.settings import Key
from hamstray.store.files import write_atomically


class EditError(Exception):
    """The file cannot be saved as asked; the message says why, for the user."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The file as it was read: its bytes (None: there was no file)."""

    path: Path
    data: bytes | None

    @property
    def text(self) -> str:
        """The text to edit: the file's, or the commented defaults when there is none."""
        if self.data is None:
            return default_file()
        try:
            return self.data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise EditError(f"{self.path} is not UTF-8 text; fix it first") from error


def snapshot(path: Path) -> Snapshot:
    """Read ``path`` as it is now (a missing file is a snapshot too)."""
    try:
        return Snapshot(path, path.read_bytes())
    except FileNotFoundError:
        return Snapshot(path, None)


def _keys() -> dict[str, Key]:
    return {key.dotted: key for key in settings.declared()}


def edited(text: str, values: Mapping[str, Any]) -> str:
    """``text`` with each dotted key set to its value (as the key's check reads it): a key that
    already has that value is left as written, a missing key is added to its section, a missing
    section at the end. Every other byte stays; CRLF text stays CRLF."""
    crlf = "\r\n" in text
    try:
        document = tomlkit.parse(text.replace("\r\n", "\n") if crlf else text)
    except TOMLKitError as error:
        raise EditError(f"the file is not valid TOML ({error}); fix it first") from error
    keys = _keys()
    for dotted, value in values.items():
        key = keys[dotted]
        if key.section not in document:
            document.add(key.section, tomlkit.table())
        table = document[key.section]
        if not isinstance(table, dict):
            raise EditError(f"{key.section} in the file is not a [{key.section}] table")
        if key.name in table and _reads_as(key, table[key.name], value):
            continue
        table[key.name] = tomlkit.value(key.check.toml(value))
    out = tomlkit.dumps(document)
    return out.replace("\n", "\r\n") if crlf else out


def _reads_as(key: Key, item: Any, value: Any) -> bool:
    """Whether what the file says for ``key`` already reads as ``value`` ("30m" and 1800)."""
    raw = item.unwrap() if hasattr(item, "unwrap") else item
    try:
        return bool(key.check.read(raw) == value)
    except ValueError:
        return False


def save(read: Snapshot, values: Mapping[str, Any]) -> bool:
    """Write ``values`` into the file ``read`` came from, atomically; False when nothing had
    to change. EditError when the file changed on disk since ``read`` was taken."""
    now = snapshot(read.path)
    if now.data != read.data:
        raise EditError(
            f"{read.path} changed on disk after it was read (another program saved it), so it "
            "was not overwritten; open the settings again to see and edit the new values"
        )
    text = edited(read.text, values)
    if read.data is not None and text == read.text:
        return False
    try:
        write_atomically(read.path, text.encode("utf-8"))
    except OSError as error:
        raise EditError(f"{read.path} could not be written ({error.strerror or error})") from error
    return True
