"""ui/forms/tabs.py: a finding's location puts the cursor on its tab, field or cell."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from model import Location
from tests.ui.pages import grid
from ui.main_window import MainWindow


def test_jump_to_a_subsection_text(window: MainWindow) -> None:
    window.show_location(Location(field="narrative.overview.subsections[3].text"))
    assert window.tabs.currentIndex() == 1
    focused = QApplication.focusWidget()
    assert focused is not None and focused.toPlainText() == "依托政府门户网站公开信息。"  # type: ignore[attr-defined]
    assert focused.textCursor().selectedText() == "依托政府门户网站公开信息。"  # type: ignore[attr-defined]


def test_a_finding_on_a_whole_row_selects_its_first_cell(window: MainWindow) -> None:
    window.show_location(Location(table="applications", row="withheld_prohibited_by_law"))
    view = grid(window)
    assert view.grid.ref(view.currentIndex()) == ("withheld_prohibited_by_law", "natural_person")
