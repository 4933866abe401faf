"""新建报告: agency, agency kind and year, or a start from last year's report with its
carry-overs (二、上年结转, 现行有效件数) and text filled in."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)
from typing_extensions import override

from export import FORMATS, read_report
from model import ReportFileError, start_next_year
from model.report import Meta, Report
from model.template import TEMPLATE_2021, MetaId, Template
from ui.forms.editors import LAST_REPORT_YEAR
from ui.messages import for_clerk

_READABLE = [f for f in FORMATS if f.reads]
# Every file the program reads, first (the dialog's default), then each format, then everything.
OPEN_FILTER = ";;".join(
    [
        f"所有支持的文件 ({' '.join(f'*{f.suffix}' for f in _READABLE)})",
        *(f.dialog_filter for f in _READABLE),
        "所有文件 (*)",
    ]
)


def _carried_over(template: Template) -> str:
    """What a report started from last year's is given: “二、上年结转…”和“现行有效件数”."""
    table, row = template.roles.carry_to
    in_force = template.roles.in_force
    column = template.table(in_force.table).block_of(in_force.rows[0]).column(in_force.in_force)
    return f"“{template.table(table).row(row).label}”和“{column.label}”"


class NewReportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, template: Template = TEMPLATE_2021, folder: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("新建报告")
        self._template = template
        self._folder = folder
        self.report: Report | None = None
        self.agency = QLineEdit()
        self.kind = QComboBox()
        for kind in template.agency_kinds:
            self.kind.addItem(kind.label, kind.id)
        self.year = QSpinBox()
        self.year.setRange(template.first_year, LAST_REPORT_YEAR)
        self.year.setValue(date.today().year - 1)  # in January one writes last year's report
        self.from_last_year = QCheckBox("以上年报告为基础(&L)")
        self.from_last_year.setToolTip(f"沿用上年报告的机关信息和正文，自动填入{_carried_over(template)}")
        self.last_year_path = QLineEdit()
        self.last_year_path.setPlaceholderText("上年的年报文件，也可以是 Word 或 Excel 文件")
        browse = QPushButton("浏览(&B)…")
        browse.clicked.connect(self._browse)
        self.from_last_year.toggled.connect(self._update_enabled)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self._layout_form(browse)
        self._update_enabled()

    def _layout_form(self, browse: QPushButton) -> None:
        form = QFormLayout(self)
        editors: tuple[tuple[str, QWidget], ...] = (
            (MetaId.AGENCY, self.agency),
            (MetaId.AGENCY_KIND, self.kind),
            (MetaId.YEAR, self.year),
        )
        for field_id, editor in editors:
            spec = self._template.meta_field(field_id)
            label = QLabel(f"{spec.label}(&{spec.access_key})：")
            label.setBuddy(editor)
            form.addRow(label, editor)
        form.addRow(self.from_last_year)
        row = QHBoxLayout()
        row.addWidget(self.last_year_path, 1)
        row.addWidget(browse)
        self._browse_button = browse
        form.addRow("上年报告：", row)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(560)

    def _update_enabled(self) -> None:
        on = self.from_last_year.isChecked()
        self.last_year_path.setEnabled(on)
        self._browse_button.setEnabled(on)

    def _browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, "选择上年报告", self._folder, OPEN_FILTER)
        if name:
            self.set_last_year_file(Path(name))

    def start_from_last_year(self, path: Path | None) -> None:
        """以上年报告为基础: the choice made, with the likely file (the newest recent report) filled in."""
        self.from_last_year.setChecked(True)
        if path is not None:
            self.set_last_year_file(path)
        self.last_year_path.setFocus()

    def set_last_year_file(self, path: Path) -> None:
        """Take agency, kind and year from last year's report as soon as it is chosen."""
        self.from_last_year.setChecked(True)
        self.last_year_path.setText(str(path))
        try:
            last = read_report(path)
        except ReportFileError as error:
            self.error.setText(f"无法读取上年报告：{for_clerk(str(error))}")
            return
        self.error.clear()
        self.agency.setText(last.meta.agency)
        self.kind.setCurrentIndex(max(0, self.kind.findData(last.meta.agency_kind)))
        if last.meta.year is not None:
            self.year.setValue(last.meta.year + 1)

    def build_report(self) -> Report:
        """The new report as chosen; raises ReportFileError when last year's file cannot be read."""
        if self.from_last_year.isChecked():
            text = self.last_year_path.text().strip()
            if not text:
                raise ReportFileError("请选择上年报告文件，或取消勾选“以上年报告为基础”")
            report = start_next_year(read_report(Path(text)))
        else:
            report = Report(template=self._template, meta=Meta())
        report.meta.agency = self.agency.text().strip()
        report.meta.agency_kind = str(self.kind.currentData())
        report.meta.year = self.year.value()
        return report

    @override
    def accept(self) -> None:
        try:
            self.report = self.build_report()
        except ReportFileError as error:
            self.error.setText(for_clerk(str(error)))
            return
        super().accept()
