"""Writing a cell: what people typed is text, only the workbook's own totals and checks are formulas.

openpyxl takes any string beginning with '=' for a formula, and a spreadsheet may take one beginning
with '+', '-' or '@' for one when it is edited; an agency name like `=HYPERLINK(…)` would become a
live formula. Every value goes through `put` (or `append_row`): a `Formula` is written as one, any
other string as a text cell whatever it begins with.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.worksheet.worksheet import Worksheet

from model.characters import storable


@dataclass(frozen=True)
class Formula:
    """One of the workbook's own formulas (a total or a 勾稽 check), never anything typed."""

    text: str


def put(cell: Cell | MergedCell, value: object) -> None:
    """Write `value`: a Formula as a formula, a string as text (never a formula), else as is."""
    if isinstance(value, Formula):
        cell.value = value.text
    elif isinstance(value, str):
        put_text(cell, value)
    else:
        cell.value = value


def put_text(cell: Cell | MergedCell, text: str) -> None:
    """`text` as a text cell, whatever it begins with ('=', '+', '-', '@', a tab); empty text leaves
    the cell empty. Characters XML cannot hold become U+FFFD (model.characters)."""
    cell.value = storable(text) or None
    if text:
        cell.data_type = "s"


def append_row(sheet: Worksheet, values: Iterable[object]) -> None:
    """`Worksheet.append`, with every value written as `put` writes it."""
    row: list[object] = []
    for value in values:
        if isinstance(value, str | Formula):
            cell = Cell(sheet, row=1, column=1)  # placed by append; a write-only sheet needs a position to show
            put(cell, value)
            row.append(cell)
        else:
            row.append(value)
    sheet.append(row)
