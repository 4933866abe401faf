"""model/checks/text.py: the text against the tables, fee, outlook, imported labels — one change, its finding."""

from __future__ import annotations

import pytest

from model.checks import check
from model.findings import Location, Severity
from model.report import Report, Subsection
from tests.model.checks.changes import APPS, Change


def _text(section: str, text: str) -> Change:
    def change(r: Report) -> None:
        r.narrative.section(section).intro = text

    return change


CASES: list[tuple[str, Change, str, Location]] = [
    ("六 silent on the fee", _text("other", "无。"), "FEE_NOT_STATED", Location(field="narrative.other.intro")),
    (
        "text says none received, table says 9",
        _text("overview", "本年度，本局未收到政府信息公开的申请。"),
        "TEXT_TABLE_MISMATCH",
        Location(field="narrative.overview.intro"),
    ),
    (
        "text says 12 received, table says 9",
        _text("overview", "全年共收到政府信息公开申请12件。"),
        "TEXT_TABLE_MISMATCH",
        Location(field="narrative.overview.intro"),
    ),
    (
        "text says no review, table has one",
        _text("overview", "本年度未发生政府信息公开行政复议、行政诉讼案件。"),
        "TEXT_TABLE_MISMATCH",
        Location(field="narrative.overview.intro"),
    ),
    (
        "text counts two lawsuits, table none",
        _text("overview", "本年度发生政府信息公开行政诉讼2件。"),
        "TEXT_TABLE_MISMATCH",
        Location(field="narrative.overview.intro"),
    ),
    (
        "an outlook dated with the report year",
        _text("problems", "2024年，我局将以区委、区政府重大决策部署为重点。"),
        "YEAR_IN_OUTLOOK",
        Location(field="narrative.problems.intro"),
    ),
    (
        "an imported row label differs",
        lambda r: r.imported_labels.update({APPS: {"withheld_prohibited_by_law": "2.其他法律法规禁止公开"}}),
        "LABEL_MISMATCH",
        Location(APPS, "withheld_prohibited_by_law"),
    ),
]


@pytest.mark.parametrize(("scenario", "change", "code", "location"), CASES, ids=[c[0] for c in CASES])
def test_one_change_gives_the_finding_at_its_location(
    report: Report, scenario: str, change: Change, code: str, location: Location
) -> None:
    change(report)
    findings = check(report)
    assert (code, location) in {(f.code, f.location) for f in findings}, findings


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_every_message_is_chinese_and_names_something(report: Report, case: tuple[str, Change, str, Location]) -> None:
    _, change, _, _ = case
    change(report)
    for finding in check(report):
        assert any("\u4e00" <= ch <= "\u9fff" for ch in finding.message)
        assert finding.severity in (Severity.ERROR, Severity.WARNING)


def test_fee_mentioned_in_a_subsection_counts(report: Report) -> None:
    report.narrative.section("other").intro = ""
    report.narrative.section("other").subsections = [Subsection("信息处理费收取情况", "本年度未收取处理费。")]
    assert check(report) == []


def test_text_agreeing_with_tables_passes(report: Report) -> None:
    report.narrative.section(
        "overview"
    ).intro = "全年共收到政府信息公开申请九件。本年度发生行政复议1件，未发生行政诉讼。"
    assert check(report) == []
