"""The meta fields' tab (基本信息): one editor per field the template declares, chosen by its kind."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from model.field_paths import PathKind, meta_path, parse
from model.template import FieldKind, MetaFieldSpec
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
    message = Signal(str)  # for the status bar: why a typed value was not taken
    pendingChanged = Signal()  # something typed is not in the report yet (a year, a date)

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
            editor = self._editor(spec)
            self.editors[spec.id] = editor
            access = f"(&{spec.access_key})" if spec.access_key else ""
            label = QLabel(f"{spec.label}{access}：" + ("*" if spec.required else ""))
            label.setBuddy(editor.line if isinstance(editor, FieldDateEdit) else editor)
            layout.addRow(label, editor)
        self._fallback_hints()
        document.changed.connect(self.refresh)

    def _editor(self, spec: MetaFieldSpec) -> FieldEditor:
        binding = FieldBinding(self._document, meta_path(spec.id), spec.label)
        if spec.kind is FieldKind.CHOICE:
            return FieldComboBox(binding, list(spec.choices))
        if spec.kind is FieldKind.YEAR:
            year = YearSpinBox(binding)
            year.lineEdit().textEdited.connect(self.pendingChanged)
            year.editingFinished.connect(self.pendingChanged)
            return year
        if spec.kind is FieldKind.DATE:
            issued = FieldDateEdit(binding)
            issued.message.connect(self.message)
            issued.pendingChanged.connect(self.pendingChanged)
            return issued
        if spec.kind is FieldKind.MULTILINE:
            editor = FieldTextEdit(binding)
            editor.setMaximumHeight(editor.fontMetrics().lineSpacing() * 5)
            return editor
        return FieldLineEdit(binding)

    def _fallback_hints(self) -> None:
        """An empty field that another stands in for says so (落款: 不填则与机关名称相同)."""
        meta = self._document.report.meta
        for spec in self._document.report.template.meta_fields:
            editor = self.editors[spec.id]
            if not spec.falls_back_to or not isinstance(editor, QLineEdit):
                continue
            other = self._document.report.template.meta_field(spec.falls_back_to).label
            value = meta.get(spec.falls_back_to)
            hint = f"不填则与{other}相同"
            editor.setPlaceholderText(f"{hint}（{value}）" if value else hint)

    def refresh(self) -> None:
        for editor in self.editors.values():
            editor.refresh()
        self._fallback_hints()

    def _typed(self) -> list[YearSpinBox | FieldDateEdit]:
        return [e for e in self.editors.values() if isinstance(e, YearSpinBox | FieldDateEdit)]

    def has_pending_edit(self) -> bool:
        return any(editor.has_pending_edit() for editor in self._typed())

    def commit_edit(self) -> bool:
        """Take what is typed in the year and date fields; False when a date cannot be read."""
        return all([editor.commit_edit() for editor in self._typed()])

    def focus_field(self, path: str) -> bool:
        """Put the cursor in the editor of a meta field with its text selected."""
        parsed = parse(path)
        editor = self.editors.get(parsed.key) if parsed is not None and parsed.kind is PathKind.META else None
        if editor is None:
            return False
        if isinstance(editor, FieldDateEdit):
            editor.line.setFocus()
            editor.line.selectAll()
            return True
        editor.setFocus()
        if not isinstance(editor, FieldComboBox):
            editor.selectAll()
        return True
