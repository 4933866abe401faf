"""Chinese numerals and ordinals: each function against a table of what people write and what it means."""

from __future__ import annotations

import pytest

from model.numerals import (
    MAX_NUMERAL,
    chinese_numeral,
    normalize_ordinal,
    ordinal,
    parse_number,
    split_ordinal,
    subsection_index,
    subsection_number,
)


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (1, "一"),
        (5, "五"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (12, "十二"),
        (19, "十九"),
        (20, "二十"),
        (25, "二十五"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (105, "一百零五"),
        (110, "一百一十"),
        (120, "一百二十"),
        (1000, "一千"),
        (1005, "一千零五"),
        (1010, "一千零一十"),
        (1100, "一千一百"),
        (2025, "二千零二十五"),
        (MAX_NUMERAL, "九千九百九十九"),
    ],
)
def test_chinese_numeral(number: int, text: str) -> None:
    assert chinese_numeral(number) == text
    assert parse_number(text) == number


@pytest.mark.parametrize("number", [0, -1, MAX_NUMERAL + 1])
def test_chinese_numeral_outside_its_range(number: int) -> None:
    with pytest.raises(ValueError):
        chinese_numeral(number)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", 12),
        ("０", 0),
        ("１２", 12),  # full width
        (" 12 ", 12),
        ("007", 7),
        ("十二", 12),
        ("一十二", 12),
        ("二十", 20),
        ("一百零五", 105),
        ("一百〇五", 105),
        ("两", 2),
        ("两百", 200),
        ("两千零五", 2005),
        ("二〇二五", 2025),  # digit by digit, as in a year
        ("二零二五", 2025),
        ("二○二五", 2025),  # ○ WHITE CIRCLE, often typed for 〇
        ("零", 0),
        ("", None),
        ("   ", None),
        ("1 2", None),
        ("-3", None),
        ("1.5", None),
        ("12件", None),
        ("1二", None),
        ("十十", None),
        ("二二十", None),
        ("一一百零五", None),
        ("一百一", None),  # colloquial 110 or 101: not guessed
        ("两两", None),
        ("百", None),
        ("一万", None),
        ("٣", None),  # a decimal digit int() would read, but not one typed in a report
        ("abc", None),
    ],
)
def test_parse_number(text: str, expected: int | None) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("index", "text"),
    [(0, "（一）"), (8, "（九）"), (9, "（十）"), (10, "（十一）"), (19, "（二十）"), (22, "（二十三）")],
)
def test_subsection_number_and_back(index: int, text: str) -> None:
    assert subsection_number(index) == text
    assert subsection_index(text) == index


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(三)", 2),
        ("（ 三 ）", 2),
        ("(三）", 2),
        ("三、", None),
        ("（三）不予公开", None),
        ("（3）", None),
        ("（十十）", None),
        ("（）", None),
        ("", None),
    ],
)
def test_subsection_index(text: str, expected: int | None) -> None:
    assert subsection_index(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(三)不予公开", ("(三)", "不予公开")),
        ("（三）不予公开", ("（三）", "不予公开")),
        ("三、本年度办理结果", ("三、", "本年度办理结果")),
        ("1.属于国家秘密", ("1.", "属于国家秘密")),
        ("12.其他", ("12.", "其他")),
        ("十一、其他", ("十一、", "其他")),
        ("（ 一 ） 主动公开情况。根据…", ("（一）", "主动公开情况。根据…")),
        (" 三 、结果", ("三、", "结果")),
        ("不予公开", ("", "不予公开")),
        ("三年来", ("", "三年来")),
        ("一是加强", ("", "一是加强")),
        ("二〇二四年", ("", "二〇二四年")),
        ("1、属于", ("", "1、属于")),  # not the statutory form: normalize_ordinal first
        ("(3)其他", ("", "(3)其他")),
        ("", ("", "")),
    ],
)
def test_split_ordinal(text: str, expected: tuple[str, str]) -> None:
    assert split_ordinal(text) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("三、本年度办理结果", "三"),
        ("（三）不予公开", "（三）"),
        ("1.属于国家秘密", "1."),
        ("总计", ""),
        ("", ""),
    ],
)
def test_ordinal(label: str, expected: str) -> None:
    assert ordinal(label) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1、属于", "1.属于"),
        ("1．属于", "1.属于"),
        ("1 ，属于", "1.属于"),
        ("1.属于", "1.属于"),
        ("一.总体情况", "一、总体情况"),
        ("一,总体情况", "一、总体情况"),
        ("一、总体情况", "一、总体情况"),
        ("(一)主动公开", "(一)主动公开"),
        ("总体情况。", "总体情况。"),
        ("1.5", "1.5"),
        ("", ""),
    ],
)
def test_normalize_ordinal(text: str, expected: str) -> None:
    assert normalize_ordinal(text) == expected
