"""The open report as the window sees it: the model, its undo stack, its file, its current findings,
and the undo commands that change cells and reviews.

Every edit goes through an undo command pushed here; after each one the checker runs again and
`findingsChanged` tells the views. Widgets never hold values of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, cast, runtime_checkable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from typing_extensions import override

from model import NATIONAL, Finding, Report, Rules, check
from model.findings import Location, cell
from model.report import Review
from model.reviews import mark_reviewed, unmark
from model.sentences import follow_tables
from model.stored_totals import superseded_totals
from model.values import CellValue

CellChange = tuple[str, str, CellValue]  # row id, column id, new value


class ReportDocument(QObject):
    changed = Signal()  # any edit, undo or redo
    cellsChanged = Signal(str)  # a table's values changed: its id
    findingsChanged = Signal()
    pathChanged = Signal()

    def __init__(self, report: Report, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.path = path
        self.undo_stack = QUndoStack(self)
        self.findings: list[Finding] = []
        self.rules: Rules = NATIONAL  # or a local rules file's (ui.check_rules)
        self.recheck()

    def recheck(self) -> None:
        self.findings = check(self.report, rules=self.rules)
        self.findingsChanged.emit()

    def set_rules(self, rules: Rules) -> None:
        if rules is not self.rules:
            self.rules = rules
            self.recheck()

    def notify_changed(self) -> None:
        """Call after any change to the report (commands do it for you). Linked sentences follow the
        tables here, so that they change in the same undo step as the cells (and back on undo)."""
        follow_tables(self.report)
        self.recheck()
        self.changed.emit()

    def set_cells(
        self, table_id: str, changes: Sequence[CellChange], text: str = "编辑单元格"
    ) -> list[tuple[str, str, CellValue]]:
        """Change cells of one table as one undoable step (a typed value or a pasted block).

        A total the file held as typed (an import) whose parts are all filled in by this change gives
        way to their sum in the same step; returns those totals with the values they held."""
        old = [(row, column, self.report.stored(table_id, row, column)) for row, column, _ in changes]
        if all(o[2] == n[2] and type(o[2]) is type(n[2]) for o, n in zip(old, changes, strict=True)):
            return []
        replaced = self._superseded_by(table_id, changes, old)
        changes = [*changes, *((row, column, None) for row, column, _ in replaced)]
        self.undo_stack.push(_CellsCommand(self, table_id, changes, [*old, *replaced], text))
        return replaced

    def _superseded_by(
        self, table_id: str, changes: Sequence[CellChange], old: Sequence[CellChange]
    ) -> list[tuple[str, str, CellValue]]:
        """The stored totals `changes` would complete: tried on the report, then taken back."""
        touched = {(row, column) for row, column, _ in changes}
        for row, column, value in changes:
            self.report.set_cell(table_id, row, column, value)
        superseded = [ref for ref in superseded_totals(self.report, table_id) if ref not in touched]
        for row, column, value in reversed(old):
            self.report.set_cell(table_id, row, column, value)
        return [(row, column, self.report.stored(table_id, row, column)) for row, column in superseded]

    def set_path(self, path: Path | None) -> None:
        self.path = path
        self.pathChanged.emit()


@runtime_checkable
class Located(Protocol):
    """An undo command that knows where its change is, so undo and redo can show it."""

    def where(self) -> Location | None: ...


class SwapCommand(QUndoCommand):
    """An undoable change between two states of some part of the report; `_apply` installs one."""

    def __init__(self, document: ReportDocument, old: object, new: object, text: str) -> None:
        super().__init__(text)
        self._document = document
        self._old = old
        self._new = new

    def _apply(self, state: object) -> None:
        raise NotImplementedError

    @override
    def redo(self) -> None:
        self._apply(self._new)

    @override
    def undo(self) -> None:
        self._apply(self._old)


class _CellsCommand(SwapCommand):
    def __init__(
        self,
        document: ReportDocument,
        table_id: str,
        new: list[CellChange],
        old: list[CellChange],
        text: str,
    ) -> None:
        super().__init__(document, old, new, text)
        self._table_id = table_id
        self._first = (new[0][0], new[0][1]) if new else None

    def where(self) -> Location | None:
        return cell(self._table_id, *self._first) if self._first is not None else None

    @override
    def _apply(self, state: object) -> None:
        changes = cast(list[CellChange], state)
        for row, column, value in changes:
            self._document.report.set_cell(self._table_id, row, column, value)
        self._document.cellsChanged.emit(self._table_id)
        self._document.notify_changed()


class ReviewCommand(SwapCommand):
    """Mark a warning as reviewed with a reason (reason None: take the mark away)."""

    def __init__(self, document: ReportDocument, finding: Finding, reason: str | None) -> None:
        old = _copy_reviews(document.report.reviews)
        if reason is not None:
            mark_reviewed(document.report, finding, reason)
        else:
            unmark(document.report, finding)
        new = _copy_reviews(document.report.reviews)
        document.report.reviews = _copy_reviews(old)  # redo() applies it
        super().__init__(document, old, new, "标记为已核实" if reason is not None else "取消已核实")
        self._location = finding.location

    def where(self) -> Location | None:
        return self._location

    @override
    def _apply(self, state: object) -> None:
        reviews = cast(list[Review], state)
        self._document.report.reviews = _copy_reviews(reviews)
        self._document.notify_changed()


def _copy_reviews(reviews: list[Review]) -> list[Review]:
    return [Review(r.code, dict(r.location), r.reason, r.fingerprint) for r in reviews]
