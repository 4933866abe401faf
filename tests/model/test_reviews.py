"""model/reviews.py: warnings a person reviewed stay reviewed until their values change; errors cannot be."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from model.checks import check
from model.files import load_report, save_report
from model.report import Report
from model.reviews import mark_reviewed


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
