"""The 导出 menu: an entry per export format of the table in export.formats, the font scheme,
打印预览 and 打印 through ui.printing (loaded when first used). Each of them goes through the export
step (ui.export_step): what is still wrong, and publication copy or signed copy, asked every time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from export import (
    AUTO_SCHEME,
    EXCEL,
    EXPORT_FORMATS,
    FONT_SCHEME_CHOICES,
    ExportOptions,
    FileFormat,
    default_file_name,
    write_report,
)
from model import Report, ReportFileError
from ui import export_step
from ui.document import ReportDocument
from ui.export_step import Copy
from ui.messages import for_clerk
from ui.settings import Settings


class ExportActions(QObject):
    """Owns the export and print actions of a window; `document()` gives the report to export."""

    exported = Signal(object, str)  # the file written (Path), and what the status bar says about it

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
        self.preview_action = QAction("打印预览(&V)…", self)
        self.preview_action.triggered.connect(lambda: self._print(preview=True))
        self.print_action = QAction("打印(&T)…", self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(lambda: self._print(preview=False))

    def fill_menu(self, menu: QMenu) -> None:
        for action in self.format_actions.values():
            menu.addAction(action)
        menu.addSeparator()
        schemes = menu.addMenu("字体方案(&F)")
        schemes.addActions(self.scheme_group.actions())
        menu.addSeparator()
        menu.addAction(self.preview_action)
        menu.addAction(self.print_action)

    def options(self, copy: Copy = Copy.PUBLICATION) -> ExportOptions:
        checked = self.scheme_group.checkedAction()
        scheme = str(checked.data()) if checked is not None else AUTO_SCHEME
        return ExportOptions(font_scheme=scheme, signed_copy=copy is Copy.SIGNED)

    # --- exporting -----------------------------------------------------------------------------

    def export(self, fmt: FileFormat) -> None:
        if not self._commit():
            return
        document = self._document()
        copy = export_step.ask(self._parent, document, "导出", offers_copies=fmt is not EXCEL)
        if copy is None:
            return
        report = document.report
        proposed = Path(self._settings.last_folder()) / default_file_name(report, fmt.suffix)
        if copy is Copy.SIGNED:
            proposed = proposed.with_name(f"{proposed.name.removesuffix(fmt.suffix)}（{copy.short}）{fmt.suffix}")
        title = f"导出为 {fmt.name}" + (f"（{copy.short}）" if fmt is not EXCEL else "")
        name, _filter = QFileDialog.getSaveFileName(self._parent, title, str(proposed), fmt.dialog_filter)
        if not name:
            return
        path = fmt.path_for(name)
        self._settings.set_last_folder(path)
        if self.write(report, path, self.options(copy)):
            what = f"{copy.short}" if fmt is not EXCEL else fmt.name
            message = f"已导出{what}：{path}"
            self._status(message)
            self.exported.emit(path, message)

    def write(self, report: Report, path: Path, options: ExportOptions | None = None) -> bool:
        """Export the report; a refusal is shown, never raised."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            write_report(report, path, options or self.options())
        except ReportFileError as error:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(self._parent, "导出失败", f"未能导出“{path.name}”：\n{for_clerk(str(error))}")
            return False
        QGuiApplication.restoreOverrideCursor()
        return True

    def _print(self, preview: bool) -> None:
        if not self._commit():
            return
        verb = "打印预览" if preview else "打印"
        copy = export_step.ask(self._parent, self._document(), verb, offers_copies=True)
        if copy is None:
            return
        from ui import printing  # here: QtPdf and the PDF exporter load when first used, not at start-up

        self._status(f"{verb}：{copy.short}")
        show = printing.preview if preview else printing.print_report
        show(self._parent, self._document(), self.options(copy))
