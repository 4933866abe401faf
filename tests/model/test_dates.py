"""Dates and years as people type them: a table of inputs and what each one means, or None."""

from __future__ import annotations

from datetime import date

import pytest

from model.dates import chinese_date, parse_date, parse_year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-1-15", date(2026, 1, 15)),
        ("2026-01-15", date(2026, 1, 15)),
        ("2026/1/15", date(2026, 1, 15)),
        ("2026.1.15", date(2026, 1, 15)),
        ("2026年1月15日", date(2026, 1, 15)),
        ("2026 年 1 月 15 日", date(2026, 1, 15)),
        ("2026年1月15", date(2026, 1, 15)),
        ("  2026-1-15\n", date(2026, 1, 15)),
        ("20260115", date(2026, 1, 15)),
        ("２０２６年１月１５日", date(2026, 1, 15)),  # full width
        ("２０２６／１／１５", date(2026, 1, 15)),
        ("2025年1月17日", date(2025, 1, 17)),
        ("二〇二四年一月十五日", date(2024, 1, 15)),
        ("二〇二五年一月十七日", date(2025, 1, 17)),
        ("二〇二五年十二月三十一日", date(2025, 12, 31)),
        ("二零二五年十月二十日", date(2025, 10, 20)),
        ("2025 年 12 月 3 日", date(2025, 12, 3)),
        ("2024-2-29", date(2024, 2, 29)),
        ("", None),
        ("   ", None),
        ("2025-2-30", None),
        ("2023-2-29", None),
        ("2025年13月1日", None),
        ("二〇二五年十三月一日", None),
        ("二〇二五年十二月三十二日", None),
        ("2025-0-10", None),
        ("20251301", None),
        ("2025-1/15", None),  # separators must agree
        ("2025-1-15-3", None),
        ("2025年", None),
        ("1月15日", None),
        ("25-1-15", None),
        ("1899-12-31", None),
        ("2〇25年1月1日", None),
        ("二〇二五年十十月一日", None),
        ("本年度未收取费用。", None),
        ("2025年1月17日印发", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", 2024),
        ("2024年", 2024),
        ("2024年度", 2024),
        (" 2024 年度 ", 2024),
        ("２０２４", 2024),
        ("二〇二四年", 2024),
        ("二〇二四年度", 2024),
        ("1900", 1900),
        ("9999", 9999),
        ("1899", None),
        ("0000", None),
        ("24", None),
        ("20245", None),
        ("2024度", None),
        ("2024年1月", None),
        ("二零二四年度报告", None),
        ("", None),
        ("abcd", None),
    ],
)
def test_parse_year(text: str, expected: int | None) -> None:
    assert parse_year(text) == expected


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2025, 1, 17), "2025年1月17日"),
        (date(2025, 12, 31), "2025年12月31日"),
        (date(2026, 10, 5), "2026年10月5日"),
    ],
)
def test_chinese_date_and_back(day: date, text: str) -> None:
    assert chinese_date(day) == text
    assert parse_date(text) == day
