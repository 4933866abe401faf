"""The one generic table model of the statutory grids: a table's printed layout over the open report.

Every printed cell of the official table is a model cell: block titles, the corner note, column and
row headers (merged as printed, see `merges`) and the data cells. Values come from the report as it
is now (`Report.stored` / `Report.value`); edits go through `ReportDocument.set_cells`, so they are
undoable; colours and tooltips come from the document's current findings.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont
from typing_extensions import override

from model.findings import Finding, Severity
from model.layout import CellRole, LayoutCell
from model.values import CellValue, Invalid, ParseError, format_value
from ui.document import ReportDocument
from ui.grid import style
from ui.grid.cells import GridCells, Position, Ref, findings_by_position
from ui.grid.input import parse_input

AnyIndex = QModelIndex | QPersistentModelIndex

# Text drawn faintly in a cell that is not filled in ("未填"); empty for every other cell.
HINT_ROLE = Qt.ItemDataRole.UserRole + 1

_CENTER = Qt.AlignmentFlag.AlignCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_EDITABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class GridModel(QAbstractTableModel):
    message = Signal(str)  # why an edit was refused, in Chinese

    def __init__(self, document: ReportDocument, table_id: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.document = document
        self.table_id = table_id
        self.cells = GridCells(document.report.template.table(table_id))
        self._findings: dict[Position, list[Finding]] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)
        self._index_findings()
        document.cellsChanged.connect(self._on_cells_changed)
        document.findingsChanged.connect(self._on_findings_changed)

    # --- the grid ----------------------------------------------------------------------------

    @override
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else self.cells.n_rows

    @override
    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.cells.n_columns

    def cell(self, index: AnyIndex) -> LayoutCell | None:
        """The printed cell shown at this index; None inside a merge."""
        return self.cells.origin_at(index.row(), index.column()) if index.isValid() else None

    def ref(self, index: AnyIndex) -> Ref | None:
        cell = self.cell(index)
        return cell.ref if cell is not None else None

    def index_of(self, row_id: str, column_id: str) -> QModelIndex:
        cell = self.cells.data_cell((row_id, column_id))
        return self.index(cell.row, cell.column)

    def is_editable(self, index: AnyIndex) -> bool:
        return GridCells.is_editable(self.cell(index))

    def merges(self) -> list[tuple[int, int, int, int]]:
        """(row, column, rowspan, colspan) of every merged printed cell, for `QTableView.setSpan`."""
        return [(c.row, c.column, c.rowspan, c.colspan) for c in self.cells.spans()]

    @override
    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        # A position inside a merged number cell (table 2) answers for that cell, so the arrow keys
        # step into it (QTableView then moves to the merge's top-left) instead of skipping it.
        cell = self.cells.covering(index.row(), index.column()) if index.isValid() else None
        if cell is None or cell.role is not CellRole.DATA:
            # Labels are not selectable, so the keyboard walks over them to the next number.
            return Qt.ItemFlag.NoItemFlags
        return _READ_ONLY if cell.is_total else _EDITABLE

    # --- reading -------------------------------------------------------------------------------

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self.cell(index)
        if cell is None:
            return None
        if cell.ref is None:
            return self._label_data(cell, role)
        return self._value_data(cell, cell.ref, role)

    def _label_data(self, cell: LayoutCell, role: int) -> Any:
        findings = self._findings.get((cell.row, cell.column), [])
        match role:
            case Qt.ItemDataRole.DisplayRole:
                return cell.text
            case Qt.ItemDataRole.FontRole:
                return None if cell.role is CellRole.ROW_HEADER else self._bold
            case Qt.ItemDataRole.TextAlignmentRole:
                return _LEFT if self._is_row_label(cell) else _CENTER
            case Qt.ItemDataRole.ForegroundRole:
                return QBrush(style.TEXT)  # not greyed although the cell is not enabled
            case Qt.ItemDataRole.BackgroundRole:
                colour = _finding_colour(findings)
                if colour is None:
                    colour = (
                        style.ROW_HEADER_BACKGROUND if cell.role is CellRole.ROW_HEADER else style.HEADER_BACKGROUND
                    )
                return QBrush(colour)
            case Qt.ItemDataRole.ToolTipRole:
                return _tooltip(findings)
        return None

    def _is_row_label(self, cell: LayoutCell) -> bool:
        """A row header that reaches the numbers (e.g. '1.属于国家秘密'), not a merged group like '（三）不予公开'."""
        if cell.role is not CellRole.ROW_HEADER or cell.rowspan > 1:
            return False
        beside = self.cells.covering(cell.row, cell.column + cell.colspan)
        return beside is not None and beside.role is CellRole.DATA

    def _value_data(self, cell: LayoutCell, ref: Ref, role: int) -> Any:
        stored = self.document.report.stored(self.table_id, *ref)
        findings = self._findings.get((cell.row, cell.column), [])
        match role:
            case Qt.ItemDataRole.DisplayRole:
                return self._shown_text(cell, ref, stored)
            case Qt.ItemDataRole.EditRole:
                return format_value(stored)
            case Qt.ItemDataRole.TextAlignmentRole:
                return _CENTER
            case Qt.ItemDataRole.FontRole:
                return self._italic if self.is_stored_total(ref) else None
            case Qt.ItemDataRole.ForegroundRole:
                return QBrush(style.INVALID_TEXT if isinstance(stored, Invalid) else style.TEXT)
            case Qt.ItemDataRole.BackgroundRole:
                colour = _finding_colour(findings)
                if colour is None and cell.is_total:
                    colour = style.STORED_TOTAL_BACKGROUND if self.is_stored_total(ref) else style.TOTAL_BACKGROUND
                return QBrush(colour) if colour is not None else None
            case Qt.ItemDataRole.ToolTipRole:
                return _tooltip(findings) or self._total_tooltip(cell, ref)
            case _ if role == HINT_ROLE:
                return style.NOT_FILLED_HINT if stored is None and not cell.is_total else ""
        return None

    def is_stored_total(self, ref: Ref) -> bool:
        """A total shown as the file gave it: typed, its parts not all filled in yet."""
        report = self.document.report
        return (
            ref in report.template.table(self.table_id).total_parts
            and report.stored(self.table_id, *ref) is not None
            and report.computed(self.table_id, *ref) is None
        )

    def _total_tooltip(self, cell: LayoutCell, ref: Ref) -> str | None:
        if not cell.is_total:
            return None
        return style.STORED_TOTAL_TOOLTIP if self.is_stored_total(ref) else style.TOTAL_TOOLTIP

    def _shown_text(self, cell: LayoutCell, ref: Ref, stored: CellValue) -> str:
        if cell.is_total:
            return format_value(self.document.report.value(self.table_id, *ref))
        return format_value(stored)  # an Invalid shows its raw text, to be fixed

    # --- editing -------------------------------------------------------------------------------

    @override
    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        cell = self.cell(index)
        if role != Qt.ItemDataRole.EditRole or cell is None or cell.ref is None:
            return False
        if cell.is_total:
            self.message.emit(self.total_refusal(cell.ref))
            return False
        text = "" if value is None else str(value)
        try:
            parsed = parse_input(text, self.cells.kind_of(cell.ref))
        except ParseError as error:
            self.message.emit(f"未填入：{self.cells.name_of(cell.ref)} {error}")
            return False
        self.set_cells([(*cell.ref, parsed)], "编辑单元格")
        return True

    def total_refusal(self, ref: Ref) -> str:
        """Why typing on a total does nothing, and what can be done there."""
        if self.is_stored_total(ref):
            return f"{self.cells.name_of(ref)}：合计由各项自动计算；文件中原有的这个数字可按 Delete 清除"
        return f"{self.cells.name_of(ref)}：{style.TOTAL_TOOLTIP}"

    def set_cells(self, changes: list[tuple[str, str, CellValue]], text: str) -> None:
        """Change cells as one undo step; say so when a total the file held gave way to the sum of its parts."""
        replaced = self.document.set_cells(self.table_id, changes, text)
        if replaced:
            report = self.document.report
            said = "；".join(
                f"{self.cells.name_of((row, column))}原为{format_value(old)}，现为各项之和"
                f"{format_value(report.value(self.table_id, row, column))}"
                for row, column, old in replaced
            )
            self.message.emit(f"合计已改为自动计算：{said}（可撤销）")

    # --- following the document -----------------------------------------------------------------

    def _on_cells_changed(self, table_id: str) -> None:
        if table_id == self.table_id:
            self._all_changed()

    def _on_findings_changed(self) -> None:
        # Also covers changes made without cellsChanged (notify_changed after a bulk edit).
        self._index_findings()
        self._all_changed()

    def _index_findings(self) -> None:
        self._findings = findings_by_position(self.cells, self.document.findings)

    def _all_changed(self) -> None:
        last = self.index(self.rowCount() - 1, self.columnCount() - 1)
        self.dataChanged.emit(self.index(0, 0), last)


def _finding_colour(findings: list[Finding]) -> Any:
    """Red for an error, amber for a warning nobody has reviewed; an unfilled cell (MISSING) shows its hint instead."""
    shown = [f for f in findings if f.code != "MISSING"]
    if any(f.severity is Severity.ERROR for f in shown):
        return style.ERROR_BACKGROUND
    if any(f.severity is Severity.WARNING and f.reviewed is None for f in shown):
        return style.WARNING_BACKGROUND
    return None


def _tooltip(findings: list[Finding]) -> str | None:
    lines = [
        f.message + (style.REVIEWED_NOTE.format(reason=f.reviewed) if f.reviewed is not None else "") for f in findings
    ]
    return "\n".join(lines) or None
