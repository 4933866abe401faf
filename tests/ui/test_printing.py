"""打印预览 and 打印 as a user meets them: the PDF's pages on screen and on paper, clear messages otherwise."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

import ui.printing
from export import PDF, ExportOptions, default_file_name
from model.report import Meta, Report
from tests.factories import consistent_report
from ui.document import ReportDocument
from ui.printing import LoadedPdf, PreviewDialog, preview, print_pages, print_report

OPTIONS = ExportOptions()


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def document(report: Report) -> ReportDocument:
    return ReportDocument(report)


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the message boxes the user would see."""
    shown: list[str] = []

    def warning(_parent: QWidget, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


@pytest.fixture
def one_printer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: ["办公室打印机"]))


@pytest.fixture
def no_printer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(list))


def _printer_to_file(path: Path) -> QPrinter:
    """A printer that writes what it gets to a PDF file, so the test can look at the 'paper'."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setFullPage(True)
    return printer


def _pdfinfo(path: Path) -> str:
    if shutil.which("pdfinfo") is None:
        pytest.skip("poppler-utils is not installed")
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout


def test_default_pdf_name_is_agency_year_and_title() -> None:
    assert default_file_name(consistent_report(), ".pdf") == "叶城县科学技术局2024年政府信息公开工作年度报告.pdf"


def test_default_pdf_name_drops_characters_windows_refuses() -> None:
    report = Report(meta=Meta(agency='某县"卫生/健康"委员会', year=2024))
    assert default_file_name(report, ".pdf") == "某县卫生健康委员会2024年政府信息公开工作年度报告.pdf"


def test_preview_shows_every_page_of_the_pdf(parent: QWidget, report: Report, qtbot: QtBot) -> None:
    data = PDF.render(report, OPTIONS)
    dialog = PreviewDialog(parent, LoadedPdf(data), report.title, None)
    qtbot.addWidget(dialog)
    expected_pages = data.count(b"/Type /Page\n")
    assert dialog.pdf.page_count == expected_pages > 1
    assert dialog.view.document() is dialog.pdf.document
    assert dialog.pages_label.text() == f"第 1 页，共 {expected_pages} 页"
    assert "打印" in dialog.print_button.text()
    assert report.title in dialog.windowTitle()


def test_preview_tells_when_fonts_are_not_embedded(parent: QWidget, report: Report, qtbot: QtBot) -> None:
    dialog = PreviewDialog(parent, LoadedPdf(PDF.render(report, OPTIONS)), report.title, "PDF 未嵌入字体")
    qtbot.addWidget(dialog)
    assert dialog.notice_label.text() == "PDF 未嵌入字体"


def test_preview_opens_the_dialog(parent: QWidget, document: ReportDocument, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[PreviewDialog] = []
    monkeypatch.setattr(PreviewDialog, "exec", lambda self: opened.append(self) or 0)
    preview(parent, document, OPTIONS)
    assert len(opened) == 1 and opened[0].pdf.ready


@pytest.mark.usefixtures("no_printer")
def test_printing_without_a_printer_says_so(parent: QWidget, document: ReportDocument, warnings: list[str]) -> None:
    print_report(parent, document, OPTIONS)
    assert len(warnings) == 1 and "没有安装打印机" in warnings[0]


@pytest.mark.usefixtures("one_printer")
def test_printing_sends_every_page_on_a4(
    parent: QWidget, document: ReportDocument, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    paper = tmp_path / "paper.pdf"

    def choose_file_printer(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(paper))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", choose_file_printer)
    print_report(parent, document, OPTIONS)
    assert warnings == []
    source_pages = PDF.render(document.report, OPTIONS).count(b"/Type /Page\n")
    info = _pdfinfo(paper)
    assert f"Pages:           {source_pages}" in info
    assert "(A4)" in info
    _assert_printed_black_on_white(paper)


def _assert_printed_black_on_white(paper: Path) -> None:
    printed = LoadedPdf(paper.read_bytes())
    image = printed.document.render(0, QSize(210, 297))
    corner = QColor(image.pixel(2, 2))
    assert corner.lightness() > 240, "the paper is not white"
    darkest = min(QColor(image.pixel(x, y)).lightness() for x in range(30, 180) for y in range(40, 120))
    assert darkest < 160, "no text on the page"


@pytest.mark.usefixtures("one_printer")
def test_cancelling_the_print_dialog_prints_nothing(
    parent: QWidget, document: ReportDocument, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    printed: list[object] = []
    monkeypatch.setattr(QPrintDialog, "exec", lambda _dialog: QDialog.DialogCode.Rejected.value)
    monkeypatch.setattr(ui.printing, "print_pages", lambda *args: printed.append(args))
    print_report(parent, document, OPTIONS)
    assert printed == [] and warnings == []


def test_a_page_range_prints_only_those_pages(parent: QWidget, report: Report, tmp_path: Path) -> None:
    paper = tmp_path / "paper.pdf"
    printer = _printer_to_file(paper)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert print_pages(parent, LoadedPdf(PDF.render(report, OPTIONS)), printer)
    assert "Pages:           2" in _pdfinfo(paper)


@pytest.mark.qt_log_ignore("QPainter::begin")  # the failure this test provokes, reported by Qt as well
def test_a_printer_that_cannot_start_is_reported(
    parent: QWidget, report: Report, tmp_path: Path, warnings: list[str]
) -> None:
    printer = _printer_to_file(tmp_path / "无此文件夹" / "paper.pdf")  # the 'printer' cannot open its output
    assert not print_pages(parent, LoadedPdf(PDF.render(report, OPTIONS)), printer)
    assert len(warnings) == 1 and "无法开始打印" in warnings[0]
