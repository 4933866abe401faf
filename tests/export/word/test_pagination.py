"""export/word/document.py and tables.py: the composition's page rules as Word's own properties.

Headings keep with next and their lines together; the last lines of text, the 落款 and the date keep
together; a block the composition sends to a new page gets a page break before it; table 三 repeats
its header rows, keeps each row group together, continues with a page break before a row group and
prints the cut label again; column headers break between words.
"""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from export.composition.blocks import Kind, Paragraph, Table
from export.composition.compose import compose
from export.formats import WORD, ExportOptions
from model.files import load_report
from model.report import Report
from tests.export.test_parity import FIXTURES, every_cell_of_table_3_non_zero
from tests.factories import consistent_report

W_P, W_TBL = qn("w:p"), qn("w:tbl")


def _body(report: Report, signed: bool = False) -> list[BaseOxmlElement]:
    document = docx.Document(io.BytesIO(WORD.render(report, ExportOptions(signed_copy=signed))))
    return [e for e in document.element.body if e.tag in (W_P, W_TBL)]


def _has(element: BaseOxmlElement, tag: str) -> bool:
    ppr = element.find(qn("w:pPr"))
    return ppr is not None and ppr.find(qn(tag)) is not None


def _text(element: BaseOxmlElement) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


@pytest.fixture(scope="module")
def seed() -> Report:
    return load_report(FIXTURES / "seed_003.nianbao.json")


def test_paragraphs_carry_the_compositions_keep_rules_and_page_starts(seed: Report) -> None:
    composition = compose(seed, signed_copy=False)
    elements = _body(seed)
    separators = 0
    for index, block in enumerate(composition.blocks):
        element = elements[index + separators]
        if isinstance(block, Table):
            separators += index in composition.page_starts  # a 1 pt paragraph carries the page break
            continue
        assert isinstance(block, Paragraph)
        assert _text(element) == (
            block.text if block.kind is not Kind.TITLE else "".join(line.text for line in block.lines)
        )
        assert _has(element, "w:keepNext") == block.keep_with_next, block.text
        assert _has(element, "w:keepLines") == block.keep_lines, block.text
        assert _has(element, "w:pageBreakBefore") == (index > 0 and index in composition.page_starts), block.text


def test_headings_keep_with_what_follows_and_the_signature_with_the_last_lines(seed: Report) -> None:
    composition = compose(seed, signed_copy=False)
    kinds = [b.kind for b in composition.blocks if isinstance(b, Paragraph)]
    paragraphs = [b for b in composition.blocks if isinstance(b, Paragraph)]
    for block in paragraphs:
        if block.kind in (Kind.HEADING1, Kind.HEADING2):
            assert block.keep_with_next and block.keep_lines
    last_text = max(i for i, kind in enumerate(kinds) if kind is Kind.BODY)
    assert paragraphs[last_text].keep_with_next
    assert all(p.keep_with_next for p in paragraphs[last_text + 1 : -1])


def test_table_3_continues_between_row_groups_with_its_header_and_label_again() -> None:
    report = every_cell_of_table_3_non_zero()
    composition = compose(report, signed_copy=False)
    ((index, breaks),) = composition.table_breaks.items()
    table = composition.blocks[index]
    assert isinstance(table, Table) and table.table_id == "applications"
    (element,) = [e for e in _body(report) if e.tag == W_TBL and "申请人情况" in _text(e)]
    rows = element.findall(qn("w:tr"))
    assert len(rows) == len(table.heights)
    for r, row in enumerate(rows):
        tr_pr = row.find(qn("w:trPr"))
        assert tr_pr.find(qn("w:cantSplit")) is not None
        assert (tr_pr.find(qn("w:tblHeader")) is not None) == (r < table.header_rows)
        assert int(tr_pr.find(qn("w:trHeight")).get(qn("w:val"))) == table.heights[r]
        first_cell = row.find(qn("w:tc")).find(W_P)
        assert _has(first_cell, "w:pageBreakBefore") == (r in breaks)
    group_ends = {end - 1 for _, end in table.groups}
    for start, end in table.groups:  # every row of a group keeps with the next row of the group
        for r in range(start, end):
            kept = all(_has(p, "w:keepNext") for p in rows[r].iter(W_P))
            assert kept == (r not in group_ends), r
    for r in breaks:  # the outer label (三、本年度办理结果) starts again, printed again
        outer = rows[r].find(qn("w:tc"))
        assert outer.find(qn("w:tcPr")).find(qn("w:vMerge")).get(qn("w:val")) == "restart"
        assert _text(outer).startswith("三、")


def test_column_headers_break_between_words() -> None:
    (element,) = [e for e in _body(consistent_report()) if e.tag == W_TBL and "申请人情况" in _text(e)]
    lines = {}
    for cell in element.iter(qn("w:tc")):
        paragraph = cell.find(W_P)
        pieces, current = [], ""
        for node in paragraph.iter(qn("w:t"), qn("w:br")):
            if node.tag == qn("w:br"):
                pieces.append(current)
                current = ""
            else:
                current += node.text or ""
        lines["".join([*pieces, current])] = [*pieces, current]
    assert lines["商业企业"] == ["商业", "企业"]
    assert lines["科研机构"] == ["科研", "机构"]
    assert lines["社会公益组织"] == ["社会", "公益", "组织"]


def test_a_title_longer_than_word_allows_in_properties_exports() -> None:
    report = consistent_report()
    report.meta.agency = "某" * 300
    document = docx.Document(io.BytesIO(WORD.render(report, ExportOptions())))
    assert document.core_properties.title == report.title[:255]
    assert len(document.core_properties.author) == 255
