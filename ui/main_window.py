"""The main window: one report at a time in seven tabs, the findings dock, the file menu,
undo/redo, the unsaved-changes guard and the wiring between them (signals up, calls down)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QSize, Qt, QUrl, SignalInstance
from PySide6.QtGui import QAction, QCloseEvent, QColor, QDesktopServices, QKeySequence, QTextCursor, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from export import NATIVE, default_file_name, format_of, read_report
from model import (
    TEMPLATE_2021,
    Finding,
    Location,
    Report,
    ReportFileError,
    Severity,
    Template,
    count_by_severity,
    save_report,
)
from model.about import APP_NAME, APP_VERSION
from model.field_paths import PathKind, parse
from model.findings import cell, field_at
from model.progress import fillable_cells, unfilled_count, untouched
from model.report import Meta
from ui.autosave import Autosaver
from ui.check_rules import CheckRules
from ui.document import Located, ReportDocument, ReviewCommand
from ui.export_actions import ExportActions
from ui.find import FindBar, Match, find_all
from ui.findings_panel import FindingsPanel, Progress
from ui.forms.editors import FieldDateEdit
from ui.forms.tabs import Tab, build_tabs, focus_location, tab_index
from ui.messages import for_clerk, old_format_advice
from ui.screen import fit_to_screen
from ui.settings import Settings, data_dir
from ui.start_page import StartPage, recent_reports
from ui.zoom import Zoom


def about_text(template: Template, data_folder: Path) -> str:
    """What 帮助 → 关于 says: the version, the statutory format it implements, where its files live."""
    return (
        f"{APP_NAME} {APP_VERSION}\n\n"
        f"报告格式：{template.name}\n依据：{template.basis}\n\n"
        f"本程序完全离线运行，不连接网络。\n设置、自动恢复文件和日志保存在：\n{data_folder}"
    )


_ERROR_TAB_COLOUR = QColor("#b3261e")
PREFERRED_SIZE = QSize(1440, 900)  # a first start on a larger screen; smaller screens get all they have
FINDINGS_HEIGHT = 220


def blank_report() -> Report:
    return Report(meta=Meta(year=date.today().year - 1))


@runtime_checkable
class StatusMessenger(Protocol):
    """A tab's editor that explains itself in the status bar (why an input was refused, what a paste did)."""

    message: SignalInstance  # emits one line of Chinese


@runtime_checkable
class HoldsTyping(Protocol):
    """A tab's editor where typed text can wait before it reaches the report (an open cell editor, a year
    or a date read when the field is left): the window stores it before a save, export, print or close."""

    pendingChanged: SignalInstance

    def has_pending_edit(self) -> bool: ...

    def commit_edit(self) -> bool: ...


class MainWindow(QMainWindow):
    def __init__(
        self,
        settings: Settings,
        autosaver: Autosaver | None = None,
        document: ReportDocument | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.autosaver = autosaver
        self.document = document or ReportDocument(blank_report())  # behind the start page when None
        self._unsaved_without_undo = False  # imported or recovered: modified, though no undo step says so
        self._quiet_tables: set[str] = set()  # tables nobody started: their unfilled cells shown as progress
        self.undo_group = QUndoGroup(self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._build_tab)
        self.start_page = StartPage(self.document.report.template)
        self.start_page.fromLastYearRequested.connect(self.new_from_last_year)
        self.start_page.newRequested.connect(self.new_report)
        self.start_page.openRequested.connect(self.open_dialog)
        self.start_page.openPathRequested.connect(self.open_path)
        self.find_bar = FindBar()
        self.find_bar.hide()
        self.find_bar.findRequested.connect(self._find)
        report_area = QWidget()
        area_layout = QVBoxLayout(report_area)
        area_layout.setContentsMargins(0, 0, 0, 0)
        area_layout.setSpacing(0)
        area_layout.addWidget(self.tabs, 1)
        area_layout.addWidget(self.find_bar)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.start_page)
        self.pages.addWidget(report_area)
        self._report_area = report_area
        self.setCentralWidget(self.pages)
        self.zoom = Zoom(report_area, settings)
        self._find_position = -1
        self._find_query = ""
        self._report_actions: list[QAction] = []  # what needs an open report: off on the start page
        self._tabs: list[Tab] = []
        self.findings_panel = FindingsPanel(self.document.report.template, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings_panel)
        self.findings_panel.jumpRequested.connect(self.show_location)
        self.findings_panel.reviewRequested.connect(self.review_finding)
        self.findings_panel.unreviewRequested.connect(self.unreview_finding)
        self.counts_label = QLabel()
        self.exported_bar = ExportedBar()
        self.statusBar().addPermanentWidget(self.exported_bar)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.exports = ExportActions(self, lambda: self.document, settings, self.show_status, self._before_export)
        self.exports.exported.connect(lambda path, _message: self.exported_bar.show_file(path))
        self.check_rules = CheckRules(self, settings, lambda rules: self.document.set_rules(rules), self.show_status)
        self._build_menus()
        self.set_document(self.document)
        if document is None:
            self.show_start_page()
        self._restore_geometry()

    def show_start_page(self) -> None:
        """No report open: the ways to start one, and the recent reports."""
        self.start_page.show_recent(recent_reports(self.settings.recent_files()))
        self.pages.setCurrentWidget(self.start_page)
        self.findings_panel.hide()
        self.counts_label.hide()
        for action in self._report_actions:
            action.setEnabled(False)
        self.setWindowTitle(self.document.report.template.title_suffix)
        self.start_page.from_last_year.setFocus()

    def has_report(self) -> bool:
        return self.pages.currentWidget() is self._report_area

    def _show_report(self) -> None:
        if self.has_report():
            return
        self.pages.setCurrentWidget(self._report_area)
        self.findings_panel.show()
        self.counts_label.show()
        for action in self._report_actions:
            action.setEnabled(True)

    def _restore_geometry(self) -> None:
        """As it was last closed; the first time as large as the screen allows (taskbar excluded)."""
        saved = self.settings.geometry()
        if saved is None or not self.restoreGeometry(saved):
            fit_to_screen(self, PREFERRED_SIZE)
        self.resizeDocks([self.findings_panel], [FINDINGS_HEIGHT], Qt.Orientation.Vertical)

    # --- menus ---------------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _report_action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        """An action that needs an open report: disabled while the start page shows."""
        action = self._action(text, slot, shortcut)
        self._report_actions.append(action)
        return action

    def _build_menus(self) -> None:
        standard = QKeySequence.StandardKey
        file_menu = self.menuBar().addMenu("文件(&F)")
        file_menu.addAction(self._action("以上年报告为基础新建(&L)…", self.new_from_last_year))
        file_menu.addAction(self._action("新建(&N)…", lambda: self.new_report(), standard.New))
        file_menu.addAction(self._action("打开(&O)…", self.open_dialog, standard.Open))
        self.recent_menu = file_menu.addMenu("最近打开(&R)")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self._report_action("保存(&S)", self.save, standard.Save))
        file_menu.addAction(self._report_action("另存为(&A)…", self.save_as, "Ctrl+Shift+S"))
        file_menu.addSeparator()
        file_menu.addAction(self._action("批量审核(&B)…", self.review_batch))
        file_menu.addSeparator()
        file_menu.addAction(self._action("退出(&X)", self.close, "Ctrl+Q"))
        self._build_edit_menu(self.menuBar().addMenu("编辑(&E)"))
        self._build_view_menu(self.menuBar().addMenu("视图(&V)"))
        export_menu = self.menuBar().addMenu("导出和打印(&X)")
        self.exports.fill_menu(export_menu)
        self._report_actions += [a for a in export_menu.actions() if not a.isSeparator()]
        self.check_rules.fill_menu(self.menuBar().addMenu("检查(&C)"))
        help_menu = self.menuBar().addMenu("帮助(&H)")
        help_menu.addAction(self._action("使用说明(&G)", self.show_help, standard.HelpContents))
        help_menu.addAction(self._action("关于(&A)", self._about))

    def _build_edit_menu(self, edit_menu: QMenu) -> None:
        standard = QKeySequence.StandardKey
        self.undo_action = self.undo_group.createUndoAction(self, "撤销(&U)")
        self.undo_action.setShortcuts(QKeySequence.keyBindings(standard.Undo))
        self.redo_action = self.undo_group.createRedoAction(self, "重做(&R)")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.undo_action.triggered.connect(lambda: self._show_undone(undone=True))
        self.redo_action.triggered.connect(lambda: self._show_undone(undone=False))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        for text, verb, key in (
            ("剪切(&T)", "cut", standard.Cut),
            ("复制(&C)", "copy", standard.Copy),
            ("粘贴(&P)", "paste", standard.Paste),
        ):
            edit_menu.addAction(self._report_action(text, partial(clipboard_action, verb), key))
        edit_menu.addSeparator()
        edit_menu.addAction(self._report_action("查找(&F)…", self.open_find, standard.Find))
        self.find_next_action = self._report_action("查找下一个(&N)", self.find_next, standard.FindNext)
        edit_menu.addAction(self.find_next_action)

    def _build_view_menu(self, view_menu: QMenu) -> None:
        self.tab_actions: list[QAction] = []
        captions = [TEMPLATE_2021.meta_title, *(section.short_heading for section in TEMPLATE_2021.sections)]
        for number, caption in enumerate(captions, start=1):  # the meta fields' tab, then one per section
            action = self._report_action(f"&{number} {caption}", partial(self.show_tab, number - 1), f"Ctrl+{number}")
            self.tab_actions.append(action)
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self._report_action("检查全部(&K)", self.check_all, "F7"))
        toggle = self.findings_panel.toggleViewAction()
        toggle.setText("检查结果(&C)")
        toggle.setShortcut(QKeySequence("F8"))
        view_menu.addAction(toggle)
        self._report_actions.append(toggle)
        view_menu.addSeparator()
        zoom_in = self._report_action("放大(&I)", lambda: self.zoom.step(1))
        zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        zoom_out = self._report_action("缩小(&O)", lambda: self.zoom.step(-1), "Ctrl+-")
        view_menu.addActions([zoom_in, zoom_out, self._report_action("原始大小(&Z)", self.zoom.reset, "Ctrl+0")])

    def _show_undone(self, undone: bool) -> None:
        """After 撤销 or 重做: go to what changed (its tab, the cell or the field) and say what it was."""
        stack = self.document.undo_stack
        command = stack.command(stack.index() if undone else stack.index() - 1)
        if command is None:
            return
        location = command.where() if isinstance(command, Located) else None
        if location is not None:
            self.show_location(location)
        self.show_status(f"{'已撤销' if undone else '已重做'}：{command.text()}")

    # --- find, help ------------------------------------------------------------------------------

    def open_find(self) -> None:
        """Ctrl+F: the find bar under the tabs, its text selected."""
        self.find_bar.open()

    def find_next(self) -> None:
        if not self.find_bar.query.text().strip():
            self.open_find()
            return
        self._find(self.find_bar.query.text(), 1)

    def _find(self, query: str, step: int) -> None:
        if not self.commit_edits():
            return
        matches = find_all(self.document.report, query)
        if not matches:
            self.find_bar.result.setText("没有找到")
            self.show_status(f"没有找到“{query.strip()}”")
            return
        if query != self._find_query:
            self._find_query, self._find_position = query, -1 if step > 0 else 0
        self._find_position = (self._find_position + step) % len(matches)
        self.find_bar.result.setText(f"第 {self._find_position + 1} 处，共 {len(matches)} 处")
        self._show_match(matches[self._find_position], len(query.strip()))

    def _show_match(self, match: Match, length: int) -> None:
        if match.field is not None:
            location = field_at(match.field)
            index = tab_index(self._tabs, location)
            self.tabs.setCurrentIndex(index)
            if focus_location(self._tabs[index], location):
                editors = getattr(self._tabs[index].editor, "editors", {})
                parsed = parse(match.field)
                key = parsed.key if parsed is not None and parsed.kind is PathKind.META else match.field
                select_text(editors.get(key), match.start, length)
            return
        index = next(i for i, tab in enumerate(self._tabs) if tab.section_id == match.section_id)
        self.tabs.setCurrentIndex(index)
        editor = self.page(index)
        if isinstance(editor, ShowsLabels) and match.grid is not None:
            editor.show_label(*match.grid)
        self.show_status(f"找到：{match.text}")

    def show_help(self) -> None:
        """F1: the built-in guide, offline."""
        from ui.help import HelpDialog

        HelpDialog(self).exec()

    def review_batch(self) -> None:
        from ui.review_dialog import open_review_dialog  # the center's tool: not loaded at start-up

        open_review_dialog(self)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files()
        for number, path in enumerate(recent, start=1):
            self.recent_menu.addAction(f"&{number} {path.name}", self._opener(path)).setToolTip(str(path))
        if not recent:
            self.recent_menu.addAction("（无）").setEnabled(False)

    def _opener(self, path: Path) -> Callable[[], object]:
        # Not partial(open_path, path): Qt would pass `checked` into its `ask` parameter.
        def open_it() -> object:
            return self.open_path(path)

        return open_it

    def _about(self) -> None:
        QMessageBox.about(self, "关于", about_text(self.document.report.template, data_dir()))

    # --- the document --------------------------------------------------------------------------

    def set_document(self, document: ReportDocument, unsaved: bool = False, new: bool = False) -> None:
        """Show `document` (replacing the current one, which the caller has saved or given up).

        `new`: just started (新建, 以上年报告为基础): every table's unfilled cells show as progress, even
        a table that last year's report has put numbers in."""
        old = self.document
        if old is not document:
            self.undo_group.removeStack(old.undo_stack)
            old.deleteLater()
        self.document = document
        document.setParent(self)  # dies with the window, never after it
        document.set_rules(self.check_rules.rules)
        self._unsaved_without_undo = unsaved
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        current = max(self.tabs.currentIndex(), 0)
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if widget is not None:
                widget.deleteLater()
        self._tabs = build_tabs(document)
        self.tabs.blockSignals(True)  # build only the tab that ends up shown
        for tab in self._tabs:
            self.tabs.addTab(tab.page, tab.caption)
            self.tabs.setTabToolTip(self.tabs.count() - 1, tab.tooltip)
        self.tabs.setCurrentIndex(min(current, self.tabs.count() - 1))
        self.tabs.blockSignals(False)
        self._build_tab(self.tabs.currentIndex())
        self._quiet_tables = {t.id for t in document.report.template.tables if new or untouched(document.report, t.id)}
        document.cellsChanged.connect(self._table_started)
        document.findingsChanged.connect(self._show_findings)
        document.undo_stack.cleanChanged.connect(self._update_title)
        document.pathChanged.connect(self._update_title)
        self._show_report()
        self._show_findings()
        self._update_title()
        if self.autosaver is not None:
            self.autosaver.watch(document, unsaved)
            if self.autosaver.open_elsewhere:
                self.show_status(f"注意：{self.autosaver.open_elsewhere}")

    def _build_tab(self, index: int) -> None:
        if 0 <= index < len(self._tabs):
            self.page(index)

    def page(self, index: int) -> QWidget:
        """The editor on tab `index`, built now if it has not been shown yet."""
        tab = self._tabs[index]
        if tab.editor is None:
            editor = tab.ensure_built()
            if isinstance(editor, StatusMessenger):
                editor.message.connect(self.show_status)
            if isinstance(editor, HoldsTyping):
                editor.pendingChanged.connect(self._update_title)
        return tab.ensure_built()

    def _typing_holders(self) -> list[tuple[int, HoldsTyping]]:
        holders: list[tuple[int, HoldsTyping]] = []
        for index, tab in enumerate(self._tabs):
            if isinstance(tab.editor, HoldsTyping):
                holders.append((index, tab.editor))
        return holders

    def commit_edits(self) -> bool:
        """Store whatever is typed but not yet in the report; False when a typed value is refused
        (its tab is shown, the editor keeps the text and the status bar says why)."""
        for index, editor in self._typing_holders():
            if not editor.commit_edit():
                self.tabs.setCurrentIndex(index)
                return False
        return True

    def is_modified(self) -> bool:
        pending = any(editor.has_pending_edit() for _index, editor in self._typing_holders())
        return pending or self._unsaved_without_undo or not self.document.undo_stack.isClean()

    def document_name(self) -> str:
        """The report as the title bar and questions name it: its file, its title, or 未命名."""
        path = self.document.path
        return path.name if path else (self.document.report.title if self.document.report.meta.agency else "未命名")

    def _update_title(self) -> None:
        if not self.has_report():
            return
        self.setWindowTitle(f"{self.document_name()}[*] — {self.document.report.template.title_suffix}")
        self.setWindowModified(self.is_modified())

    def _table_started(self, table_id: str) -> None:
        """The person filled in a table: from now on its unfilled cells are errors like any other."""
        self._quiet_tables.discard(table_id)

    def _before_export(self) -> bool:
        """What is typed is stored, and from now on every finding shows (the export step lists them all)."""
        if not self.commit_edits():
            return False
        if self._quiet_tables:
            self._quiet_tables.clear()
            self._show_findings()
        return True

    def check_all(self) -> None:
        """检查全部: every finding shown, the unfilled cells of tables nobody started too."""
        self._quiet_tables.clear()
        self._show_findings()
        self.findings_panel.show()
        self.findings_panel.raise_()
        self.show_status("已检查全部内容")

    def shown_findings(self) -> list[Finding]:
        """The findings the window shows: the unfilled cells of a table nobody started are progress, and
        while no table is started at all, the unfilled meta fields wait too (a new report)."""
        tables = {t.id for t in self.document.report.template.tables}
        fresh = bool(tables) and tables <= self._quiet_tables
        return [
            f
            for f in self.document.findings
            if not (f.code == "MISSING" and (f.location.table in self._quiet_tables or (fresh and f.location.field)))
        ]

    def _progress(self) -> list[Progress]:
        report = self.document.report
        lines = []
        for table_id in sorted(self._quiet_tables, key=lambda t: [s.id for s in report.template.sections].index(t)):
            count = unfilled_count(report, table_id)
            if count:
                first = fillable_cells(report, table_id)[0]
                lines.append(Progress(table_id, f"还有 {count} 格未填", cell(table_id, *first)))
        return lines

    def _show_findings(self) -> None:
        findings = self.shown_findings()
        progress = self._progress()
        self.findings_panel.show_findings(findings, progress)
        errors, warnings = count_by_severity(findings)
        self.counts_label.setText(f"{errors} 个错误，{warnings} 个提醒")
        per_tab: dict[str, int] = {}
        for finding in findings:
            if finding.severity is Severity.ERROR:
                section = self.document.report.template.home_section(finding.location.part_id)
                per_tab[section] = per_tab.get(section, 0) + 1
        to_fill = {line.section_id: line.text for line in progress}
        for index, tab in enumerate(self._tabs):
            count = per_tab.get(tab.section_id, 0)
            self.tabs.setTabText(index, f"{tab.caption} ({count})" if count else tab.caption)
            note = to_fill.get(tab.section_id)
            self.tabs.setTabToolTip(index, f"{tab.tooltip}：{note}" if note else tab.tooltip)
            colour = _ERROR_TAB_COLOUR if count else self.palette().windowText().color()
            self.tabs.tabBar().setTabTextColor(index, colour)
        self._update_title()

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def show_tab(self, index: int) -> None:
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)
            self.page(index).setFocus()

    def show_location(self, location: Location) -> None:
        """Go to the cell or field a finding concerns and select it."""
        index = tab_index(self._tabs, location)
        if index < 0:
            return
        self.tabs.setCurrentIndex(index)
        if not focus_location(self._tabs[index], location):
            self.show_status("无法定位到这一项")

    # --- reviews -------------------------------------------------------------------------------

    def review_finding(self, finding: Finding) -> None:
        reason, ok = QInputDialog.getText(
            self, "标记为已核实", f"{finding.message}\n\n核实理由（将保存在报告文件中）："
        )
        if ok and reason.strip():
            self.document.undo_stack.push(ReviewCommand(self.document, finding, reason.strip()))
        elif ok:
            self.show_status("请写明核实理由")

    def unreview_finding(self, finding: Finding) -> None:
        self.document.undo_stack.push(ReviewCommand(self.document, finding, None))

    # --- files ---------------------------------------------------------------------------------

    def new_report(self, from_last_year: bool = False) -> None:
        if not self.maybe_save():
            return
        from ui.new_report_dialog import NewReportDialog  # rarely used: not loaded at start-up

        dialog = NewReportDialog(self, self.document.report.template, self.settings.last_folder())
        if from_last_year:
            dialog.start_from_last_year(self._likely_last_year())
        if dialog.exec() and dialog.report is not None:
            self.set_document(ReportDocument(dialog.report), new=True)

    def new_from_last_year(self) -> None:
        """以上年报告为基础新建: the new-report dialog with last year's report chosen, when one is known."""
        self.new_report(from_last_year=True)

    def _likely_last_year(self) -> Path | None:
        """The newest report among the recent files: next year starts from it."""
        known = [r for r in recent_reports(self.settings.recent_files()) if r.year is not None]
        return max(known, key=lambda r: (r.year or 0, r.saved or datetime.min)).path if known else None

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        from ui.new_report_dialog import OPEN_FILTER

        name, _filter = QFileDialog.getOpenFileName(self, "打开报告", self.settings.last_folder(), OPEN_FILTER)
        if name:
            self.open_path(Path(name), ask=False)

    def open_path(self, path: Path, ask: bool = True) -> bool:
        """Open a report file or import a document; a failure is explained and changes nothing."""
        if ask and not self.maybe_save():
            return False
        advice = old_format_advice(path)
        if advice is not None:
            QMessageBox.information(self, "需要先另存为", advice)
            return False
        try:
            report = read_report(path)
        except ReportFileError as error:
            QMessageBox.warning(self, "无法打开", f"无法打开“{path.name}”：\n{for_clerk(str(error))}")
            if not path.exists():
                self.settings.remove_recent(path)
            return False
        self.settings.set_last_folder(path)
        if format_of(path) is NATIVE:
            self.settings.add_recent(path)
            self.set_document(ReportDocument(report, path.resolve()))
        else:  # an imported Word/Excel file is never overwritten by 保存: it asks for a report file
            self.set_document(ReportDocument(report), unsaved=True)
            self.show_status(f"已导入“{path.name}”，请保存为年报文件")
        return True

    def save(self) -> bool:
        if not self.commit_edits():
            return False
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        if not self.commit_edits():
            return False
        report = self.document.report
        proposed = self.document.path or Path(self.settings.last_folder()) / default_file_name(report, NATIVE.suffix)
        name, _filter = QFileDialog.getSaveFileName(self, "另存为", str(proposed), NATIVE.dialog_filter)
        if not name:
            return False
        return self._save_to(NATIVE.path_for(name))

    def _save_to(self, path: Path) -> bool:
        refusal = self.autosaver.claim(path) if self.autosaver is not None else None
        if refusal:  # another window has the file, or changed it since: never overwrite it silently
            QMessageBox.warning(self, "未保存", refusal)
            return False
        try:
            save_report(self.document.report, path)
        except ReportFileError as error:
            QMessageBox.critical(self, "保存失败", for_clerk(str(error)))
            return False
        self.document.set_path(path.resolve())
        self._unsaved_without_undo = False
        self.document.undo_stack.setClean()
        self.settings.add_recent(path)
        self.settings.set_last_folder(path)
        if self.autosaver is not None:
            self.autosaver.mark_saved()
        self._update_title()
        self.show_status(f"已保存：{path}")
        return True

    def maybe_save(self) -> bool:
        """Before the report is replaced or the window closes: True to go on."""
        if not self.commit_edits():
            return False
        if not self.is_modified():
            return True
        answer = ask_unsaved(self, self.document_name())
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        if self.autosaver is not None:
            self.autosaver.close()
        self.settings.set_geometry(self.saveGeometry())
        self.settings.sync()
        event.accept()


@runtime_checkable
class ShowsLabels(Protocol):
    """A tab editor that can bring a printed label into view (the grid, for 查找)."""

    def show_label(self, row: int, column: int) -> None: ...


def select_text(editor: object, start: int, length: int) -> None:
    """Select `length` characters from `start` in a field's text editor (what 查找 found)."""
    if isinstance(editor, FieldDateEdit):
        editor = editor.line
    if isinstance(editor, QLineEdit):
        editor.setSelection(start, length)
    elif isinstance(editor, QPlainTextEdit):
        cursor = editor.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.ensureCursorVisible()


def clipboard_action(verb: str) -> None:
    """编辑 → 剪切/复制/粘贴 on whatever has the focus: a text field, or the grid's selected cells."""
    widget = QApplication.focusWidget()
    grid_verbs = {"cut": "cut_selection", "copy": "copy_selection", "paste": "paste"}
    target = getattr(widget, verb, None) if isinstance(widget, QLineEdit | QPlainTextEdit) else None
    if target is None and widget is not None:
        target = getattr(widget, grid_verbs[verb], None)
    if callable(target):
        target()


class ExportedBar(QWidget):
    """After an export, in the status bar: 打开文件 and 打开所在文件夹, one click each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.open_file = QToolButton()
        self.open_file.setText("打开文件")
        self.open_file.clicked.connect(lambda: self._open(self.path))
        self.open_folder = QToolButton()
        self.open_folder.setText("打开所在文件夹")
        self.open_folder.clicked.connect(lambda: self._open(self.path.parent if self.path else None))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.open_file)
        layout.addWidget(self.open_folder)
        self.hide()

    def show_file(self, path: Path) -> None:
        self.path = path
        self.open_file.setToolTip(f"用默认程序打开 {path}")
        self.open_folder.setToolTip(str(path.parent))
        self.show()

    @staticmethod
    def _open(path: Path | None) -> None:
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def unsaved_box(parent: QWidget, name: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Question, "保存更改", f"“{name}”有未保存的更改，是否保存？", parent=parent)
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
    box.setDefaultButton(buttons.Save)
    for button, text in ((buttons.Save, "保存(&S)"), (buttons.Discard, "不保存(&N)"), (buttons.Cancel, "取消")):
        box.button(button).setText(text)
    return box


def ask_unsaved(parent: QWidget, name: str) -> QMessageBox.StandardButton:
    return QMessageBox.StandardButton(unsaved_box(parent, name).exec())
