"""The menus as a Word or Excel user expects them: unique access keys in every menu, 视图 named by
section, 编辑 with 剪切/复制/粘贴, 查找 (Ctrl+F), zoom remembered, F1 help, the exported file one click away."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMenu, QPlainTextEdit
from pytestqt.qtbot import QtBot

from tests.ui.pages import APPLICATIONS_TAB, grid
from ui.help import HelpDialog
from ui.main_window import MainWindow, clipboard_action
from ui.settings import Settings


def access_key(text: str) -> str | None:
    match = re.search(r"&([^&])", text)
    return match[1].upper() if match else None


def all_menus(window: MainWindow) -> list[QMenu]:
    menus: list[QMenu] = []
    pending = [a.menu() for a in window.menuBar().actions()]
    while pending:
        menu = pending.pop()
        if isinstance(menu, QMenu):
            menu.aboutToShow.emit()  # menus filled when opened (最近打开)
            menus.append(menu)
            pending += [a.menu() for a in menu.actions() if a.menu() is not None]
    return menus


def test_every_menu_has_unique_access_keys(window: MainWindow) -> None:
    bar = [access_key(a.text()) for a in window.menuBar().actions()]
    assert None not in bar and len(bar) == len(set(bar))
    for menu in all_menus(window):
        keys = [access_key(a.text()) for a in menu.actions() if not a.isSeparator()]
        given = [k for k in keys if k is not None]
        assert len(given) == len(set(given)), f"{menu.title()}: {keys}"


def test_view_entries_are_named_by_section(window: MainWindow) -> None:
    texts = [a.text() for a in window.tab_actions]
    assert texts[0] == "&1 基本信息" and texts[3] == "&4 三、依申请公开"
    assert not any("页" in t for t in texts)


def test_edit_menu_cuts_copies_and_pastes_text_and_cells(window: MainWindow, qtbot: QtBot) -> None:
    window.show_tab(APPLICATIONS_TAB)
    view = grid(window)
    view.select_cell("new_received", "natural_person")
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    clipboard_action("copy")
    assert QGuiApplication.clipboard().text() == "7"
    view.select_cell("new_received", "commercial")
    clipboard_action("paste")
    assert window.document.report.stored("applications", "new_received", "commercial") == 7
    window.show_tab(0)
    agency = window.page(0).editors["agency"]  # type: ignore[attr-defined]
    agency.setFocus()
    agency.selectAll()
    clipboard_action("cut")
    assert QGuiApplication.clipboard().text() == "叶城县科学技术局" and agency.text() == ""


def test_ctrl_f_finds_text_in_the_narrative_and_labels(window: MainWindow, qtbot: QtBot) -> None:
    window.open_find()
    assert window.find_bar.isVisible() and QApplication.focusWidget() is window.find_bar.query
    window.find_bar.query.setText("保密审查")
    window.find_next()
    focused = QApplication.focusWidget()
    assert window.tabs.currentIndex() == 1
    assert isinstance(focused, QPlainTextEdit) and focused.textCursor().selectedText() == "保密审查"
    window.find_bar.query.setText("行政查询")  # a row label of table 三
    window.find_next()
    assert window.tabs.currentIndex() == APPLICATIONS_TAB
    assert grid(window).grid.ref(grid(window).currentIndex())[0] == "withheld_query_matters"
    window.find_bar.query.setText("叶城县")
    window.find_next()
    focused = QApplication.focusWidget()
    assert isinstance(focused, QLineEdit) and focused.selectedText() == "叶城县"
    assert "共" in window.find_bar.result.text()


def test_zoom_is_applied_and_remembered(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    base = window.tabs.font().pointSizeF()
    window.zoom.step(1)
    window.zoom.step(1)
    assert window.zoom.level == 125 and window.tabs.font().pointSizeF() == pytest.approx(base * 1.25, abs=0.1)
    again = MainWindow(Settings(tmp_path))
    qtbot.addWidget(again)
    assert again.zoom.level == 125
    again.zoom.reset()


def test_f1_opens_the_chinese_guide_offline(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(HelpDialog, "exec", lambda self: shown.append(self.browser.toPlainText()) or 0)
    help_action = next(a for a in all_menus(window)[0].actions() if a.text() == "使用说明(&G)")
    help_action.trigger()
    assert shown and "以上年报告为基础新建" in shown[0] and "签字盖章稿" in shown[0]
    assert not HelpDialog(window).browser.openLinks()


def test_after_an_export_the_file_and_its_folder_are_one_click_away(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    bar = window.exported_bar
    assert not bar.isVisible()
    path = tmp_path / "报告.docx"
    window.exports.exported.emit(path, "已导出公开稿")
    assert bar.isVisible()
    bar.open_file.click()
    bar.open_folder.click()
    assert [u.toLocalFile() for u in opened] == [str(path), str(tmp_path)]


def test_help_fits_and_closes(window: MainWindow) -> None:
    dialog = HelpDialog(window)
    dialog.show()
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Rejected.value


def test_ctrl_wheel_zooms_the_report(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent

    from ui.zoom import DEFAULT, WHEEL_DELAY_MS

    qtbot.wait(WHEEL_DELAY_MS + 100)  # the wheel is listened to a moment after start-up
    target = window.page(0)
    event = QWheelEvent(
        QPointF(5, 5),
        QPointF(target.mapToGlobal(QPoint(5, 5))),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(target, event)
    assert window.zoom.level > DEFAULT
    window.zoom.reset()
