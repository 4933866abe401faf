"""A narrative section's tab (一、五、六): intro, numbered subsections that can be added, removed,
renamed and reordered, plus the report-level texts (开头语, 结束语) the template places there."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from model.field_paths import PathKind, SubsectionPart, intro_path, parse, subsection_path, text_path
from model.numerals import subsection_number
from model.report import Subsection
from model.template import Placement, SectionSpec
from ui.document import ReportDocument
from ui.forms.commands import SubsectionsCommand, copy_subsections
from ui.forms.editors import FieldBinding, FieldLineEdit, FieldTextEdit
from ui.forms.fee_form import FeeEditor
from ui.forms.sentences import sentences_button


def _is_subsection(path: str) -> bool:
    parsed = parse(path)
    return parsed is not None and parsed.kind is PathKind.SUBSECTION


class NarrativeForm(QScrollArea):
    message = Signal(str)  # for the status bar: what a subsection button did

    def __init__(self, document: ReportDocument, section: SectionSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._section = section
        self.setWidgetResizable(True)
        self.editors: dict[str, FieldLineEdit | FieldTextEdit] = {}
        page = QWidget()
        self._layout = QVBoxLayout(page)
        template = document.report.template
        for part in template.texts_at(section.id, Placement.BEFORE):
            self._add_text(text_path(part.id), part.label)
        self._add_text(intro_path(section.id), section.heading)
        if section.fee is not None:
            self._layout.addWidget(FeeEditor(document))
        self._subsections = QVBoxLayout()
        self._layout.addLayout(self._subsections)
        self._add_button = self._make_add_button()
        self._layout.addWidget(self._add_button)
        for part in template.texts_at(section.id, Placement.AFTER):
            self._add_text(text_path(part.id), part.label)
        self._layout.addStretch(1)
        self.setWidget(page)
        self._shown_count = -1
        self.refresh()
        document.changed.connect(self.refresh)

    # --- building ------------------------------------------------------------------------------

    def _add_text(self, path: str, title: str) -> None:
        label = QLabel(title)
        label.setObjectName("sectionHeading")
        editor = FieldTextEdit(FieldBinding(self._document, path, title))
        editor.setMinimumHeight(editor.fontMetrics().lineSpacing() * 6)
        label.setBuddy(editor)
        self.editors[path] = editor
        header = QHBoxLayout()
        header.addWidget(label, 1)
        if (insert := sentences_button(self._document, self._section, path, editor)) is not None:
            header.addWidget(insert)
        self._layout.addLayout(header)
        self._layout.addWidget(editor)

    def _make_add_button(self) -> QToolButton:
        button = QToolButton()
        button.setText("添加小节(&A)")
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        menu.aboutToShow.connect(lambda: self._fill_add_menu(menu))
        button.setMenu(menu)
        return button

    def _fill_add_menu(self, menu: QMenu) -> None:
        menu.clear()
        present = {s.title for s in self._current()}
        for title in self._section.suggested_subsections:
            action = menu.addAction(title, partial(self.add_subsection, title))
            action.setEnabled(title not in present)
        if self._section.suggested_subsections:
            menu.addSeparator()
        menu.addAction("空白小节", lambda: self.add_subsection(""))

    def _rebuild_subsections(self, count: int) -> None:
        for path in [p for p in self.editors if _is_subsection(p)]:
            del self.editors[path]
        while (item := self._subsections.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        for index in range(count):
            self._subsections.addWidget(self._subsection_frame(index, count))
        self._shown_count = count

    def _subsection_frame(self, index: int, count: int) -> QFrame:
        frame = QFrame()
        frame.setObjectName("subsection")
        layout = QVBoxLayout(frame)
        header = QHBoxLayout()
        number = QLabel(subsection_number(index))
        title_path = subsection_path(self._section.id, index, SubsectionPart.TITLE)
        title = FieldLineEdit(FieldBinding(self._document, title_path, f"{subsection_number(index)}标题"))
        title.setPlaceholderText("小节标题")
        self.editors[title_path] = title
        header.addWidget(number)
        header.addWidget(title, 1)
        for text, tip, slot, enabled in (
            ("上移", "把这一小节移到上一小节之前", lambda: self.move_subsection(index, -1), index > 0),
            ("下移", "把这一小节移到下一小节之后", lambda: self.move_subsection(index, 1), index < count - 1),
            ("删除", "删除这一小节（可撤销）", lambda: self.remove_subsection(index), True),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setEnabled(enabled)
            button.clicked.connect(slot)
            header.addWidget(button)
        layout.addLayout(header)
        text_path = subsection_path(self._section.id, index, SubsectionPart.TEXT)
        text_editor = FieldTextEdit(FieldBinding(self._document, text_path, f"{subsection_number(index)}正文"))
        text_editor.setMinimumHeight(text_editor.fontMetrics().lineSpacing() * 5)
        if (insert := sentences_button(self._document, self._section, text_path, text_editor)) is not None:
            header.addWidget(insert)
        self.editors[text_path] = text_editor
        layout.addWidget(text_editor)
        return frame

    # --- edits ---------------------------------------------------------------------------------

    def _current(self) -> list[Subsection]:
        return copy_subsections(self._document.report.narrative.section(self._section.id).subsections)

    def _push(self, subsections: list[Subsection], text: str) -> None:
        command = SubsectionsCommand(self._document, self._section.id, subsections, text)
        self._document.undo_stack.push(command)

    def add_subsection(self, title: str) -> None:
        subsections = self._current()
        subsections.append(Subsection(title, ""))
        self._push(subsections, f"添加小节“{title}”" if title else "添加小节")
        part = SubsectionPart.TEXT if title else SubsectionPart.TITLE
        self.focus_field(subsection_path(self._section.id, len(subsections) - 1, part))

    def remove_subsection(self, index: int) -> None:
        subsections = self._current()
        removed = subsections.pop(index)
        name = f"{subsection_number(index)}{removed.title or '（无标题）'}"
        self._push(subsections, f"删除小节“{name}”")
        self.message.emit(f"已删除小节“{name}”，可撤销（Ctrl+Z）")

    def move_subsection(self, index: int, step: int) -> None:
        subsections = self._current()
        target = index + step
        if not 0 <= target < len(subsections):
            return
        subsections[index], subsections[target] = subsections[target], subsections[index]
        self._push(subsections, f"移动小节“{subsections[target].title}”")
        self.focus_field(subsection_path(self._section.id, target, SubsectionPart.TITLE))

    # --- showing -------------------------------------------------------------------------------

    def refresh(self) -> None:
        count = len(self._document.report.narrative.section(self._section.id).subsections)
        if count != self._shown_count:
            self._rebuild_subsections(count)
        for editor in self.editors.values():
            editor.refresh()

    def focus_field(self, path: str) -> bool:
        """Put the cursor in the editor of a narrative path, its text selected, and scroll to it.

        Also once more at the next turn of the event loop: an editor just added (添加小节, undo) is
        shown and laid out only then, and focus or scrolling before that lands elsewhere."""
        if path not in self.editors:
            return False
        self._focus_now(path, select=True)
        QTimer.singleShot(0, self, lambda: self._focus_now(path, select=False))
        return True

    def _focus_now(self, path: str, select: bool) -> None:
        editor = self.editors.get(path)
        if editor is None:
            return
        page = self.widget()
        layout = page.layout() if page is not None else None
        if layout is not None:
            layout.activate()
        self.ensureWidgetVisible(editor, 0, 40)
        if not editor.hasFocus():
            editor.setFocus()
        if select:
            editor.selectAll()
