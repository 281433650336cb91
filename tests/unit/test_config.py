"""Reading the user's TOML: every key, field-by-field validation, precise problem locations."""

import math
from datetime import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hamstray.config import loader, writer
from hamstray.engine import settings
from hamstray.engine.settings import Breaks, Config, Quiet, Routines, Stretches

PATH = Path("/home/u/.config/hamstray/config.toml")


def parse(text: str) -> tuple[Config, list[str]]:
    cfg, problems = loader.parse(text, PATH)
    return cfg, [str(p) for p in problems]


def test_an_empty_file_means_every_default() -> None:
    assert parse("") == (Config(), [])


def test_the_defaults_are_those_of_the_interface() -> None:
    cfg = Config()
    assert (cfg.breaks.interval, cfg.breaks.snooze, cfg.breaks.max_snoozes) == (1800, 300, 3)
    assert (cfg.breaks.remind_again, cfg.breaks.idle_reset) == (600, 300)
    assert cfg.stretches.contexts == ("desk", "standing")
    assert (cfg.stretches.hold, cfg.stretches.max_hold, cfg.stretches.progression) == (
        30,
        60,
        "gentle",
    )
    assert (cfg.routines.morning, cfg.routines.evening) == (time(7, 30), time(21, 0))
    assert cfg.routines.length == 600
    assert cfg.notifications.enabled is True
    assert cfg.quiet == Quiet(microphone=True, camera=True, screen_sharing=True, apps=())


def test_every_key_is_read() -> None:
    cfg, problems = parse("""
[breaks]
interval = "45m"
snooze = "10m"
max_snoozes = 1
remind_again = "15m"
idle_reset = 120
[stretches]
contexts = ["desk", "floor"]
exclude = ["desk-calf"]
avoid = ["knee", "pregnancy"]
have = ["step"]
hold = "20s"
max_hold = "1m30s"
progression = "steady"
[routines]
morning = ""
evening = "22:15"
length = "15m"
[notifications]
enabled = false
tips = false
[quiet]
microphone = false
camera = false
screen_sharing = false
apps = ["zoom", "Teams.exe", "zoom"]
""")
    assert problems == []
    assert cfg.quiet == Quiet(False, False, False, ("zoom", "Teams.exe"))
    assert cfg.breaks == Breaks(2700, 600, 1, 900, 120)
    assert cfg.stretches == Stretches(
        contexts=("desk", "floor"),
        exclude=("desk-calf",),
        avoid=("knee", "pregnancy"),
        have=("step",),
        hold=20,
        max_hold=90,
        progression="steady",
    )
    assert cfg.routines == Routines(None, time(22, 15), 900)
    assert cfg.notifications.enabled is False
    assert cfg.notifications.tips is False


def test_a_bad_value_names_file_line_and_key_and_falls_back_alone() -> None:
    cfg, problems = parse('[breaks]\nsnooze = "2m"\ninterval = "soon"\n')
    assert problems == [f'{PATH}:3: breaks.interval: expected a duration like "45m", got "soon"']
    assert cfg.breaks.interval == 1800
    assert cfg.breaks.snooze == 120


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("interval = 0", "expected a duration from 1s to 24h, got 0"),
        ('interval = "48h"', 'expected a duration from 1s to 24h, got "48h"'),
        ("interval = -5", 'expected a duration like "45m", got a negative number -5'),
        ("interval = true", 'expected a duration like "45m", got true'),
        ("max_snoozes = 99", "expected a whole number from 0 to 20, got 99"),
        ('max_snoozes = "3"', 'expected a whole number from 0 to 20, got "3"'),
        ("max_snoozes = 2.5", "expected a whole number from 0 to 20, got 2.5"),
    ],
)
def test_wrong_types_and_absurd_values_are_reported(line: str, message: str) -> None:
    cfg, problems = parse(f"[breaks]\n{line}\n")
    assert problems == [f"{PATH}:2: breaks.{line.split(maxsplit=1)[0]}: {message}"]
    assert cfg == Config()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[stretches]\ncontexts = ["sofa"]',
            'expected a list of "desk", "standing", "floor", got "sofa"',
        ),
        (
            "[stretches]\ncontexts = []",
            'expected a list of "desk", "standing", "floor", got an empty list',
        ),
        ('[stretches]\nexclude = "desk-calf"', 'expected a list of stretch ids, got "desk-calf"'),
        (
            '[stretches]\nprogression = "fast"',
            'expected one of "gentle", "steady", "off", got "fast"',
        ),
        ('[routines]\nmorning = "7am"', 'expected a time like "07:30" (or "" for none), got "7am"'),
        (
            '[routines]\nevening = "24:00"',
            'expected a time like "07:30" (or "" for none), got "24:00"',
        ),
        ('[notifications]\nenabled = "yes"', 'expected true or false, got "yes"'),
        (
            '[stretches]\navoid = ["bad-knees"]',
            'expected a list of "knee", "low-back", "osteoporosis", "pregnancy", '
            '"glaucoma-or-blood-pressure", "balance", "wrists", "hip-replacement", '
            'got "bad-knees"',
        ),
        ('[stretches]\navoid = "knee"', 'expected a list of "knee", "low-back",'),
        ('[stretches]\nhave = ["ladder"]', 'expected a list of "step", got "ladder"'),
        ("[notifications]\ntips = 1", "expected true or false, got 1"),
        ("[quiet]\nmicrophone = 1", "expected true or false, got 1"),
        ('[quiet]\nscreen_sharing = "no"', 'expected true or false, got "no"'),
        (
            '[quiet]\napps = "zoom"',
            'expected a list of process names like ["zoom", "teams"], got "zoom"',
        ),
        (
            '[quiet]\napps = ["/opt/zoom/zoom"]',
            'got "/opt/zoom/zoom" (a path, not a name)',
        ),
        ('[quiet]\napps = ["zoom", " "]', "got an empty name"),
    ],
)
def test_other_keys_are_validated(text: str, message: str) -> None:
    cfg, problems = parse(text)
    assert len(problems) == 1
    assert message in problems[0]
    assert problems[0].startswith(f"{PATH}:2: ")
    assert cfg == Config()


def test_max_hold_below_hold_is_reported_and_raised_to_hold() -> None:
    cfg, problems = parse('[stretches]\nhold = "45s"\nmax_hold = "40s"\n')
    assert problems == [
        f"{PATH}:3: stretches.max_hold: must be at least stretches.hold (45s), got 40s"
    ]
    assert (cfg.stretches.hold, cfg.stretches.max_hold) == (45, 45)


def test_a_hold_above_the_default_max_hold_points_at_the_hold_line() -> None:
    """max_hold is not in the file, so the problem names the line that caused it."""
    _, problems = parse('[stretches]\nhold = "61s"\n')
    assert problems == [
        f"{PATH}:2: stretches.max_hold: must be at least stretches.hold (1m1s), got 1m"
    ]


def test_unknown_keys_and_sections_are_warnings() -> None:
    cfg, problems = parse('[breaks]\nintervall = "5m"\n\n[colours]\nred = 1\n')
    assert problems == [
        f"{PATH}:2: warning: breaks.intervall: unknown key (ignored); did you mean interval?",
        f"{PATH}:4: warning: colours: unknown section (ignored)",
    ]
    assert cfg == Config()


def test_an_unknown_key_names_the_nearest_known_one() -> None:
    _, problems = parse('[breaks]\nmax_snooze = 2\n[routine]\nmorning = ""\n')
    assert problems == [
        f"{PATH}:2: warning: breaks.max_snooze: unknown key (ignored); did you mean max_snoozes?",
        f"{PATH}:3: warning: routine: unknown section (ignored); did you mean [routines]?",
    ]


def test_a_key_in_the_wrong_section_says_where_it_belongs() -> None:
    _, problems = parse('[breaks]\nhold = "40s"\n')
    assert problems == [
        f"{PATH}:2: warning: breaks.hold: unknown key (ignored); it belongs in [stretches]"
    ]


def test_an_unknown_stretch_id_in_exclude_is_a_warning_naming_the_nearest_ids() -> None:
    cfg, problems = parse('[stretches]\nexclude = ["desk-calff", "seated-calf", "zzz"]\n')
    assert problems == [
        f'{PATH}:2: warning: stretches.exclude: no stretch has the id "desk-calff" '
        '(see: hamstray stretches); did you mean "desk-calf"?',
        f'{PATH}:2: warning: stretches.exclude: no stretch has the id "zzz" '
        "(see: hamstray stretches)",
    ]
    assert cfg.stretches.exclude == ("desk-calff", "seated-calf", "zzz")


@pytest.mark.parametrize(
    ("line", "hint"),
    [
        ("interval = 30m", 'durations are quoted: interval = "30m"'),
        ("snooze = 1h30m   # mine", 'durations are quoted: snooze = "1h30m"'),
        ("morning = 07:30", 'times of day are quoted: morning = "07:30"'),
    ],
)
def test_an_unquoted_duration_or_time_says_to_quote_it_next_to_tomls_message(
    line: str, hint: str
) -> None:
    section = "routines" if "morning" in line else "breaks"
    _, problems = parse(f"[{section}]\n{line}\n")
    assert len(problems) == 1
    assert problems[0].startswith(f"{PATH}:2: column ")
    assert "Expected newline or end of document after a statement" in problems[0]
    assert problems[0].endswith(f"; {hint}")


@pytest.mark.parametrize(
    ("text", "interval", "expected"),
    [
        (
            '[breaks]\ninterval = "20s"\nremind_again = "10s"\n',
            20,
            f"{PATH}:2: warning: breaks.interval: 20s of sitting is for trying hamstray out; "
            'for everyday use it is minutes, like "30m"',
        ),
        (
            '[breaks]\ninterval = "5m"\n',
            300,
            f"{PATH}:2: warning: breaks.remind_again: 10m is longer than breaks.interval (5m): "
            "an ignored reminder comes back after more than a whole sitting interval",
        ),
    ],
)
def test_values_that_make_no_sense_together_are_warnings_and_still_used(
    text: str, interval: int, expected: str
) -> None:
    cfg, problems = loader.parse(text, PATH)
    assert [str(p) for p in problems] == [expected]
    assert problems[0].in_effect
    assert loader.to_tell(problems) == []  # used as written: said by the check, not notified
    assert cfg.breaks.interval == interval


def test_the_keys_with_errors_keep_the_last_good_values() -> None:
    good, _ = loader.parse('[breaks]\ninterval = "20m"\nsnooze = "7m"\n', PATH)
    edited, problems = loader.parse('[breaks]\ninterval = "25m"\nsnooze = "7 m"\n', PATH)
    kept = loader.fallback(edited, problems, good)
    assert (kept.breaks.interval, kept.breaks.snooze) == (25 * 60, 7 * 60)
    broken, problems = loader.parse('[breaks]\ninterval = "25m\n', PATH)
    assert loader.fallback(broken, problems, good) == good  # unreadable: all of the last good


def test_dotted_keys_are_located_too() -> None:
    _, problems = parse('breaks.interval = "x"\n')
    assert problems == [f'{PATH}:1: breaks.interval: expected a duration like "45m", got "x"']


def test_a_syntax_error_names_line_and_column() -> None:
    cfg, problems = parse('[breaks]\ninterval = "30m\n')
    assert cfg == Config()
    assert len(problems) == 1
    assert problems[0].startswith(f"{PATH}:2: column ")


def test_a_section_that_is_not_a_table_is_reported() -> None:
    _, problems = parse('breaks = "30m"\n')
    assert problems == [f"{PATH}:1: breaks: expected a [breaks] table"]


def test_a_missing_file_is_no_problem(tmp_path: Path) -> None:
    assert loader.load(tmp_path / "absent.toml") == (Config(), [])


def test_a_directory_instead_of_a_file_is_reported(tmp_path: Path) -> None:
    cfg, problems = loader.load(tmp_path)
    assert cfg == Config()
    assert [str(p) for p in problems] == [f"{tmp_path}: is a directory, not a config file"]


def test_a_file_that_is_not_utf8_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b'[breaks]\n# caf\xe9\ninterval = "5m"\n')
    cfg, problems = loader.load(path)
    assert cfg == Config()
    assert [str(p) for p in problems] == [f"{path}:2: is not UTF-8 text (TOML files must be UTF-8)"]


def test_the_default_file_reads_back_as_the_defaults() -> None:
    assert parse(writer.default_file()) == (Config(), [])


def test_to_toml_round_trips() -> None:
    cfg, _ = parse('[breaks]\ninterval = "45m"\n[routines]\nmorning = ""\n')
    assert parse(writer.to_toml(cfg)) == (cfg, [])


@pytest.mark.finding(
    "any text as the config file (hypothesis)",
    "a config and a list of problems naming the file, never an exception",
    "every valid key",
)
@given(st.text(max_size=300))
def test_any_text_gives_a_config_and_never_raises(text: str) -> None:
    cfg, problems = loader.parse(text, PATH)
    assert isinstance(cfg, Config)
    assert all(str(p).startswith(str(PATH)) for p in problems)


printable = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12)
values = st.one_of(
    st.integers(-(10**6), 10**6),
    printable,
    st.booleans(),
    st.floats(allow_nan=False),
    st.lists(printable, max_size=3),
)


@given(st.sampled_from([(k.section, k.name) for k in settings.declared()]), values)
@pytest.mark.finding(
    "any value for any config key (hypothesis)",
    "valid, or reported on its line",
    "every other key",
)
def test_any_value_for_any_key_is_valid_or_reported(key: tuple[str, str], value: object) -> None:
    section, name = key
    text = f"[{section}]\n{name} = {_toml(value)}\n"
    cfg, problems = loader.parse(text, PATH)
    if problems:
        assert all(":2: " in str(p) for p in problems)
    assert isinstance(cfg.breaks.interval, int)


def _toml(value: object) -> str:
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else "0.0"
    return json.dumps(value, ensure_ascii=False)


def test_each_key_is_declared_once_and_the_defaults_file_has_every_one() -> None:
    """One declaration per key: the dataclasses, the checks and the defaults file agree."""
    declared = [(k.section, k.name) for k in settings.declared()]
    assert len(declared) == len(set(declared))
    text = writer.default_file()
    for key in settings.declared():
        assert loader.locate(text, key.section, key.name) is not None, key.dotted
        assert key.about in text
        assert settings.value(Config(), key) == key.default
