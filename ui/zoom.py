"""Zoom for the forms and grids (Ctrl+=, Ctrl+−, Ctrl+0, Ctrl+wheel), remembered between runs: the
report's part of the window gets a larger or smaller font, and everything there is sized from it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from typing_extensions import override

from ui.settings import Settings

LEVELS = (70, 80, 90, 100, 110, 125, 150, 175, 200)  # per cent of the window's font
DEFAULT = 100
SETTING = "view/zoom"
WHEEL_DELAY_MS = 500


class Zoom(QObject):
    """Applies a zoom level to `target` (and what it holds); listens for Ctrl+wheel over it."""

    def __init__(self, target: QWidget, settings: Settings) -> None:
        super().__init__(target)
        self._target = target
        self._settings = settings
        self._base = QApplication.font().pointSizeF()
        stored = settings.text(SETTING, str(DEFAULT))
        self.level = int(stored) if stored.isdigit() and int(stored) in LEVELS else DEFAULT
        self._apply()
        # Ctrl+wheel needs an application-wide event filter, a Python call for every event; installed a
        # moment after start-up, which would otherwise pay it for each of its thousands of events.
        QTimer.singleShot(WHEEL_DELAY_MS, self, self._listen_to_wheel)

    def _listen_to_wheel(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def step(self, direction: int) -> None:
        """One level larger (1) or smaller (-1)."""
        position = LEVELS.index(self.level) + direction
        self.set_level(LEVELS[min(max(position, 0), len(LEVELS) - 1)])

    def reset(self) -> None:
        self.set_level(DEFAULT)

    def set_level(self, level: int) -> None:
        if level == self.level:
            return
        self.level = level
        self._settings.set(SETTING, str(level))
        self._apply()

    def _apply(self) -> None:
        # A style sheet rule, not setFont: with the application's style sheet set, Qt does not pass a
        # parent's font on to its children, while a style sheet's font size reaches every one of them.
        size = round(self._base * self.level / 100, 1)
        self._target.setStyleSheet("" if self.level == DEFAULT else f"* {{ font-size: {size}pt; }}")

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(event, QWheelEvent)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and isinstance(watched, QWidget)
            and self._target.isAncestorOf(watched)
        ):
            self.step(1 if event.angleDelta().y() > 0 else -1)
            return True
        return super().eventFilter(watched, event)
