"""The page design shared by the Word and PDF exports: GB/T 9704-2012 公文 layout and font schemes."""

from __future__ import annotations

import math
from dataclasses import dataclass

MM_PER_INCH = 25.4
PT_PER_MM = 72 / MM_PER_INCH

PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210.0, 297.0  # A4
MARGIN_TOP_MM, MARGIN_BOTTOM_MM = 37.0, 35.0
MARGIN_LEFT_MM, MARGIN_RIGHT_MM = 28.0, 26.0
BODY_LINE_PITCH_PT = 28.95  # 22 lines a page in the 225 mm text block
FIRST_LINE_INDENT_CHARS = 2
CHARS_PER_LINE = 28  # GB/T 9704: 22 lines of 28 characters
LINES_PER_PAGE = 22
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM  # 156 mm
TEXT_WIDTH_PT = TEXT_WIDTH_MM * PT_PER_MM
TITLE_LINE_PT = 35.0
PAGE_NUMBER_GAP_MM = 7.0  # GB/T 9704 7.5: the page number's top edge 7 mm below the text block

# Chinese font sizes (字号) in points.
SIZE_2 = 22.0  # 二号: title
SIZE_3 = 16.0  # 三号: body and headings
SIZE_4 = 14.0  # 四号: page numbers
SIZE_5 = 10.5  # 五号
SIZE_SMALL_5 = 9.0  # 小五: table 3, which must fit the page width

LATIN_FONT = "Times New Roman"
TABLE_LINE_PT = {SIZE_5: 14.0, SIZE_SMALL_5: 12.0}  # exact line pitch of table text
SMALL_TABLE_FROM_COLUMNS = 7  # a table this wide prints in 小五, so that it fits the page width

TWIPS_PER_PT = 20
TWIPS_PER_MM = 1440 / MM_PER_INCH


def mm_twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def pt_twips(points: float) -> int:
    return round(points * TWIPS_PER_PT)


# The text block's height as Word and LibreOffice compute it from the page size and margins in twips.
TEXT_HEIGHT_TWIPS = mm_twips(PAGE_HEIGHT_MM) - mm_twips(MARGIN_TOP_MM) - mm_twips(MARGIN_BOTTOM_MM)
# Characters are set this much tighter (whole twips, as Word stores it) so that 28 三号 characters
# fill the 156 mm line: Word and LibreOffice both honour it, unlike a character grid.
BODY_TRACKING_PT = math.floor((TEXT_WIDTH_PT / CHARS_PER_LINE - SIZE_3) * TWIPS_PER_PT) / TWIPS_PER_PT

# The signed paper copy (ExportOptions.signed_copy): a line for the head's signature, room for the seal.
SIGNER_LABEL = "单位负责人（签字）："
SEAL_LABEL = "（单位公章）"
SEAL_DIAMETER_MM = 42.0  # the usual size of a unit's round seal
SIGN_ROOM_CHARS = 6  # the underlined room after SIGNER_LABEL


@dataclass(frozen=True)
class FontScheme:
    """Font family names for each role; Word writes them as w:eastAsia fonts."""

    id: str
    label: str
    title: str
    body: str
    heading1: str  # 一、
    heading2: str  # （一）
    page_number: str
    table: str


STANDARD = FontScheme(
    id="standard",
    label="公文标准字体（方正小标宋简体、仿宋_GB2312、黑体、楷体_GB2312）",
    title="方正小标宋简体",
    body="仿宋_GB2312",
    heading1="黑体",
    heading2="楷体_GB2312",
    page_number="宋体",
    table="仿宋_GB2312",
)
WINDOWS = FontScheme(
    id="windows",
    label="Windows 自带字体（宋体、仿宋、黑体、楷体）",
    title="宋体",
    body="仿宋",
    heading1="黑体",
    heading2="楷体",
    page_number="宋体",
    table="仿宋",
)
FONT_SCHEMES = {s.id: s for s in (STANDARD, WINDOWS)}
AUTO_SCHEME = "auto"
AUTO_SCHEME_LABEL = "自动（已安装公文标准字体时使用，否则用 Windows 自带字体）"
# What a person chooses from, in menus and on the command line: (id, label).
FONT_SCHEME_CHOICES = ((AUTO_SCHEME, AUTO_SCHEME_LABEL), *((s.id, s.label) for s in FONT_SCHEMES.values()))


def page_number_text(number: int) -> str:
    """GB/T 9704 page numbers: an em dash, the number, an em dash."""
    return f"— {number} —"
