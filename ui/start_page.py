"""What the window shows when no report is open: start from last year's report (the usual way, first),
a blank report, or open one; and the recent reports with their agency, year and when they were saved."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from export import read_report
from model import ReportFileError, Template
from model.dates import chinese_date
from model.template import MetaId

_PATH_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class RecentReport:
    """A recent report file as the start page lists it."""

    path: Path
    agency: str  # empty when the file cannot be read any more
    year: int | None
    saved: datetime | None  # None: the file is gone

    @property
    def when(self) -> str:
        if self.saved is None:
            return "找不到这个文件"
        return f"{chinese_date(self.saved.date())} {self.saved:%H:%M}"


def recent_reports(paths: list[Path]) -> list[RecentReport]:
    """What each recent file holds (agency, year) and when it was saved; a missing file says so."""
    found = []
    for path in paths:
        try:
            saved = datetime.fromtimestamp(path.stat().st_mtime)
        except OSError:
            found.append(RecentReport(path, "", None, None))
            continue
        try:
            meta = read_report(path).meta
            found.append(RecentReport(path, meta.agency, meta.year, saved))
        except ReportFileError:
            found.append(RecentReport(path, "", None, saved))
    return found


class _RecentList(QTreeWidget):
    chosen = Signal(object)  # Path

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self.chosen.emit(item.data(0, _PATH_ROLE))
            return
        super().keyPressEvent(event)


class StartPage(QWidget):
    fromLastYearRequested = Signal()
    newRequested = Signal()
    openRequested = Signal()
    openPathRequested = Signal(object)  # Path

    def __init__(self, template: Template, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        title = QLabel(template.title_suffix)
        title.setObjectName("startTitle")
        self.from_last_year = self._button(
            "以上年报告为基础新建(&L)…",
            "沿用上年报告的机关信息和正文，并自动带入上年的相关数字。每年最常用的开始方式。",
            self.fromLastYearRequested,
        )
        self.from_last_year.setObjectName("mainChoice")
        self.new_blank = self._button("新建空白报告(&N)…", "从空白表格开始填写", self.newRequested)
        self.open_file = self._button(
            "打开报告(&O)…", "打开年报文件，或导入 Word、Excel 格式的报告", self.openRequested
        )
        choices = QVBoxLayout()
        choices.addWidget(title)
        choices.addSpacing(12)
        for button in (self.from_last_year, self.new_blank, self.open_file):
            choices.addWidget(button)
            note = QLabel(button.toolTip())
            note.setObjectName("choiceNote")
            note.setWordWrap(True)
            choices.addWidget(note)
            choices.addSpacing(8)
        choices.addStretch(1)
        self.recent = _RecentList()
        self.recent.setHeaderLabels(["机关", template.meta_field(MetaId.YEAR).label, "保存时间", "文件"])
        self.recent.setRootIsDecorated(False)
        self.recent.setUniformRowHeights(True)
        self.recent.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.recent.setColumnWidth(0, 220)
        self.recent.setColumnWidth(1, 60)
        self.recent.setColumnWidth(2, 170)
        self.recent.itemActivated.connect(lambda item, _c: self.openPathRequested.emit(item.data(0, _PATH_ROLE)))
        self.recent.chosen.connect(self.openPathRequested)
        self.no_recent = QLabel("还没有打开过报告。")
        recent_box = QVBoxLayout()
        heading = QLabel("最近的报告(&R)：")
        heading.setBuddy(self.recent)
        recent_box.addWidget(heading)
        recent_box.addWidget(self.recent, 1)
        recent_box.addWidget(self.no_recent)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addLayout(choices, 2)
        layout.addWidget(line)
        layout.addLayout(recent_box, 5)

    def _button(self, text: str, description: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(description)
        button.setMinimumHeight(44)
        button.clicked.connect(lambda: signal.emit())
        return button

    def show_recent(self, reports: list[RecentReport]) -> None:
        self.recent.clear()
        for report in reports:
            year = f"{report.year}年" if report.year else ""
            item = QTreeWidgetItem(self.recent, [report.agency or "—", year, report.when, report.path.name])
            item.setData(0, _PATH_ROLE, report.path)
            for column in range(4):
                item.setToolTip(column, str(report.path))
            if report.saved is None:
                item.setDisabled(True)
        self.recent.setVisible(bool(reports))
        self.no_recent.setVisible(not reports)
        first = self.recent.topLevelItem(0)
        if first is not None:
            self.recent.setCurrentItem(first)
