"""export/page_design.py: the GB/T 9704-2012 page the Word and PDF exports share, checked against the
standard's own numbers — A4 (5.1), 天头 37 mm and 订口 28 mm with a 156 mm × 225 mm 版心 (5.2.1),
22 lines a page (5.2.3), the 字号 in points, page numbers with an 一字线 either side (7.5) — and the
font schemes a person chooses from, consistent with each other and with what their labels say."""

from __future__ import annotations

import pytest

from export import page_design as design
from export.page_design import (
    AUTO_SCHEME,
    AUTO_SCHEME_LABEL,
    FONT_SCHEME_CHOICES,
    FONT_SCHEMES,
    STANDARD,
    WINDOWS,
    FontScheme,
    page_number_text,
)

ROLES = ("title", "body", "heading1", "heading2", "page_number", "table")
EM_DASH = "\u2014"  # 一字线


# --- the page --------------------------------------------------------------------------------------


def test_the_page_is_a4() -> None:
    assert (design.PAGE_WIDTH_MM, design.PAGE_HEIGHT_MM) == (210, 297)  # GB/T 148 A4, GB/T 9704 5.1
    width_pt, height_pt = design.PAGE_WIDTH_MM * design.PT_PER_MM, design.PAGE_HEIGHT_MM * design.PT_PER_MM
    assert (width_pt, height_pt) == pytest.approx((595.276, 841.890), abs=1e-3)  # as a PDF reader says


def test_top_and_binding_margins_are_the_standards() -> None:
    assert design.MARGIN_TOP_MM == 37  # 天头 37 mm ± 1 mm
    assert design.MARGIN_LEFT_MM == 28  # 订口 28 mm ± 1 mm


def test_the_text_block_is_156_by_225_mm() -> None:
    width = design.PAGE_WIDTH_MM - design.MARGIN_LEFT_MM - design.MARGIN_RIGHT_MM
    height = design.PAGE_HEIGHT_MM - design.MARGIN_TOP_MM - design.MARGIN_BOTTOM_MM
    assert (width, height) == (156, 225)  # 版心 156 mm × 225 mm
    assert (design.MARGIN_RIGHT_MM, design.MARGIN_BOTTOM_MM) == (26, 35)


def test_twenty_two_body_lines_fill_the_text_block() -> None:
    height_pt = (design.PAGE_HEIGHT_MM - design.MARGIN_TOP_MM - design.MARGIN_BOTTOM_MM) * design.PT_PER_MM
    pitch = design.BODY_LINE_PITCH_PT
    assert 22 * pitch <= height_pt < 23 * pitch  # 一般每面排 22 行
    assert height_pt - 22 * pitch < 0.5 * design.PT_PER_MM  # … 并撑满版心: less than half a millimetre left


def test_points_per_millimetre() -> None:
    inch_pt = design.MM_PER_INCH * design.PT_PER_MM
    assert inch_pt == pytest.approx(72)


@pytest.mark.parametrize(
    ("size", "points"),
    [
        (design.SIZE_2, 22),  # 二号: the title (7.3.1)
        (design.SIZE_3, 16),  # 三号: body and headings (5.2.2)
        (design.SIZE_4, 14),  # 四号: page numbers (7.5)
        (design.SIZE_5, 10.5),  # 五号
        (design.SIZE_SMALL_5, 9),  # 小五
    ],
    ids=["二号", "三号", "四号", "五号", "小五"],
)
def test_chinese_font_sizes_in_points(size: float, points: float) -> None:
    assert size == points


def test_body_text_indents_two_characters() -> None:
    assert design.FIRST_LINE_INDENT_CHARS == 2


# --- page numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("number", "text"), [(1, "— 1 —"), (2, "— 2 —"), (12, "— 12 —"), (105, "— 105 —")])
def test_a_page_number_is_the_arabic_number_between_two_em_dashes(number: int, text: str) -> None:
    printed = page_number_text(number)
    assert printed == text
    before, digits, after = printed.split(" ")
    assert before == after == EM_DASH  # 数字左右各放一条一字线
    assert digits.isascii() and digits.isdigit()  # 半角阿拉伯数字


# --- font schemes ----------------------------------------------------------------------------------


def test_the_schemes_are_standard_and_windows_by_their_ids() -> None:
    assert FONT_SCHEMES == {"standard": STANDARD, "windows": WINDOWS}
    assert all(scheme_id == scheme.id for scheme_id, scheme in FONT_SCHEMES.items())


def test_the_choices_are_auto_then_each_scheme_with_its_label() -> None:
    choices = list(FONT_SCHEME_CHOICES)
    assert choices == [(AUTO_SCHEME, AUTO_SCHEME_LABEL), (STANDARD.id, STANDARD.label), (WINDOWS.id, WINDOWS.label)]
    ids = [scheme_id for scheme_id, _ in choices]
    assert ids == ["auto", "standard", "windows"]  # main.py convert --fonts auto|standard|windows (README)
    assert AUTO_SCHEME not in FONT_SCHEMES  # auto is a choice between schemes, not a scheme
    labels = [label for _, label in choices]
    assert len(set(labels)) == len(labels) and all(labels)


@pytest.mark.parametrize(
    ("role", "face"),
    [
        ("title", "方正小标宋简体"),  # 标题一般用 2 号小标宋体字
        ("body", "仿宋_GB2312"),  # 公文格式各要素一般用 3 号仿宋体字
        ("heading1", "黑体"),  # 第一层用黑体字
        ("heading2", "楷体_GB2312"),  # 第二层用楷体字
        ("page_number", "宋体"),  # 页码一般用 4 号半角宋体阿拉伯数字
        ("table", "仿宋_GB2312"),
    ],
)
def test_the_standard_scheme_uses_the_faces_gbt_9704_names(role: str, face: str) -> None:
    assert getattr(STANDARD, role) == face


@pytest.mark.parametrize(
    ("role", "face"),
    [
        ("title", "宋体"),  # no 小标宋 comes with Windows: the 宋 face it has
        ("body", "仿宋"),
        ("heading1", "黑体"),
        ("heading2", "楷体"),
        ("page_number", "宋体"),
        ("table", "仿宋"),
    ],
)
def test_the_windows_scheme_uses_the_faces_windows_has(role: str, face: str) -> None:
    assert getattr(WINDOWS, role) == face


@pytest.mark.parametrize("scheme", [STANDARD, WINDOWS], ids=lambda s: s.id)
def test_a_schemes_label_names_the_faces_it_uses(scheme: FontScheme) -> None:
    for role in ("title", "body", "heading1", "heading2"):
        assert getattr(scheme, role) in scheme.label, role
    assert all(getattr(scheme, role) for role in ROLES)
