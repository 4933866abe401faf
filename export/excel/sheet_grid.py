"""Where a statutory table sits in its worksheet, and the Excel formulas derived from the template.

The printed grid comes from `model.layout`; this module only shifts it into sheet coordinates and
turns the template's `parts` (totals) and `balances` (勾稽关系) into formulas over those cells, so no
cell address is ever written by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from openpyxl.utils import get_column_letter

from model.layout import CellRole, LayoutCell, TableLayout, table_layout
from model.template import BalanceSpec, Orientation, TableSpec, row_short

LAYOUT_TOP = 2  # sheet row of the layout's first row: row 1 holds the section heading
CHECK_MARK = "✓"

Coordinate = tuple[int, int]  # (sheet row, sheet column), both 1-based


def address(coordinate: Coordinate) -> str:
    row, column = coordinate
    return f"{get_column_letter(column)}{row}"


def _extends(run: tuple[Coordinate, Coordinate], cell: Coordinate) -> bool:
    first, last = run
    below = cell == (last[0] + 1, last[1])
    right = cell == (last[0], last[1] + 1)
    if first == last:
        return below or right
    return below if first[1] == last[1] else right


def _runs(coordinates: Sequence[Coordinate]) -> list[tuple[Coordinate, Coordinate]]:
    """Group cells into runs of neighbours down a column or along a row, so formulas read B4:G4."""
    runs: list[tuple[Coordinate, Coordinate]] = []
    for coordinate in coordinates:
        if runs and _extends(runs[-1], coordinate):
            runs[-1] = (runs[-1][0], coordinate)
        else:
            runs.append((coordinate, coordinate))
    return runs


def references(coordinates: Sequence[Coordinate]) -> str:
    """An argument list for SUM/COUNT: 'B4:G4' or 'B4,B6,C9:C12'."""
    return ",".join(address(a) if a == b else f"{address(a)}:{address(b)}" for a, b in _runs(coordinates))


def guarded_sum(coordinates: Sequence[Coordinate]) -> str:
    """The sum, or empty while a part is not filled in: the app shows no total until all parts are numbers."""
    refs = references(coordinates)
    return f'=IF(COUNT({refs})={len(coordinates)},SUM({refs}),"")'


def differs_from_sum(total: Coordinate, parts: Sequence[Coordinate]) -> str:
    """A conditional-format rule: a typed total that disagrees with its complete parts."""
    refs = references(parts)
    return f"AND(ISNUMBER({address(total)}),COUNT({refs})={len(parts)},{address(total)}<>SUM({refs}))"


def balance_check(left: Sequence[Coordinate], right: Sequence[Coordinate]) -> str:
    """✓ when the left cells add up to the right cells, else the difference; empty while incomplete."""
    difference = f"SUM({references(left)})-SUM({references(right)})"
    return (
        f'=IF(COUNT({references([*left, *right])})<{len(left) + len(right)},"",'
        f'IF({difference}=0,"{CHECK_MARK}",{difference}))'
    )


def balance_label(table: TableSpec, balance: BalanceSpec) -> str:
    """E.g. '校验：一+二−（三（七）+四）'."""
    left = "+".join(row_short(table.row(r)) for r in balance.left)
    right = "+".join(row_short(table.row(r)) for r in balance.right)
    return f"校验：{left}−（{right}）"


@dataclass(frozen=True)
class CheckCell:
    coordinate: Coordinate
    formula: str
    left: tuple[tuple[str, str], ...]  # (row id, column id) of the cells on each side
    right: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class CheckRow:
    """One 勾稽关系 below the table: a label over the row-header columns and a check cell per column."""

    row: int
    label: str
    label_span: tuple[int, int]  # first and last sheet column of the label
    cells: tuple[CheckCell, ...]


@dataclass(frozen=True)
class SheetGrid:
    """A table's layout placed in a sheet whose layout row 0 is sheet row `top`."""

    table: TableSpec
    top: int = LAYOUT_TOP

    @cached_property
    def layout(self) -> TableLayout:
        return table_layout(self.table)

    def at(self, cell: LayoutCell) -> Coordinate:
        return self.top + cell.row, cell.column + 1

    @cached_property
    def _data(self) -> dict[tuple[str, str], LayoutCell]:
        return {c.ref: c for c in self.layout.cells if c.ref is not None}

    def data_cells(self) -> Iterable[LayoutCell]:
        return self._data.values()

    def coordinate(self, row_id: str, column_id: str) -> Coordinate:
        return self.at(self._data[(row_id, column_id)])

    def parts_of(self, row_id: str, column_id: str) -> list[Coordinate]:
        """The cells a total adds up, as the template says; empty for a plain cell."""
        return [self.coordinate(*ref) for ref in self.table.total_parts.get((row_id, column_id), ())]

    @property
    def bottom(self) -> int:
        """The last sheet row of the statutory table itself."""
        return self.top + self.layout.n_rows - 1

    @property
    def last_column(self) -> int:
        return self.layout.n_columns

    @cached_property
    def check_rows(self) -> tuple[CheckRow, ...]:
        rows = []
        for index, balance in enumerate(self.table.balances):
            block = self.table.block_of(balance.left[0])
            if block.orientation is not Orientation.DOWN:
                continue
            sheet_row = self.bottom + 1 + index
            cells = []
            for column in block.columns:
                left = tuple((r, column.id) for r in balance.left)
                right = tuple((r, column.id) for r in balance.right)
                formula = balance_check(
                    [self.coordinate(*ref) for ref in left], [self.coordinate(*ref) for ref in right]
                )
                cells.append(
                    CheckCell((sheet_row, self.coordinate(balance.left[0], column.id)[1]), formula, left, right)
                )
            first_data_column = min(c.coordinate[1] for c in cells)
            rows.append(
                CheckRow(sheet_row, balance_label(self.table, balance), (1, first_data_column - 1), tuple(cells))
            )
        return tuple(rows)

    def header_cells(self) -> Iterable[LayoutCell]:
        return (c for c in self.layout.cells if c.role is not CellRole.DATA)
