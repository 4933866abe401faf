"""插入表格数字说明: the standard sentences of the tables (model.sentences) put into a narrative field
of 一 or 六, linked, so that they follow the tables until the person rewrites them.

The sentences a subsection tells come from the template (a table's `stated_in`, the fee's
subsection); the button's menu offers every part of the section. Linked sentences are shaded in the
editor; the shading is the window's only: the report prints the text alone.
"""

from __future__ import annotations

from functools import partial
from typing import cast

from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolButton, QWidget
from typing_extensions import override

from model.field_paths import PathKind, get_field, parse, set_field
from model.report import Report, SentenceLink
from model.sentences import live_links, sentences_for, with_sentences
from model.template import SectionSpec, Template
from ui.document import ReportDocument, SwapCommand

ACTION_TEXT = "插入表格数字说明"
LINKED_SHADE = QColor(232, 242, 255)  # a pale blue behind sentences that follow the tables

FieldState = tuple[str, list[SentenceLink]]  # a field's text and its links


class SentencesCommand(SwapCommand):
    """A field's text and its linked sentences replaced together (one undo step)."""

    def __init__(self, document: ReportDocument, path: str, new: FieldState, text: str) -> None:
        report = document.report
        old: FieldState = (str(get_field(report, path) or ""), list(report.sentence_links.get(path, [])))
        super().__init__(document, old, new, text)
        self.path = path

    @override
    def _apply(self, state: object) -> None:
        text, links = cast(FieldState, state)
        report = self._document.report
        set_field(report, self.path, text)
        if links:
            report.sentence_links[self.path] = list(links)
        else:
            report.sentence_links.pop(self.path, None)
        self._document.notify_changed()


def _subsection_title(report: Report, path: str) -> str | None:
    """The title of the subsection a path is in; None for a section's intro (it tells every part)."""
    parsed = parse(path)
    if parsed is None or parsed.kind is not PathKind.SUBSECTION:
        return None
    subsections = report.narrative.section(parsed.key).subsections
    return subsections[parsed.index].title if parsed.index < len(subsections) else None


def part_name(template: Template, part: str) -> str:
    """A part as the menu names it: a table's tab heading (二、主动公开), or the fee's name."""
    if part == template.roles.fee_section:
        return template.fee.label
    return template.section(part).short_heading


class SentencesButton(QToolButton):
    """插入表格数字说明 for one text field: a click inserts the sentences of the field's subsection
    (every part of the section for its intro); the menu inserts one part."""

    def __init__(self, document: ReportDocument, section: SectionSpec, path: str, editor: QPlainTextEdit) -> None:
        super().__init__()
        self._document = document
        self._section = section
        self.path = path
        self._editor = editor
        self.setText(ACTION_TEXT)
        self.setToolTip(
            "把表格中的数字写成标准说明插入本段末尾。插入的说明随表格数字自动更新（浅蓝底色），自行改写后即为普通文字。"
        )
        self.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        menu = QMenu(self)
        menu.aboutToShow.connect(lambda: self._fill_menu(menu))
        self.setMenu(menu)
        self.clicked.connect(self.insert_own)
        editor.textChanged.connect(self.shade_links)
        self.shade_links()

    def _fill_menu(self, menu: QMenu) -> None:
        menu.clear()
        report = self._document.report
        template = report.template
        available = sentences_for(report, self._section.id)
        for part in template.stated_parts(self._section.id):
            name = part_name(template, part)
            if part in available:
                menu.addAction(name, partial(self.insert, {part: available[part]}))
            else:
                missing = "尚未填写" if part == template.roles.fee_section else "表格未填写完整"
                menu.addAction(f"{name}（{missing}，暂无说明）").setEnabled(False)

    def insert_own(self) -> None:
        """The sentences of this field's subsection; when it tells no part, the menu to choose from."""
        report = self._document.report
        parts = sentences_for(report, self._section.id, _subsection_title(report, self.path))
        if parts:
            self.insert(parts)
        else:
            menu = self.menu()
            assert menu is not None
            menu.popup(self.mapToGlobal(self.rect().bottomLeft()))  # not exec(): the window stays live

    def insert(self, parts: dict[str, str]) -> None:
        report = self._document.report
        text = str(get_field(report, self.path) or "")
        new = with_sentences(report, self.path, text, parts)
        if new[0] == text:
            return
        self._document.undo_stack.push(SentencesCommand(self._document, self.path, new, ACTION_TEXT))

    def shade_links(self) -> None:
        """Shade the sentences of this field that follow the tables."""
        text = self._editor.toPlainText()
        shades = []
        for linked in live_links(self._document.report, self.path, text):
            start = text.find(linked.text)
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self._editor.document())
            cursor.setPosition(start)
            cursor.setPosition(start + len(linked.text), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format.setBackground(LINKED_SHADE)
            shades.append(selection)
        self._editor.setExtraSelections(shades)


def sentences_button(
    document: ReportDocument, section: SectionSpec, path: str, editor: QPlainTextEdit
) -> QWidget | None:
    """The 插入表格数字说明 button of a section's intro or subsection text, or None when the section
    tells no table (五) or the field is a report-level text (开头语, 结束语)."""
    parsed = parse(path)
    if parsed is None or parsed.kind not in (PathKind.INTRO, PathKind.SUBSECTION):
        return None
    if not document.report.template.stated_parts(section.id):
        return None
    return SentencesButton(document, section, path, editor)
