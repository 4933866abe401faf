"""model/findings.py: a finding as a value — its location as the contract writes it (absent keys left
out), the part of the report it belongs to, its related locations, a review attached without
changing the original, and its JSON with `reviewed` only when a person accepted it."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from model.findings import Finding, Location, Severity, cell, error, field_at, warning

APPLICATIONS_CELL = Location("applications", "new_received", "natural_person")
ISSUE_DATE = Location(field="meta.issue_date")


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        (APPLICATIONS_CELL, {"table": "applications", "row": "new_received", "column": "natural_person"}),
        (ISSUE_DATE, {"field": "meta.issue_date"}),
        (Location("applications", row="disclosed"), {"table": "applications", "row": "disclosed"}),  # a row label
        (Location("applications", column="research"), {"table": "applications", "column": "research"}),
        (Location(), {}),
    ],
    ids=["cell", "field", "row-label", "column-label", "nowhere"],
)
def test_location_json_has_only_the_keys_that_are_set(location: Location, expected: dict[str, str]) -> None:
    assert location.to_json() == expected
    assert json.loads(json.dumps(location.to_json())) == expected  # plain strings: straight into a file


def test_an_empty_string_is_a_value_not_an_absent_key() -> None:
    assert Location(field="").to_json() == {"field": ""}


@pytest.mark.parametrize(
    ("location", "part"),
    [
        (APPLICATIONS_CELL, "applications"),
        (Location("review_litigation", row="review"), "review_litigation"),
        (ISSUE_DATE, "meta"),
        (Location(field="meta.agency"), "meta"),
        (Location(field="narrative.overview.intro"), "overview"),
        (Location(field="narrative.problems.subsections[1].title"), "problems"),
        (Location(field="narrative.other.subsections[0].text"), "other"),
        (Location(field="narrative.preamble"), "preamble"),
        (Location(field="narrative.closing"), "closing"),
    ],
)
def test_part_id_is_the_table_meta_section_or_text_a_location_is_in(location: Location, part: str) -> None:
    assert location.part_id == part


def test_a_table_location_belongs_to_its_table_even_with_a_field() -> None:
    assert Location(table="applications", field="meta.agency").part_id == "applications"


def test_the_helpers_build_cell_and_field_locations() -> None:
    assert cell("applications", "new_received", "natural_person") == APPLICATIONS_CELL
    assert field_at("meta.issue_date") == ISSUE_DATE


@pytest.mark.parametrize(("make", "severity"), [(error, Severity.ERROR), (warning, Severity.WARNING)])
def test_error_and_warning_make_unreviewed_findings_of_their_severity(
    make: Callable[..., Finding], severity: Severity
) -> None:
    related = (Location("applications", "carried_over", "natural_person"),)
    finding = make("BALANCE", APPLICATIONS_CELL, "一+二 与 三+四 不等", related)
    assert finding == Finding(severity, "BALANCE", APPLICATIONS_CELL, "一+二 与 三+四 不等", related, None)
    alone = make("MISSING", ISSUE_DATE, "未填写成文日期")
    assert (alone.related, alone.reviewed) == ((), None)


def test_locations_are_the_location_first_then_the_related_ones() -> None:
    others = (Location("applications", "disclosed", "research"), Location(field="narrative.overview.intro"))
    finding = warning("TEXT_TABLE_MISMATCH", APPLICATIONS_CELL, "正文与表格不一致", others)
    assert finding.locations == (APPLICATIONS_CELL, *others)
    assert warning("DATE_LATE", ISSUE_DATE, "成文日期晚于规定").locations == (ISSUE_DATE,)


def test_with_review_returns_a_reviewed_copy_and_leaves_the_original() -> None:
    original = warning("IN_FORCE_DRIFT", APPLICATIONS_CELL, "现行有效件数与上年不衔接")
    reviewed = original.with_review("已废止1件")
    assert reviewed.reviewed == "已废止1件"
    assert original.reviewed is None
    assert (reviewed.severity, reviewed.code, reviewed.location, reviewed.message, reviewed.related) == (
        original.severity,
        original.code,
        original.location,
        original.message,
        original.related,
    )
    assert reviewed.with_review("另一理由").reviewed == "另一理由"


def test_json_is_the_contract_shape_without_related_or_reviewed() -> None:
    finding = error("ROW_TOTAL", APPLICATIONS_CELL, "总计应为 9", (ISSUE_DATE,))
    assert finding.to_json() == {
        "severity": "error",
        "code": "ROW_TOTAL",
        "location": {"table": "applications", "row": "new_received", "column": "natural_person"},
        "message": "总计应为 9",
    }
    assert warning("DATE_LATE", ISSUE_DATE, "晚了").to_json()["severity"] == "warning"


@pytest.mark.parametrize("reason", ["已核实：另有2件上年漏报", ""])
def test_json_carries_reviewed_when_a_reason_was_given(reason: str) -> None:
    data = warning("DATE_LATE", ISSUE_DATE, "晚了").with_review(reason).to_json()
    assert data == {
        "severity": "warning",
        "code": "DATE_LATE",
        "location": {"field": "meta.issue_date"},
        "message": "晚了",
        "reviewed": reason,
    }
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


def test_json_carries_the_basis_only_when_the_rule_names_one() -> None:
    cited = warning("DATE_LATE", ISSUE_DATE, "晚了", basis="国办公开办函〔2021〕30号 一").to_json()
    assert cited["basis"] == "国办公开办函〔2021〕30号 一"
    assert "basis" not in warning("DATE_LATE", ISSUE_DATE, "晚了").to_json()
