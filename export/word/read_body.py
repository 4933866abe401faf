"""Reading a .docx safely and walking what it shows: paragraphs and tables in order, tables as grids."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from export.read_grid import Grid, GridCell
from export.zipguard import check_package, open_package
from model.errors import ReportFileError

if TYPE_CHECKING:
    from docx.document import Document

WHAT = "Word 文档"
MAIN_PART = "word/document.xml"  # where Word, WPS and LibreOffice all put the document's body
EMBEDDED_PART = "/customXml/nianbao-report.xml"  # where this app's export keeps the exact report (embedded.py)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"  # python-docx's qn("w:…"), without
# importing python-docx: reading a typed document does not need it


def _qn(tag: str) -> str:
    return _W + tag.removeprefix("w:")


_TEXT_TAGS = {_qn("w:t"): None, _qn("w:tab"): "\t", _qn("w:br"): "\n", _qn("w:cr"): "\n"}
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (_qn(t) for t in ("w:p", "w:tbl", "w:tr", "w:tc", "w:sdt", "w:sdtContent"))
_GRID_BEFORE, _GRID_SPAN, _V_MERGE, _VAL, _BODY, _DOCUMENT = (
    _qn(t) for t in ("w:gridBefore", "w:gridSpan", "w:vMerge", "w:val", "w:body", "w:document")
)
# What a table's grid is made of: rows, cells, a cell's span and merge (in its w:tcPr), the columns a
# row leaves out (in its w:trPr), and the cells' text.
_GRID_TAGS = (_TR, _TC, _GRID_BEFORE, _GRID_SPAN, _V_MERGE, _P, *_TEXT_TAGS)
MAX_SPAN = 64  # cells a span or a row's skipped start may cover: no statutory table is wider
# The body is parsed with a parser that never resolves entities or touches the network (the package
# guard has refused DTDs already; this is the second lock), nor indexes xml:id attributes, which
# nothing here looks up (a fifth of the parsing time).
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, collect_ids=False)


def open_document(path: Path) -> Document:
    """Open a .docx after the package guard; any failure becomes a one-line Chinese reason."""
    import docx  # only for a document this app wrote: a typed one is read without python-docx

    check_package(path, WHAT)
    try:
        document = docx.Document(str(path))
    except (KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError, AttributeError) as error:
        raise ReportFileError(f"这不是有效的{WHAT}，无法读取（{type(error).__name__}）") from None
    except OSError as error:
        raise ReportFileError(f"无法读取文件：{error.strerror or error}") from None
    if document.element.tag != _DOCUMENT or document.element.find(_BODY) is None:
        raise ReportFileError(f"这不是有效的{WHAT}（正文部分不是 Word 文档内容）")
    return document


def body_of_package(path: Path) -> etree._Element | None:
    """The body of a .docx read straight from its main part, the only part guarded and inflated:
    what reading a typed document needs, several times faster than python-docx opening every part.
    None when the package keeps its body elsewhere or holds the report this app embedded (then
    the whole package is opened)."""
    with open_package(path, WHAT) as package:
        if MAIN_PART not in package.names or EMBEDDED_PART.lstrip("/") in package.names:
            return None
        data = package.read_xml(MAIN_PART)
    try:
        root = etree.fromstring(data, _PARSER)
    except (etree.XMLSyntaxError, ValueError) as error:
        raise ReportFileError(f"这不是有效的{WHAT}，无法读取（{type(error).__name__}）") from None
    body = root.find(_BODY)
    if root.tag != _DOCUMENT or body is None:
        raise ReportFileError(f"这不是有效的{WHAT}（正文部分不是 Word 文档内容）")
    return body


def paragraph_text(paragraph: etree._Element) -> str:
    parts = []
    for node in paragraph.iter(*_TEXT_TAGS):
        replacement = _TEXT_TAGS[node.tag]
        parts.append(node.text or "" if replacement is None else replacement)
    return "".join(parts)


def all_paragraph_texts(document: Document) -> Iterator[str]:
    """Every paragraph of the body, table cells included, in reading order."""
    for paragraph in document.element.body.iter(_qn("w:p")):
        yield paragraph_text(paragraph)


def _clamped_int(element: etree._Element, low: int, default: int) -> int:
    """A w:val count (a span, cells skipped), kept within what a table can mean."""
    try:
        return max(low, min(int(element.get(_VAL, default)), MAX_SPAN))
    except ValueError:
        return default


def table_grid(tbl: etree._Element) -> Grid:
    """The table as rows of grid cells; merged cells repeat their text and origin in every slot.

    Built in one walk over the table's elements (start and end events, in document order), which
    costs a fraction of asking each row and cell for its parts: a batch of 200 files spends its time
    here. Only the table's own rows and cells make the grid (content controls opened up), with
    their current properties, not those Word keeps from before a tracked change (w:tcPrChange,
    w:trPrChange); a table nested in a cell gives its text to that cell."""
    grid: Grid = []
    row: list[GridCell] = []
    tr: etree._Element | None = None  # the table's open row
    tc: etree._Element | None = None  # the table's open cell
    parts: list[str] = []  # the open cell's text: its paragraphs, one line each
    span, merged = 1, False  # the open cell's columns, and whether it continues the cell above
    for event, element in etree.iterwalk(tbl, events=("start", "end"), tag=_GRID_TAGS):
        tag = element.tag
        if event == "end":
            if element is tc:
                row.extend([_closed_cell(grid, len(row), "".join(parts), merged)] * span)
                tc = None
            elif element is tr:
                grid.append(row)
                tr, row = None, []
        elif tc is not None and tag in _TEXT_TAGS:
            replacement = _TEXT_TAGS[tag]
            parts.append(element.text or "" if replacement is None else replacement)
        elif tc is not None and tag == _P:
            if parts:
                parts.append("\n")
        elif tag == _TR and _child_of(element, tbl):
            tr, row = element, []
        elif tag == _TC and tr is not None and _child_of(element, tr):
            tc, parts, span, merged = element, [], 1, False
        elif tag == _GRID_SPAN and _property_of(element, tc):
            span = _clamped_int(element, 1, 1)
        elif tag == _V_MERGE and _property_of(element, tc):
            merged = element.get(_VAL) != "restart"
        elif tag == _GRID_BEFORE and not row and _property_of(element, tr):  # columns left out before the first cell
            row = [GridCell("", (len(grid), c)) for c in range(_clamped_int(element, 0, 0))]
    return grid


def _child_of(element: etree._Element, owner: etree._Element) -> bool:
    """Whether `element` is a child of `owner`, content controls (w:sdt) between them opened up."""
    parent = element.getparent()
    while parent is not None and parent.tag in (_SDT, _SDT_CONTENT):
        parent = parent.getparent()
    return parent is owner


def _property_of(element: etree._Element, owner: etree._Element | None) -> bool:
    """Whether `element` is one of the current properties of the row or cell `owner` (in its w:trPr or
    w:tcPr, not in a nested table's nor in a tracked change's record of the old ones)."""
    parent = element.getparent()
    return owner is not None and parent is not None and parent.getparent() is owner


def _closed_cell(grid: Grid, c: int, text: str, merged: bool) -> GridCell:
    """A cell at column `c` of the row after `grid`: the cell above when it continues it."""
    if merged and grid and c < len(grid[-1]):
        return grid[-1][c]
    return GridCell(text, (len(grid), c))


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Table:
    grid: Grid


def body_items(body: etree._Element) -> Iterator[Paragraph | Table]:
    """The body's top-level paragraphs and tables in order (content controls opened up)."""
    yield from _items(body)


def _items(container: etree._Element) -> Iterator[Paragraph | Table]:
    for element in container:
        if element.tag == _P:
            yield Paragraph(paragraph_text(element))
        elif element.tag == _TBL:
            yield Table(table_grid(element))
        elif element.tag == _SDT:
            content = element.find(_SDT_CONTENT)
            if content is not None:
                yield from _items(content)
