"""What typed and pasted text becomes in a grid: cell values, clipboard blocks, and paste plans.

Pure functions without Qt, so the rules (negative numbers refused, a bad pasted cell named by its
place in the pasted block, totals skipped) are easy to test and read in one place.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from model.layout import CellRole
from model.template import CellKind
from model.values import CellValue, ParseError, parse_cell
from ui.grid.cells import GridCells, Position, Ref

Change = tuple[str, str, CellValue]  # row id, column id, new value (as ReportDocument.set_cells takes it)
Block = list[list[str | None]]  # pasted text by row and column; None: the source row was shorter


def parse_input(text: str, kind: CellKind) -> CellValue:
    """A typed or pasted cell text as a value; blank → None. Raises ParseError (Chinese) when refused."""
    value = parse_cell(text, kind)
    if value is not None and value < 0:
        raise ParseError(f"“{text.strip()}”是负数，只能填0或正数")
    return value


def parse_clipboard(text: str) -> Block:
    """Tab-separated text as Excel and WPS put it on the clipboard (CRLF or LF, trailing newline, quotes)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    rows: list[list[str]] = list(csv.reader(io.StringIO(text), delimiter="\t"))
    if not rows:
        return [[""]]
    width = max(len(r) for r in rows)
    return [[*r, *([None] * (width - len(r)))] for r in rows] if width else [[""]]


def format_clipboard(rows: list[list[str]]) -> str:
    """Rows of cell texts as tab-separated lines with CRLF, the way Excel copies a range."""
    text = "\r\n".join("\t".join(r) for r in rows)
    return text if len(rows) == 1 and len(rows[0]) == 1 else text + "\r\n"


class PasteRefused(ValueError):
    """A paste that would change nothing; the message (Chinese) says which cell and why."""


@dataclass(frozen=True)
class PastePlan:
    changes: list[Change]
    skipped: int  # non-blank pasted values that fell on totals or labels and were left out
    covered: tuple[Position, Position]  # top-left and bottom-right grid positions the paste reached


def plan_paste(cells: GridCells, anchor: Position, block: Block, selection: list[Ref]) -> PastePlan:
    """What pasting `block` at `anchor` changes. One value into a larger selection fills the selection."""
    if len(block) == 1 and len(block[0]) == 1 and len(selection) > 1:
        return _fill(cells, block[0][0] or "", selection)
    rows = _target_rows(cells, anchor[0], len(block))
    width = len(block[0])
    if anchor[1] + width > cells.n_columns:
        raise PasteRefused(f"粘贴未执行：复制的内容有{width}列，从所选单元格向右只有{cells.n_columns - anchor[1]}列")
    changes: list[Change] = []
    skipped = 0
    for i, (grid_row, texts) in enumerate(zip(rows, block, strict=True)):
        for j, text in enumerate(texts):
            if text is None:
                continue
            cell = cells.origin_at(grid_row, anchor[1] + j)
            if cell is None or cell.ref is None or not cells.is_editable(cell):
                if text.strip() and _is_on_grid(cells, grid_row, anchor[1] + j):
                    skipped += 1
                continue
            changes.append((*cell.ref, _parse_pasted(text, cells.kind_of(cell.ref), i, j)))
    return PastePlan(changes, skipped, (anchor, (rows[-1], anchor[1] + width - 1)))


def _is_on_grid(cells: GridCells, row: int, column: int) -> bool:
    covering = cells.covering(row, column)
    return covering is not None and covering.role is not CellRole.TITLE


def _target_rows(cells: GridCells, first: int, count: int) -> list[int]:
    """The grid rows a pasted block lands on: data rows from the anchor down (block titles skipped)."""
    below = [r for r in cells.data_rows if r >= first]
    if len(below) < count:
        raise PasteRefused(f"粘贴未执行：复制的内容有{count}行，从所选单元格往下只有{len(below)}行")
    return below[:count]


def _parse_pasted(text: str, kind: CellKind, i: int, j: int) -> CellValue:
    try:
        return parse_input(text, kind)
    except ParseError as error:
        raise PasteRefused(f"粘贴未执行：第{i + 1}行第{j + 1}列{error}") from error


def _fill(cells: GridCells, text: str, selection: list[Ref]) -> PastePlan:
    targets = [ref for ref in selection if cells.is_editable(cells.data_cell(ref))]
    if not targets:
        raise PasteRefused("粘贴未执行：所选单元格都是自动计算的合计")
    values = {kind: _parse_pasted(text, kind, 0, 0) for kind in {cells.kind_of(ref) for ref in targets}}
    positions = [(cells.data_cell(ref).row, cells.data_cell(ref).column) for ref in selection]
    top_left = (min(p[0] for p in positions), min(p[1] for p in positions))
    bottom_right = (max(p[0] for p in positions), max(p[1] for p in positions))
    changes: list[Change] = [(*ref, values[cells.kind_of(ref)]) for ref in targets]
    return PastePlan(changes, len(selection) - len(targets), (top_left, bottom_right))
