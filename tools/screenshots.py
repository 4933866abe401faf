"""Write a PNG of every tab of the main window (with a filled-in report that has a few findings).

python tools/screenshots.py [OUT_FOLDER]      (offscreen by default; real CJK fonts from the system)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NIANBAO_DATA_DIR", tempfile.mkdtemp(prefix="nianbao-shots-"))

from PySide6.QtWidgets import QApplication

from tests.factories import consistent_report
from ui.app import create_application
from ui.autosave import Autosaver
from ui.document import ReportDocument
from ui.main_window import MainWindow
from ui.settings import Settings, data_dir


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    create_application([])
    window = MainWindow(Settings(data_dir()), Autosaver(data_dir()))
    report = consistent_report()
    report.set_cell("applications", "new_received", "research", 3)  # a few findings to show
    report.narrative.section("other").intro = ""
    window.set_document(ReportDocument(report, Path("叶城县科学技术局2024年报.nianbao.json")))
    window.resize(1280, 860)
    window.show()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        target = out / f"tab{index + 1}.png"
        window.grab().save(str(target))
        print(target)
    window.autosaver.close() if window.autosaver else None
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("screenshots")))
