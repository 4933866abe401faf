"""Write a PNG of every tab of the main window (with a filled-in report that has a few findings), and
of the dialogs a clerk meets: 导出前检查, 打印预览, a report with stored totals, a blank report.

python tools/screenshots.py [OUT_FOLDER]      (offscreen by default; real CJK fonts from the system)

For a real screen size: Xvfb :113 -screen 0 1366x768x24 & then
DISPLAY=:113 QT_QPA_PLATFORM=xcb python tools/screenshots.py shots
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NIANBAO_DATA_DIR", tempfile.mkdtemp(prefix="nianbao-shots-"))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from export import PDF, ExportOptions
from model import load_report
from model.report import Meta, Report
from tests.factories import consistent_report
from ui.app import create_application
from ui.autosave import Autosaver
from ui.document import ReportDocument
from ui.export_step import ExportStep
from ui.main_window import MainWindow
from ui.printing import LoadedPdf, PreviewDialog
from ui.settings import Settings, data_dir

SEED_004 = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seed_004.nianbao.json"


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _save(widget: QWidget, target: Path) -> None:
    _settle()
    widget.grab().save(str(target))
    print(target)


def _dialog(make: Callable[[], QWidget], target: Path) -> None:
    dialog = make()
    dialog.show()
    _save(dialog, target)
    dialog.close()


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    create_application([])
    window = MainWindow(Settings(data_dir()), Autosaver(data_dir()))
    report = consistent_report()
    report.set_cell("applications", "new_received", "research", 3)  # a few findings to show
    report.narrative.section("other").intro = ""
    window.set_document(ReportDocument(report, Path("叶城县科学技术局2024年报.nianbao.json")))
    window.show()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        _save(window, out / f"tab{index + 1}.png")
    blank = ReportDocument(Report(meta=Meta(year=2025)))
    _dialog(lambda: ExportStep(window, blank, "导出", offers_copies=True), out / "export_step.png")
    pdf = LoadedPdf(PDF.render(report, ExportOptions()))
    _dialog(lambda: PreviewDialog(window, pdf, report.title, None), out / "preview.png")
    window.set_document(ReportDocument(load_report(SEED_004)))
    window.tabs.setCurrentIndex(3)
    _save(window, out / "stored_totals.png")
    window.set_document(blank)
    window.tabs.setCurrentIndex(3)
    _save(window, out / "blank.png")
    window.document.undo_stack.setClean()
    if window.autosaver:
        window.autosaver.close()
    QTimer.singleShot(0, window.close)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("screenshots")))
