"""The window's seven tabs, one per part of the report, built for a document: which widget shows
which section, and how to put the cursor on a finding's location inside them.

A tab's editor is built the first time it is shown (or jumped to): the grids take a while to lay
out, and the window must be usable at once."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from model.checks import Location
from model.template import SectionKind, TableSpec, Template
from ui.document import ReportDocument
from ui.findings_panel import META_SECTION, META_TITLE, home_section
from ui.forms.meta_form import MetaForm
from ui.forms.narrative_form import NarrativeForm

# Report-level texts placed on a narrative tab: (before the section, after it).
EXTRA_TEXTS = {"overview": ("preamble", None), "other": (None, "closing")}


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
    tabs = [Tab(META_SECTION, META_TITLE, META_TITLE, partial(MetaForm, document), template)]
    for section in document.report.template.sections:
        caption = section.short_heading
        build: Callable[[], QWidget]
        if section.kind is SectionKind.TABLE:
            build = partial(_grid, document, section.id)
        else:
            before, after = EXTRA_TEXTS.get(section.id, (None, None))
            build = partial(NarrativeForm, document, section, before, after)
        tabs.append(Tab(section.id, caption, section.heading, build, template))
    return tabs


def grid_available() -> bool:
    return importlib.util.find_spec("ui.grid.view") is not None


def _grid(document: ReportDocument, table_id: str) -> QWidget:
    if not grid_available():
        placeholder = QLabel("表格编辑器尚未安装")
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return placeholder
    from ui.grid.view import GridView

    return GridView(document, table_id)


def tab_index(tabs: list[Tab], location: Location) -> int:
    section = home_section(location)
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
        select_cell = getattr(widget, "select_cell", None)
        cell = _cell_of(tab.template.table(location.table), location)
        if select_cell is None or cell is None:
            return False
        select_cell(*cell)
        widget.setFocus()
        return True
    if isinstance(widget, MetaForm | NarrativeForm) and location.field:
        return widget.focus_field(location.field)
    return False
