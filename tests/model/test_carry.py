"""Next year from last year; warnings reviewed until their values change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from model.carry import start_next_year
from model.checks import check
from model.files import load_report, save_report
from model.report import Report
from model.reviews import mark_reviewed


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


def test_a_reviewed_warning_stays_reviewed_across_save_until_its_cells_change(report: Report, tmp_path: Path) -> None:
    report.narrative.section("overview").intro = "全年共收到政府信息公开申请10件（含上年结转1件）。"
    (warning,) = check(report)
    mark_reviewed(report, warning, "10件含上年结转，表内一为9件，无误")
    path = tmp_path / "r.nianbao.json"
    save_report(report, path)
    assert json.loads(path.read_text(encoding="utf-8"))["reviews"][0]["reason"].startswith("10件")
    again = load_report(path)
    (still,) = check(again)
    assert still.reviewed == "10件含上年结转，表内一为9件，无误"
    again.set_cell("applications", "new_received", "natural_person", 8)  # the table now says 10 … different numbers
    again.set_cell("applications", "disclosed", "natural_person", 6)
    assert all(f.reviewed is None for f in check(again))


def test_errors_cannot_be_marked_reviewed(report: Report) -> None:
    report.meta.agency = ""
    (error,) = check(report)
    with pytest.raises(ValueError, match="错误必须更正"):
        mark_reviewed(report, error, "没关系")
