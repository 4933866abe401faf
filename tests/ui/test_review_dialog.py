"""文件 → 批量审核…: pick a folder, review in the background, see the table, open a report as a copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from export import ExportOptions, write_report
from model import NATIONAL, Report, save_report
from tests.factories import consistent_report
from ui.main_window import MainWindow
from ui.review_dialog import COLUMNS, ReviewDialog, open_copy_in


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three reports (one with an error, as a Word file), a broken file and a roster of three units."""
    folder = tmp_path / "收到的报告"
    folder.mkdir()
    clean = consistent_report()
    save_report(clean, folder / "科技局.nianbao.json")
    wrong = consistent_report()
    wrong.meta.agency = "叶城县教育局"
    wrong.set_cell("applications", "new_received", "total", 99)
    write_report(wrong, folder / "教育局.docx", ExportOptions(font_scheme="windows"))
    (folder / "坏.xlsx").write_bytes(b"not a workbook")
    (tmp_path / "名单.csv").write_text("机关名称\n叶城县科学技术局\n叶城县教育局\n叶城县统计局\n", encoding="utf-8")
    return folder


def run_review(qtbot: QtBot, dialog: ReviewDialog) -> None:
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=60_000)


def test_the_menu_opens_the_dialog(window: MainWindow, qtbot: QtBot) -> None:
    action = next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "批量审核(&B)…")
    action.trigger()
    dialog = window.findChild(ReviewDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.rules.text().startswith(NATIONAL.name)  # the rules the window checks with
    dialog.reject()


def test_a_review_runs_in_the_background_and_fills_the_table(
    window: MainWindow, qtbot: QtBot, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = ReviewDialog(window, str(folder), open_copy_in(window))
    qtbot.addWidget(dialog)
    dialog.roster.setText(str(folder.parent / "名单.csv"))
    run_review(qtbot, dialog)
    assert dialog.outcome is not None
    assert dialog.stage.text().startswith(
        "审核 2 份报告：1 份有错误，写出 1 份审核意见；名单中 1 个单位未报送，0 份未对应名单；1 个文件无法读取"
    )
    assert (folder / "审核结果" / "审核汇总.xlsx").is_file()
    assert dialog.table.columnCount() == len(COLUMNS) and dialog.table.rowCount() == 2
    first = [dialog.table.item(0, c).text() for c in range(len(COLUMNS))]
    assert first[:2] == ["叶城县教育局", "教育局.docx"] and first[4] != "0"  # worst first
    opened: list[QUrl] = []
    monkeypatch.setattr("ui.review_dialog.QDesktopServices.openUrl", opened.append)
    dialog.open_folder_button.click()
    assert opened == [QUrl.fromLocalFile(str(folder / "审核结果"))]


def test_a_double_click_opens_the_report_as_an_unsaved_copy(window: MainWindow, qtbot: QtBot, folder: Path) -> None:
    dialog = ReviewDialog(window, str(folder), open_copy_in(window))
    qtbot.addWidget(dialog)
    run_review(qtbot, dialog)
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 1).text() == "科技局.nianbao.json")
    dialog.table.cellDoubleClicked.emit(row, 0)
    report: Report = window.document.report
    assert report.meta.agency == "叶城县科学技术局"
    assert window.document.path is None and window.is_modified()  # 保存 asks for a new file
    assert "副本" in window.statusBar().currentMessage()


def test_without_a_folder_nothing_starts(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ReviewDialog(window, str(tmp_path / "nowhere"), open_copy_in(window))
    qtbot.addWidget(dialog)
    dialog.start_button.click()
    assert dialog.worker is None and dialog.stage.text() == "请选择收到的报告所在的文件夹"


def test_cancel_stops_the_review_and_writes_nothing(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "很多"
    folder.mkdir()
    for i in range(40):
        save_report(consistent_report(), folder / f"{i}.nianbao.json")
    dialog = ReviewDialog(window, str(folder), open_copy_in(window))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start_button.click()
    assert dialog.progress.isVisible() and dialog.cancel_button.isEnabled()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=60_000)
    assert dialog.stage.text() == "已取消，未写出审核汇总表"
    assert not (folder / "审核结果" / "审核汇总.xlsx").exists() and dialog.start_button.isEnabled()
