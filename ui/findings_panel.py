"""The 检查结果 dock: every finding in Chinese, grouped by report section; double-click to go there,
and a way to mark a warning as reviewed (or take the mark back)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from model.field_paths import META
from model.findings import Finding, Severity
from model.template import Template

_ERROR_COLOUR = QColor("#b3261e")
_WARNING_COLOUR = QColor("#8a5a00")
_REVIEWED_COLOUR = QColor("#5f6368")
_FINDING_ROLE = Qt.ItemDataRole.UserRole


def severity_text(finding: Finding) -> str:
    if finding.severity is Severity.ERROR:
        return "错误"
    return "提醒（已核实）" if finding.reviewed is not None else "提醒"


class _FindingTree(QTreeWidget):
    activatedFinding = Signal(object)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            finding = item.data(0, _FINDING_ROLE)
            if finding is not None:
                self.activatedFinding.emit(finding)
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
        self.tree = _FindingTree()
        self.tree.setHeaderLabels(["类别", "说明"])
        self.tree.setColumnWidth(0, 110)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.itemDoubleClicked.connect(self._item_activated)
        self.tree.activatedFinding.connect(self._jump)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self._review_button = QPushButton("标记为已核实(&R)…")
        self._review_button.setToolTip("这条提醒经核实无误：写明理由，保存在报告文件中；相关数值改动后自动失效")
        self._review_button.clicked.connect(self._review_clicked)
        self._unreview_button = QPushButton("取消核实(&U)")
        self._unreview_button.clicked.connect(self._unreview_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self._review_button)
        buttons.addWidget(self._unreview_button)
        buttons.addStretch(1)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self.setWidget(body)
        self._update_buttons()

    def _section_titles(self) -> dict[str, str]:
        titles = {META: self._template.meta_title}
        titles.update({s.id: s.heading for s in self._template.sections})
        return titles

    def show_findings(self, findings: list[Finding]) -> None:
        selected = self.selected_finding()
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        titles = self._section_titles()
        order = list(titles)
        for finding in sorted(findings, key=lambda f: _order_key(self._template, order, f)):
            section = self._template.home_section(finding.location.part_id)
            group = groups.get(section)
            if group is None:
                group = groups[section] = QTreeWidgetItem(self.tree, [titles.get(section, section), ""])
                group.setFirstColumnSpanned(True)
                group.setExpanded(True)
            item = QTreeWidgetItem(group, [severity_text(finding), _message(finding)])
            item.setData(0, _FINDING_ROLE, finding)
            item.setToolTip(1, _message(finding))
            item.setForeground(0, QBrush(_colour(finding)))
            if selected is not None and _same(selected, finding):
                self.tree.setCurrentItem(item)
        for section, group in groups.items():
            count = group.childCount()
            group.setText(0, f"{titles.get(section, section)}（{count} 条）")
        self.tree.setUpdatesEnabled(True)
        self._update_buttons()

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
        finding = item.data(0, _FINDING_ROLE)
        if finding is not None:
            self._jump(finding)

    def _jump(self, finding: Finding) -> None:
        self.jumpRequested.emit(finding.location)

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
