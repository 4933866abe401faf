"""The main window as a person uses it: tabs, findings panel, jumps, reviews, files, closing."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from export import WORD
from model import Finding, Location, Report, Severity, load_report, save_report
from model.report import Previous
from tests.factories import consistent_report
from ui.document import ReportDocument
from ui.forms.editors import FieldLineEdit
from ui.forms.meta_form import MetaForm
from ui.grid.view import GridView
from ui.main_window import MainWindow, StatusMessenger
from ui.new_report_dialog import NewReportDialog
from ui.settings import Settings

APPLICATIONS_TAB = 3


def grid(window: MainWindow, index: int = APPLICATIONS_TAB) -> GridView:
    view = window.page(index)
    assert isinstance(view, GridView)
    return view


def panel_messages(window: MainWindow) -> list[str]:
    tree = window.findings_panel.tree
    return [
        tree.topLevelItem(g).child(c).text(1)
        for g in range(tree.topLevelItemCount())
        for c in range(tree.topLevelItem(g).childCount())
    ]


def select_in_panel(window: MainWindow, code: str) -> Finding:
    finding = next(f for f in window.document.findings if f.code == code)
    assert window.findings_panel.select_finding(finding)
    return finding


def test_window_is_chinese_with_seven_tabs(window: MainWindow) -> None:
    captions = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert captions == [
        "基本信息",
        "一、总体情况",
        "二、主动公开",
        "三、依申请公开",
        "四、复议诉讼",
        "五、问题及改进",
        "六、其他事项",
    ]
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["文件(&F)", "编辑(&E)", "视图(&V)", "导出和打印(&X)", "帮助(&H)"]
    assert window.counts_label.text() == "0 个错误，0 个提醒"
    assert "未命名" not in window.windowTitle() and "政府信息公开工作年度报告" in window.windowTitle()


def test_ctrl_number_switches_tabs(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 3
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0


def test_typing_in_a_grid_cell_updates_total_colour_panel_and_tab(window: MainWindow, qtbot: QtBot) -> None:
    window.show_tab(APPLICATIONS_TAB)
    view = grid(window)
    total = view.grid.index_of("new_received", "total")
    assert view.grid.data(total) == "9"
    view.select_cell("new_received", "research")
    qtbot.keyClicks(view, "3")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.document.report.stored("applications", "new_received", "research") == 3
    assert view.grid.data(total) == "12"
    cell = view.grid.index_of("new_received", "research")
    assert view.grid.data(cell, Qt.ItemDataRole.BackgroundRole) is not None  # coloured: BALANCE
    assert any("一+二" in m for m in panel_messages(window))
    assert window.tabs.tabText(APPLICATIONS_TAB).startswith("三、依申请公开 (")
    assert window.counts_label.text().startswith("2 个错误")
    window.undo_action.trigger()
    assert view.grid.data(total) == "9"
    assert window.counts_label.text() == "0 个错误，0 个提醒"
    window.redo_action.trigger()
    assert view.grid.data(total) == "12"


def test_double_click_in_panel_jumps_to_the_cell(window: MainWindow, qtbot: QtBot) -> None:
    window.document.set_cells("applications", [("carried_over", "commercial", 4)])
    finding = next(f for f in window.document.findings if f.location.table == "applications")
    window.findings_panel.select_finding(finding)
    item = window.findings_panel.tree.currentItem()
    window.findings_panel.tree.itemDoubleClicked.emit(item, 1)
    assert window.tabs.currentIndex() == APPLICATIONS_TAB
    view = grid(window)
    assert view.grid.ref(view.currentIndex()) == (finding.location.row, finding.location.column)


def test_enter_in_panel_jumps_to_the_field_and_selects_it(window: MainWindow, qtbot: QtBot) -> None:
    window.document.report.meta.agency = ""
    window.document.notify_changed()
    select_in_panel(window, "MISSING")
    window.show_tab(5)
    qtbot.keyClick(window.findings_panel.tree, Qt.Key.Key_Return)
    assert window.tabs.currentIndex() == 0
    form = window.page(0)
    assert isinstance(form, MetaForm)
    assert QApplication.focusWidget() is form.editors["agency"]


def test_jump_to_a_subsection_text(window: MainWindow) -> None:
    window.show_location(Location(field="narrative.overview.subsections[3].text"))
    assert window.tabs.currentIndex() == 1
    focused = QApplication.focusWidget()
    assert focused is not None and focused.toPlainText() == "依托政府门户网站公开信息。"  # type: ignore[attr-defined]
    assert focused.textCursor().selectedText() == "依托政府门户网站公开信息。"  # type: ignore[attr-defined]


def report_with_drift() -> Report:
    report = consistent_report()  # 5 in force; last year 3 + 2 issued - 1 repealed = 4: a warning
    report.previous = Previous(year=2023, in_force={"normative_documents": 3})
    return report


def test_reviewed_warning_survives_save_and_reopen_until_its_cell_changes(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.set_document(ReportDocument(report_with_drift()))
    assert window.counts_label.text() == "0 个错误，1 个提醒"
    select_in_panel(window, "IN_FORCE_DRIFT")
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("已废止1件、另有2件上年漏报", True))
    window.findings_panel._review_button.click()
    assert window.counts_label.text() == "0 个错误，0 个提醒"
    assert any("已核实：已废止1件" in m for m in panel_messages(window))
    path = tmp_path / "叶城.nianbao.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), ""))
    assert window.save()
    assert window.open_path(path)
    drift = next(f for f in window.document.findings if f.code == "IN_FORCE_DRIFT")
    assert drift.reviewed == "已废止1件、另有2件上年漏报"
    window.document.set_cells("active_disclosure", [("normative_documents", "in_force", 6)])
    drift = next(f for f in window.document.findings if f.code == "IN_FORCE_DRIFT")
    assert drift.reviewed is None
    assert window.counts_label.text() == "0 个错误，1 个提醒"
    window.undo_action.trigger()
    assert window.counts_label.text() == "0 个错误，0 个提醒"


def test_review_is_undoable_and_errors_cannot_be_reviewed(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window.set_document(ReportDocument(report_with_drift()))
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("核实无误", True))
    select_in_panel(window, "IN_FORCE_DRIFT")
    window.findings_panel._review_button.click()
    assert window.document.report.reviews
    window.undo_action.trigger()
    assert not window.document.report.reviews
    window.document.set_cells("applications", [("carried_over", "commercial", 4)])
    select_in_panel(window, "BALANCE")
    assert not window.findings_panel._review_button.isEnabled()


def test_new_report_from_last_year_fills_carry_overs(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    last = tmp_path / "2024.nianbao.json"
    save_report(consistent_report(), last)
    dialog = NewReportDialog(window)
    qtbot.addWidget(dialog)
    dialog.set_last_year_file(last)
    assert (dialog.agency.text(), dialog.year.value()) == ("叶城县科学技术局", 2025)
    dialog.accept()
    assert dialog.report is not None
    window.set_document(ReportDocument(dialog.report))
    report = window.document.report
    assert report.meta.year == 2025
    assert report.stored("applications", "carried_over", "natural_person") == 1  # last year's 结转下年度
    assert report.stored("active_disclosure", "normative_documents", "in_force") == 5
    assert report.narrative.section("overview").subsections[0].title == "主动公开"


def test_new_report_dialog_explains_an_unreadable_last_year_file(qtbot: QtBot, tmp_path: Path) -> None:
    bad = tmp_path / "bad.nianbao.json"
    bad.write_text("{", encoding="utf-8")
    dialog = NewReportDialog()
    qtbot.addWidget(dialog)
    dialog.set_last_year_file(bad)
    dialog.accept()
    assert dialog.report is None and "JSON" in dialog.error.text()


def test_title_shows_file_name_and_unsaved_mark(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "叶城2024.nianbao.json"
    save_report(window.document.report, path)
    window.open_path(path)
    assert window.windowTitle().startswith("叶城2024.nianbao.json[*]")
    assert not window.isWindowModified()
    window.document.set_cells("applications", [("carried_over", "commercial", 4)])
    assert window.isWindowModified()
    window.undo_action.trigger()
    assert not window.isWindowModified()


@pytest.mark.parametrize(
    ("answer", "closes", "saved"),
    [
        (QMessageBox.StandardButton.Cancel, False, False),
        (QMessageBox.StandardButton.Discard, True, False),
        (QMessageBox.StandardButton.Save, True, True),
    ],
)
def test_closing_with_unsaved_changes_asks(
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: QMessageBox.StandardButton,
    closes: bool,
    saved: bool,
) -> None:
    monkeypatch.undo()  # the real question, its answer patched
    asked: list[str] = []

    def exec_box(box: QMessageBox) -> int:
        asked.append(box.text())
        assert {box.button(b).text() for b in (answer,)} <= {"保存(&S)", "不保存(&N)", "取消"}
        return answer.value

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    path = tmp_path / "a.nianbao.json"
    save_report(window.document.report, path)
    window.open_path(path)
    agency = window.page(0).editors["agency"]  # type: ignore[attr-defined]
    assert isinstance(agency, FieldLineEdit)
    agency.setText("")
    agency.textEdited.emit("叶城县科技局")
    assert window.close() is closes
    assert asked and "未保存的更改" in asked[0]
    assert (load_report(path).meta.agency == "叶城县科技局") is saved
    if not closes:
        window.document.undo_stack.setClean()


def test_a_failed_save_is_explained_and_keeps_the_old_file(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.nianbao.json"
    save_report(window.document.report, path)
    window.open_path(path)
    window.document.set_cells("applications", [("carried_over", "commercial", 4)])
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: messages.append(text))

    real_fsync = os.fsync
    full = [True]

    def disk_full(fd: int) -> None:
        if full[0]:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr("model.files.os.fsync", disk_full)
    assert not window.save()
    full[0] = False
    assert messages and "原文件未受影响" in messages[0]
    assert load_report(path).stored("applications", "carried_over", "commercial") == 0
    assert window.isWindowModified()


def test_an_unreadable_file_is_explained_and_the_report_stays(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: messages.append(text))
    bad = tmp_path / "bad.nianbao.json"
    bad.write_bytes(b"\xff\xfe not a report")
    assert not window.open_path(bad)
    assert messages and "UTF-8" in messages[0]
    assert window.document.report.meta.agency == "叶城县科学技术局"


def test_recent_files_menu_lists_opened_files(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "最近.nianbao.json"
    save_report(window.document.report, path)
    window.open_path(path)
    window.recent_menu.aboutToShow.emit()
    (action,) = window.recent_menu.actions()
    assert action.text() == "&1 最近.nianbao.json"
    window.document.set_cells("applications", [("carried_over", "commercial", 4)])
    asked: list[str] = []
    monkeypatch.setattr(
        "ui.main_window.ask_unsaved", lambda _w, name: asked.append(name) or QMessageBox.StandardButton.Cancel
    )
    action.trigger()
    assert asked  # unsaved changes: reopening asks first
    assert window.document.report.stored("applications", "carried_over", "commercial") == 4


def test_export_with_errors_asks_first_and_lists_them(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window.document.set_cells("applications", [("carried_over", "commercial", 4)])
    questions: list[str] = []

    def refuse(_parent: object, _title: str, text: str, *_a: object) -> QMessageBox.StandardButton:
        questions.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", refuse)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: pytest.fail("must ask first"))
    window.exports.format_actions[".xlsx"].trigger()
    assert questions and "2 个错误" in questions[0] and "一+二" in questions[0]


def test_export_writes_the_file_with_the_chosen_options(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written: list[tuple[str, object]] = []
    monkeypatch.setattr(
        "ui.export_actions.write_report", lambda report, path, options: written.append((str(path), options))
    )
    proposed: list[str] = []

    def save_dialog(_parent: object, _title: str, name: str, _filter: str) -> tuple[str, str]:
        proposed.append(name)
        return str(tmp_path / "out"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    exports = window.exports
    exports.scheme_group.actions()[2].trigger()
    exports.signed_action.setChecked(True)
    exports.export(WORD)
    assert Path(proposed[0]).name == "叶城县科学技术局2024年政府信息公开工作年度报告.docx"
    path, options = written[0]
    assert path.endswith("out.docx")
    assert options.font_scheme == "windows" and options.signed_copy  # type: ignore[attr-defined]


def test_findings_are_grouped_by_section_in_template_order(window: MainWindow) -> None:
    window.document.report.meta.agency = ""
    window.document.report.narrative.section("other").intro = ""
    window.document.notify_changed()
    tree = window.findings_panel.tree
    groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert groups[0].startswith("基本信息") and groups[-1].startswith("六、其他需要报告的事项")
    assert all(f.severity in (Severity.ERROR, Severity.WARNING) for f in window.document.findings)


def test_start_up_loads_no_exporter_or_heavy_library(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from ui.app import create_application\n"
        "from ui.main_window import MainWindow\n"
        "from ui.settings import Settings\n"
        "from ui.autosave import Autosaver\n"
        "from pathlib import Path\n"
        "app = create_application([])\n"
        f"window = MainWindow(Settings(Path({str(tmp_path)!r})), Autosaver(Path({str(tmp_path)!r})))\n"
        "window.show(); app.processEvents()\n"
        "heavy = ('docx', 'openpyxl', 'reportlab', 'PySide6.QtPdf', 'export.word', 'export.excel', 'export.pdf')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], env=env, cwd=root, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_grid_explains_itself_in_the_status_bar(window: MainWindow) -> None:
    view = grid(window)
    assert isinstance(view, StatusMessenger) and not isinstance(window.page(0), StatusMessenger)
    view.message.emit("未填入：一、本年新收政府信息公开申请数量 / 自然人")
    assert window.statusBar().currentMessage() == "未填入：一、本年新收政府信息公开申请数量 / 自然人"


def test_a_finding_on_a_whole_row_selects_its_first_cell(window: MainWindow) -> None:
    window.show_location(Location(table="applications", row="withheld_prohibited_by_law"))
    view = grid(window)
    assert view.grid.ref(view.currentIndex()) == ("withheld_prohibited_by_law", "natural_person")


def test_an_unexpected_error_is_explained_in_chinese_and_autosaved(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.app import report_unexpected
    from ui.autosave import Autosaver

    monkeypatch.setenv("NIANBAO_DATA_DIR", str(tmp_path))
    main = MainWindow(Settings(tmp_path), Autosaver(tmp_path), ReportDocument(consistent_report()))
    qtbot.addWidget(main)
    main.document.set_cells("applications", [("carried_over", "commercial", 4)])
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: shown.append(text))
    try:
        raise RuntimeError("测试用的意外")
    except RuntimeError as error:
        report_unexpected(main, RuntimeError, error, error.__traceback__)
    assert shown and "意外的问题" in shown[0] and "自动保存" in shown[0]
    assert main.autosaver is not None and main.autosaver.path.exists()
    assert "RuntimeError" in (tmp_path / "nianbao.log").read_text(encoding="utf-8")
    main.document.undo_stack.setClean()
