"""The 信息处理费 of 六 as a fact (model.report.Fee): collected or not, the amount in 元, the number of
applications charged. Each change is one undo step; the fee statement is written from it."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import cast

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLineEdit, QWidget
from typing_extensions import override

from model.report import Fee
from ui.document import ReportDocument, SwapCommand

_AMOUNT = QRegularExpression(r"^(\d{1,9}(\.\d{0,2})?)?$")  # 元, to the fen; empty: not filled in
_COUNT = QRegularExpression(r"^\d{0,6}$")
_NOT_FILLED = "未填写"
_CHOICES: tuple[bool | None, ...] = (None, False, True)  # the combo's items, in order


class FeeCommand(SwapCommand):
    def __init__(self, document: ReportDocument, new: Fee) -> None:
        super().__init__(document, replace(document.report.fee), replace(new), "编辑信息处理费")

    @override
    def _apply(self, state: object) -> None:
        self._document.report.fee = replace(cast(Fee, state))
        self._document.notify_changed()


class FeeEditor(QGroupBox):
    def __init__(self, document: ReportDocument, parent: QWidget | None = None) -> None:
        spec = document.report.template.fee
        super().__init__(spec.subsection, parent)
        self.setToolTip(f"按实际填写；六的{spec.label}说明可据此用“插入表格数字说明”生成，并随之更新。")
        self._document = document
        self.collected = QComboBox()
        self.collected.addItems([_NOT_FILLED, spec.not_collected_label, spec.collected_label])
        self.amount = QLineEdit()
        self.amount.setValidator(QRegularExpressionValidator(_AMOUNT, self.amount))
        self.amount.setPlaceholderText("如 120 或 35.50")
        self.applications = QLineEdit()
        self.applications.setValidator(QRegularExpressionValidator(_COUNT, self.applications))
        for field in (self.collected, self.amount, self.applications):
            field.setMinimumWidth(field.fontMetrics().horizontalAdvance("0") * 24)
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        layout.addRow(f"{spec.status_label}：", self.collected)
        layout.addRow(f"{spec.amount_label}：", self.amount)
        layout.addRow(f"{spec.applications_label}：", self.applications)
        self.refresh()
        self.collected.currentIndexChanged.connect(lambda _i: self._push())
        self.amount.editingFinished.connect(self._push)
        self.applications.editingFinished.connect(self._push)
        document.changed.connect(self.refresh)

    def _typed(self) -> Fee:
        amount, count = self.amount.text().strip(), self.applications.text().strip()
        return Fee(
            collected=_CHOICES[max(0, self.collected.currentIndex())],
            amount=Decimal(amount) if amount else None,
            applications=int(count) if count else None,
        )

    def _push(self) -> None:
        fee = self._typed()
        if fee != self._document.report.fee:
            self._document.undo_stack.push(FeeCommand(self._document, fee))

    def refresh(self) -> None:
        fee = self._document.report.fee
        for widget in (self.collected, self.amount, self.applications):
            widget.blockSignals(True)
        self.collected.setCurrentIndex(_CHOICES.index(fee.collected))
        if self._typed().amount != fee.amount:
            self.amount.setText("" if fee.amount is None else f"{fee.amount:f}")
        self.applications.setText("" if fee.applications is None else str(fee.applications))
        for widget in (self.collected, self.amount, self.applications):
            widget.blockSignals(False)
        charged = fee.collected is not False
        self.amount.setEnabled(charged)
        self.applications.setEnabled(charged)
