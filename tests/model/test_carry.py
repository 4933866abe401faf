"""model/carry.py: next year's report from last year's, checked across the years from the new file alone."""

from __future__ import annotations

from pathlib import Path

from model.carry import start_next_year
from model.checks import check
from model.files import load_report, save_report
from model.report import Report


def test_next_year_carries_agency_forward_figures_and_draft_text(report: Report) -> None:
    report.set_cell("applications", "carried_forward", "natural_person", 1)
    new = start_next_year(report)
    assert (new.meta.agency, new.meta.agency_kind, new.meta.year) == (report.meta.agency, "department", 2025)
    assert new.meta.issue_date is None
    assert new.stored("applications", "carried_over", "natural_person") == 1
    assert new.stored("applications", "carried_over", "commercial") == 0
    assert new.stored("active_disclosure", "normative_documents", "in_force") == 5
    assert new.narrative == report.narrative and new.narrative is not report.narrative
    assert new.previous is not None and new.previous.year == 2024
    assert new.stored("applications", "new_received", "natural_person") is None


def test_cross_year_checks_work_from_the_new_file_alone(report: Report, tmp_path: Path) -> None:
    new = start_next_year(report)
    new.set_cell("applications", "carried_over", "natural_person", 5)
    new.set_cell("active_disclosure", "normative_documents", "issued", 3)
    new.set_cell("active_disclosure", "normative_documents", "repealed", 0)
    path = tmp_path / "2025.nianbao.json"
    save_report(new, path)
    codes = {f.code for f in check(load_report(path))}
    assert {"CARRY_OVER", "IN_FORCE_DRIFT"} <= codes
