"""Typed and pasted text to cell values."""

from __future__ import annotations

from decimal import Decimal

import pytest

from model.template import CellKind
from model.values import Invalid, ParseError, coerce_file_value, format_value, parse_cell


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", 12),
        ("１２", 12),
        ("1,234", 1234),
        ("1，234", 1234),
        (" 7 ", 7),
        ("0", 0),
        ("", None),
        ("/", None),
        ("3.0", 3),
        ("-2", -2),
    ],
)
def test_counts_parse_leniently(text: str, value: int | None) -> None:
    assert parse_cell(text, CellKind.COUNT) == value


@pytest.mark.parametrize(
    ("text", "reason"), [("abc", "不是数字"), ("2.5", "不是整数"), ("1,23", "不是数字"), ("五", "不是数字")]
)
def test_bad_counts_say_why(text: str, reason: str) -> None:
    with pytest.raises(ParseError, match=reason):
        parse_cell(text, CellKind.COUNT)


def test_amounts_keep_their_decimals() -> None:
    assert parse_cell("0.10", CellKind.AMOUNT) == Decimal("0.10")
    assert format_value(Decimal("1.50")) == "1.5"
    assert format_value(Decimal("0E-2")) == "0"


def test_file_values_that_are_not_numbers_are_kept_as_invalid() -> None:
    assert coerce_file_value("三件", CellKind.COUNT) == Invalid("三件")
    assert coerce_file_value(False, CellKind.COUNT) == Invalid("false")
    assert coerce_file_value(Decimal("2.5"), CellKind.COUNT) == Invalid("2.5")
    assert coerce_file_value(Decimal("2.5"), CellKind.AMOUNT) == Decimal("2.5")
