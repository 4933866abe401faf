"""The step before a report leaves the app (导出, 打印预览, 打印): what the check still finds, in a
short summary over a scrollable list, and which copy to make — the publication copy for the website
or the signed copy for the paper file. Asked every time, never remembered: a signed copy must not
end up on the website because it was chosen once last week."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from model import Finding, Severity
from ui.document import ReportDocument
from ui.screen import fit_to_screen


class Copy(Enum):
    """Which copy of the report is made: (its name in messages, what the choice says)."""

    PUBLICATION = ("公开稿", "公开稿(&G)：在政府网站发布，不含签字和公章位置")
    SIGNED = ("签字盖章稿", "签字盖章稿(&Q)：打印后由单位负责人签字、加盖公章，存档或报送")

    @property
    def short(self) -> str:
        return self.value[0]

    @property
    def choice(self) -> str:
        return self.value[1]


def finding_line(finding: Finding) -> str:
    """One finding as the export step and the findings panel list it, with the rule it rests on."""
    basis = f"（依据：{finding.basis}）" if finding.basis else ""
    return f"{finding.message}{basis}"


class ExportStep(QDialog):
    """导出前检查 / 打印前检查: a summary, the errors in a list, the copy to make, and go on or not."""

    def __init__(self, parent: QWidget | None, document: ReportDocument, verb: str, offers_copies: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{verb}前检查")
        errors = _errors(document)
        unfilled = len(document.report.unfilled_cells())
        layout = QVBoxLayout(self)
        self.summary = QLabel(summary(len(errors), unfilled))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.errors = QListWidget()
        self.errors.setWordWrap(True)
        self.errors.setAlternatingRowColors(True)
        for finding in errors:
            item = QListWidgetItem(finding_line(finding))
            item.setToolTip(finding_line(finding))
            self.errors.addItem(item)
        self.errors.setVisible(bool(errors))
        layout.addWidget(self.errors, 1)
        self.copies = QButtonGroup(self)
        self.copy_buttons: dict[Copy, QRadioButton] = {}
        if offers_copies:
            box = QGroupBox("制作哪一份")
            inner = QVBoxLayout(box)
            for copy in Copy:
                button = QRadioButton(copy.choice)
                self.copies.addButton(button)
                self.copy_buttons[copy] = button
                inner.addWidget(button)
            self.copy_buttons[Copy.PUBLICATION].setChecked(True)
            layout.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.go_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.go_button.setText(f"仍要{verb}(&O)" if errors or unfilled else f"{verb}(&O)")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(640, 520 if errors else 260))

    def copy(self) -> Copy:
        return next((c for c, b in self.copy_buttons.items() if b.isChecked()), Copy.PUBLICATION)


def summary(errors: int, unfilled: int) -> str:
    parts = []
    if errors:
        parts.append(f"报告中还有 {errors} 个错误（见下面的列表，也可以在“检查结果”中双击跳转）。")
    if unfilled:
        parts.append(f"表格中有 {unfilled} 个单元格未填写（没有数字请填 0）。")
    return "".join(parts) or "检查通过，没有发现错误。"


def ask(parent: QWidget, document: ReportDocument, verb: str, offers_copies: bool) -> Copy | None:
    """The person's answer: the copy to make, or None to stop (nothing to ask: the publication copy)."""
    if not offers_copies and not document.report.unfilled_cells() and not _errors(document):
        return Copy.PUBLICATION
    step = ExportStep(parent, document, verb, offers_copies)
    return step.copy() if step.exec() == QDialog.DialogCode.Accepted else None


def _errors(document: ReportDocument) -> list[Finding]:
    return [f for f in document.findings if f.severity is Severity.ERROR]
