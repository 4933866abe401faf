"""The 导出 menu: an entry per export format of the table in export.formats, the font scheme and
签字盖章稿 choices, 打印预览 and 打印 through ui.printing (loaded when first used)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from export import (
    AUTO_SCHEME,
    EXPORT_FORMATS,
    FONT_SCHEME_CHOICES,
    ExportOptions,
    FileFormat,
    default_file_name,
    write_report,
)
from model import Report, ReportFileError, Severity
from ui.document import ReportDocument
from ui.settings import Settings

SIGNED_COPY_LABEL = "签字盖章稿（加“单位负责人（签字）”和公章位置）"
MAX_LISTED = 12


class ExportActions(QObject):
    """Owns the export and print actions of a window; `document()` gives the report to export."""

    def __init__(
        self,
        parent: QWidget,
        document: Callable[[], ReportDocument],
        settings: Settings,
        status: Callable[[str], None],
        commit: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._document = document
        self._settings = settings
        self._status = status
        self._commit = commit  # stores what is still being typed; False when it is refused
        self.format_actions: dict[str, QAction] = {}
        for fmt in EXPORT_FORMATS:
            action = QAction(f"导出为 {fmt.name}(&{fmt.access_key})…", self)
            action.triggered.connect(lambda _checked=False, f=fmt: self.export(f))
            self.format_actions[fmt.suffix] = action
        self.scheme_group = QActionGroup(self)
        chosen = settings.text("export/font_scheme", AUTO_SCHEME)
        for scheme_id, label in FONT_SCHEME_CHOICES:
            action = QAction(label, self.scheme_group, checkable=True)
            action.setData(scheme_id)
            action.setChecked(scheme_id == chosen)
        self.scheme_group.triggered.connect(lambda a: settings.set("export/font_scheme", str(a.data())))
        self.signed_action = QAction(SIGNED_COPY_LABEL, self, checkable=True)
        self.signed_action.setChecked(settings.flag("export/signed_copy"))
        self.signed_action.toggled.connect(lambda on: settings.set("export/signed_copy", on))
        self.preview_action = QAction("打印预览(&V)…", self)
        self.preview_action.triggered.connect(lambda: self._print(preview=True))
        self.print_action = QAction("打印(&P)…", self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(lambda: self._print(preview=False))

    def fill_menu(self, menu: QMenu) -> None:
        for action in self.format_actions.values():
            menu.addAction(action)
        menu.addSeparator()
        schemes = menu.addMenu("字体方案(&F)")
        schemes.addActions(self.scheme_group.actions())
        menu.addAction(self.signed_action)
        menu.addSeparator()
        menu.addAction(self.preview_action)
        menu.addAction(self.print_action)

    def options(self) -> ExportOptions:
        checked = self.scheme_group.checkedAction()
        scheme = str(checked.data()) if checked is not None else AUTO_SCHEME
        return ExportOptions(font_scheme=scheme, signed_copy=self.signed_action.isChecked())

    # --- exporting -----------------------------------------------------------------------------

    def export(self, fmt: FileFormat) -> None:
        if not self._commit():
            return
        report = self._document().report
        if not confirm_publishable(self._parent, self._document(), "导出"):
            return
        folder = self._settings.last_folder()
        proposed = str(Path(folder) / default_file_name(report, fmt.suffix))
        name, _filter = QFileDialog.getSaveFileName(self._parent, f"导出为 {fmt.name}", proposed, fmt.dialog_filter)
        if not name:
            return
        path = fmt.path_for(name)
        self._settings.set_last_folder(path)
        if self.write(report, path):
            self._status(f"已导出：{path}")

    def write(self, report: Report, path: Path) -> bool:
        """Export the report; a refusal is shown, never raised."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            write_report(report, path, self.options())
        except ReportFileError as error:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(self._parent, "导出失败", f"未能导出“{path.name}”：\n{error}")
            return False
        QGuiApplication.restoreOverrideCursor()
        return True

    def _print(self, preview: bool) -> None:
        if not self._commit():
            return
        if not confirm_publishable(self._parent, self._document(), "打印"):
            return
        from ui import printing  # here: QtPdf and the PDF exporter load when first used, not at start-up

        show = printing.preview if preview else printing.print_report
        show(self._parent, self._document(), self.options())


def confirm_publishable(parent: QWidget, document: ReportDocument, verb: str) -> bool:
    """Before a report leaves the app: list its errors and unfilled cells and ask to go on anyway."""
    errors = [f for f in document.findings if f.severity is Severity.ERROR]
    unfilled = document.report.unfilled_cells()
    if not errors and not unfilled:
        return True
    lines = []
    if errors:
        lines.append(f"报告中还有 {len(errors)} 个错误：")
        lines += [f"· {f.message}" for f in errors[:MAX_LISTED]]
        if len(errors) > MAX_LISTED:
            lines.append(f"……另有 {len(errors) - MAX_LISTED} 个，见“检查结果”")
    if unfilled:
        lines.append(f"表格中有 {len(unfilled)} 个单元格未填写（没有数字请填 0）。")
    lines.append(f"\n仍要{verb}吗？")
    answer = QMessageBox.question(
        parent,
        f"{verb}前检查",
        "\n".join(lines),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
