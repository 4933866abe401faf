"""Cell values and how typed, pasted or imported text becomes one.

A cell holds an int (a count), a Decimal (the fee in 万元), an Invalid (something that was read but
is not a number, kept so a person can see and fix it) or nothing (not filled in).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from model.template import CellKind


@dataclass(frozen=True)
class Invalid:
    """A value that was read from a file but is not a valid number for its cell."""

    raw: str

    def __str__(self) -> str:
        return self.raw


CellValue = int | Decimal | Invalid | None

# Text that means "not filled in" in a typed or imported cell: dashes and slashes of every width, and 无.
_BLANK_MARKS = frozenset({"", "/", "／", "—", "-", "－", "——", "–", "―", "无"})
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN = re.compile(r"^[+-]?\d+(\.\d+)?$")


# What every format holds exactly: a spreadsheet keeps a number as a double, exact for whole numbers
# up to 2^53 and for 15 significant digits. A value beyond that is refused, never rounded.
MAX_EXACT_COUNT = 2**53 - 1
MAX_AMOUNT_DIGITS = 15
MAX_SAFE_DIGITS = len(str(MAX_EXACT_COUNT)) - 1  # any whole number of this many digits is exact


def fits_exactly(number: Decimal, kind: CellKind) -> bool:
    """Whether every format (.xlsx's doubles included) holds `number` exactly; never expands it."""
    if not number.is_finite():
        return False
    if kind is CellKind.COUNT:
        return number.copy_abs() <= MAX_EXACT_COUNT
    if not -MAX_AMOUNT_DIGITS <= number.adjusted() < MAX_AMOUNT_DIGITS:
        return False
    digits = "".join(map(str, number.as_tuple().digits)).rstrip("0")
    return len(digits) <= MAX_AMOUNT_DIGITS


def beyond_exact(raw: str, kind: CellKind) -> bool:
    """Whether `raw` is a number, only one no format holds exactly (too large, too precise, infinite)."""
    try:
        number = Decimal(normalize_number_text(raw))
    except (InvalidOperation, ValueError):
        return False
    return not number.is_nan() and not fits_exactly(number, kind) and (kind is CellKind.AMOUNT or _whole(number))


def _whole(number: Decimal) -> bool:
    return number.is_infinite() or number.adjusted() >= MAX_AMOUNT_DIGITS or number == number.to_integral_value()


class ParseError(ValueError):
    """Text that cannot go into a cell; the message is Chinese and says why."""


def normalize_number_text(text: str) -> str:
    """Full-width digits and signs to ASCII, spaces dropped, thousands separators removed."""
    if text.isascii() and text.isdigit():
        return text  # what nearly every cell holds: nothing to fold
    folded = unicodedata.normalize("NFKC", text).strip().replace(" ", "").replace("\u3000", "")
    if _THOUSANDS.match(folded):
        folded = folded.replace(",", "")
    return folded


def is_blank_text(text: str) -> bool:
    return normalize_number_text(text) in _BLANK_MARKS


def parse_cell(text: str, kind: CellKind) -> int | Decimal | None:
    """Parse what a person typed or pasted. Blank → None; raises ParseError with a Chinese reason."""
    folded = normalize_number_text(text)
    if kind is CellKind.COUNT and folded.isascii() and folded.isdigit() and len(folded) <= MAX_SAFE_DIGITS:
        return int(folded)  # what nearly every count is: nothing to check
    if folded in _BLANK_MARKS:
        return None
    if not _PLAIN.match(folded):
        raise ParseError(f"“{text.strip()}”不是数字")
    number = Decimal(folded)
    if not fits_exactly(number, kind):
        raise ParseError(
            f"“{text.strip()[:40]}”超出可精确保存的范围（件数最大 {MAX_EXACT_COUNT}，金额最多 {MAX_AMOUNT_DIGITS} 位有效数字）"
        )
    if kind is CellKind.AMOUNT:
        return number
    if number != number.to_integral_value():
        raise ParseError(f"“{text.strip()}”不是整数，件数只能填整数")
    return int(number)


def coerce_file_value(raw: object, kind: CellKind) -> CellValue:
    """A value read from a report file or a document: valid numbers pass, the rest become Invalid."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        return Invalid(str(raw).lower())
    if isinstance(raw, int):
        raw = Decimal(raw)
    if isinstance(raw, float):
        raw = Decimal(repr(raw))  # inf and nan become Decimal's Infinity / NaN, refused next
    if isinstance(raw, Decimal):
        if not fits_exactly(raw, kind):
            return Invalid(str(raw))
        if kind is CellKind.AMOUNT:
            return raw
        return int(raw) if raw == raw.to_integral_value() else Invalid(str(raw))
    if isinstance(raw, str):
        try:
            return parse_cell(raw, kind)
        except (ParseError, InvalidOperation):
            return Invalid(raw)
    return Invalid(str(raw))


def format_value(value: CellValue) -> str:
    """How a value is shown and printed; '' for not filled in."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_amount(value)
    return str(value)


def format_amount(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros: Decimal('1.50') → '1.5', Decimal('0E-2') → '0'."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text
