"""Reading a .docx safely and walking what it shows: paragraphs and tables in order, tables as grids."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

from export.read_grid import Grid, GridCell
from export.zipguard import check_package
from model.errors import ReportFileError

WHAT = "Word 文档"
MAIN_PART = "word/document.xml"  # where Word, WPS and LibreOffice all put the document's body
_TEXT_TAGS = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n"}
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (qn(t) for t in ("w:p", "w:tbl", "w:tr", "w:tc", "w:sdt", "w:sdtContent"))
_TR_PR, _TC_PR, _GRID_BEFORE, _GRID_SPAN, _V_MERGE, _VAL, _BODY, _DOCUMENT = (
    qn(t) for t in ("w:trPr", "w:tcPr", "w:gridBefore", "w:gridSpan", "w:vMerge", "w:val", "w:body", "w:document")
)
# The body is parsed with a parser that never resolves entities or touches the network (the package
# guard has refused DTDs already; this is the second lock).
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def open_document(path: Path) -> Document:
    """Open a .docx after the package guard; any failure becomes a one-line Chinese reason."""
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


def body_of_package(path: Path, unless: str) -> etree._Element | None:
    """The body of a .docx read straight from its main part, without python-docx opening every part:
    what reading a typed document needs, several times faster. None when the package keeps its body
    elsewhere or holds the part `unless` (a report this app embedded: then the whole package is opened)."""
    check_package(path, WHAT)
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            if MAIN_PART not in names or unless.lstrip("/") in names:
                return None
            root = etree.fromstring(package.read(MAIN_PART), _PARSER)
    except (zipfile.BadZipFile, etree.XMLSyntaxError, ValueError) as error:
        raise ReportFileError(f"这不是有效的{WHAT}，无法读取（{type(error).__name__}）") from None
    except OSError as error:
        raise ReportFileError(f"无法读取文件：{error.strerror or error}") from None
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
    for paragraph in document.element.body.iter(qn("w:p")):
        yield paragraph_text(paragraph)


def _cell_text(tc: etree._Element) -> str:
    """A cell's paragraphs, one line each, read in one pass over the cell."""
    parts: list[str] = []
    for node in tc.iter(_P, *_TEXT_TAGS):
        if node.tag == _P:
            if parts:
                parts.append("\n")
            continue
        replacement = _TEXT_TAGS[node.tag]
        parts.append(node.text or "" if replacement is None else replacement)
    return "".join(parts)


def _int_attribute(parent: etree._Element | None, tag: str, default: int) -> int:
    element = parent.find(tag) if parent is not None else None
    try:
        return int(element.get(_VAL)) if element is not None else default
    except (TypeError, ValueError):
        return default


def _direct(parent: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children named `tag` (a Clark name), looking through content controls (w:sdt) but not into nested tables."""
    for element in parent:
        if element.tag == tag:
            yield element
        elif element.tag == _SDT:
            content = element.find(_SDT_CONTENT)
            if content is not None:
                yield from _direct(content, tag)


def _merged_from_above(tc_pr: etree._Element | None) -> bool:
    merge = tc_pr.find(_V_MERGE) if tc_pr is not None else None
    return merge is not None and merge.get(_VAL) != "restart"


def table_grid(tbl: etree._Element) -> Grid:
    """The table as rows of grid cells; merged cells repeat their text and origin in every slot."""
    grid: Grid = []
    for tr in _direct(tbl, _TR):
        r = len(grid)
        skipped = min(_int_attribute(tr.find(_TR_PR), _GRID_BEFORE, 0), 64)
        row = [GridCell("", (r, c)) for c in range(skipped)]
        for tc in _direct(tr, _TC):
            tc_pr = tc.find(_TC_PR)
            span = max(1, min(_int_attribute(tc_pr, _GRID_SPAN, 1), 64))
            c = len(row)
            if _merged_from_above(tc_pr) and grid and c < len(grid[-1]):
                cell = grid[-1][c]
            else:
                cell = GridCell(_cell_text(tc), (r, c))
            row.extend([cell] * span)
        grid.append(row)
    return grid


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
