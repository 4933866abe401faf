"""Reading a .docx safely and walking what it shows: paragraphs and tables in order, tables as grids."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml import etree

from export.read_grid import Grid, GridCell
from export.zipguard import check_package
from model.errors import ReportFileError

WHAT = "Word 文档"
_TEXT_TAGS = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n"}


def open_document(path: Path) -> Document:
    """Open a .docx after the package guard; any failure becomes a one-line Chinese reason."""
    check_package(path, WHAT)
    try:
        document = docx.Document(str(path))
    except (KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError, AttributeError) as error:
        raise ReportFileError(f"这不是有效的{WHAT}，无法读取（{type(error).__name__}）") from None
    except OSError as error:
        raise ReportFileError(f"无法读取文件：{error.strerror or error}") from None
    if document.element.tag != qn("w:document") or document.element.find(qn("w:body")) is None:
        raise ReportFileError(f"这不是有效的{WHAT}（正文部分不是 Word 文档内容）")
    return document


def paragraph_text(paragraph: BaseOxmlElement) -> str:
    parts = []
    for node in paragraph.iter(*_TEXT_TAGS):
        replacement = _TEXT_TAGS[node.tag]
        parts.append(node.text or "" if replacement is None else replacement)
    return "".join(parts)


def all_paragraph_texts(document: Document) -> Iterator[str]:
    """Every paragraph of the body, table cells included, in reading order."""
    for paragraph in document.element.body.iter(qn("w:p")):
        yield paragraph_text(paragraph)


def _cell_text(tc: BaseOxmlElement) -> str:
    return "\n".join(paragraph_text(p) for p in tc.iter(qn("w:p")))


def _int_attribute(parent: BaseOxmlElement | None, tag: str, default: int) -> int:
    element = parent.find(qn(tag)) if parent is not None else None
    try:
        return int(element.get(qn("w:val"))) if element is not None else default
    except (TypeError, ValueError):
        return default


def _direct(parent: BaseOxmlElement, tag: str) -> Iterator[BaseOxmlElement]:
    """Children named `tag`, looking through content controls (w:sdt) but not into nested tables."""
    for element in parent:
        if element.tag == qn(tag):
            yield element
        elif element.tag == qn("w:sdt"):
            content = element.find(qn("w:sdtContent"))
            if content is not None:
                yield from _direct(content, tag)


def _merged_from_above(tc_pr: BaseOxmlElement | None) -> bool:
    merge = tc_pr.find(qn("w:vMerge")) if tc_pr is not None else None
    return merge is not None and merge.get(qn("w:val")) != "restart"


def table_grid(tbl: BaseOxmlElement) -> Grid:
    """The table as rows of grid cells; merged cells repeat their text and origin in every slot."""
    grid: Grid = []
    for tr in _direct(tbl, "w:tr"):
        r = len(grid)
        skipped = min(_int_attribute(tr.find(qn("w:trPr")), "w:gridBefore", 0), 64)
        row = [GridCell("", (r, c)) for c in range(skipped)]
        for tc in _direct(tr, "w:tc"):
            tc_pr = tc.find(qn("w:tcPr"))
            span = max(1, min(_int_attribute(tc_pr, "w:gridSpan", 1), 64))
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


def body_items(document: Document) -> Iterator[Paragraph | Table]:
    """The body's top-level paragraphs and tables in order (content controls opened up)."""
    yield from _items(document.element.body)


def _items(container: BaseOxmlElement) -> Iterator[Paragraph | Table]:
    for element in container:
        if element.tag == qn("w:p"):
            yield Paragraph(paragraph_text(element))
        elif element.tag == qn("w:tbl"):
            yield Table(table_grid(element))
        elif element.tag == qn("w:sdt"):
            content = element.find(qn("w:sdtContent"))
            if content is not None:
                yield from _items(content)
