"""The three statutory tables as reportlab tables, drawn from the shared layout (model.layout).

Merges, labels and header rows come from `table_layout`; this module only decides sizes: column
widths that keep the row labels readable and the numbers in narrow equal columns, and the font size
(小五 for table 3 so its seven columns and long row labels fit the page width, 五号 elsewhere).
"""

from __future__ import annotations

import math

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table, TableStyle

from export.fonts import FontRole
from export.page_design import SIZE_5, SIZE_SMALL_5
from export.pdf.embedding import PdfFonts
from model.layout import CellRole, LayoutCell, TableLayout, table_layout
from model.numerals import ordinal
from model.report import Report
from model.template import TableSpec
from model.values import format_value

CELL_PADDING_PT = 3.0
LINE_SPACING = 1.25  # leading as a multiple of the font size inside table cells
DATA_COLUMN_EMS = 3.0  # a number column is at least this many characters wide (e.g. 社会/公益/组织)
OUTER_HEADER_EMS = (1.2, 4.0)  # widths of the enclosing row-header levels: 三、本年度办理结果, （三）不予公开


def table_font_size(table: TableSpec) -> float:
    return SIZE_SMALL_5 if table.dense else SIZE_5


def build_table(report: Report, table_id: str, fonts: PdfFonts, width: float) -> Table:
    """The printed statutory table `table_id` with the report's values, `width` points wide."""
    table = report.template.table(table_id)
    layout = table_layout(table)
    size = table_font_size(table)
    grid: list[list[Paragraph | str]] = [[""] * layout.n_columns for _ in range(layout.n_rows)]
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("FONTNAME", (0, 0), (-1, -1), fonts.name(FontRole.TABLE)),  # else the empty spanned cells name Helvetica
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTSIZE", (0, 0), (-1, -1), size),  # the numbers: plain strings, centred (labels are paragraphs)
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING_PT),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING_PT),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING_PT),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING_PT),
    ]
    leaf_column = _leaf_header_column(layout)
    styles = {is_row_label: _cell_style(fonts, size, is_row_label) for is_row_label in (False, True)}
    widths = _column_widths(layout, size, width)
    for cell in layout.cells:
        grid[cell.row][cell.column] = _cell_content(report, table_id, cell, fonts, styles, widths, leaf_column)
        if cell.rowspan > 1 or cell.colspan > 1:
            last = (cell.column + cell.colspan - 1, cell.row + cell.rowspan - 1)
            commands.append(("SPAN", (cell.column, cell.row), last))
    return Table(
        grid,
        colWidths=widths,
        repeatRows=layout.header_rows,
        style=TableStyle(commands),
        hAlign="CENTER",
    )


def _cell_content(
    report: Report,
    table_id: str,
    cell: LayoutCell,
    fonts: PdfFonts,
    styles: dict[bool, ParagraphStyle],
    widths: list[float],
    leaf_column: int,
) -> Paragraph | str:
    """A number as a plain string (much quicker to lay out), a label as a paragraph that wraps."""
    if cell.ref is not None:
        return format_value(report.value(table_id, *cell.ref))
    text = cell.text
    is_row_label = cell.role is CellRole.ROW_HEADER and cell.column + cell.colspan - 1 == leaf_column
    if cell.role in (CellRole.COLUMN_HEADER, CellRole.ROW_HEADER) and not is_row_label:
        size = styles[is_row_label].fontSize
        inner = sum(widths[cell.column : cell.column + cell.colspan]) - 2 * CELL_PADDING_PT
        text = "\n".join(header_lines(text, int(inner // size)))
    markup = "<br/>".join(fonts.markup(line, FontRole.TABLE) for line in text.split("\n"))
    return Paragraph(markup, styles[is_row_label])


def header_lines(label: str, chars_per_line: int) -> list[str]:
    """A header label broken into even lines (商业/企业, not 商业企/业), after its number if that helps.

    Labels in one-character columns are left to the paragraph's own wrapping, which keeps 、 with 三.
    """
    if len(label) <= chars_per_line or chars_per_line <= 1:
        return [label]
    number = ordinal(label)
    rest = label[len(number) :]
    if number and len(number) <= chars_per_line and len(rest) <= chars_per_line:
        return [number, rest]
    n_lines = math.ceil(len(label) / chars_per_line)
    per_line = math.ceil(len(label) / n_lines)
    return [label[i : i + per_line] for i in range(0, len(label), per_line)]


def _cell_style(fonts: PdfFonts, size: float, is_row_label: bool) -> ParagraphStyle:
    # Row labels read left to right like a list; every other cell is centred as in the official table.
    return ParagraphStyle(
        f"cell-{size}-{is_row_label}",
        fontName=fonts.name(FontRole.TABLE),
        fontSize=size,
        leading=size * LINE_SPACING,
        alignment=TA_LEFT if is_row_label else TA_CENTER,
        wordWrap="CJK",
    )


def _leaf_header_column(layout: TableLayout) -> int:
    """The grid column of the innermost row labels; -1 when the table has no row labels (table 4)."""
    return max((c.column for c in layout.cells if c.role is CellRole.ROW_HEADER), default=-1)


def _column_widths(layout: TableLayout, size: float, width: float) -> list[float]:
    """Narrow outer row-header levels, a label column as wide as its longest label allows, equal data columns."""
    leaf = _leaf_header_column(layout)
    n_data = layout.n_columns - (leaf + 1)
    if leaf < 0:
        return [width / n_data] * n_data
    outer = [OUTER_HEADER_EMS[min(i, len(OUTER_HEADER_EMS) - 1)] * size + 2 * CELL_PADDING_PT for i in range(leaf)]
    longest = max(len(c.text) for c in layout.cells if c.role is CellRole.ROW_HEADER and c.column == leaf)
    data_min = DATA_COLUMN_EMS * size + 2 * CELL_PADDING_PT
    label = min(longest * size + 2 * CELL_PADDING_PT, width - sum(outer) - n_data * data_min)
    data = (width - sum(outer) - label) / n_data
    return [*outer, label, *([data] * n_data)]
