"""The form tabs of a window, typing as an input method does, and the codes found at a field."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from model.template import TEMPLATE_2021
from ui.forms.meta_form import MetaForm
from ui.forms.narrative_form import NarrativeForm
from ui.main_window import MainWindow


def meta_form(window: MainWindow) -> MetaForm:
    form = window.page(0)
    assert isinstance(form, MetaForm)
    return form


def narrative_form(window: MainWindow, section_id: str) -> NarrativeForm:
    index = next(i for i, s in enumerate(TEMPLATE_2021.sections) if s.id == section_id) + 1
    form = window.page(index)
    assert isinstance(form, NarrativeForm)
    return form


def codes_at(window: MainWindow, field: str) -> set[str]:
    return {f.code for f in window.document.findings if f.location.field == field}


def type_text(widget: QWidget, text: str) -> None:
    """Type Chinese as an input method does: one committed character at a time."""
    for char in text:
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)
