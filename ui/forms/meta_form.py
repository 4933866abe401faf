"""The 基本信息 tab: agency, agency kind, year, 成文日期, 落款 and contact details."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from model.template import Template
from ui.document import ReportDocument
from ui.forms.editors import (
    FieldBinding,
    FieldComboBox,
    FieldDateEdit,
    FieldLineEdit,
    FieldTextEdit,
    YearSpinBox,
)

FieldEditor = FieldLineEdit | FieldTextEdit | FieldComboBox | YearSpinBox | FieldDateEdit


class MetaForm(QWidget):
    def __init__(self, document: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        template = document.report.template
        self.editors: dict[str, FieldEditor] = {}
        outer = QVBoxLayout(self)
        layout = QFormLayout()
        outer.addLayout(layout)
        outer.addStretch(1)  # the fields stay at the top like a paper form
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for spec in template.meta_fields:
            editor = self._editor(template, spec.id, spec.label)
            self.editors[spec.id] = editor
            label = QLabel(f"{spec.label}(&{_MNEMONICS[spec.id]})：" + ("*" if spec.required else ""))
            label.setBuddy(editor)
            layout.addRow(label, editor)
        self._signatory_hint()
        document.changed.connect(self.refresh)

    def _editor(self, template: Template, field_id: str, label: str) -> FieldEditor:
        binding = FieldBinding(self._document, f"meta.{field_id}", label)
        if field_id == "agency_kind":
            return FieldComboBox(binding, [(k.id, k.label) for k in template.agency_kinds])
        if field_id == "year":
            return YearSpinBox(binding)
        if field_id == "issue_date":
            return FieldDateEdit(binding)
        if field_id == "contact":
            contact = FieldTextEdit(binding)
            contact.setMaximumHeight(contact.fontMetrics().lineSpacing() * 5)
            return contact
        return FieldLineEdit(binding)

    def _signatory_hint(self) -> None:
        signatory = self.editors["signatory"]
        if isinstance(signatory, QLineEdit):
            agency = self._document.report.meta.agency
            signatory.setPlaceholderText(f"不填则与机关名称相同（{agency}）" if agency else "不填则与机关名称相同")

    def refresh(self) -> None:
        for editor in self.editors.values():
            editor.refresh()
        self._signatory_hint()

    def focus_field(self, path: str) -> bool:
        """Put the cursor in the editor of `meta.<field>` with its text selected."""
        editor = self.editors.get(path.removeprefix("meta."))
        if editor is None:
            return False
        editor.setFocus()
        if not isinstance(editor, FieldComboBox):
            editor.selectAll()
        return True


# Alt+letter for each field (keyboard-only use); the letters follow common pinyin initials.
_MNEMONICS = {
    "agency": "N",
    "agency_kind": "K",
    "year": "Y",
    "issue_date": "D",
    "signatory": "S",
    "contact": "C",
}
