"""Property tests: consistent reports pass; any single changed cell is caught at that cell."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from model.checks import check
from model.findings import Location
from model.report import Fee, Report
from model.template import TEMPLATE_2021
from tests.factories import consistent_report, store_totals

APPS = TEMPLATE_2021.table("applications")
REVIEW = TEMPLATE_2021.table("review_litigation")
APPLICANTS = APPS.blocks[0].column("total").parts
RESULTS = APPS.row("results_total").parts
GROUP_PARTS = REVIEW.blocks[0].column("total").parts

counts = st.integers(min_value=0, max_value=500)


@st.composite
def consistent_reports(draw: st.DrawFn) -> Report:
    """Random table 3 and 4 figures that satisfy every statutory equation, totals stored too."""
    report = consistent_report()
    for column in APPLICANTS:
        results = {row: draw(counts) for row in RESULTS}
        forward = draw(counts)
        carried = draw(st.integers(min_value=0, max_value=sum(results.values()) + forward))
        new = sum(results.values()) + forward - carried
        for row, value in {**results, "carried_forward": forward, "carried_over": carried, "new_received": new}.items():
            report.set_cell(APPS.id, row, column, value)
    for row in REVIEW.rows:
        for column in GROUP_PARTS:
            report.set_cell(REVIEW.id, row.id, column, draw(st.integers(0, 50)))
    overview = report.narrative.section("overview").subsections
    overview[1].text = "本局依法答复政府信息公开申请。"  # the factory's text states fixed counts
    report.fee = Fee(collected=False)  # 六 states the fee: applications dropped for unpaid notices need no words
    if draw(st.booleans()):
        store_totals(report)
    return report


@settings(max_examples=60, deadline=None)
@given(consistent_reports())
def test_a_consistent_report_passes(report: Report) -> None:
    assert check(report) == []


EDITABLE = [(t.id, r.id, c.id) for t in (APPS, REVIEW) for r, c in t.cells()]


@settings(max_examples=150, deadline=None)
@given(consistent_reports(), st.sampled_from(EDITABLE), st.integers(min_value=1, max_value=40))
def test_changing_any_single_cell_is_caught_at_that_cell(
    report: Report, where: tuple[str, str, str], delta: int
) -> None:
    store_totals(report)  # with totals stored, a change to any cell breaks some equation through it
    table, row, column = where
    value = report.value(table, row, column)
    assert value is not None
    report.set_cell(table, row, column, value + delta)
    findings = check(report)
    codes_here = {f.code for f in findings if Location(table, row, column) in f.locations}
    assert codes_here & {"ROW_TOTAL", "RESULTS_TOTAL", "BALANCE"}, (where, findings)


@settings(max_examples=60, deadline=None)
@given(consistent_reports(), st.sampled_from(EDITABLE))
def test_a_negative_cell_is_caught_as_negative(report: Report, where: tuple[str, str, str]) -> None:
    table, row, column = where
    report.set_cell(table, row, column, -1)
    assert "NEGATIVE" in {f.code for f in check(report) if f.location == Location(table, row, column)}
