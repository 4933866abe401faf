"""The batch compiled from summaries: matched, timed, de-duplicated, sorted worst first, summed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from model.checks import check
from model.findings import Location
from model.report import Report
from model.review import (
    Exclusion,
    ReportSummary,
    Timeliness,
    compile_review,
    part_title,
    place,
    summarize,
    summed_cells,
)
from model.roster import Roster, Unit
from model.template import TEMPLATE_2021
from tests.factories import consistent_report


def summary_of(report: Report, file: str) -> ReportSummary:
    return summarize(report, check(report), file)


def unit_report(agency: str, issued: date | None = date(2025, 1, 17), kind: str = "department") -> Report:
    report = consistent_report()
    report.meta.agency = agency
    report.meta.agency_kind = kind
    report.meta.issue_date = issued
    return report


def test_a_summary_keeps_every_cell_and_the_key_figures() -> None:
    report = consistent_report()
    summary = summary_of(report, "a.nianbao.json")
    assert len(summary.values) == len(summed_cells(TEMPLATE_2021)) == 10 + 175 + 15
    assert summary.value(("applications", "results_total", "total")) == 9
    assert summary.value(("active_disclosure", "administrative_fees", "amount")) == Decimal("1.25")
    assert summary.key_figures() == {
        "received": 9,
        "disclosed": 5,
        "carried_forward": 1,
        "reviews": 1,
        "lawsuits": 0,
        "licenses": 12,
        "penalties": 3,
        "coercions": 0,
    }
    report.set_cell("review_litigation", "litigation_direct", "upheld", None)
    assert summary_of(report, "a").key_figures()["lawsuits"] is None  # not filled in is not 0


def test_timeliness_by_the_kind_the_roster_gives() -> None:
    government = unit_report("叶城县人民政府", date(2025, 3, 10))
    roster = Roster((Unit("叶城县人民政府", "government"), Unit("叶城县教育局")))
    review = compile_review([summary_of(government, "g")], roster=roster)
    assert review.entries[0].timeliness is Timeliness.ON_TIME  # 31 March for a government
    without_roster = compile_review([summary_of(government, "g")])
    entry = without_roster.entries[0]
    assert (entry.timeliness, entry.days_late) == (Timeliness.LATE, 38)  # the report says department
    undated = compile_review([summary_of(unit_report("x", None), "u")]).entries[0]
    assert undated.timeliness is Timeliness.UNDATED


def test_worst_first_missing_units_and_duplicates() -> None:
    broken = unit_report("叶城县教育局")
    broken.set_cell("applications", "new_received", "total", 99)
    first = unit_report("叶城县财政局", date(2025, 1, 10))
    again = unit_report("县财政局", date(2025, 1, 20))
    roster = Roster((Unit("叶城县教育局"), Unit("叶城县财政局"), Unit("叶城县统计局")))
    review = compile_review([summary_of(first, "1"), summary_of(broken, "2"), summary_of(again, "3")], roster=roster)
    assert review.entries[0].summary.file == "2"
    assert [u.name for u in review.missing] == ["叶城县统计局"]
    assert [e.summary.file for e in review.duplicates["叶城县财政局"]] == ["1", "3"]
    excluded = {e.summary.file: e.excluded for e in review.entries}
    assert excluded == {"1": Exclusion.DUPLICATE, "2": None, "3": None}  # the later one is summed
    assert review.totals()[("applications", "new_received", "natural_person")] == 14
    assert review.has_errors


def test_a_report_of_another_year_is_listed_but_not_summed() -> None:
    reports = [unit_report(f"单位{i}") for i in range(3)]
    reports[2].meta.year = 2023
    review = compile_review([summary_of(r, str(i)) for i, r in enumerate(reports)])
    assert review.year == 2024
    assert [e.excluded for e in review.entries if e.summary.year == 2023] == [Exclusion.OTHER_YEAR]
    assert len(review.included) == 2


def test_where_a_finding_is_in_words() -> None:
    cell = Location(table="applications", row="withheld_state_secret", column="natural_person")
    assert part_title(TEMPLATE_2021, cell) == "三、收到和处理政府信息公开申请情况"
    assert place(TEMPLATE_2021, cell) == "三（三）1.属于国家秘密·自然人"
    assert place(TEMPLATE_2021, Location(field="meta.issue_date")) == "成文日期"
    assert part_title(TEMPLATE_2021, Location(field="meta.issue_date")) == "基本信息"
    assert place(TEMPLATE_2021, Location(field="narrative.overview.subsections[1].text")) == "（二）正文"
    assert part_title(TEMPLATE_2021, Location(field="narrative.preamble")) == "一、总体情况"
    assert place(TEMPLATE_2021, Location(field="narrative.preamble")) == "开头语"
