"""帮助 → 使用说明 (F1): the built-in Chinese guide (resources/guide.md), offline, in a window that fits
the screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ui.screen import fit_to_screen

GUIDE = Path(__file__).resolve().parent.parent / "resources" / "guide.md"


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("使用说明")
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)  # offline: nothing to follow
        try:
            self.browser.setMarkdown(GUIDE.read_text(encoding="utf-8"))
        except OSError:
            self.browser.setPlainText("找不到使用说明文件，请重新安装本程序。")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(820, 700))
