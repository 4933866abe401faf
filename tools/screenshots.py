"""Write a PNG of every tab of the main window (with a filled-in report that has a few findings), and
of what a clerk meets: the start page, 查找, zoom, 导出前检查, 打印预览, 使用说明, a report with stored
totals, a blank report, the buttons after an export.

python tools/screenshots.py [OUT_FOLDER]      (offscreen by default; real CJK fonts from the system)

For a real screen size: Xvfb :113 -screen 0 1366x768x24 & then
DISPLAY=:113 QT_QPA_PLATFORM=xcb python tools/screenshots.py shots
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NIANBAO_DATA_DIR", tempfile.mkdtemp(prefix="nianbao-shots-"))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from export import PDF, ExportOptions
from model import load_report, save_report
from model.report import Meta, Report
from tests.factories import consistent_report
from ui.app import create_application
from ui.autosave import Autosaver
from ui.document import ReportDocument
from ui.export_step import ExportStep
from ui.help import HelpDialog
from ui.main_window import MainWindow
from ui.printing import LoadedPdf, PreviewDialog
from ui.settings import Settings, data_dir

SEED_004 = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seed_004.nianbao.json"


def _settle(seconds: float = 0.2) -> None:
    """Let Qt lay out and paint (QtPdf renders its pages in the background)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def _save(widget: QWidget, target: Path) -> None:
    _settle()
    widget.grab().save(str(target))
    print(target)


def _dialog(make: Callable[[], QWidget], target: Path, seconds: float = 0.2) -> None:
    dialog = make()
    dialog.show()
    _settle(seconds)
    _save(dialog, target)
    dialog.close()


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    create_application([])
    settings = Settings(data_dir())
    recent = Path(data_dir()) / "叶城县科学技术局2024年报.nianbao.json"
    save_report(consistent_report(), recent)
    settings.add_recent(recent)
    window = MainWindow(settings, Autosaver(data_dir()))
    window.show()
    _save(window, out / "start_page.png")
    report = consistent_report()
    report.set_cell("applications", "new_received", "research", 3)  # a few findings to show
    report.narrative.section("other").intro = ""
    window.set_document(ReportDocument(report, Path("叶城县科学技术局2024年报.nianbao.json")))
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        _save(window, out / f"tab{index + 1}.png")
    window.open_find()
    window.find_bar.query.setText("保密审查")
    window.find_next()
    _save(window, out / "find.png")
    window.find_bar.hide()
    window.zoom.set_level(150)
    window.tabs.setCurrentIndex(3)
    _save(window, out / "zoom150.png")
    window.zoom.reset()
    blank = ReportDocument(Report(meta=Meta(year=2025)))
    _dialog(lambda: ExportStep(window, blank, "导出", offers_copies=True), out / "export_step.png")
    _dialog(lambda: ExportStep(window, window.document, "打印", offers_copies=True), out / "print_step.png")
    pdf = LoadedPdf(PDF.render(report, ExportOptions()))
    _dialog(lambda: PreviewDialog(window, pdf, report.title, None), out / "preview.png", seconds=2)
    _dialog(lambda: HelpDialog(window), out / "help.png")
    window.set_document(ReportDocument(load_report(SEED_004)))
    window.tabs.setCurrentIndex(3)
    _save(window, out / "stored_totals.png")
    window.set_document(ReportDocument(Report(meta=Meta(agency="叶城县科学技术局", year=2025))))
    window.tabs.setCurrentIndex(3)
    _save(window, out / "blank.png")
    window.exported_bar.show_file(Path("叶城县科学技术局2025年政府信息公开工作年度报告.docx"))
    window.show_status("已导出公开稿：叶城县科学技术局2025年政府信息公开工作年度报告.docx")
    _save(window, out / "exported.png")
    window.document.undo_stack.setClean()
    if window.autosaver:
        window.autosaver.close()
    QTimer.singleShot(0, window.close)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("screenshots")))
