"""Hand-made .docx reports for the import tests, built like the seeds' documents (typed in Word/WPS)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
from docx.document import Document

from model.layout import CellRole, table_layout
from model.template import TEMPLATE_2021, RowSpec

Values = Callable[[str, str], str]  # (row id, column id) → the text typed in the cell


def half_width(label: str) -> str:
    """How many seeds type the numbers: (一) 予以公开, 1. 属于国家秘密."""
    return label.replace("（", "(").replace("）", ") ").replace(".", ". ", 1)


def zeros(row_id: str, column_id: str) -> str:
    return "0"


def add_table(
    document: Document,
    table_id: str,
    values: Values,
    *,
    merged: bool = True,
    row_label: Callable[[RowSpec], str] = lambda row: row.label,
) -> None:
    """A statutory table typed by hand: merged like the official form, or with the merges left out."""
    spec = TEMPLATE_2021.table(table_id)
    layout = table_layout(spec)
    table = document.add_table(rows=layout.n_rows, cols=layout.n_columns)
    table.style = "Table Grid"
    rows = {r.label: r for r in spec.rows}
    slots = table._cells  # looked up once: table.cell() recomputes the whole grid on every call
    for cell in layout.cells:
        if cell.ref is not None:
            text = values(*cell.ref)
        elif cell.role is CellRole.ROW_HEADER and cell.text in rows:
            text = row_label(rows[cell.text])
        else:
            text = cell.text
        slots[cell.row * layout.n_columns + cell.column].text = text
    for cell in layout.cells:
        if merged and (cell.rowspan > 1 or cell.colspan > 1):
            last = (cell.row + cell.rowspan - 1) * layout.n_columns + cell.column + cell.colspan - 1
            slots[cell.row * layout.n_columns + cell.column].merge(slots[last])


def seed_like_document(
    path: Path,
    *,
    applications: Values = zeros,
    review: Values = zeros,
    merged: bool = True,
    row_label: Callable[[RowSpec], str] = lambda row: row.label,
    date_line: str = "二〇二五年一月九日",
) -> Path:
    """A report typed by hand like seed 002: title over two lines, run-in and own-line subsections."""
    document = docx.Document()
    document.add_paragraph("攀枝花市东区科学技术局")
    document.add_paragraph("2024 年政府信息公开工作年度报告")
    document.add_paragraph("根据《中华人民共和国政府信息公开条例》编制本报告。")
    document.add_paragraph("一、总体情况")
    document.add_paragraph("(一) 主动公开情况。2024年，我局共主动公开政府信息50余条。")
    document.add_paragraph("（二）依申请公开情况")
    document.add_paragraph("2024年我局未收到依申请公开。")
    document.add_paragraph("二、主动公开政府信息情况")
    add_table(document, "active_disclosure", zeros, merged=merged)
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    add_table(document, "applications", applications, merged=merged, row_label=row_label)
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    add_table(document, "review_litigation", review, merged=merged)
    document.add_paragraph("五、存在的主要问题及改进情况")
    document.add_paragraph("（一）信息公开内容不够全面。未能全面涵盖政策法规。")
    document.add_paragraph("六、其他需要报告的事项")
    document.add_paragraph("本年度未收取信息处理费，无其他需要报告事项。")
    document.add_paragraph("")
    document.add_paragraph("攀枝花市东区科学技术局")
    document.add_paragraph(date_line)
    document.save(str(path))
    return path
