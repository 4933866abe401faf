"""export/word/read_tables.py: the statutory tables read from Word tables typed by hand, as the seeds have them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from export import read_report
from model.checks import check
from model.template import TEMPLATE_2021, row_title
from model.values import Invalid
from tests.export.word.samples import half_width, seed_like_document

APPLICATIONS = TEMPLATE_2021.table("applications")


def test_seed_002_like_document_with_half_width_numbers_and_a_wording_variant(tmp_path: Path) -> None:
    variant = "2.其他法律法规禁止公开"

    def typed(row: object) -> str:
        label = row.label  # type: ignore[attr-defined]
        return variant if row.id == "withheld_prohibited_by_law" else half_width(label)  # type: ignore[attr-defined]

    report = read_report(seed_like_document(tmp_path / "002.docx", row_label=typed))
    assert (report.meta.agency, report.meta.year) == ("攀枝花市东区科学技术局", 2024)
    assert report.meta.issue_date == date(2025, 1, 9)
    assert report.meta.signatory == ""
    assert all(report.stored("applications", r.id, c.id) == 0 for r, c in APPLICATIONS.cells())
    labels = report.imported_labels["applications"]
    assert labels == {"withheld_prohibited_by_law": variant}  # half-width numbering is no difference in words
    mismatches = [f for f in check(report) if f.code == "LABEL_MISMATCH"]
    assert any(variant in f.message for f in mismatches)
    assert len(mismatches) == len(labels)


def test_seed_004_like_table_filled_only_in_the_total_column(tmp_path: Path) -> None:
    only_totals = lambda row_id, column_id: "0" if column_id == "total" else ""  # noqa: E731
    path = seed_like_document(tmp_path / "004.docx", applications=only_totals, review=only_totals, merged=False)
    report = read_report(path)
    for row, column in APPLICATIONS.cells():
        expected = 0 if column.id == "total" else None
        assert report.stored("applications", row.id, column.id) == expected, (row_title(row), column.label)
    assert report.stored("review_litigation", "litigation_after_review", "total") == 0
    assert report.stored("review_litigation", "review", "upheld") is None
    missing = {f.location.column for f in check(report) if f.code == "MISSING" and f.location.table == "applications"}
    assert "natural_person" in missing
    assert report.imported_labels == {}


def test_typed_numbers_slashes_and_text_in_cells(tmp_path: Path) -> None:
    typed = {
        ("new_received", "natural_person"): "１２",
        ("new_received", "commercial"): "/",
        ("carried_over", "other_org"): "两件",
    }
    path = seed_like_document(tmp_path / "typed.docx", applications=lambda r, c: typed.get((r, c), "0"))
    report = read_report(path)
    assert report.stored("applications", "new_received", "natural_person") == 12
    assert report.stored("applications", "new_received", "commercial") is None
    assert report.stored("applications", "carried_over", "other_org") == Invalid("两件")


def test_review_and_litigation_cells_are_found_under_their_groups(tmp_path: Path) -> None:
    columns = [c.id for c in TEMPLATE_2021.table("review_litigation").blocks[0].columns]
    rows = [r.id for r in TEMPLATE_2021.table("review_litigation").rows]
    number = lambda r, c: str(rows.index(r) * 10 + columns.index(c))  # noqa: E731
    for merged in (True, False):
        report = read_report(seed_like_document(tmp_path / f"t4-{merged}.docx", review=number, merged=merged))
        for r in rows:
            for c in columns:
                assert report.stored("review_litigation", r, c) == int(number(r, c)), (merged, r, c)
