"""查找 (Ctrl+F): text in the narrative, the meta fields and the tables' printed labels, found in the
order the report reads; F3 goes on to the next one. A bar under the tabs, as in a browser."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QToolButton, QWidget
from typing_extensions import override

from model import Report
from model.field_paths import META, meta_path, text_fields
from model.findings import field_at
from model.layout import CellRole, table_layout
from model.template import SectionKind

_LABEL_ROLES = (CellRole.ROW_HEADER, CellRole.COLUMN_HEADER, CellRole.TITLE, CellRole.CORNER)


@dataclass(frozen=True)
class Match:
    """One place the text was found: a field (path, where in its text) or a table label (grid position)."""

    section_id: str
    text: str  # the whole text it was found in, for the status bar
    start: int
    field: str | None = None
    table_id: str | None = None
    grid: tuple[int, int] | None = None


def find_all(report: Report, query: str) -> list[Match]:
    """Every occurrence of `query` (case ignored), tab by tab in the order the window shows them."""
    needle = query.strip().casefold()
    if not needle:
        return []
    template = report.template
    texts = dict(text_fields(report))
    found: list[Match] = []
    for spec in template.meta_fields:
        value = report.meta.get(spec.id)
        found += _in_text(META, value if isinstance(value, str) else "", needle, meta_path(spec.id))
    for section in template.sections:
        if section.kind is SectionKind.TABLE:
            found += _in_labels(report, section.id, needle)
            continue
        for path, text in texts.items():
            if template.home_section(field_at(path).part_id) == section.id:
                found += _in_text(section.id, text, needle, path)
    return found


def _in_text(section_id: str, text: str, needle: str, path: str) -> list[Match]:
    folded = text.casefold()
    matches = []
    start = folded.find(needle)
    while start >= 0:
        matches.append(Match(section_id, text, start, field=path))
        start = folded.find(needle, start + 1)
    return matches


def _in_labels(report: Report, table_id: str, needle: str) -> list[Match]:
    layout = table_layout(report.template.table(table_id))
    cells = sorted((c for c in layout.cells if c.role in _LABEL_ROLES), key=lambda c: (c.row, c.column))
    return [
        Match(table_id, c.text, c.text.casefold().find(needle), table_id=table_id, grid=(c.row, c.column))
        for c in cells
        if needle in c.text.casefold()
    ]


class FindBar(QWidget):
    """The query, 下一个 / 上一个, how many were found, and a way to close the bar (Esc)."""

    findRequested = Signal(str, int)  # the query, +1 for the next match, -1 for the previous

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.query = QLineEdit()
        self.query.setPlaceholderText("查找正文和表格中的文字")
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(lambda: self.findRequested.emit(self.query.text(), 1))
        label = QLabel("查找(&F)：")
        label.setBuddy(self.query)
        following = QPushButton("下一个(&N)")
        following.clicked.connect(lambda: self.findRequested.emit(self.query.text(), 1))
        previous = QPushButton("上一个(&B)")
        previous.clicked.connect(lambda: self.findRequested.emit(self.query.text(), -1))
        self.result = QLabel()
        close = QToolButton()
        close.setText("关闭")
        close.setToolTip("关闭查找（Esc）")
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for widget in (label, self.query, following, previous, self.result):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(close)
        self.query.setMinimumWidth(260)

    def open(self) -> None:
        self.show()
        self.query.setFocus()
        self.query.selectAll()

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)
