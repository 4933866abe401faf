"""Windows and dialogs that fit the screen they open on, taskbar excluded (a 1366×768 laptop leaves
1366×728): buttons and the status bar must never be off-screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# What a window's title bar and borders add around its contents (Windows 10/11 at 100 %: about 31 + 8).
FRAME_ALLOWANCE = QSize(16, 40)


def available_area(widget: QWidget | None = None) -> QRect:
    """The part of the widget's screen (or the main screen) that windows may use: the taskbar left out."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def fitting(preferred: QSize, area: QRect) -> QSize:
    """`preferred`, made small enough that it and its window frame fit `area`."""
    return QSize(
        min(preferred.width(), area.width() - FRAME_ALLOWANCE.width()),
        min(preferred.height(), area.height() - FRAME_ALLOWANCE.height()),
    )


def fit_to_screen(widget: QWidget, preferred: QSize) -> None:
    """Size a window to `preferred` or less, so it fits its screen, and centre it there."""
    area = available_area(widget.parentWidget() or widget)
    size = fitting(preferred, area)
    widget.resize(size)
    frame = QRect(0, 0, size.width() + FRAME_ALLOWANCE.width(), size.height() + FRAME_ALLOWANCE.height())
    frame.moveCenter(area.center())
    widget.move(frame.topLeft())
