"""The 检查结果 dock: every finding in Chinese, one line each, grouped by report section (the section
named once, on its group); the rule a finding rests on beside it; a filter by severity; a clear
“未发现问题”; double-click to go there, and a way to mark a warning as reviewed (or take the mark back).

A table nobody has started shows as progress (“还有 144 格未填”), not as a red error per row."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from model.field_paths import META
from model.findings import Finding, Location, Severity
from model.template import Template, row_title

_ERROR_COLOUR = QColor("#b3261e")
_WARNING_COLOUR = QColor("#8a5a00")
_REVIEWED_COLOUR = QColor("#5f6368")
_PROGRESS_COLOUR = QColor("#3c6e9f")
_FINDING_ROLE = Qt.ItemDataRole.UserRole
_LOCATION_ROLE = Qt.ItemDataRole.UserRole + 1
ALL_CLEAR = "未发现问题"
ROW_NAME_LENGTH = 12  # a whole row's name is cut here in the one-line “…：6 格未填”
# The filter's choices: what it says, and which severities it shows.
FILTERS: tuple[tuple[str, frozenset[Severity]], ...] = (
    ("全部", frozenset(Severity)),
    ("只看错误", frozenset({Severity.ERROR})),
    ("只看提醒", frozenset({Severity.WARNING})),
)


@dataclass(frozen=True)
class Progress:
    """A table nobody has started: one quiet line in place of its MISSING rows."""

    section_id: str
    text: str  # e.g. 还有 144 格未填
    location: Location  # where double-click goes: the table's first cell


def severity_text(finding: Finding) -> str:
    if finding.severity is Severity.ERROR:
        return "错误"
    return "提醒（已核实）" if finding.reviewed is not None else "提醒"


class _FindingTree(QTreeWidget):
    activatedLocation = Signal(object)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            location = item.data(0, _LOCATION_ROLE)
            if location is not None:
                self.activatedLocation.emit(location)
                return
        super().keyPressEvent(event)


class FindingsPanel(QDockWidget):
    jumpRequested = Signal(object)  # Location
    reviewRequested = Signal(object)  # Finding: the person wants to mark it reviewed
    unreviewRequested = Signal(object)  # Finding: take the mark back

    def __init__(self, template: Template, parent: QWidget | None = None) -> None:
        super().__init__("检查结果", parent)
        self.setObjectName("findingsDock")
        self._template = template
        self._findings: list[Finding] = []
        self._progress: list[Progress] = []
        self.tree = _FindingTree()
        self.tree.setHeaderLabels(["类别", "说明", "依据"])
        self.tree.setColumnWidth(0, 150)
        self.tree.setUniformRowHeights(True)  # one line each: the full text is in the tooltip
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(2, 240)
        self.tree.itemDoubleClicked.connect(self._item_activated)
        self.tree.activatedLocation.connect(self.jumpRequested)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.all_clear = QLabel(f"✓ {ALL_CLEAR}")
        self.all_clear.setObjectName("allClear")
        self.all_clear.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedWidget()
        self._stack.addWidget(self.tree)
        self._stack.addWidget(self.all_clear)
        self.filter = QComboBox()
        self.filter.setToolTip("按类别筛选检查结果")
        for label, _severities in FILTERS:
            self.filter.addItem(label)
        self.filter.currentIndexChanged.connect(lambda _i: self._fill())
        self._review_button = QPushButton("标记为已核实(&R)…")
        self._review_button.setToolTip("这条提醒经核实无误：写明理由，保存在报告文件中；相关数值改动后自动失效")
        self._review_button.clicked.connect(self._review_clicked)
        self._unreview_button = QPushButton("取消核实(&U)")
        self._unreview_button.clicked.connect(self._unreview_clicked)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("显示："))
        bar.addWidget(self.filter)
        bar.addSpacing(12)
        bar.addWidget(self._review_button)
        bar.addWidget(self._unreview_button)
        bar.addStretch(1)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 0, 4, 2)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self._stack, 1)
        self.setWidget(body)
        self._update_buttons()

    def _section_titles(self) -> dict[str, str]:
        titles = {META: self._template.meta_title}
        titles.update({s.id: s.heading for s in self._template.sections})
        return titles

    def show_findings(self, findings: list[Finding], progress: list[Progress] | None = None) -> None:
        self._findings = list(findings)
        self._progress = list(progress or [])
        self._fill()

    def _shown(self) -> list[Finding]:
        severities = FILTERS[max(self.filter.currentIndex(), 0)][1]
        return [f for f in self._findings if f.severity in severities]

    def _fill(self) -> None:
        selected = self.selected_finding()
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        titles = self._section_titles()
        order = list(titles)

        def group_of(section: str) -> QTreeWidgetItem:
            if section not in groups:
                groups[section] = QTreeWidgetItem(self.tree, [titles.get(section, section), "", ""])
                groups[section].setFirstColumnSpanned(True)
                groups[section].setExpanded(True)
            return groups[section]

        progress = self._progress if self.filter.currentIndex() <= 0 else []
        for section in sorted(
            {*(self._section_of(f) for f in self._shown()), *(p.section_id for p in progress)},
            key=lambda s: order.index(s) if s in order else len(order),
        ):
            group_of(section)  # groups in the report's order, whatever they hold
        for finding in sorted(self._shown(), key=lambda f: _order_key(self._template, order, f)):
            section = self._section_of(finding)
            item = self._finding_item(group_of(section), finding, titles.get(section, section))
            if selected is not None and _same(selected, finding):
                self.tree.setCurrentItem(item)
        for line in progress:
            item = QTreeWidgetItem(group_of(line.section_id), ["未填", line.text, ""])
            item.setData(0, _LOCATION_ROLE, line.location)
            item.setForeground(0, QBrush(_PROGRESS_COLOUR))
            item.setToolTip(1, f"{line.text}（没有数字请填 0）")
        for section, group in groups.items():
            group.setText(0, f"{titles.get(section, section)}（{group.childCount()} 条）")
        self.tree.setUpdatesEnabled(True)
        self._stack.setCurrentWidget(self.tree if groups else self.all_clear)
        self.all_clear.setText(f"✓ {ALL_CLEAR}" if not self._findings else "所选类别下没有检查结果")
        self._update_buttons()

    def _section_of(self, finding: Finding) -> str:
        return self._template.home_section(finding.location.part_id)

    def _finding_item(self, group: QTreeWidgetItem, finding: Finding, title: str) -> QTreeWidgetItem:
        full = _message(finding)
        item = QTreeWidgetItem(group, [severity_text(finding), self.short_line(finding, title), finding.basis or ""])
        item.setData(0, _FINDING_ROLE, finding)
        item.setData(0, _LOCATION_ROLE, finding.location)
        basis = f"\n依据：{finding.basis}" if finding.basis else ""
        for column in range(3):
            item.setToolTip(column, f"{full}{basis}")
        item.setForeground(0, QBrush(_colour(finding)))
        return item

    def short_line(self, finding: Finding, title: str) -> str:
        """The finding on one line: its section's name (on the group) left out; a row's unfilled cells
        counted (“一、本年新收…：6 格未填”) rather than all their column names listed."""
        location = finding.location
        if finding.code == "MISSING" and location.table and location.row and finding.related:
            row = row_title(self._template.table(location.table).row(location.row))
            name = row if len(row) <= ROW_NAME_LENGTH else row[: ROW_NAME_LENGTH - 1] + "…"
            return f"{name}：{len(finding.locations)} 格未填"
        message = _message(finding)
        for prefix in (title, self._template.meta_title):
            message = message.removeprefix(f"{prefix}：")
        return message

    def lines(self) -> list[str]:
        """The text of every line shown, group by group (for tests and screenshots)."""
        shown = []
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            assert group is not None
            shown += [child.text(1) for i in range(group.childCount()) if (child := group.child(i)) is not None]
        return shown

    def selected_finding(self) -> Finding | None:
        item = self.tree.currentItem()
        return item.data(0, _FINDING_ROLE) if item is not None else None

    def select_finding(self, finding: Finding) -> bool:
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            assert group is not None
            for child in range(group.childCount()):
                item = group.child(child)
                if item is not None and _same(item.data(0, _FINDING_ROLE), finding):
                    self.tree.setCurrentItem(item)
                    return True
        return False

    def _item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        location = item.data(0, _LOCATION_ROLE)
        if location is not None:
            self.jumpRequested.emit(location)

    def _update_buttons(self) -> None:
        finding = self.selected_finding()
        is_warning = finding is not None and finding.severity is Severity.WARNING
        self._review_button.setEnabled(is_warning and finding is not None and finding.reviewed is None)
        self._unreview_button.setEnabled(is_warning and finding is not None and finding.reviewed is not None)

    def _review_clicked(self) -> None:
        finding = self.selected_finding()
        if finding is not None:
            self.reviewRequested.emit(finding)

    def _unreview_clicked(self) -> None:
        finding = self.selected_finding()
        if finding is not None:
            self.unreviewRequested.emit(finding)


def _order_key(template: Template, order: list[str], finding: Finding) -> tuple[int, bool]:
    section = template.home_section(finding.location.part_id)
    position = order.index(section) if section in order else len(order)
    return position, finding.severity is not Severity.ERROR


def _message(finding: Finding) -> str:
    if finding.reviewed is not None:
        return f"{finding.message}（已核实：{finding.reviewed}）"
    return finding.message


def _colour(finding: Finding) -> QColor:
    if finding.severity is Severity.ERROR:
        return _ERROR_COLOUR
    return _REVIEWED_COLOUR if finding.reviewed is not None else _WARNING_COLOUR


def _same(a: Finding | None, b: Finding | None) -> bool:
    return a is not None and b is not None and (a.code, a.location) == (b.code, b.location)
