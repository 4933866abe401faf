"""The column headers of a long statutory table kept in sight while its rows scroll (like Excel's 冻结窗格).

A second, read-only view of the same model is laid over the top of the grid's viewport and shows
only the header rows (`TableLayout.header_rows`); it follows the grid's column widths, header row
heights and horizontal scrolling.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

from ui.grid.delegate import GridDelegate
from ui.grid.model import GridModel


class FrozenHeader(QTableView):
    def __init__(self, grid: QTableView, model: GridModel, rows: int) -> None:
        super().__init__(grid)
        self._grid = grid
        self.rows = rows
        self.setModel(model)
        # Its own delegate, drawn the same way: sharing the grid's would send the grid's commitData to
        # this view too, which Qt refuses with a warning on every edit (the editor is not its own).
        self.setItemDelegate(GridDelegate(self))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setShowGrid(False)
        self.setFrameShape(QTableView.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        for row, column, rowspan, colspan in model.merges():
            if row < rows:
                self.setSpan(row, column, rowspan, colspan)
        grid.horizontalScrollBar().valueChanged.connect(self.horizontalScrollBar().setValue)
        grid.viewport().stackUnder(self)

    def height_of_rows(self) -> int:
        return sum(self._grid.rowHeight(r) for r in range(self.rows))

    def follow(self) -> None:
        """Take the grid's sizes and sit over the top of its viewport."""
        for column in range(self.model().columnCount()):
            self.setColumnWidth(column, self._grid.columnWidth(column))
        for row in range(self.rows):
            self.setRowHeight(row, self._grid.rowHeight(row))
        viewport = self._grid.viewport().geometry()
        self.setGeometry(viewport.x(), viewport.y(), viewport.width(), self.height_of_rows())
        self.horizontalScrollBar().setValue(self._grid.horizontalScrollBar().value())
