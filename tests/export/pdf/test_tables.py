"""The statutory tables as drawn in the PDF: merges and repeated headers from the shared layout."""

from __future__ import annotations

import pytest

from export.pdf.embedding import pdf_fonts
from export.pdf.tables import build_table, header_lines
from model.layout import table_layout
from model.numerals import chinese_numeral
from model.template import TEMPLATE_2021
from tests.factories import consistent_report

TEXT_WIDTH = 442.0


@pytest.mark.parametrize("table", TEMPLATE_2021.tables, ids=lambda t: t.id)
def test_table_has_the_official_merges_and_repeats_its_header(table: object) -> None:
    layout = table_layout(table)  # type: ignore[arg-type]
    built = build_table(consistent_report(), layout.table_id, pdf_fonts("auto"), TEXT_WIDTH)
    merged = [c for c in layout.cells if c.rowspan > 1 or c.colspan > 1]
    spans = {(start, end) for _, start, end in built._spanCmds}  # reportlab keeps the SPAN commands here
    assert spans == {((c.column, c.row), (c.column + c.colspan - 1, c.row + c.rowspan - 1)) for c in merged}
    assert built.repeatRows == layout.header_rows
    assert sum(built._colWidths) == pytest.approx(TEXT_WIDTH)


@pytest.mark.parametrize(
    ("label", "chars_per_line", "lines"),
    [
        ("商业企业", 3, ["商业", "企业"]),
        ("社会公益组织", 3, ["社会公", "益组织"]),
        ("自然人", 3, ["自然人"]),
        ("（三）不予公开", 4, ["（三）", "不予公开"]),
        ("三、本年度办理结果", 1, ["三、本年度办理结果"]),
    ],
)
def test_header_labels_break_into_even_lines(label: str, chars_per_line: int, lines: list[str]) -> None:
    assert header_lines(label, chars_per_line) == lines


@pytest.mark.parametrize(
    ("number", "text"), [(1, "一"), (5, "五"), (10, "十"), (12, "十二"), (20, "二十"), (25, "二十五")]
)
def test_subsection_numbers_in_chinese(number: int, text: str) -> None:
    assert chinese_numeral(number) == text
