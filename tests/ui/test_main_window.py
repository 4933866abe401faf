"""The main window as a person uses it: tabs, menus, status bar, editing, reviews, files, closing, start-up."""

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

from model import load_report, save_report
from tests.ui.pages import APPLICATIONS_TAB, grid, report_with_drift, select_in_panel
from ui.document import ReportDocument
from ui.forms.editors import FieldLineEdit
from ui.main_window import MainWindow, StatusMessenger


def panel_messages(window: MainWindow) -> list[str]:
    tree = window.findings_panel.tree
    return [
        tree.topLevelItem(g).child(c).text(1)
        for g in range(tree.topLevelItemCount())
        for c in range(tree.topLevelItem(g).childCount())
    ]


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
    assert menus == ["文件(&F)", "编辑(&E)", "视图(&V)", "导出和打印(&X)", "检查(&C)", "帮助(&H)"]
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
    assert messages and "不是本程序保存的年报文件" in messages[0] and "UTF-8" not in messages[0]
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
    assert isinstance(view, StatusMessenger)
    view.message.emit("未填入：一、本年新收政府信息公开申请数量 / 自然人")
    assert window.statusBar().currentMessage() == "未填入：一、本年新收政府信息公开申请数量 / 自然人"
