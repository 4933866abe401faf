"""ui/forms/meta_form.py: the 基本信息 tab shows the template's fields and choices."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from model.template import TEMPLATE_2021
from tests.ui.forms.editing import meta_form
from ui.forms.editors import FieldComboBox
from ui.main_window import MainWindow


def test_meta_form_shows_template_labels_and_agency_kinds(window: MainWindow) -> None:
    form = meta_form(window)
    kind = form.editors["agency_kind"]
    assert isinstance(kind, FieldComboBox)
    assert [kind.itemText(i) for i in range(kind.count())] == [k.label for k in TEMPLATE_2021.agency_kinds]
    texts = " ".join(label.text() for label in form.findChildren(QLabel))
    for spec in TEMPLATE_2021.meta_fields:
        assert spec.label in texts
