"""ui/export_actions.py and ui/export_step.py: every export and print goes through one step that lists
what is still wrong and asks, each time, for the publication copy or the signed copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from export import EXCEL, PDF, WORD, ExportOptions
from model import Report
from ui.export_step import Copy, ExportStep
from ui.main_window import MainWindow


class Steps:
    """The export steps shown, what each offered as it opened, and the answer to give (None: 取消)."""

    def __init__(self) -> None:
        self.shown: list[ExportStep] = []
        self.offered: list[Copy] = []
        self.choose: Copy | None = Copy.PUBLICATION

    def exec(self, step: ExportStep) -> int:
        self.shown.append(step)
        self.offered.append(step.copy())
        if self.choose is None:
            return QDialog.DialogCode.Rejected.value
        if step.copy_buttons:
            step.copy_buttons[self.choose].setChecked(True)
        return QDialog.DialogCode.Accepted.value


@pytest.fixture
def steps(monkeypatch: pytest.MonkeyPatch) -> Steps:
    answers = Steps()
    monkeypatch.setattr(ExportStep, "exec", lambda step: answers.exec(step))
    return answers


@pytest.fixture
def written(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[tuple[str, ExportOptions]]:
    files: list[tuple[str, ExportOptions]] = []
    monkeypatch.setattr(
        "ui.export_actions.write_report", lambda report, path, options: files.append((str(path), options))
    )
    return files


def save_as(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[tuple[str, str]]:
    asked: list[tuple[str, str]] = []

    def dialog(_parent: object, title: str, name: str, _filter: str) -> tuple[str, str]:
        asked.append((title, name))
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return asked


def test_export_with_errors_lists_them_and_stops_when_cancelled(
    window: MainWindow, steps: Steps, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.document.set_cells("applications", [("carried_over", "commercial", 4)])
    steps.choose = None
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: pytest.fail("must ask first"))
    window.exports.format_actions[".xlsx"].trigger()
    (step,) = steps.shown
    assert "2 个错误" in step.summary.text()
    assert step.errors.count() == 2 and "一+二" in step.errors.item(0).text()
    assert step.go_button.text() == "仍要导出(&O)"


@pytest.mark.parametrize("copy", list(Copy))
def test_each_export_asks_which_copy_and_says_which_was_written(
    window: MainWindow,
    steps: Steps,
    written: list[tuple[str, ExportOptions]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    copy: Copy,
) -> None:
    asked = save_as(monkeypatch, tmp_path / "out")
    steps.choose = copy
    window.exports.scheme_group.actions()[2].trigger()
    window.exports.export(WORD)
    title, proposed = asked[0]
    suffix = "（签字盖章稿）" if copy is Copy.SIGNED else ""
    assert Path(proposed).name == f"叶城县科学技术局2024年政府信息公开工作年度报告{suffix}.docx"
    assert copy.short in title
    path, options = written[0]
    assert path.endswith("out.docx")
    assert options.font_scheme == "windows" and options.signed_copy is (copy is Copy.SIGNED)
    assert window.statusBar().currentMessage() == f"已导出{copy.short}：{tmp_path / 'out.docx'}"


def test_the_signed_copy_is_never_remembered(
    window: MainWindow,
    steps: Steps,
    written: list[tuple[str, ExportOptions]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    save_as(monkeypatch, tmp_path / "out")
    steps.choose = Copy.SIGNED
    window.exports.export(PDF)
    steps.choose = None
    window.exports.export(PDF)
    assert steps.offered == [Copy.PUBLICATION, Copy.PUBLICATION]  # as each opened, before any click
    assert [o.signed_copy for _p, o in written] == [True]


def test_a_clean_excel_export_asks_nothing(
    window: MainWindow,
    steps: Steps,
    written: list[tuple[str, ExportOptions]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    report: Report,
) -> None:
    save_as(monkeypatch, tmp_path / "out")
    window.exports.export(EXCEL)
    assert not steps.shown and written
    assert window.statusBar().currentMessage().startswith("已导出Excel 工作簿：")


def test_print_preview_asks_which_copy(window: MainWindow, steps: Steps, monkeypatch: pytest.MonkeyPatch) -> None:
    previewed: list[ExportOptions] = []
    monkeypatch.setattr("ui.printing.preview", lambda _p, _d, options: previewed.append(options))
    steps.choose = Copy.SIGNED
    window.exports.preview_action.trigger()
    assert [o.signed_copy for o in previewed] == [True]
    assert "签字盖章稿" in window.statusBar().currentMessage()
