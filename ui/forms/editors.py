"""Field editors bound to a report path: each edit is an undo command on the document's stack.

The widgets keep no value of their own: `refresh()` shows what the report holds (after an undo,
say), and Ctrl+Z goes to the document's undo stack, not to the widget's private one.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QSpinBox, QWidget
from typing_extensions import override

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

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.value() == self.minimum():
            return
        super().keyPressEvent(event)

    @override
    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.binding.new_session()
        super().focusOutEvent(event)


_NO_DATE = QDate(2000, 1, 1)


class FieldDateEdit(QDateEdit):
    """A date (成文日期) with a calendar; the minimum date is shown blank and means not filled in."""

    def __init__(self, binding: FieldBinding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.binding = binding
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy年M月d日")
        self.setMinimumDate(_NO_DATE)
        self.setSpecialValueText("未填写")
        self.setKeyboardTracking(False)
        self.dateChanged.connect(self._pushed)
        self.refresh()

    def _pushed(self, value: QDate) -> None:
        self.binding.new_session()
        self.binding.push(None if value == _NO_DATE else date(value.year(), value.month(), value.day()))

    def refresh(self) -> None:
        value = self.binding.value()
        shown = QDate(value.year, value.month, value.day) if isinstance(value, date) else _NO_DATE
        if shown != self.date():
            self.binding.updating = True
            self.setDate(shown)
            self.binding.updating = False
        if shown == _NO_DATE:  # open the calendar where a report's dates fall, not in the year 2000
            year = self.binding.document.report.meta.year
            if year is not None:
                self.calendarWidget().setCurrentPage(year + 1, 1)
