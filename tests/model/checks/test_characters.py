"""model/checks/characters.py: TEXT_REPLACED says where saving will replace a character."""

from __future__ import annotations

from model.checks import check
from model.findings import Location, Severity
from model.report import Report
from model.values import Invalid


def test_each_field_with_unstorable_characters_is_named(report: Report) -> None:
    report.meta.agency = "叶城县\ud800科学技术局"
    report.narrative.section("overview").subsections[1].text = "全年\x00公开\x07"
    report.set_cell("applications", "new_received", "natural_person", Invalid("1\x0b2"))
    found = {f.location: f for f in check(report) if f.code == "TEXT_REPLACED"}
    assert set(found) == {
        Location(field="meta.agency"),
        Location(field="narrative.overview.subsections[1].text"),
        Location(table="applications", row="new_received", column="natural_person"),
    }
    assert all(f.severity is Severity.WARNING for f in found.values())
    assert "2 个无法保存的字符" in found[Location(field="narrative.overview.subsections[1].text")].message


def test_a_clean_report_has_none(report: Report) -> None:
    assert not [f for f in check(report) if f.code == "TEXT_REPLACED"]
