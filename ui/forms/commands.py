"""Undo commands for the form tabs: field edits (keystrokes merged) and subsection lists."""

from __future__ import annotations

from typing import cast

from PySide6.QtGui import QUndoCommand
from typing_extensions import override

from model.field_paths import SubsectionPart, get_field, intro_path, set_field, subsection_path
from model.findings import Location, field_at
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

    def where(self) -> Location | None:
        return field_at(self.path)

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
        changed = [i for i, (a, b) in enumerate(zip(old, new, strict=False)) if (a.title, a.text) != (b.title, b.text)]
        self._changed = changed[0] if changed else min(len(old), len(new))

    def where(self) -> Location | None:
        """The first subsection that differs, as the report now stands; the intro when none is left."""
        count = len(self._document.report.narrative.section(self._section_id).subsections)
        if count == 0:
            return field_at(intro_path(self._section_id))
        index = min(self._changed, count - 1)
        return field_at(subsection_path(self._section_id, index, SubsectionPart.TITLE))

    @override
    def _apply(self, state: object) -> None:
        subsections = cast(list[Subsection], state)
        self._document.report.narrative.section(self._section_id).subsections = copy_subsections(subsections)
        self._document.notify_changed()
