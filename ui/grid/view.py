"""The statutory table as an editable grid: printed headers and merges, Excel-like keys and clipboard.

Typing replaces the selected cell, F2 edits it in place, Enter/Tab move down/right (with Shift back),
Delete clears the selection, Ctrl+C/Ctrl+X/Ctrl+V exchange tab-separated ranges with Excel and WPS.
Every change goes through `ReportDocument.set_cells`, one undo step each.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QMenu, QTableView, QWidget
from typing_extensions import override

from ui.document import ReportDocument
from ui.grid import style
from ui.grid.cells import Ref
from ui.grid.delegate import GridDelegate
from ui.grid.frozen import FrozenHeader
from ui.grid.input import PasteRefused, format_clipboard, parse_clipboard, plan_paste
from ui.grid.model import GridModel
from ui.grid.sizing import column_widths

_MOVE_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
_CLEAR_KEYS = {Qt.Key.Key_Delete}


class GridView(QTableView):
    message = Signal(str)  # a Chinese message for the status bar (e.g. why a paste was refused)
    pendingChanged = Signal()  # a cell editor opened, changed or closed: what is typed but not yet stored

    def __init__(self, document: ReportDocument, table_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._frozen: FrozenHeader | None = None  # set below; Qt calls scrollTo during set-up
        self._fitted_width = -1  # the viewport width the columns were last fitted to
        self.document = document
        self.grid = GridModel(document, table_id, self)
        self.setModel(self.grid)
        self._delegate = GridDelegate(self)
        self.setItemDelegate(self._delegate)
        self._delegate.moveRequested.connect(self._move)
        self._delegate.editorEdited.connect(self.pendingChanged)
        self._delegate.closeEditor.connect(lambda *_: self.pendingChanged.emit())
        self.grid.message.connect(self.message)
        self._set_up_look()
        for row, column, rowspan, colspan in self.grid.merges():
            self.setSpan(row, column, rowspan, colspan)
        header_rows = self.grid.cells.layout.header_rows
        self._frozen = FrozenHeader(self, self.grid, header_rows) if header_rows else None
        self._fit_to_width()
        first = self._editable_in_reading_order()
        if first:
            self.setCurrentIndex(first[0])

    def _set_up_look(self) -> None:
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setCornerButtonEnabled(False)
        self.setTabKeyNavigation(False)  # Tab is handled in focusNextPrevChild, Excel-like
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setShowGrid(False)  # the delegate draws the lines, right around merged cells too

    # --- public ------------------------------------------------------------------------------

    def select_cell(self, row_id: str, column_id: str) -> None:
        """Select, scroll to and focus a data cell (e.g. when a finding is clicked)."""
        index = self.grid.index_of(row_id, column_id)
        self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_label(self, row: int, column: int) -> None:
        """Bring a printed label into view (查找), with the cursor on the first number of its row, if any."""
        self.scrollTo(self.grid.index(row, column))
        in_row = [i for i in self._editable_in_reading_order() if i.row() == row]
        if in_row:
            self.select_cell(*self.grid.ref(in_row[0]) or ("", ""))

    def _open_editor(self) -> QLineEdit | None:
        if self.state() != QAbstractItemView.State.EditingState:
            return None
        editor = self.indexWidget(self.currentIndex())
        return editor if isinstance(editor, QLineEdit) else None

    def has_pending_edit(self) -> bool:
        """A cell editor is open with text that differs from the cell's value."""
        editor = self._open_editor()
        return editor is not None and editor.text() != self.grid.data(self.currentIndex(), Qt.ItemDataRole.EditRole)

    def commit_edit(self) -> bool:
        """Store what is typed in an open cell editor (before a save, export, close…).

        False when the value is refused: the editor stays open and the status bar says why."""
        editor = self._open_editor()
        return editor is None or self._delegate.commit(editor)

    def copy_selection(self) -> None:
        rows = self._selected_block()
        if rows:
            QGuiApplication.clipboard().setText(format_clipboard(rows))

    def cut_selection(self) -> None:
        self.copy_selection()
        self.clear_selection("剪切")

    def paste(self) -> None:
        current = self.currentIndex()
        if not current.isValid():
            return
        anchor = min(self._selected_positions(), default=(current.row(), current.column()))
        block = parse_clipboard(QGuiApplication.clipboard().text())
        try:
            plan = plan_paste(self.grid.cells, anchor, block, self._selected_refs())
        except PasteRefused as refused:
            self.message.emit(str(refused))
            return
        self._select_range(*plan.covered)
        note = f"，跳过{plan.skipped}个自动计算的合计或标题单元格" if plan.skipped else ""
        self.message.emit(f"已粘贴{len(plan.changes)}个单元格{note}")
        self.grid.set_cells(plan.changes, "粘贴")  # after: its note on replaced totals is the last word

    def clear_selection(self, text: str = "清除单元格") -> None:
        """Empty the selected cells that are filled in (they become 未填, not 0): one undo step.
        A total the file held as typed can be cleared too; a computed total cannot."""
        table = self.grid.table_id
        report = self.document.report
        refs = [
            ref
            for ref in self._selected_refs()
            if self.grid.cells.is_editable(self.grid.cells.data_cell(ref)) or self.grid.is_stored_total(ref)
        ]
        if not refs and self._selected_refs():
            self.message.emit(style.TOTAL_TOOLTIP)
        changes = [(*ref, None) for ref in refs if report.stored(table, *ref) is not None]
        if changes:
            self.document.set_cells(table, changes, text)

    @override
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        standard = QKeySequence.StandardKey
        for text, action, key in (
            ("剪切(&T)", self.cut_selection, standard.Cut),
            ("复制(&C)", self.copy_selection, standard.Copy),
            ("粘贴(&P)", self.paste, standard.Paste),
            ("清除内容(&N)", self.clear_selection, standard.Delete),
        ):
            # The key is only shown: a real shortcut would clash with the keys handled below.
            reminder = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
            item = menu.addAction(f"{text}\t{reminder}")
            item.triggered.connect(lambda _checked=False, act=action: act())
        menu.exec(event.globalPos())
        menu.deleteLater()

    # --- keys ----------------------------------------------------------------------------------

    @override
    def edit(  # type: ignore[override]  # Qt's protected overload, the one key presses go through
        self,
        index: QModelIndex | QPersistentModelIndex,
        trigger: QAbstractItemView.EditTrigger = QAbstractItemView.EditTrigger.AllEditTriggers,
        event: QEvent | None = None,
    ) -> bool:
        # Qt itself passes no event when edit(index) is called; PySide's stubs do not say so.
        started: bool = super().edit(index, trigger, event)  # type: ignore[arg-type]
        editor = self.indexWidget(index) if started else None
        if trigger == QAbstractItemView.EditTrigger.EditKeyPressed and isinstance(editor, QLineEdit):
            editor.deselect()  # F2 as in Excel: the caret after the number, ready to change its end
            editor.end(False)
        return started

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._handle_clipboard_key(event):
            return
        key = Qt.Key(event.key())
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in _MOVE_KEYS and self.state() != QAbstractItemView.State.EditingState:
            self._move(-1 if shift else 1, 0)
        elif key in _CLEAR_KEYS:
            self.clear_selection()
        elif event.text().isprintable() and event.text() and not self.grid.is_editable(self.currentIndex()):
            ref = self.grid.ref(self.currentIndex())  # typing on a total: say why nothing happens
            self.message.emit(self.grid.total_refusal(ref) if ref is not None else style.TOTAL_TOOLTIP)
        else:
            super().keyPressEvent(event)

    def _handle_clipboard_key(self, event: QKeyEvent) -> bool:
        actions = {
            QKeySequence.StandardKey.Copy: self.copy_selection,
            QKeySequence.StandardKey.Cut: self.cut_selection,
            QKeySequence.StandardKey.Paste: self.paste,
        }
        for sequence, action in actions.items():
            if event.matches(sequence):
                action()
                return True
        return False

    @override
    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab moves through the cells; at the last one (Shift+Tab: the first) focus moves on.
        if self.state() != QAbstractItemView.State.EditingState and self._step_in_reading_order(1 if next else -1):
            return True
        return super().focusNextPrevChild(next)

    @override
    def keyboardSearch(self, search: str) -> None:
        pass  # typed characters are values, never a search for a label

    # --- moving --------------------------------------------------------------------------------

    def _move(self, rows: int, columns: int) -> None:
        if columns:
            self._step_in_reading_order(columns)
        elif not self._step_down(rows):
            self._step_in_reading_order(rows)  # e.g. table 4 has one row: Enter goes on to the right

    def _step_down(self, step: int) -> bool:
        current = self.currentIndex()
        row = current.row() + step
        while 0 <= row < self.grid.rowCount():
            cell = self.grid.cells.covering(row, current.column())
            if self.grid.cells.is_editable(cell) and cell is not None:
                self.setCurrentIndex(self.grid.index(cell.row, cell.column))
                return True
            row += step
        return False

    def _step_in_reading_order(self, step: int) -> bool:
        cells = self._editable_in_reading_order()
        current = self.currentIndex()
        key = (current.row(), current.column())
        positions = [(i.row(), i.column()) for i in cells]
        following = [p for p in positions if (p > key if step > 0 else p < key)]
        if not following:
            return False
        target = following[0] if step > 0 else following[-1]
        self.setCurrentIndex(self.grid.index(*target))
        return True

    def _editable_in_reading_order(self) -> list[QModelIndex]:
        return [
            self.grid.index(c.row, c.column) for c in self.grid.cells.data_cells() if self.grid.cells.is_editable(c)
        ]

    # --- selection -----------------------------------------------------------------------------

    def _selected_positions(self) -> list[tuple[int, int]]:
        return sorted((i.row(), i.column()) for i in self.selectedIndexes() if self.grid.ref(i) is not None)

    def _selected_refs(self) -> list[Ref]:
        refs = [self.grid.ref(i) for i in self.selectedIndexes()]
        return [r for r in refs if r is not None]

    def _selected_block(self) -> list[list[str]]:
        """The selected data cells as shown, by grid row and column (a rectangle, gaps blank)."""
        positions = self._selected_positions()
        if not positions:
            return []
        rows = sorted({p[0] for p in positions})
        columns = sorted({p[1] for p in positions})
        chosen = set(positions)
        return [[self.grid.data(self.grid.index(r, c)) if (r, c) in chosen else "" for c in columns] for r in rows]

    def _select_range(self, top_left: tuple[int, int], bottom_right: tuple[int, int]) -> None:
        selection = QItemSelection(self.grid.index(*top_left), self.grid.index(*bottom_right))
        self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    # --- size ----------------------------------------------------------------------------------

    @override
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # zoomed: widths and heights follow the font
            self._fitted_width = -1
            self._fit_to_width()
            if self._frozen is not None:
                self._frozen.follow()

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_to_width()
        if self._frozen is not None:
            self._frozen.follow()

    @override
    def scrollTo(
        self,
        index: QModelIndex | QPersistentModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        super().scrollTo(index, hint)
        if self._frozen is None or index.row() < self._frozen.rows:
            return
        hidden = self._frozen.height_of_rows() - self.visualRect(index).top()
        if hidden > 0:  # the cell is under the frozen column headers
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() - hidden)

    def _fit_to_width(self) -> None:
        available = self.viewport().width()
        if available == self._fitted_width:
            return
        self._fitted_width = available
        for column, width in enumerate(column_widths(self.grid.cells, self.fontMetrics(), available)):
            self.setColumnWidth(column, width)
        self.resizeRowsToContents()
        minimum = self.fontMetrics().height() + 12  # room to type comfortably
        for row in range(self.grid.rowCount()):
            self.setRowHeight(row, max(self.rowHeight(row), minimum))

    @override
    def sizeHint(self) -> QSize:
        frame = 2 * self.frameWidth()
        width = sum(self.columnWidth(c) for c in range(self.grid.columnCount())) + frame
        height = sum(self.rowHeight(r) for r in range(self.grid.rowCount())) + frame
        return QSize(width, height)
