"""The window's seven tabs, one per part of the report, built for a document: which widget shows
which section, and how to put the cursor on a finding's location inside them.

A tab's editor is built the first time it is shown (or jumped to): the grids take a while to lay
out, and the window must be usable at once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Protocol, runtime_checkable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from model.field_paths import META
from model.findings import Location
from model.template import SectionKind, TableSpec, Template
from ui.document import ReportDocument
from ui.forms.meta_form import MetaForm
from ui.forms.narrative_form import NarrativeForm


@dataclass
class Tab:
    section_id: str
    caption: str
    tooltip: str
    build: Callable[[], QWidget]
    template: Template
    page: QWidget = field(default_factory=QWidget)  # what the tab widget holds; the editor goes in it
    editor: QWidget | None = None

    def __post_init__(self) -> None:
        QVBoxLayout(self.page).setContentsMargins(0, 0, 0, 0)

    def ensure_built(self) -> QWidget:
        if self.editor is None:
            self.editor = self.build()
            layout = self.page.layout()
            assert layout is not None
            layout.addWidget(self.editor)
        return self.editor


def build_tabs(document: ReportDocument) -> list[Tab]:
    template = document.report.template
    title = template.meta_title
    tabs = [Tab(META, title, title, partial(MetaForm, document), template)]
    for section in template.sections:
        build: Callable[[], QWidget]
        if section.kind is SectionKind.TABLE:
            build = partial(_grid, document, section.id)
        else:
            build = partial(NarrativeForm, document, section)
        tabs.append(Tab(section.id, section.short_heading, section.heading, build, template))
    return tabs


def _grid(document: ReportDocument, table_id: str) -> QWidget:
    # Imported when a table tab is first shown: the grid's modules are the bulk of the window's
    # code, and start-up does not need them.
    from ui.grid.view import GridView

    return GridView(document, table_id)


@runtime_checkable
class SelectsCells(Protocol):
    """A tab editor that can put the cursor on a table cell (the statutory grid)."""

    def select_cell(self, row_id: str, column_id: str) -> None: ...


def tab_index(tabs: list[Tab], location: Location) -> int:
    if not tabs:
        return -1
    section = tabs[0].template.home_section(location.part_id)
    return next((i for i, tab in enumerate(tabs) if tab.section_id == section), -1)


def _cell_of(table: TableSpec, location: Location) -> tuple[str, str] | None:
    """The cell to select; a whole row or column (e.g. a label that differs) selects its first cell."""
    for row in table.rows:
        if location.row in (None, row.id):
            for column in table.block_of(row.id).columns:
                if location.column in (None, column.id):
                    return row.id, column.id
    return None


def focus_location(tab: Tab, location: Location) -> bool:
    """Select the cell or the field a finding points at; False when the tab cannot show it."""
    widget = tab.ensure_built()
    if location.table:
        cell = _cell_of(tab.template.table(location.table), location)
        if not isinstance(widget, SelectsCells) or cell is None:
            return False
        widget.select_cell(*cell)
        widget.setFocus()
        return True
    if isinstance(widget, MetaForm | NarrativeForm) and location.field:
        return widget.focus_field(location.field)
    return False
