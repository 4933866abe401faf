"""Dates and years as people type them, read in one place, and the 成文日期 as a 公文 prints it.

Read: 2026-1-15, 2026/1/15, 2026.1.15, 2026年1月15日, 20260115, digits of either width, spaces
anywhere, and numerals as in 二〇二五年一月十七日. Anything else, including a day that does not exist,
is not a date (None); the caller decides what that means and says so in its own words.
"""

from __future__ import annotations

import re
from datetime import date

from model.labels import exact_key
from model.numerals import parse_number

MIN_YEAR, MAX_YEAR = 1900, 9999

# Four digits, Arabic or as in 二〇二五, for a larger pattern to embed; parse the match with parse_year.
YEAR_PATTERN = r"(?:\d{4}|[〇零○一二三四五六七八九]{4})"
_MONTH_OR_DAY = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"
_WITH_SEPARATOR = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})")
_WITH_CHARACTERS = re.compile(rf"({YEAR_PATTERN})年{_MONTH_OR_DAY}月{_MONTH_OR_DAY}日?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_YEAR = re.compile(rf"({YEAR_PATTERN})(?:年度?)?")


def _date_parts(text: str) -> tuple[str, str, str] | None:
    if match := _WITH_SEPARATOR.fullmatch(text):
        return match[1], match[3], match[4]
    for pattern in (_WITH_CHARACTERS, _COMPACT):
        if match := pattern.fullmatch(text):
            return match[1], match[2], match[3]
    return None


def parse_date(text: str) -> date | None:
    """'2026-1-15', '2026年1月15日', '20260115', '二〇二五年一月十七日' → a date; None for anything else."""
    parts = _date_parts(exact_key(text))
    if parts is None:
        return None
    year, month, day = (parse_number(part) for part in parts)
    if year is None or month is None or day is None or not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None  # 2025-2-30, month 13


def parse_year(text: str) -> int | None:
    """'2024', '2024年', '2024年度', '２０２４', '二〇二四年' → 2024; None outside 1900 … 9999 or not a year."""
    match = _YEAR.fullmatch(exact_key(text))
    year = parse_number(match[1]) if match else None
    return year if year is not None and MIN_YEAR <= year <= MAX_YEAR else None


def chinese_date(day: date) -> str:
    """成文日期 in Arabic numerals without leading zeros, as a 公文 prints it: 2025年1月17日."""
    return f"{day.year}年{day.month}月{day.day}日"
