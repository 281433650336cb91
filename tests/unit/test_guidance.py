"""The shipped guidance says what issue 17 asks, briefly; bad guidance data is refused clearly."""

import re
from importlib import resources

import pytest

from hamstray.engine import guidance
from hamstray.engine.guidance import GuidanceError

TEXT = (resources.files("hamstray.store") / "guidance.toml").read_text(encoding="utf-8")
GUIDANCE = guidance.parse(TEXT)
RULES = GUIDANCE.rules
CHECKIN = GUIDANCE.checkin


@pytest.mark.parametrize(
    "words",
    [
        "mild tension, never to pain",
        "no bouncing",
        "breathe",
        "tingling, numbness or shooting pain",
        "ask a doctor or physiotherapist first",
        "stable chair without wheels",
        "walk or march on the spot for a minute",
    ],
)
def test_every_general_rule_is_there(words: str) -> None:
    assert any(words in line.lower() for line in RULES.lines)


def test_the_rules_are_short_lines_and_the_footer_is_one() -> None:
    assert 5 <= len(RULES.lines) <= 9
    assert all(len(line) <= 100 for line in RULES.lines)
    assert len(RULES.footer) <= 100
    for words in ("never pain", "no bouncing", "breathe", "tingling"):
        assert words in RULES.footer


def test_the_progress_note_is_honest_about_time_and_people() -> None:
    note = RULES.progress.lower()
    assert "weeks" in note
    assert "person to person" in note
    assert "inherited" in note
    assert "most days" in note


def test_there_are_six_to_ten_short_tips_including_the_footstool() -> None:
    assert 6 <= len(GUIDANCE.tips) <= 10
    assert all(len(tip.text) <= 110 for tip in GUIDANCE.tips)
    footstool = next(tip for tip in GUIDANCE.tips if tip.id == "footstool")
    assert "hamstrings" in footstool.text
    assert "footstool" in footstool.text


@pytest.mark.parametrize("tip", GUIDANCE.tips, ids=lambda tip: tip.id)
def test_every_tip_names_its_source_in_the_data_file(tip: guidance.Tip) -> None:
    before = TEXT[: TEXT.index(f'[[tip]]\nid = "{tip.id}"')].rstrip().splitlines()
    comment = []
    while before and before[-1].startswith("#"):
        comment.insert(0, before.pop())
    assert re.search(r"(19|20)\d\d|OSHA|ACSM", " ".join(comment)), tip.id


def test_the_check_in_has_a_sit_and_reach_to_landmarks_and_a_knee_extension() -> None:
    tests = {t.id: t for t in CHECKIN.tests}
    reach = tests["chair-reach"]
    assert [a.id for a in reach.answers] == [
        "above-knee",
        "knee",
        "mid-shin",
        "ankle",
        "toes",
        "past-toes",
    ]
    assert "knee-extension" in tests
    for test in CHECKIN.tests:
        assert 2 <= len(test.cues) <= 4
        assert all(len(cue) <= 80 for cue in test.cues)
        assert test.context == "desk"
        assert "tighter" in test.question


def test_answers_score_from_least_to_most_flexible() -> None:
    reach = CHECKIN.tests[0]
    assert [reach.score(a.id) for a in reach.answers] == list(range(len(reach.answers)))
    with pytest.raises(GuidanceError, match="unknown answer 'elbow'"):
        reach.score("elbow")


def test_the_trend_waits_for_weeks_and_then_words_the_change_honestly() -> None:
    assert "4–6 weeks" in CHECKIN.early
    assert CHECKIN.trend(then=1, now=3, weeks=2) == CHECKIN.early
    assert CHECKIN.trend(then=1, now=3, weeks=6).startswith("Looser than 6 weeks ago")
    assert "About the same as 8 weeks ago" in CHECKIN.trend(then=2, now=2, weeks=8)
    assert "varies from day to day" in CHECKIN.trend(then=3, now=2, weeks=4)


# Refusals.

GOOD = {
    "rules": '[rules]\nlines = ["One."]\nfooter = "F"\nprogress = "P"\n',
    "tip": '[[tip]]\nid = "a"\ntext = "T"\n',
    "checkin": (
        '[checkin]\nintro = "I"\ntrend_after_weeks = 4\nearly = "E"\n'
        'further = "{weeks} F"\nsame = "{weeks} S"\nless = "{weeks} L"\n'
    ),
    "test": (
        '[[checkin.test]]\nid = "t"\nname = "N"\ncontext = "desk"\ncues = ["A.", "B."]\n'
        'question = "Q?"\nanswers = [{id = "a", label = "A"}, {id = "b", label = "B"}, '
        '{id = "c", label = "C"}]\n'
    ),
}


def data(**changes: str) -> str:
    parts = {**GOOD, **changes}
    return "\n".join(parts.values())


def test_the_minimal_guidance_is_read() -> None:
    parsed = guidance.parse(data())
    assert parsed.tips == (guidance.Tip("a", "T"),)
    assert parsed.checkin.tests[0].answers[2] == guidance.Answer("c", "C")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"rules": ""}, "the guidance has no [rules] table"),
        ({"rules": '[rules]\nlines = []\nfooter = "F"\nprogress = "P"\n'}, "lines must be a list"),
        ({"rules": '[rules]\nlines = ["A"]\nfooter = ""\nprogress = "P"\n'}, "footer must be one"),
        ({"tip": ""}, "the guidance has no [[tip]] entries"),
        ({"tip": '[[tip]]\nid = "A b"\ntext = "T"\n'}, "tip #1: id must be lowercase words"),
        ({"tip": '[[tip]]\nid = "a"\ntext = "T"\n[[tip]]\nid = "a"\ntext = "U"\n'}, "used twice"),
        ({"checkin": "", "test": ""}, "the guidance has no [checkin] table"),
        ({"test": ""}, "has no [[checkin.test]] entries"),
        (
            {"checkin": GOOD["checkin"].replace("trend_after_weeks = 4", "trend_after_weeks = 0")},
            "trend_after_weeks must be 1 to 26, got 0",
        ),
        (
            {"checkin": GOOD["checkin"].replace('"{weeks} S"', '"S"')},
            "same must contain {weeks}",
        ),
        (
            {"checkin": GOOD["checkin"].replace('"E"', '"E {days}"')},
            "early must contain no {field}",
        ),
        ({"test": GOOD["test"].replace('"desk"', '"sofa"')}, "context must be one of"),
        ({"test": GOOD["test"].replace('["A.", "B."]', '["A."]')}, "cues must be 2 to 4"),
        (
            {"test": GOOD["test"].replace(', {id = "c", label = "C"}', "")},
            "answers must list at least 3 steps",
        ),
        ({"test": GOOD["test"].replace('id = "c"', 'id = "a"')}, "answer 'a': the id is used"),
        ({"test": GOOD["test"].replace('{id = "c", label = "C"}', '"c"')}, "each answer must be"),
    ],
)
def test_bad_guidance_is_refused_naming_the_table_and_field(changes: dict, message: str) -> None:
    with pytest.raises(GuidanceError, match=re.escape(message)):
        guidance.parse(data(**changes))


def test_guidance_that_is_not_toml_is_refused() -> None:
    with pytest.raises(GuidanceError, match="not valid TOML"):
        guidance.parse("[rules")
