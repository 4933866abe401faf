"""Nothing typed is lost: a value still in its editor (no Enter yet) is stored before a save, an export,
打印预览, 打印, opening another file and closing; until then it counts as an unsaved change."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from export import PDF, WORD
from model import Report, load_report, save_report
from tests.ui.forms.editing import meta_form
from tests.ui.pages import grid
from ui.export_step import Copy
from ui.forms.editors import FieldDateEdit, YearSpinBox
from ui.main_window import MainWindow

ACTIVE_TAB = 2
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def publication_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    """The export step answered at once (tests/ui/test_export_actions.py tests the step itself)."""
    monkeypatch.setattr("ui.export_step.ask", lambda *_a, **_k: Copy.PUBLICATION)


@pytest.fixture
def saved(window: MainWindow, tmp_path: Path) -> Path:
    """The window's report saved and opened again, as a clerk finds it in the morning."""
    path = tmp_path / "叶城.nianbao.json"
    save_report(window.document.report, path)
    assert window.open_path(path)
    return path


def type_penalties_without_enter(window: MainWindow, qtbot: QtBot, text: str = "7") -> QLineEdit:
    """二、主动公开 → 行政处罚: type a number and leave the editor open."""
    window.show_tab(ACTIVE_TAB)
    view = grid(window, ACTIVE_TAB)
    view.select_cell("administrative_penalty", "decisions")
    qtbot.keyClicks(view, text[0])  # the first key opens the cell's editor, the rest go into it
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, text[1:])
    assert isinstance(editor, QLineEdit) and editor.text() == text
    return editor


def penalties(report: Report) -> object:
    return report.stored("active_disclosure", "administrative_penalty", "decisions")


def test_an_open_cell_editor_counts_as_unsaved(window: MainWindow, qtbot: QtBot, saved: Path) -> None:
    assert not window.isWindowModified()
    editor = type_penalties_without_enter(window, qtbot)
    assert window.isWindowModified()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # typing given up: nothing changed after all
    assert not window.isWindowModified()


def test_ctrl_s_stores_what_is_typed_without_enter(window: MainWindow, qtbot: QtBot, saved: Path) -> None:
    editor = type_penalties_without_enter(window, qtbot)
    qtbot.keyClick(editor, Qt.Key.Key_S, CTRL)
    assert penalties(load_report(saved)) == 7
    assert not window.isWindowModified()
    assert window.statusBar().currentMessage().startswith("已保存")


def test_a_refused_value_stops_the_save_and_stays_to_be_corrected(
    window: MainWindow, qtbot: QtBot, saved: Path
) -> None:
    editor = type_penalties_without_enter(window, qtbot, "7x")
    assert not window.save()
    assert penalties(load_report(saved)) == 3
    assert editor.text() == "7x" and QApplication.focusWidget() is editor
    assert "未填入" in window.statusBar().currentMessage()


def test_quitting_asks_and_saves_what_is_typed(
    window: MainWindow, qtbot: QtBot, saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        "ui.main_window.ask_unsaved", lambda _w, name: asked.append(name) or QMessageBox.StandardButton.Save
    )
    type_penalties_without_enter(window, qtbot)
    assert window.close()
    assert asked
    assert penalties(load_report(saved)) == 7


def test_print_preview_shows_what_is_typed(
    window: MainWindow, qtbot: QtBot, saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[object] = []
    monkeypatch.setattr("ui.printing.preview", lambda _p, document, _o: shown.append(penalties(document.report)))
    monkeypatch.setattr("ui.printing.print_report", lambda _p, document, _o: shown.append(penalties(document.report)))
    type_penalties_without_enter(window, qtbot, "8")
    window.exports.preview_action.trigger()
    type_penalties_without_enter(window, qtbot, "9")
    window.exports.print_action.trigger()
    assert shown == [8, 9]


@pytest.mark.parametrize("fmt", [WORD, PDF], ids=["word", "pdf"])
def test_an_export_holds_what_is_typed(
    window: MainWindow, qtbot: QtBot, saved: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: object
) -> None:
    written: list[object] = []
    monkeypatch.setattr("ui.export_actions.write_report", lambda report, *_a: written.append(penalties(report)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "out"), ""))
    type_penalties_without_enter(window, qtbot)
    window.exports.export(fmt)  # type: ignore[arg-type]
    assert written == [7]


def test_opening_another_file_first_keeps_what_is_typed(
    window: MainWindow, qtbot: QtBot, saved: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "另一个.nianbao.json"
    save_report(window.document.report, other)
    monkeypatch.setattr("ui.main_window.ask_unsaved", lambda *_: QMessageBox.StandardButton.Save)
    type_penalties_without_enter(window, qtbot)
    assert window.open_path(other)
    assert penalties(load_report(saved)) == 7


def test_a_year_and_a_date_typed_without_leaving_the_field_are_saved(
    window: MainWindow, qtbot: QtBot, saved: Path
) -> None:
    form = meta_form(window)
    year, issued = form.editors["year"], form.editors["issue_date"]
    assert isinstance(year, YearSpinBox) and isinstance(issued, FieldDateEdit)
    year.setFocus()
    year.selectAll()
    qtbot.keyClicks(year, "2025")
    assert window.isWindowModified()
    issued.setFocus()
    issued.line.selectAll()
    qtbot.keyClicks(issued.line, "2026/1/15")
    assert window.isWindowModified()
    assert window.save()
    meta = load_report(saved).meta
    assert (meta.year, meta.issue_date) == (2025, date(2026, 1, 15))


def test_window_tests_fail_on_a_qt_warning(request: pytest.FixtureRequest) -> None:
    marker = request.node.get_closest_marker("qt_log_level_fail")
    assert marker is not None and marker.args == ("WARNING",)
