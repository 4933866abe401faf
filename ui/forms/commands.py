"""Undo commands for the form tabs: field edits (keystrokes merged) and subsection lists."""

from __future__ import annotations

from typing import cast

from PySide6.QtGui import QUndoCommand
from typing_extensions import override

from model.field_paths import get_field, set_field
from model.report import MetaValue, Subsection
from ui.document import ReportDocument, SwapCommand

_FIELD_EDIT_ID = 0x6E62  # any constant: Qt only merges commands that share an id


def copy_subsections(subsections: list[Subsection]) -> list[Subsection]:
    return [Subsection(s.title, s.text) for s in subsections]


class FieldEditCommand(QUndoCommand):
    """One field's change. Keystrokes in one editing session of one field merge into one step."""

    def __init__(self, document: ReportDocument, path: str, new: MetaValue, session: int, text: str) -> None:
        super().__init__(text)
        self._document = document
        self.path = path
        self._old = get_field(document.report, path)
        self._new = new
        self.session = session

    @override
    def id(self) -> int:
        return _FIELD_EDIT_ID

    @override
    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, FieldEditCommand) or (other.path, other.session) != (self.path, self.session):
            return False
        self._new = other._new
        if self._new == self._old:
            self.setObsolete(True)  # typed and erased again: nothing left to undo
        return True

    @override
    def redo(self) -> None:
        set_field(self._document.report, self.path, self._new)
        self._document.notify_changed()

    @override
    def undo(self) -> None:
        set_field(self._document.report, self.path, self._old)
        self._document.notify_changed()


class SubsectionsCommand(SwapCommand):
    """A section's list of subsections replaced as a whole: add, remove, move."""

    def __init__(self, document: ReportDocument, section_id: str, new: list[Subsection], text: str) -> None:
        old = copy_subsections(document.report.narrative.section(section_id).subsections)
        super().__init__(document, old, copy_subsections(new), text)
        self._section_id = section_id

    @override
    def _apply(self, state: object) -> None:
        subsections = cast(list[Subsection], state)
        self._document.report.narrative.section(self._section_id).subsections = copy_subsections(subsections)
        self._document.notify_changed()
