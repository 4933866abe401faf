"""Matching a report's agency to the roster: 全称 and 简称 alike, another county's never, several
fits never guessed."""

from __future__ import annotations

import pytest

from model.roster import NameMatcher, clean_name, name_keys, shared_places

ROSTER = (
    "叶城县科学技术局",
    "叶城县人民政府",
    "叶城县人民政府办公室",
    "叶城县市场监督管理局",
    "柯克亚乡人民政府",
    "叶城县人力资源和社会保障局",
    "叶城县发展和改革委员会",
    "叶城县住房和城乡建设局",
    "叶城县教育局",
    "叶城县教育和科学技术局",
)


@pytest.mark.parametrize(
    ("written", "unit"),
    [
        ("叶城县科学技术局", "叶城县科学技术局"),
        ("县科技局", "叶城县科学技术局"),
        ("科技局", "叶城县科学技术局"),
        ("叶城县科技局", "叶城县科学技术局"),
        ("叶城县 科学技术局（叶城县科协）", "叶城县科学技术局"),
        ("县政府", "叶城县人民政府"),
        ("叶城县政府办", "叶城县人民政府办公室"),
        ("县市场监管局", "叶城县市场监督管理局"),
        ("县市监局", "叶城县市场监督管理局"),
        ("柯克亚乡", "柯克亚乡人民政府"),
        ("叶城县人社局", "叶城县人力资源和社会保障局"),
        ("县发改委", "叶城县发展和改革委员会"),
        ("县住建局", "叶城县住房和城乡建设局"),
        ("教育局", "叶城县教育局"),
        ("叶城县教育和科技局", "叶城县教育和科学技术局"),
    ],
)
def test_a_name_as_written_matches_its_unit(written: str, unit: str) -> None:
    match = NameMatcher.of(ROSTER).match(written)
    assert match.index is not None and ROSTER[match.index] == unit


@pytest.mark.parametrize("written", ["泽普县科技局", "局", "", "县档案馆"])
def test_another_countys_unit_or_a_name_too_short_matches_nothing(written: str) -> None:
    match = NameMatcher.of(ROSTER).match(written)
    assert match.index is None and not match.is_ambiguous


def test_a_name_that_fits_several_units_is_ambiguous_and_lists_them() -> None:
    roster = ("叶城县科学技术局", "叶城县科学技术协会", "叶城县教育局")
    match = NameMatcher.of(roster).match("县科学技术")
    assert match.is_ambiguous and {roster[i] for i in match.candidates} == {"叶城县科学技术局", "叶城县科学技术协会"}


def test_the_place_prefix_is_found_from_the_names() -> None:
    assert shared_places(ROSTER) == ("叶城县",)
    assert shared_places(["通化市东昌区科学技术局", "通化市东昌区教育局"]) == ("通化市东昌区", "通化市")
    assert shared_places(["叶城县教育局"]) == ()  # one name shares nothing


def test_a_name_is_cleaned_of_width_spaces_punctuation_and_remarks() -> None:
    assert clean_name(" 叶城县　科学技术局(盖章) ") == "叶城县科学技术局"
    assert name_keys("县市场监督管理局", ("叶城县",)) == ("县市监局", "市监局")
