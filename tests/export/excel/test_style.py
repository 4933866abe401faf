"""export/excel/style.py: how wide and tall cells are made for their text (a CJK character is about two width
units, Latin about one), row heights within Excel's limit, header/footer text with a literal '&', and the
protection and print setup a sheet gets (checked after saving and reopening the workbook).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from export.excel.style import (
    CELL_PADDING_PT,
    LINE_HEIGHT_PT,
    MAX_ROW_HEIGHT_PT,
    escape_header_text,
    height_for,
    lines_needed,
    protect,
    set_column_widths,
    setup_page,
    text_width,
)
from model.template import TEMPLATE_2021


@pytest.mark.parametrize(
    ("wide", "narrow"),
    [
        ("自然人", "abc"),
        ("２０２４", "2024"),  # full-width digits as typed in a Chinese IME
        ("（一）", "(1)"),
        ("，", ","),
        ("　", " "),  # the ideographic space
    ],
)
def test_a_cjk_or_full_width_character_takes_about_two_latin_widths(wide: str, narrow: str) -> None:
    assert len(wide) == len(narrow)
    ratio = text_width(wide) / text_width(narrow)
    assert 1.7 <= ratio <= 2.3


@pytest.mark.parametrize("text", ["", "a", "自", "2024年", "法律服务机构", "3.危及“三安全一稳定”"])
def test_width_adds_up_over_the_characters(text: str) -> None:
    assert text_width(text) == pytest.approx(sum(text_width(c) for c in text))
    assert text_width(text + text) == pytest.approx(2 * text_width(text))


def test_nothing_is_no_width() -> None:
    assert text_width("") == 0


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("总计", 10, 1),
        ("", 10, 1),  # an empty cell still has its one line
        ("社会公益组织", 20, 1),
        ("社会公益组织", 8, 2),
        ("三、本年度办理结果", 6, 5),  # the narrow merged group label: about two characters a line
        ("第一段\n第二段", 40, 2),  # every paragraph starts a line
        ("第一段\n\n第三段", 40, 3),  # an empty paragraph is a line too
        ("短\n" + "长" * 30, 20, 1 + 4),
    ],
)
def test_lines_needed_wrap_each_paragraph_in_the_column_width(text: str, width: float, lines: int) -> None:
    assert lines_needed(text, width) == lines


@pytest.mark.parametrize("width", [0, 0.5, 1.5, -3])
def test_a_column_too_narrow_for_one_character_still_gives_a_finite_count(width: float) -> None:
    assert lines_needed("政府信息公开", width) == round(text_width("政府信息公开"))


def test_more_text_never_needs_fewer_lines() -> None:
    label = TEMPLATE_2021.table("applications").row("other_unpaid_fee").label
    counts = [lines_needed(label[:n], 25) for n in range(len(label) + 1)]
    assert counts == sorted(counts)
    assert counts[-1] > 1


@pytest.mark.parametrize(("lines", "points"), [(1, LINE_HEIGHT_PT + CELL_PADDING_PT), (3, 3 * LINE_HEIGHT_PT + 4)])
def test_a_row_is_tall_enough_for_its_lines(lines: int, points: float) -> None:
    assert height_for(lines) == points
    assert height_for(lines + 1) > height_for(lines)


def test_a_row_never_exceeds_excels_limit_of_409_points() -> None:
    assert MAX_ROW_HEIGHT_PT == 409
    long_text = "\n".join(["本机关依法答复。"] * 200)
    assert height_for(lines_needed(long_text, 40)) == MAX_ROW_HEIGHT_PT


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("叶城县科学技术局2024年政府信息公开工作年度报告", "叶城县科学技术局2024年政府信息公开工作年度报告"),
        ("A&B 咨询公司", "A&&B 咨询公司"),
        ("&P", "&&P"),  # would print the page number
        ("&&", "&&&&"),
        ("", ""),
    ],
)
def test_a_literal_ampersand_in_header_text_is_doubled(text: str, escaped: str) -> None:
    assert escape_header_text(text) == escaped


def _reopened(workbook: openpyxl.Workbook, tmp_path: Path) -> openpyxl.Workbook:
    path = tmp_path / "book.xlsx"
    workbook.save(path)
    return openpyxl.load_workbook(path)


def test_column_widths_are_set_from_column_a_rounded_to_a_tenth(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    set_column_widths(workbook.active, [12.34, 8.0, 25.96])
    sheet = _reopened(workbook, tmp_path).active
    assert [sheet.column_dimensions[c].width for c in "ABC"] == [12.3, 8.0, 26.0]


def test_a_protected_sheet_has_no_password_and_still_lets_people_resize(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    protect(workbook.active)
    protection = _reopened(workbook, tmp_path).active.protection
    assert protection.sheet
    assert not protection.password
    # In the file format False means "not protected against", i.e. allowed.
    assert (protection.formatColumns, protection.formatRows, protection.formatCells) == (False, False, False)


@pytest.mark.parametrize("landscape", [True, False])
def test_page_setup_prints_a4_one_page_wide_with_repeated_titles(tmp_path: Path, landscape: bool) -> None:
    workbook = openpyxl.Workbook()
    setup_page(workbook.active, landscape=landscape, title_rows=(1, 4), header="A&B 科学技术局2024年报告")
    sheet = _reopened(workbook, tmp_path).active
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.page_setup.orientation == ("landscape" if landscape else "portrait")
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)  # 0: as many pages as needed
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$4"
    assert sheet.oddHeader.center.text == "A&&B 科学技术局2024年报告"  # prints as A&B
    assert sheet.oddFooter.center.text == "第 &P 页，共 &N 页"
    assert sheet.print_options.horizontalCentered
