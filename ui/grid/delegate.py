"""Drawing and editing one grid cell: the faint 未填 hint, merged-row sizing, and Enter/Tab while editing.

While a cell is being edited, Enter and Tab commit and move on like Excel (down, right; with Shift
back). A value the model refuses keeps the editor open, so the person can correct what they typed.
"""

from __future__ import annotations

from math import ceil
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QLineEdit, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QWidget
from typing_extensions import override

from ui.grid import style
from ui.grid.model import HINT_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex

_PAD_X = 5  # text margin inside a cell, so labels do not touch the lines
_PAD_Y = 3

_COMMIT_MOVES = {
    (Qt.Key.Key_Return, False): (1, 0),
    (Qt.Key.Key_Enter, False): (1, 0),
    (Qt.Key.Key_Return, True): (-1, 0),
    (Qt.Key.Key_Enter, True): (-1, 0),
    (Qt.Key.Key_Tab, False): (0, 1),
    (Qt.Key.Key_Backtab, True): (0, -1),
    (Qt.Key.Key_Backtab, False): (0, -1),
    (Qt.Key.Key_Tab, True): (0, -1),
}


class GridDelegate(QStyledItemDelegate):
    moveRequested = Signal(int, int)  # after Enter/Tab committed an edit: rows down, columns right
    editorEdited = Signal()  # the open editor's text changed (typed, not yet in the report)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._refused = False

    # --- drawing -------------------------------------------------------------------------------

    @override
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        # Drawn by hand rather than by the style: printed-table lines around merged cells, padding
        # for labels, and a selection tint that keeps a finding's colour visible underneath.
        # (Roles are read from the Python model directly: see `_role`.)
        rect: QRect = option.rect
        state = option.state
        palette: QPalette = option.palette
        painter.save()
        background = _role(index, Qt.ItemDataRole.BackgroundRole)
        painter.fillRect(rect, background if isinstance(background, QBrush) else palette.base())
        if state & QStyle.StateFlag.State_Selected:
            tint = QColor(palette.highlight().color())
            tint.setAlpha(70)
            painter.fillRect(rect, tint)
        foreground = _role(index, Qt.ItemDataRole.ForegroundRole)
        painter.setPen(foreground.color() if isinstance(foreground, QBrush) else palette.text().color())
        painter.setFont(_font_of(index, option))
        text = _role(index, Qt.ItemDataRole.DisplayRole)
        if text:
            painter.drawText(rect.adjusted(_PAD_X, _PAD_Y, -_PAD_X, -_PAD_Y), _text_flags(index), text)
        hint = _role(index, HINT_ROLE)
        if hint:
            self._paint_hint(painter, option, hint)
        self._paint_borders(painter, rect, index)
        if state & QStyle.StateFlag.State_HasFocus:
            pen = QPen(palette.highlight().color().darker(130), 2)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.restore()

    @staticmethod
    def _paint_hint(painter: QPainter, option: QStyleOptionViewItem, hint: str) -> None:
        font = QFont(option.font)
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 6.0))
        painter.setFont(font)
        painter.setPen(style.HINT_TEXT)
        painter.drawText(option.rect, Qt.AlignmentFlag.AlignCenter, hint)

    @staticmethod
    def _paint_borders(painter: QPainter, rect: QRect, index: AnyIndex) -> None:
        """Right and bottom lines of every cell, plus the table's own top and left edge."""
        painter.setPen(QPen(style.GRID_LINES, 1))
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        if index.row() == 0:
            painter.drawLine(rect.topLeft(), rect.topRight())
        if index.column() == 0:
            painter.drawLine(rect.topLeft(), rect.bottomLeft())

    @override
    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        metrics = QFontMetrics(_font_of(index, option))
        text = _role(index, Qt.ItemDataRole.DisplayRole) or " "
        width: int = option.rect.width() - 2 * _PAD_X
        if width <= 0:
            return QSize(metrics.horizontalAdvance(text) + 2 * _PAD_X, metrics.height() + 2 * _PAD_Y)
        bounds = metrics.boundingRect(QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text)
        # A label merged over n rows shares its height with them (QTableView sizes rows one by one).
        view = self.parent()
        rowspan = view.rowSpan(index.row(), index.column()) if isinstance(view, QTableView) else 1
        return QSize(bounds.width() + 2 * _PAD_X, ceil((bounds.height() + 2 * _PAD_Y) / max(rowspan, 1)))

    # --- editing -------------------------------------------------------------------------------

    @override
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        editor.setFrame(False)
        editor.textEdited.connect(self.editorEdited)
        return editor

    @override
    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, QLineEdit)
        self._refused = not model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QLineEdit) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            move = _COMMIT_MOVES.get((Qt.Key(event.key()), shift))
            if move is not None:
                self._commit_and_move(watched, move)
                return True
        return super().eventFilter(watched, event)

    def commit(self, editor: QLineEdit) -> bool:
        """Put the editor's text into the report and close it; False (editor kept open) when refused."""
        self._refused = False
        self.commitData.emit(editor)
        if self._refused:
            editor.selectAll()  # keep editing: the status bar says what is wrong
            return False
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
        return True

    def _commit_and_move(self, editor: QLineEdit, move: tuple[int, int]) -> None:
        if self.commit(editor):
            self.moveRequested.emit(*move)


def _font_of(index: AnyIndex, option: QStyleOptionViewItem) -> QFont:
    font = _role(index, Qt.ItemDataRole.FontRole)
    base = QFont(option.font)
    return font.resolve(base) if isinstance(font, QFont) else base


def _text_flags(index: AnyIndex) -> int:
    alignment = _role(index, Qt.ItemDataRole.TextAlignmentRole)
    aligned = alignment if alignment is not None else Qt.AlignmentFlag.AlignCenter
    return int(aligned) | int(Qt.TextFlag.TextWordWrap)


def _role(index: AnyIndex, role: int) -> Any:
    """A role's value, asked of the Python model itself rather than through `QModelIndex.data()`.

    This skips a round trip through C++ for every role of every painted cell. (It also sidestepped
    PySide6 6.12 on Python 3.11, which lost a reference to None on each empty `data()`; the project
    now pins PySide6 below 6.12.)
    """
    model = index.model()
    return model.data(index, role) if model is not None else None
