"""The shipped catalogue is complete, valid and pictured; bad entries are refused clearly."""

import pytest

from hamstray import assets, catalogue
from hamstray.catalogue import GROUPS, CatalogueError

CATALOGUE = assets.stretches()


def test_at_least_twenty_stretches_cover_all_seven_groups() -> None:
    assert len(CATALOGUE) >= 20
    covered = {g for s in CATALOGUE for g in s.groups}
    assert covered == set(GROUPS)


@pytest.mark.parametrize("group", ["hamstrings", "hip_flexors", "inner_thighs", "calves"])
def test_the_main_four_groups_have_at_least_three_stretches(group: str) -> None:
    assert sum(group in s.groups for s in CATALOGUE) >= 3


def test_the_heart_of_the_idea_is_there() -> None:
    ids = {s.id for s in CATALOGUE}
    assert {
        "legs-up-the-wall",
        "seated-forward-fold",
        "chair-forward-fold",
        "seated-wide-leg",
        "pigeon",
        "chair-figure-four",
        "foot-roll",
        "desk-calf",
        "standing-hip-flexor",
    } <= ids
    legs_up = catalogue.find(CATALOGUE, "legs-up-the-wall")
    assert legs_up is not None
    assert legs_up.groups == ("hamstrings", "inner_thighs")
    assert legs_up.context == "floor"
    assert catalogue.find(CATALOGUE, "pigeon").gentler == "chair-figure-four"  # type: ignore[union-attr]


def test_every_group_has_a_desk_or_standing_stretch_for_daytime() -> None:
    daytime = {g for s in CATALOGUE if s.context != "floor" for g in s.groups}
    assert daytime == set(GROUPS)


def test_every_group_has_a_floor_stretch_for_the_routines() -> None:
    floor = {g for s in CATALOGUE if s.context == "floor" for g in s.groups}
    assert floor == set(GROUPS)


def test_every_stretch_has_short_cues() -> None:
    for stretch in CATALOGUE:
        assert 2 <= len(stretch.cues) <= 4
        assert all(len(cue) <= 80 for cue in stretch.cues), stretch.id


def entry(**fields: object) -> str:
    base = {
        "id": "x",
        "name": "X",
        "groups": ["feet"],
        "context": "desk",
        "per_side": False,
        "hold": 30,
        "cues": ["One.", "Two."],
    }
    base.update(fields)
    lines = ["[[stretch]]"]
    for key, value in base.items():
        if value is None:
            continue
        text = str(value).lower() if isinstance(value, bool) else repr(value).replace("'", '"')
        lines.append(f"{key} = {text}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"id": "Bad Id"}, "id must be lowercase words"),
        ({"groups": ["biceps"]}, "groups must be distinct names"),
        ({"groups": []}, "groups must be distinct names"),
        ({"context": "sofa"}, "context must be one of desk, standing, floor"),
        ({"hold": 2}, "hold must be 10 to 300 seconds, got 2"),
        ({"hold": "30s"}, "hold must be a int"),
        ({"cues": ["Only one."]}, "cues must be 2 to 4 short sentences"),
        ({"per_side": "yes"}, "per_side must be a bool"),
        ({"colour": "red"}, "unknown field 'colour'"),
        ({"gentler": "nothing"}, "gentler names no stretch: 'nothing'"),
    ],
)
def test_an_invalid_entry_is_refused_with_its_id_and_field(fields: dict, message: str) -> None:
    with pytest.raises(CatalogueError, match=message) as error:
        catalogue.parse(entry(**fields))
    assert str(error.value).startswith("stretch ")


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(CatalogueError, match="the id is used twice"):
        catalogue.parse(entry() + entry())


def test_an_empty_catalogue_is_refused() -> None:
    with pytest.raises(CatalogueError, match="no \\[\\[stretch\\]\\] entries"):
        catalogue.parse("")
