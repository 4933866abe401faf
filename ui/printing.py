"""打印预览 and 打印: the report's real PDF pages (export's PDF format), shown with QtPdf and sent to a printer.

What is previewed and printed is exactly the PDF that would be published, so paper, screen and file
never differ. Every failure (no printer, a printer that refuses, a PDF that cannot be built) ends in a
Chinese message box, never in a traceback.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from export import PDF, ExportOptions
from model import Report
from ui.document import ReportDocument
from ui.export_step import Copy
from ui.screen import available_area, fit_to_screen

PREVIEW_TITLE = "打印预览"
PRINT_TITLE = "打印"
PRINT_BUTTON = "打印(&P)…"
# Pages go to the printer as images. Above 300 dpi text looks no better on paper, while each page of
# the print job grows fourfold with every doubling (an A4 page at 600 dpi is 35 MB even in grey).
MAX_PRINT_DPI = 300
PUBLICATION, SIGNED = Copy.PUBLICATION.short, Copy.SIGNED.short
ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 4.0)


def preview(parent: QWidget, document: ReportDocument, options: ExportOptions) -> None:
    """Show the report's PDF pages in a dialog with a 打印 button."""
    pdf = _build_pdf(parent, document.report, options)
    if pdf is None:
        return
    title = f"{document.report.title}（{SIGNED if options.signed_copy else PUBLICATION}）"
    PreviewDialog(parent, pdf, title, PDF.notice(options)).exec()


def print_report(parent: QWidget, document: ReportDocument, options: ExportOptions) -> None:
    """打印 (Ctrl+P): the system print dialog, then the PDF's pages on the chosen printer."""
    if not _printer_installed(parent):
        return
    pdf = _build_pdf(parent, document.report, options)
    if pdf is not None:
        print_pdf(parent, pdf, document.report.title)


class LoadedPdf:
    """A PDF held in memory and opened with QtPdf (the buffer must live as long as the document)."""

    def __init__(self, data: bytes) -> None:
        self._buffer = QBuffer()
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self._buffer)

    @property
    def ready(self) -> bool:
        return self.document.status() is QPdfDocument.Status.Ready and self.document.pageCount() > 0

    @property
    def page_count(self) -> int:
        return self.document.pageCount()


class PreviewDialog(QDialog):
    """The PDF's pages, as large as the screen allows: fit width, whole page, zoom in and out, the page
    shown, 打印 and 关闭."""

    def __init__(self, parent: QWidget | None, pdf: LoadedPdf, title: str, notice: str | None) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self._title = title
        self.setWindowTitle(f"{PREVIEW_TITLE} — {title}")
        layout = QVBoxLayout(self)
        if notice:
            self.notice_label = QLabel(notice)
            self.notice_label.setWordWrap(True)
            self.notice_label.setStyleSheet("color: #8a5300;")
            layout.addWidget(self.notice_label)
        self.view = QPdfView(self)
        self.view.setDocument(pdf.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addLayout(self._zoom_bar())
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        self.print_button = QPushButton(PRINT_BUTTON, self)
        self.print_button.setDefault(True)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self._print)
        layout.addWidget(buttons)
        self.view.pageNavigator().currentPageChanged.connect(self._show_page)
        self._show_page(0)
        area = available_area(parent)
        fit_to_screen(self, QSize(area.width() * 3 // 5, area.height()))

    def _zoom_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        for text, tip, slot, keys in (
            ("适合宽度(&W)", "页面宽度与窗口一致", self.fit_width, ""),
            ("整页(&H)", "一页完整显示在窗口中", self.fit_page, ""),
            ("缩小(&-)", "缩小（Ctrl+−）", lambda: self.zoom(1 / ZOOM_STEP), "Ctrl+-"),
            ("放大(&+)", "放大（Ctrl+=）", lambda: self.zoom(ZOOM_STEP), "Ctrl+="),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            if keys:
                button.setShortcut(QKeySequence(keys))
            bar.addWidget(button)
        bar.addStretch(1)
        self.pages_label = QLabel()
        bar.addWidget(self.pages_label)
        return bar

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def zoom(self, factor: float) -> None:
        """Zoom in (factor > 1) or out from what is shown now, fitted or not."""
        current = self.view.zoomFactor()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(max(current * factor, ZOOM_RANGE[0]), ZOOM_RANGE[1]))

    def _show_page(self, page: int) -> None:
        self.pages_label.setText(f"第 {page + 1} 页，共 {self.pdf.page_count} 页")

    def _print(self) -> None:
        if _printer_installed(self) and print_pdf(self, self.pdf, self._title):
            self.accept()


def print_pdf(parent: QWidget, pdf: LoadedPdf, title: str) -> bool:
    """Ask for printer, pages and copies, then print; False when cancelled or when printing failed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)  # the PDF carries its own GB/T 9704 margins
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(PRINT_TITLE)
    dialog.setMinMax(1, pdf.page_count)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return print_pages(parent, pdf, printer)


def print_pages(parent: QWidget, pdf: LoadedPdf, printer: QPrinter) -> bool:
    """Draw the chosen pages on `printer`, each scaled to the paper; tell the user when it fails."""
    if not printer.isValid():
        _warn(parent, "打印机不可用：请检查打印机是否已连接、已开机，或在打印对话框中换一台打印机。")
        return False
    first, last = _page_range(printer, pdf.page_count)
    painter = QPainter()
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        if not painter.begin(printer):
            _warn(parent, f"无法开始打印：打印机“{printer.printerName()}”没有响应，请检查打印机后重试。")
            return False
        for page in range(first, last + 1):
            if page > first and not printer.newPage():
                painter.end()
                _warn(parent, f"打印到第 {page + 1} 页时打印机出错，打印未完成，请检查打印机后重试。")
                return False
            _draw_page(painter, printer, pdf.document, page)
        if not painter.end():
            _warn(parent, "打印机报告打印失败，请检查打印机后重试。")
            return False
    finally:
        QGuiApplication.restoreOverrideCursor()
    return True


def _page_range(printer: QPrinter, page_count: int) -> tuple[int, int]:
    """0-based first and last page; the print dialog's 1-based range, or all pages."""
    if printer.printRange() is QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        return printer.fromPage() - 1, min(printer.toPage(), page_count) - 1
    return 0, page_count - 1


def _draw_page(painter: QPainter, printer: QPrinter, document: QPdfDocument, page: int) -> None:
    paper = printer.pageLayout().fullRectPixels(printer.resolution())
    image = _page_on_white(document, page, min(printer.resolution(), MAX_PRINT_DPI))
    painter.drawImage(_fitted(paper, image.size()), image)


def _page_on_white(document: QPdfDocument, page: int, dpi: int) -> QImage:
    """The page as a grey image: QtPdf leaves the paper transparent, which a grey image would turn black."""
    points = document.pagePointSize(page)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    rendered = document.render(page, size)
    sheet = QImage(size, QImage.Format.Format_RGB32)
    sheet.fill(Qt.GlobalColor.white)
    painter = QPainter(sheet)
    painter.drawImage(0, 0, rendered)
    painter.end()
    # The report is black and grey: a grey image is a quarter of the print job's size.
    return sheet.convertToFormat(QImage.Format.Format_Grayscale8)


def _fitted(paper: QRect, image: QSize) -> QRect:
    """The largest rectangle with the image's proportions, centred on the paper (A4 on A4: all of it)."""
    scale = min(paper.width() / image.width(), paper.height() / image.height())
    width, height = round(image.width() * scale), round(image.height() * scale)
    return QRect(paper.x() + (paper.width() - width) // 2, paper.y() + (paper.height() - height) // 2, width, height)


def _printer_installed(parent: QWidget) -> bool:
    if QPrinterInfo.availablePrinterNames():
        return True
    _warn(
        parent,
        "这台电脑上没有安装打印机。\n请先在 Windows 的“设置 → 打印机和扫描仪”中添加打印机；"
        "或者导出 PDF 文件，拿到有打印机的电脑上打印。",
    )
    return False


def _build_pdf(parent: QWidget, report: Report, options: ExportOptions) -> LoadedPdf | None:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        pdf = LoadedPdf(PDF.render(report, options))
    finally:
        QGuiApplication.restoreOverrideCursor()
    if not pdf.ready:
        _warn(parent, "无法显示生成的 PDF 页面，请改用“导出为 PDF 文件”后用其他软件打开打印。")
        return None
    return pdf


def _warn(parent: QWidget, text: str) -> None:
    QMessageBox.warning(parent, PRINT_TITLE, text)
