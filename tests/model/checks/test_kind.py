"""model/checks/kind.py: KIND_MISMATCH — figures and text the agency's kind cannot have."""

from __future__ import annotations

import pytest

from model.checks import check
from model.findings import Location
from model.report import Report
from tests.model.checks.seeds import seed_section

REGULATIONS = "regulations"
KIND_FIELD = Location(field="meta.agency_kind")


@pytest.mark.parametrize("column", ["issued", "repealed", "in_force"])
def test_a_township_reporting_regulations_is_found(report: Report, column: str) -> None:
    report.meta.agency_kind = "township"
    report.set_cell("active_disclosure", REGULATIONS, column, 6)
    (finding,) = [f for f in check(report) if f.code == "KIND_MISMATCH"]
    assert finding.location == Location("active_disclosure", REGULATIONS, column)
    assert "6" in finding.message and finding.basis == "《中华人民共和国立法法》第九十三条"


@pytest.mark.parametrize(("kind", "value"), [("township", 0), ("department", 2), ("government", 3)])
def test_regulations_a_kind_may_have_pass(report: Report, kind: str, value: int) -> None:
    report.meta.agency_kind = kind
    report.set_cell("active_disclosure", REGULATIONS, "issued", value)
    report.set_cell("active_disclosure", REGULATIONS, "in_force", value)
    assert "KIND_MISMATCH" not in {f.code for f in check(report)}


GOVERNMENT_WORDING = [
    "（六）工作考核、社会评议和责任追究结果情况。本年度将政务公开纳入绩效考核，开展社会评议，未发生责任追究。",
    "将政务公开工作纳入工作考核；组织社会评议1次；本年度未发生政府信息公开责任追究情况。",
    "一是完善工作考核办法。二是开展社会评议。三是落实责任追究。",
]


@pytest.mark.parametrize("text", GOVERNMENT_WORDING, ids=[t[:12] for t in GOVERNMENT_WORDING])
def test_a_department_reporting_as_a_government_is_told(report: Report, text: str) -> None:
    report.narrative.section("overview").subsections[4].text = text
    assert "KIND_MISMATCH" in {f.code for f in check(report) if f.location == KIND_FIELD}


@pytest.mark.parametrize("number", [0, 1, 3])  # 003: 绩效考核, 社会评议, 责任追究 — in its own words
def test_a_departments_own_wording_is_no_mismatch(report: Report, number: int) -> None:
    report.narrative.sections["overview"] = seed_section(number, "overview")
    assert "KIND_MISMATCH" not in {f.code for f in check(report)}


def test_a_government_reporting_its_assessment_is_no_mismatch(report: Report) -> None:
    report.meta.agency_kind = "government"
    report.narrative.section("overview").subsections[4].text = GOVERNMENT_WORDING[0]
    assert "KIND_MISMATCH" not in {f.code for f in check(report)}
