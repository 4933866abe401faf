"""Field editors bound to a report path: each edit is an undo command on the document's stack.

The widgets keep no value of their own: `refresh()` shows what the report holds (after an undo,
say), and Ctrl+Z goes to the document's undo stack, not to the widget's private one.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QWidget,
    QWidgetAction,
)
from typing_extensions import override

from model.dates import chinese_date, parse_date
from model.field_paths import get_field
from model.report import MetaValue
from ui.document import ReportDocument
from ui.forms.commands import FieldEditCommand

_sessions = itertools.count(1)
_UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
_EXTRA_REDO = (QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z"))


def is_undo_key(event: QEvent) -> bool:
    if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
        return False
    if any(event.matches(key) for key in _UNDO_KEYS):
        return True
    combined = QKeySequence(event.keyCombination())
    return any(combined == key for key in _EXTRA_REDO)


class FieldBinding:
    """What an editor needs to edit one field: the document, the path, a label for the undo text."""

    def __init__(self, document: ReportDocument, path: str, label: str) -> None:
        self.document = document
        self.path = path
        self.label = label
        self.session = next(_sessions)
        self.updating = False  # True while refresh() writes the model's value into the widget

    def new_session(self) -> None:
        """Leaving a field ends its merge window: the next edit there is a new undo step."""
        self.session = next(_sessions)

    def value(self) -> MetaValue:
        return get_field(self.document.report, self.path)

    def push(self, value: MetaValue) -> None:
        if self.updating or value == self.value():
            return
        text = f"编辑“{self.label}”"
        self.document.undo_stack.push(FieldEditCommand(self.document, self.path, value, self.session, text))


class _BoundMixin:
    binding: FieldBinding

    def _undo_aware_event(self, event: QEvent, base: Callable[[QEvent], bool]) -> bool:
        if is_undo_key(event):
            event.ignore()  # not ours: let the window's 撤销/重做 shortcut fire
            return True
        if event.type() == QEvent.Type.FocusOut:
            self.binding.new_session()
        return base(event)


class FieldLineEdit(_BoundMixin, QLineEdit):
    def __init__(self, binding: FieldBinding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.binding = binding
        self.textEdited.connect(binding.push)
        self.refresh()

    def refresh(self) -> None:
        value = str(self.binding.value() or "")
        if value != self.text():
            self.binding.updating = True
            self.setText(value)
            self.binding.updating = False

    @override
    def event(self, event: QEvent) -> bool:
        return self._undo_aware_event(event, super().event)


class FieldTextEdit(_BoundMixin, QPlainTextEdit):
    """Several paragraphs; Enter starts a new paragraph, Tab moves on (keyboard-only use)."""

    def __init__(self, binding: FieldBinding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.binding = binding
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)
        self.textChanged.connect(lambda: binding.push(self.toPlainText()))
        self.refresh()

    def refresh(self) -> None:
        value = str(self.binding.value() or "")
        if value == self.toPlainText():
            return
        position = self.textCursor().position()
        self.binding.updating = True
        self.setPlainText(value)
        self.binding.updating = False
        cursor = self.textCursor()
        cursor.setPosition(min(position, len(value)))
        self.setTextCursor(cursor)

    @override
    def event(self, event: QEvent) -> bool:
        return self._undo_aware_event(event, super().event)


class FieldComboBox(QComboBox):
    """A choice among (id, label) pairs; the report stores the id."""

    def __init__(self, binding: FieldBinding, choices: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.binding = binding
        for choice_id, label in choices:
            self.addItem(label, choice_id)
        self.currentIndexChanged.connect(lambda _i: self._pushed())
        self.refresh()

    def _pushed(self) -> None:
        self.binding.new_session()  # each choice is its own undo step
        self.binding.push(self.currentData())

    def refresh(self) -> None:
        index = self.findData(self.binding.value())
        if index != self.currentIndex():
            self.binding.updating = True
            self.setCurrentIndex(index)
            self.binding.updating = False


LAST_REPORT_YEAR = 2099  # a year picker's upper end


class YearSpinBox(QSpinBox):
    """The report year; blank (the minimum) means not filled in."""

    def __init__(self, binding: FieldBinding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.binding = binding
        # The year before the format's first shows as blank: not filled in.
        self.setRange(binding.document.report.template.first_year - 1, LAST_REPORT_YEAR)
        self.setSpecialValueText(" ")
        self.setKeyboardTracking(False)  # typing “2025” is one edit, not 2, 20, 202, 2025
        self.valueChanged.connect(lambda v: binding.push(None if v == self.minimum() else v))
        self.refresh()

    def refresh(self) -> None:
        year = self.binding.value()
        shown = year if isinstance(year, int) else self.minimum()
        if shown != self.value():
            self.binding.updating = True
            self.setValue(shown)
            self.binding.updating = False

    def _shown_text(self) -> str:
        return self.specialValueText() if self.value() == self.minimum() else self.textFromValue(self.value())

    def has_pending_edit(self) -> bool:
        """Digits typed that are not the year yet (keyboard tracking is off: read on Enter or leaving)."""
        return self.text() != self._shown_text()

    def commit_edit(self) -> bool:
        self.interpretText()
        return True

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.value() == self.minimum():
            return
        super().keyPressEvent(event)

    @override
    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.binding.new_session()
        super().focusOutEvent(event)


DATE_HINT = "如 2025-1-17、2025/1/17、2025年1月17日 或 20250117"


class FieldDateEdit(QWidget):
    """A date (成文日期) typed as people write it, picked from a calendar, or 今天; empty means not filled in.

    The text is read when the person leaves the field or presses Enter (model.dates.parse_date); a
    text that is no date stays in the field and `message` says why, so nothing typed is lost.
    """

    message = Signal(str)  # why a typed date was not taken, for the status bar
    pendingChanged = Signal()  # typed, not yet read

    def __init__(self, binding: FieldBinding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.binding = binding
        self.line = QLineEdit()
        self.line.setPlaceholderText(DATE_HINT)
        self.line.setToolTip(DATE_HINT)
        self.line.setClearButtonEnabled(True)
        self.line.editingFinished.connect(self.commit_edit)
        self.line.textEdited.connect(self.pendingChanged)
        self.line.installEventFilter(self)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        self._calendar_menu = QMenu(self)
        holder = QWidgetAction(self._calendar_menu)
        holder.setDefaultWidget(self.calendar)
        self._calendar_menu.addAction(holder)
        self._calendar_menu.aboutToShow.connect(self._turn_calendar)
        self.calendar_button = QToolButton()
        self.calendar_button.setText("日历…")
        self.calendar_button.setToolTip("从日历中选择日期")
        self.calendar_button.setMenu(self._calendar_menu)
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from the date to the next field
        self.today_button = QPushButton("今天")
        self.today_button.setToolTip("填入今天的日期")
        self.today_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.today_button.clicked.connect(lambda: self._store(date.today()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.calendar_button)
        layout.addWidget(self.today_button)
        # No setFocusProxy(line): set before the form adopts this widget, it closes the focus chain
        # into a loop of the date's own buttons and Tab never leaves. The form focuses `line` itself.
        self.refresh()

    def value(self) -> date | None:
        value = self.binding.value()
        return value if isinstance(value, date) else None

    @staticmethod
    def shown(value: date | None) -> str:
        return chinese_date(value) if value is not None else ""

    def has_pending_edit(self) -> bool:
        return self.line.text().strip() != self.shown(self.value())

    def commit_edit(self) -> bool:
        """Read what is typed; False (the text kept, `message` says why) when it is no date."""
        text = self.line.text().strip()
        if text == self.shown(self.value()):
            return True
        if not text:
            self._store(None)
            return True
        typed = parse_date(text)
        if typed is None:
            self.message.emit(f"“{text}”不是日期，{self.binding.label}未改动。请按{DATE_HINT}的样子填写")
            return False
        self._store(typed)
        return True

    def _store(self, value: date | None) -> None:
        self.binding.new_session()  # each date is its own undo step
        self.binding.push(value)
        self.refresh()
        self.pendingChanged.emit()

    def _picked(self, picked: QDate) -> None:
        self._calendar_menu.close()
        self._store(date(picked.year(), picked.month(), picked.day()))
        self.line.setFocus()

    def _turn_calendar(self) -> None:
        """Open the calendar on the date, or where a report's dates fall: January after the report year."""
        value = self.value()
        year = self.binding.document.report.meta.year
        if value is not None:
            self.calendar.setSelectedDate(QDate(value.year, value.month, value.day))
        elif year is not None:
            self.calendar.setCurrentPage(year + 1, 1)

    def refresh(self) -> None:
        shown = self.shown(self.value())
        if self.line.text() != shown and not (self.line.hasFocus() and parse_date(self.line.text()) is None):
            self.line.setText(shown)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and is_undo_key(event):
            event.ignore()  # the window's 撤销/重做
            return True
        return super().eventFilter(watched, event)
