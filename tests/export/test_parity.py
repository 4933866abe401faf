"""One 公文: our PDF and LibreOffice's print of our .docx are the same pages (issue 12).

For the five seed reports, a report with every cell of table 三 non-zero and a long report (seed
narratives three times as long): the same number of pages, each page beginning with the same ten
characters; in our PDF full body lines hold 28 characters on the 156 mm line, and no page but the
last ends with more than two empty lines, except before a table group that must not split. Every
report is converted once (LibreOffice with a temporary profile, one run for all).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from export.composition.blocks import Kind, Lines, TablePart
from export.composition.compose import compose
from export.composition.lines import HANGING
from export.formats import PDF, WORD, ExportOptions
from export.page_design import (
    BODY_LINE_PITCH_PT,
    CHARS_PER_LINE,
    MARGIN_BOTTOM_MM,
    MARGIN_LEFT_MM,
    PAGE_HEIGHT_MM,
    PT_PER_MM,
    SEAL_LABEL,
    SIGNER_LABEL,
    SIZE_3,
    TEXT_WIDTH_PT,
)
from model.files import load_report
from model.layout import table_layout
from model.report import Report
from tests.factories import consistent_report

OFFICE = shutil.which("libreoffice") or shutil.which("soffice")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(OFFICE is None, reason="LibreOffice (libreoffice/soffice) is not installed"),
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"),
]
FIXTURES = Path(__file__).parents[1] / "fixtures"
SEEDS = [f"seed_00{i}" for i in range(5)]
SIGNED = ("seed_000", "seed_003")  # also printed as the signed copy (加盖印章)
LEFT = MARGIN_LEFT_MM * PT_PER_MM
RIGHT = LEFT + TEXT_WIDTH_PT
TEXT_BOTTOM = (PAGE_HEIGHT_MM - MARGIN_BOTTOM_MM) * PT_PER_MM  # from the page's top


def every_cell_of_table_3_non_zero() -> Report:
    report = consistent_report()
    table = report.template.table("applications")
    entered = [cell.ref for cell in table_layout(table).data_cells() if cell.ref and not cell.is_total]
    for number, (row_id, column_id) in enumerate(entered):
        report.set_cell(table.id, row_id, column_id, 10 + number % 90)
    return report


def long_report() -> Report:
    """seed_000 with every narrative three times as long."""
    report = load_report(FIXTURES / "seed_000.nianbao.json")
    for section in report.narrative.sections.values():
        section.intro = "\n".join([section.intro] * 3) if section.intro.strip() else section.intro
        for subsection in section.subsections:
            subsection.text = "\n".join([subsection.text] * 3)
    return report


def reports() -> dict[str, Report]:
    found = {name: load_report(FIXTURES / f"{name}.nianbao.json") for name in SEEDS}
    return {**found, "table-3-full": every_cell_of_table_3_non_zero(), "long": long_report()}


@dataclass(frozen=True)
class Printed:
    report: Report
    ours: Path
    theirs: Path
    signed: bool = False


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Printed]:
    folder = tmp_path_factory.mktemp("parity")
    result = {}
    for name, report in reports().items():
        for signed in (False, True):
            if signed and name not in SIGNED:
                continue
            file = f"{name}-signed" if signed else name
            options = ExportOptions(signed_copy=signed)
            (folder / f"{file}.pdf").write_bytes(PDF.render(report, options))
            (folder / f"{file}.docx").write_bytes(WORD.render(report, options))
            result[file] = Printed(report, folder / f"{file}.pdf", folder / "lo" / f"{file}.pdf", signed)
    command = [str(OFFICE), f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless"]
    command += ["--convert-to", "pdf", "--outdir", str(folder / "lo"), *(str(folder / f"{n}.docx") for n in result)]
    subprocess.run(command, check=True, capture_output=True, timeout=600)
    return result


Word = tuple[str, float, float, float, float]  # text, left, top, right, bottom (points from the top left)


def pages_of(pdf: Path) -> list[list[Word]]:
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    pages = []
    for page in html.split("<page ")[1:]:
        words = [(t, float(a), float(b), float(c), float(d)) for a, b, c, d, t in re.findall(pattern, page)]
        pages.append([w for w in words if w[2] < TEXT_BOTTOM])  # the page number is below the text block
    return pages


def lines_of(words: list[Word]) -> list[list[Word]]:
    """Words grouped into printed lines (bottoms within 3 pt), top to bottom, each left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w[4]):
        if lines and abs(lines[-1][0][4] - word[4]) < 3:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w[1]) for line in lines]


def beginning(words: list[Word], length: int = 10) -> str:
    return "".join(w[0] for line in lines_of(words) for w in line)[:length]


@pytest.mark.parametrize("name", [*SEEDS, "table-3-full", "long", *(f"{n}-signed" for n in SIGNED)])
def test_our_pdf_and_the_printed_docx_are_the_same_pages(printed: dict[str, Printed], name: str) -> None:
    ours, theirs = pages_of(printed[name].ours), pages_of(printed[name].theirs)
    assert [beginning(p) for p in ours] == [beginning(p) for p in theirs]


@pytest.mark.parametrize("name", [*SEEDS, "long"])  # the table-3 report's paragraphs are one line each
def test_full_body_lines_hold_28_characters_on_the_156_mm_line(printed: dict[str, Printed], name: str) -> None:
    full = 0
    for page in pages_of(printed[name].ours):
        for line in lines_of(page):
            text = "".join(w[0] for w in line)
            left, right = min(w[1] for w in line), max(w[3] for w in line)
            hanging = len(text) == CHARS_PER_LINE + 1 and text[-1] in HANGING
            assert right <= RIGHT + (SIZE_3 if text[-1] in HANGING else 1), text  # only 。，、 hang past it
            is_body = line[0][4] - line[0][2] > 12 and all(ord(c) > 0x2E80 for c in text)
            if is_body and abs(left - LEFT) < 1 and right > RIGHT - 1.5:
                pushed = len(text) == CHARS_PER_LINE - 1  # 禁则: its last character went down with a mark
                assert len(text) == CHARS_PER_LINE + hanging or pushed, text
                full += not pushed
    assert full >= 5


@pytest.mark.parametrize("name", [*SEEDS, "table-3-full", "long"])
def test_no_page_ends_with_more_than_two_empty_lines_unless_a_table_group_follows(
    printed: dict[str, Printed], name: str
) -> None:
    """Two empty lines at most; more only before a table group that must not split, or before
    headings that keep two lines of their text with them (一、 then （一）: four lines)."""
    composition = compose(printed[name].report, signed_copy=printed[name].signed)
    pages = pages_of(printed[name].ours)
    assert len(pages) == len(composition.pages)
    for number, (page, next_page) in enumerate(zip(pages, composition.pages[1:], strict=False), start=1):
        if any(isinstance(item, TablePart) for item in next_page.items[:3]):
            continue  # the table (after its heading) moved whole, or continues with a row group
        kept = 0
        for item in next_page.items:
            if not (isinstance(item, Lines) and item.paragraph.kind in (Kind.HEADING1, Kind.HEADING2)):
                break
            kept += 1
        empty = TEXT_BOTTOM - max(w[4] for w in page)
        allowed = (2 + kept) * BODY_LINE_PITCH_PT + BODY_LINE_PITCH_PT / 2
        assert empty < allowed, f"page {number}: {empty / BODY_LINE_PITCH_PT:.1f} empty lines"


# --- what the pages looked like side by side (pdftoppm of both, every report above) -------------


def _line_texts(words: list[Word]) -> list[str]:
    return ["".join(w[0] for w in line) for line in lines_of(words)]


@pytest.mark.parametrize("name", [*SEEDS, "long"])
def test_the_title_prints_in_the_same_lines(printed: dict[str, Printed], name: str) -> None:
    ours = _line_texts(pages_of(printed[name].ours)[0])[:2]
    theirs = _line_texts(pages_of(printed[name].theirs)[0])[:2]
    assert ours == theirs
    assert "".join(ours).replace(" ", "") == printed[name].report.title


@pytest.mark.parametrize("name", [*SEEDS, "table-3-full", "long"])
def test_table_3_continues_in_both_with_its_header_and_outer_label_again(
    printed: dict[str, Printed], name: str
) -> None:
    for pdf in (printed[name].ours, printed[name].theirs):
        pages = ["".join(_line_texts(page)) for page in pages_of(pdf)]
        holding = [page for page in pages if "申请人情况" in page]
        assert len(holding) in (1, 2)
        if len(holding) == 2:  # the continuation: header rows and 三、本年度办理结果 printed again
            assert "法人或其他组织" in holding[1] and "三、" in holding[1]
            assert all(label in holding[0] for label in ("一、本年新收", "二、上年结转"))


@pytest.mark.parametrize("name", [*SEEDS, "long", *(f"{n}-signed" for n in SIGNED)])
def test_signature_lines_end_at_the_same_place_in_both(printed: dict[str, Printed], name: str) -> None:
    report = printed[name].report
    for text in filter(None, [report.signatory]):
        edges = []
        for pdf in (printed[name].ours, printed[name].theirs):
            last = pages_of(pdf)[-1]
            (right,) = [w[3] for w in last if w[0] == text]
            edges.append(right)
        assert edges[0] == pytest.approx(edges[1], abs=1.5)


@pytest.mark.parametrize("name", [f"{n}-signed" for n in SIGNED])
def test_the_seal_sits_over_the_signatory_in_both(printed: dict[str, Printed], name: str) -> None:
    signatory = printed[name].report.signatory
    for pdf in (printed[name].ours, printed[name].theirs):
        last = pages_of(pdf)[-1]
        (seal,) = [w for w in last if w[0] == SEAL_LABEL]
        (sign,) = [w for w in last if w[0] == signatory]
        assert (seal[1] + seal[3]) / 2 == pytest.approx((sign[1] + sign[3]) / 2, abs=SIZE_3)
        assert seal[4] < sign[2] < seal[4] + 2 * BODY_LINE_PITCH_PT  # the label a line or so above
        signer = [w for w in last if w[0].startswith(SIGNER_LABEL[:5])]
        assert signer and signer[0][2] > sign[4]  # 单位负责人（签字） below 落款 and date
