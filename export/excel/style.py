"""How the workbook looks and prints: fonts, fills, borders, column widths, row heights, page setup.

Excel does not size merged or wrapped cells by itself, so widths and heights are estimated from the
text: a CJK character is about two width units of the default font.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable

from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

SHEET_FONT = "宋体"  # present on every Chinese Windows and in WPS; LibreOffice substitutes a CJK font
FONT_SIZE = 11
LINE_HEIGHT_PT = 15.0  # one wrapped line of 11 pt CJK text
CELL_PADDING_PT = 4.0
MAX_ROW_HEIGHT_PT = 409.0  # Excel's limit
UNITS_PER_WIDE_CHAR = 2.1  # column-width units taken by one CJK character at 11 pt

_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
PLAIN = Font(name=SHEET_FONT, size=FONT_SIZE)
BOLD = Font(name=SHEET_FONT, size=FONT_SIZE, bold=True)
HEADING = Font(name=SHEET_FONT, size=14, bold=True)
NOTE = Font(name=SHEET_FONT, size=9, color="595959")
CHECK = Font(name=SHEET_FONT, size=FONT_SIZE, bold=True, color="1E7B34")
CENTRED = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
TEXT = Alignment(horizontal="left", vertical="top", wrap_text=True)
TOTAL_FILL = PatternFill("solid", fgColor="EDEDED")  # computed cells: grey, like a locked form field
HEADER_FILL = PatternFill("solid", fgColor="F7F7F7")
ERROR_FILL = PatternFill("solid", fgColor="F8CBAD")
UNLOCKED = Protection(locked=False)


def text_width(text: str) -> float:
    """Width units a single line of `text` needs."""
    return sum(UNITS_PER_WIDE_CHAR if unicodedata.east_asian_width(ch) in "WF" else 1.1 for ch in text)


def lines_needed(text: str, width: float) -> int:
    """Wrapped lines for `text` in a column `width` units wide (each paragraph wraps on its own)."""
    usable = max(width - 1.5, 1.0)
    return sum(max(1, math.ceil(text_width(paragraph) / usable)) for paragraph in text.split("\n"))


def height_for(lines: int) -> float:
    return min(MAX_ROW_HEIGHT_PT, lines * LINE_HEIGHT_PT + CELL_PADDING_PT)


def set_column_widths(sheet: Worksheet, widths: Iterable[float]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = round(width, 1)


def protect(sheet: Worksheet) -> None:
    """Protect without a password: no accidental typing over totals, yet anyone can unprotect."""
    protection = sheet.protection
    protection.sheet = True
    protection.formatColumns = False  # False = allowed: people may still widen columns and rows
    protection.formatRows = False
    protection.formatCells = False


def escape_header_text(text: str) -> str:
    """Header/footer text: '&' starts a code there, so a literal one is doubled."""
    return text.replace("&", "&&")


def setup_page(sheet: Worksheet, *, landscape: bool, title_rows: tuple[int, int], header: str) -> None:
    """A4, one page wide, heading rows repeated, the report named in the header, page numbers below."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.75
    first, last = title_rows
    sheet.print_title_rows = f"{first}:{last}"
    sheet.oddHeader.center.text = escape_header_text(header)
    sheet.oddHeader.center.size = 9
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    sheet.oddFooter.center.size = 9
