"""Where things are in a statutory grid: which printed cell covers a position, and what a finding points at.

The grid model, the view's keyboard moves and the paste planner all ask these questions of the one
layout from `model.layout`, so positions are worked out in one place and never from column numbers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from model.findings import Finding, Location
from model.layout import CellRole, LayoutCell, TableLayout, table_layout
from model.template import CellKind, TableSpec, column_title, row_title

Position = tuple[int, int]  # (grid row, grid column) of a printed cell's top-left corner
Ref = tuple[str, str]  # (row id, column id) of a data cell

_HEADER_ROLES = (CellRole.COLUMN_HEADER, CellRole.CORNER, CellRole.TITLE)


class GridCells:
    """The printed cells of one table, indexed by grid position and by data reference."""

    def __init__(self, spec: TableSpec) -> None:
        self.spec = spec
        self.layout: TableLayout = table_layout(spec)
        self._origins: dict[Position, LayoutCell] = {(c.row, c.column): c for c in self.layout.cells}
        self._covering: dict[Position, LayoutCell] = {}
        for cell in self.layout.cells:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.column, cell.column + cell.colspan):
                    self._covering[(r, c)] = cell
        self._by_ref: dict[Ref, LayoutCell] = {c.ref: c for c in self.layout.cells if c.ref is not None}
        self.data_rows: tuple[int, ...] = tuple(sorted({c.row for c in self._by_ref.values()}))

    @property
    def n_rows(self) -> int:
        return self.layout.n_rows

    @property
    def n_columns(self) -> int:
        return self.layout.n_columns

    # --- looking cells up ----------------------------------------------------------------

    def origin_at(self, row: int, column: int) -> LayoutCell | None:
        """The printed cell whose top-left corner is here; None inside a merge."""
        return self._origins.get((row, column))

    def covering(self, row: int, column: int) -> LayoutCell | None:
        """The printed cell that covers this position (itself or a merge around it)."""
        return self._covering.get((row, column))

    def data_cell(self, ref: Ref) -> LayoutCell:
        return self._by_ref[ref]

    def data_cells(self) -> tuple[LayoutCell, ...]:
        """Every data cell in reading order: row by row, left to right."""
        return tuple(sorted(self._by_ref.values(), key=lambda c: (c.row, c.column)))

    def spans(self) -> Iterable[LayoutCell]:
        return (c for c in self.layout.cells if c.rowspan > 1 or c.colspan > 1)

    # --- what a data cell is -------------------------------------------------------------

    @staticmethod
    def is_editable(cell: LayoutCell | None) -> bool:
        """A data cell a person fills in (totals are computed)."""
        return cell is not None and cell.role is CellRole.DATA and not cell.is_total

    def kind_of(self, ref: Ref) -> CellKind:
        return self.spec.block_of(ref[0]).column(ref[1]).kind

    def name_of(self, ref: Ref) -> str:
        """A data cell's name for messages, e.g. '三（三）1.属于国家秘密 科研机构'."""
        row = self.spec.row(ref[0])
        column = self.spec.block_of(ref[0]).column(ref[1])
        return f"{row_title(row)} {column_title(column)}"

    # --- where a finding shows -------------------------------------------------------------

    def positions_of(self, location: Location) -> list[Position]:
        """The grid cells a finding location points at: a data cell, or the label of a row or column."""
        if location.table != self.spec.id:
            return []
        if location.row and location.column:
            cell = self._by_ref.get((location.row, location.column))
            return [(cell.row, cell.column)] if cell else []
        if location.row:
            return self._row_label_positions(location.row)
        if location.column:
            return self._column_label_positions(location.column)
        return []

    def _row_label_positions(self, row_id: str) -> list[Position]:
        try:
            label = self.spec.row(row_id).label
        except KeyError:
            return []
        cells = [c for c in self._by_ref.values() if c.ref is not None and c.ref[0] == row_id]
        found = {self._label_above_or_left(cell, label) for cell in cells}
        return sorted(p for p in found if p is not None)

    def _column_label_positions(self, column_id: str) -> list[Position]:
        cells = [c for c in self._by_ref.values() if c.ref is not None and c.ref[1] == column_id]
        found = {self._nearest_column_header(cell) for cell in cells}
        return sorted(p for p in found if p is not None)

    def _label_above_or_left(self, cell: LayoutCell, label: str) -> Position | None:
        """The header cell printing `label` in the data cell's row (to its left) or column (above it)."""
        left = [self._covering.get((cell.row, c)) for c in range(cell.column)]
        above = [self._covering.get((r, cell.column)) for r in range(cell.row)]
        for header in (*left, *above):
            if header is not None and header.role is CellRole.ROW_HEADER and header.text == label:
                return header.row, header.column
            if header is not None and header.role is CellRole.COLUMN_HEADER and header.text == label:
                return header.row, header.column
        return None

    def _nearest_column_header(self, cell: LayoutCell) -> Position | None:
        for r in range(cell.row - 1, -1, -1):
            header = self._covering.get((r, cell.column))
            if header is not None and header.role in _HEADER_ROLES:
                return header.row, header.column
        return None


def findings_by_position(cells: GridCells, findings: Iterable[Finding]) -> dict[Position, list[Finding]]:
    """Each grid cell's findings: a finding counts for its location and for every related location."""
    index: dict[Position, list[Finding]] = defaultdict(list)
    for finding in findings:
        for location in finding.locations:
            for position in cells.positions_of(location):
                if finding not in index[position]:
                    index[position].append(finding)
    return dict(index)
