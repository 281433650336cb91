"""Saving settings into the user's own file: only what changed, everything else as they wrote it."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hamstray.config import edits, loader, writer
from hamstray.engine.settings import Config

MINE = """\
# My hamstray settings -- I keep them short.

[breaks]
interval   =    "45m"     # my own rhythm
snooze="7m"
  max_snoozes = 2   # indented, on purpose
future_key = "kept"    # not (yet) a hamstray key

[stretches]
exclude = [
    "desk-calf",   # hurts my knee
]
contexts = ["desk"]

[colours]   # an unknown section
icon = "red"
"""


def read(text: str) -> tuple[Config, list[str]]:
    config, problems = loader.parse(text, Path("config.toml"))
    return config, [str(p) for p in problems]


def test_only_the_changed_key_changes_and_every_comment_and_space_stays() -> None:
    out = edits.edited(MINE, {"breaks.interval": 20 * 60})
    assert out == MINE.replace('interval   =    "45m"', 'interval   =    "20m"')


def test_a_key_the_file_lacks_is_added_to_its_section_and_a_section_at_the_end() -> None:
    out = edits.edited(MINE, {"breaks.remind_again": 15 * 60, "routines.morning": None})
    config, _ = read(out)
    assert (config.breaks.remind_again, config.routines.morning) == (15 * 60, None)
    assert out.startswith(
        MINE.split("\n[stretches]", maxsplit=1)[0]
    )  # the [breaks] lines are all there
    assert out.index('remind_again = "15m"') < out.index("[stretches]")
    assert out.rstrip().endswith('[routines]\nmorning = ""')
    assert 'icon = "red"' in out
    assert "# hurts my knee" in out


def test_a_value_the_file_already_has_is_left_as_written() -> None:
    text = "[breaks]\ninterval = 1800   # seconds, as I like\n"
    assert edits.edited(text, {"breaks.interval": 30 * 60}) == text


def test_lists_and_words_are_written_as_the_check_reads_them() -> None:
    out = edits.edited(
        MINE, {"stretches.contexts": ("desk", "standing"), "notifications.enabled": False}
    )
    config, problems = read(out)
    assert config.stretches.contexts == ("desk", "standing")
    assert config.notifications.enabled is False
    assert problems == [
        "config.toml:7: warning: breaks.future_key: unknown key (ignored)",
        "config.toml:15: warning: colours: unknown section (ignored)",
    ]


def test_dotted_keys_are_edited_where_they_are() -> None:
    text = 'breaks.interval = "30m"  # dotted\nbreaks.snooze = "5m"\n'
    out = edits.edited(text, {"breaks.interval": 20 * 60})
    assert out == 'breaks.interval = "20m"  # dotted\nbreaks.snooze = "5m"\n'


def test_a_crlf_file_stays_crlf_even_where_lines_are_added() -> None:
    text = MINE.replace("\n", "\r\n")
    out = edits.edited(text, {"breaks.interval": 20 * 60, "routines.length": 15 * 60})
    assert "\n" not in out.replace("\r\n", "")
    assert out.startswith(MINE.replace("\n", "\r\n").split("[breaks]")[0])
    assert read(out)[0].routines.length == 15 * 60


def test_a_file_that_is_not_toml_is_not_edited() -> None:
    with pytest.raises(edits.EditError, match="not valid TOML"):
        edits.edited("[breaks\ninterval = 30m\n", {"breaks.interval": 60})


@given(
    st.fixed_dictionaries(
        {},
        optional={
            "breaks.interval": st.integers(1, 24 * 3600),
            "breaks.max_snoozes": st.integers(0, 20),
            "stretches.progression": st.sampled_from(("gentle", "steady", "off")),
            "notifications.enabled": st.booleans(),
            "stretches.contexts": st.sampled_from((("desk",), ("floor", "standing"))),
        },
    )
)
def test_whatever_is_saved_reads_back_and_the_rest_of_the_file_is_kept(values: dict) -> None:
    out = edits.edited(MINE, values)
    config, _ = read(out)
    for dotted, value in values.items():
        section, name = dotted.split(".")
        assert getattr(getattr(config, section), name) == value
    for line in MINE.splitlines():
        if "#" in line:
            assert line[line.index("#") :] in out  # every comment survives


def test_save_writes_atomically_and_says_whether_anything_changed(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(MINE)
    path.chmod(0o600)
    assert edits.save(edits.snapshot(path), {"breaks.snooze": 7 * 60}) is False
    assert edits.save(edits.snapshot(path), {"breaks.snooze": 9 * 60}) is True
    assert 'snooze="9m"' in path.read_text()
    assert path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["config.toml"]  # no temp file left


def test_a_missing_file_is_saved_as_the_commented_defaults_with_the_changes(tmp_path: Path) -> None:
    path = tmp_path / "new" / "config.toml"
    assert edits.save(edits.snapshot(path), {"breaks.interval": 20 * 60})
    text = path.read_text()
    assert "# sitting time before a reminder" in text
    assert (
        read(text)[0]
        == loader.parse(edits.edited(writer.default_file(), {"breaks.interval": 1200}), path)[0]
    )


def test_a_file_changed_on_disk_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(MINE)
    taken = edits.snapshot(path)
    path.write_text(MINE + "\n# added in an editor meanwhile\n")
    with pytest.raises(edits.EditError, match="changed on disk after it was read"):
        edits.save(taken, {"breaks.interval": 60})
    assert path.read_text().endswith("# added in an editor meanwhile\n")


def test_a_file_created_since_it_was_found_missing_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    taken = edits.snapshot(path)
    path.write_text("# mine\n")
    with pytest.raises(edits.EditError, match="changed on disk"):
        edits.save(taken, {"breaks.interval": 60})
    assert path.read_text() == "# mine\n"
