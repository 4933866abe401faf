"""Field paths: written and parsed in one place, and every path the report has can be read and written."""

from __future__ import annotations

from datetime import date

import pytest

from model.field_paths import (
    FieldPath,
    PathKind,
    SubsectionPart,
    get_field,
    intro_path,
    meta_path,
    parse,
    part_id,
    set_field,
    subsection_path,
    text_fields,
    text_path,
)
from model.report import MetaValue, Report

TITLE, TEXT = SubsectionPart.TITLE, SubsectionPart.TEXT


@pytest.mark.parametrize(
    ("path", "parsed"),
    [
        ("meta.agency", FieldPath(PathKind.META, "agency")),
        ("meta.issue_date", FieldPath(PathKind.META, "issue_date")),
        ("narrative.preamble", FieldPath(PathKind.TEXT, "preamble")),
        ("narrative.overview.intro", FieldPath(PathKind.INTRO, "overview")),
        ("narrative.other.subsections[0].title", FieldPath(PathKind.SUBSECTION, "other", 0, TITLE)),
        ("narrative.problems.subsections[12].text", FieldPath(PathKind.SUBSECTION, "problems", 12, TEXT)),
        ("", None),
        ("meta", None),
        ("meta.", None),
        ("tables.applications", None),
        ("narrative.overview.subsections[x].text", None),
        ("narrative.overview.subsections[1].body", None),
        ("narrative.overview.intro.extra", None),
    ],
)
def test_paths_parse_to_what_they_name_and_print_back(path: str, parsed: FieldPath | None) -> None:
    assert parse(path) == parsed
    if parsed is not None:
        assert str(parsed) == path


def test_the_writers_write_what_the_parser_reads() -> None:
    assert meta_path("year") == "meta.year"
    assert text_path("closing") == "narrative.closing"
    assert intro_path("overview") == "narrative.overview.intro"
    assert subsection_path("other", 3, TITLE) == "narrative.other.subsections[3].title"


@pytest.mark.parametrize(
    ("path", "part"),
    [
        ("meta.agency", "meta"),
        ("narrative.preamble", "preamble"),
        ("narrative.overview.intro", "overview"),
        ("narrative.problems.subsections[2].text", "problems"),
        ("", ""),
    ],
)
def test_part_of_a_path(path: str, part: str) -> None:
    assert part_id(path) == part


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("meta.agency", "叶城县教育局"),
        ("meta.year", 2025),
        ("meta.issue_date", date(2026, 1, 20)),
        ("narrative.preamble", "开头。"),
        ("narrative.closing", "结束。"),
        ("narrative.overview.intro", "总体情况。"),
        ("narrative.overview.subsections[0].title", "主动公开"),
        ("narrative.overview.subsections[0].text", "正文。"),
    ],
)
def test_every_kind_of_path_reads_back_what_was_written(report: Report, path: str, value: MetaValue) -> None:
    set_field(report, path, value)
    assert get_field(report, path) == value


@pytest.mark.parametrize(
    "path",
    [
        "narrative.overview.subsections[99].text",
        "narrative.nowhere.intro",
        "narrative.overview",  # a section, not a text
        "narrative.appendix",  # no such text in the template
        "meta.website",  # no such meta field in the template
        "tables.applications",
        "meta",
    ],
)
def test_a_path_that_names_nothing_is_a_key_error(report: Report, path: str) -> None:
    with pytest.raises(KeyError):
        get_field(report, path)
    with pytest.raises(KeyError):
        set_field(report, path, "x")


def test_text_fields_walk_every_text_in_print_order(report: Report) -> None:
    paths = [path for path, _ in text_fields(report)]
    assert paths[0] == "narrative.preamble"
    assert paths[-1] == "narrative.closing"
    assert paths.index("narrative.overview.intro") < paths.index("narrative.problems.intro")
    assert all(get_field(report, path) == text for path, text in text_fields(report))
    subsections = len(report.narrative.section("overview").subsections)
    assert sum(p.startswith("narrative.overview.subsections") for p in paths) == 2 * subsections
