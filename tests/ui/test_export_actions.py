"""ui/export_actions.py: exporting asks first when there are errors, then writes with the chosen options."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from export import WORD
from ui.main_window import MainWindow


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
