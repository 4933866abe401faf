"""model/checks/text.py: the text against the tables, outlook, imported labels — one change, its finding."""

from __future__ import annotations

from model.checks import check
from model.findings import Location
from model.report import Report
from tests.model.checks.changes import APPS, Case, Change, case_tests


def _text(section: str, text: str) -> Change:
    def change(r: Report) -> None:
        r.narrative.section(section).intro = text

    return change


CASES: list[Case] = [
    Case(
        "text says none received, table says 9",
        _text("overview", "本年度，本局未收到政府信息公开的申请。"),
        "TEXT_TABLE_MISMATCH",
        Location(field="narrative.overview.intro"),
    ),
    Case(
        "text says 12 received, table says 9",
        _text("overview", "全年共收到政府信息公开申请12件。"),
        "TEXT_TABLE_MISMATCH",
        Location(field="narrative.overview.intro"),
    ),
    Case(
        "text says no review, table has one",
        _text("overview", "本年度未发生政府信息公开行政复议、行政诉讼案件。"),
        "TEXT_TABLE_MISMATCH",
        Location(field="narrative.overview.intro"),
    ),
    Case(
        "text counts two lawsuits, table none",
        _text("overview", "本年度发生政府信息公开行政诉讼2件。"),
        "TEXT_TABLE_MISMATCH",
        Location(field="narrative.overview.intro"),
    ),
    Case(
        "an outlook dated with the report year",
        _text("problems", "2024年，我局将以区委、区政府重大决策部署为重点。"),
        "YEAR_IN_OUTLOOK",
        Location(field="narrative.problems.intro"),
    ),
    Case(
        "an imported row label differs",
        lambda r: r.imported_labels.update({APPS: {"withheld_prohibited_by_law": "2.其他法律法规禁止公开"}}),
        "LABEL_MISMATCH",
        Location(APPS, "withheld_prohibited_by_law"),
    ),
]


test_one_change_gives_the_finding_at_its_location, test_every_message_is_chinese_and_names_something = case_tests(CASES)


def test_text_agreeing_with_tables_passes(report: Report) -> None:
    report.narrative.section(
        "overview"
    ).intro = "全年共收到政府信息公开申请九件。本年度发生行政复议1件，未发生行政诉讼。"
    assert check(report) == []
