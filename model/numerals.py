"""Chinese numerals and the leading ordinals of statutory labels, written and read in one place.

Numbers: `chinese_numeral` writes 1 … 9999 the way a 公文 does (十二, 一百零五); `parse_number` reads
what people type in text: Arabic digits of either width, counted numerals (十二, 两百) and numerals
spelled digit by digit as in years (二〇二五). Ordinals: the numbers labels and headings start with,
一、 （一） 1. — and 1、 or 一. as people also type them.
"""

from __future__ import annotations

import re
import unicodedata

MAX_NUMERAL = 9999  # 千 is the largest unit written; nothing in a report needs 万

_DIGIT_CHARACTERS = "零一二三四五六七八九"
_DIGIT_VALUES = {c: i for i, c in enumerate(_DIGIT_CHARACTERS)} | {"〇": 0, "○": 0, "两": 2}
_UNIT_CHARACTERS = ("", "十", "百", "千")  # by power of ten
_UNIT_VALUES = {"十": 10, "百": 100, "千": 1000}
_ARABIC = re.compile(r"[0-9]+")
# A number as text states one (2件, 十二件, 两件), for a larger pattern to embed; read the match with parse_number.
NUMBER_PATTERN = rf"(?:\d+|[{_DIGIT_CHARACTERS}〇○两十百千]+)"

# Statutory labels number their parts with 一 … 十 (and subsections go past 十: 十一, 二十).
_ORDINAL_NUMERAL = "[一二三四五六七八九十]+"
_ORDINAL = re.compile(
    rf"^\s*(?:{_ORDINAL_NUMERAL}\s*、|[（(]\s*{_ORDINAL_NUMERAL}\s*[)）]|\d+\s*\.)\s*"  # 一、 （一） 1.
)
_SUBSECTION_ORDINAL = re.compile(rf"^\s*[（(]\s*({_ORDINAL_NUMERAL})\s*[)）]\s*$")
_ARABIC_WITH_OTHER_SEPARATOR = re.compile(r"^(\d+)\s*[、.．，,]")
_CHINESE_WITH_OTHER_SEPARATOR = re.compile(rf"^({_ORDINAL_NUMERAL})\s*[、.．，,]")


# --- numbers ----------------------------------------------------------------------------------


def chinese_numeral(number: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 105 → 一百零五, 1010 → 一千零一十; ValueError outside 1 … 9999."""
    if not 1 <= number <= MAX_NUMERAL:
        raise ValueError(f"chinese_numeral: {number} is outside 1 … {MAX_NUMERAL}")
    text = ""
    zero_pending = False
    for power in reversed(range(len(str(number)))):
        digit = number // 10**power % 10
        if digit == 0:
            zero_pending = bool(text)  # one 零 stands for any run of zeros between digits
            continue
        if zero_pending:
            text += "零"
            zero_pending = False
        text += _DIGIT_CHARACTERS[digit] + _UNIT_CHARACTERS[power]
    # 10 … 19 are written 十, 十一 …; inside a larger number the 一 stays (一百一十).
    return text[1:] if text.startswith("一十") else text


def parse_number(text: str) -> int | None:
    """'12', '１２' → 12; '十二' → 12; '两' → 2; '一百零五' → 105; '二〇二五' → 2025; None when not a number.

    Counted numerals must be written as `chinese_numeral` writes them (两 and 〇 allowed for 二 and 零,
    一十 for 十): colloquial or garbled forms such as 一百一 or 二二十 are not guessed at.
    """
    text = unicodedata.normalize("NFKC", text).strip()
    if _ARABIC.fullmatch(text):
        return int(text)
    if not text or any(c not in _DIGIT_VALUES and c not in _UNIT_VALUES for c in text):
        return None
    if any(c in _UNIT_VALUES or c == "两" for c in text):
        return _counted(text)
    return int("".join(str(_DIGIT_VALUES[c]) for c in text))  # digit by digit, as in 二〇二五


def _counted(text: str) -> int | None:
    """A numeral with units (十二, 两千零五), accepted only in the one form it is properly written in."""
    total, digit = 0, 0
    for char in text:
        if char in _DIGIT_VALUES:
            digit = _DIGIT_VALUES[char]
        else:
            total += (digit or 1) * _UNIT_VALUES[char]
            digit = 0
    number = total + digit
    if not 1 <= number <= MAX_NUMERAL:
        return None
    written = text.replace("两", "二").replace("〇", "零").replace("○", "零")
    proper = chinese_numeral(number)
    return number if written == proper or (number < 20 and written == "一" + proper) else None


# --- ordinals -----------------------------------------------------------------------------------


def subsection_number(index: int) -> str:
    """The printed number of the index-th (0-based) subsection: 0 → （一）, 10 → （十一）."""
    return f"（{chinese_numeral(index + 1)}）"


def subsection_index(text: str) -> int | None:
    """The 0-based index a subsection number stands for: '（三）', '(三)', '（ 三 ）' → 2; None for anything else."""
    match = _SUBSECTION_ORDINAL.match(text)
    number = parse_number(match.group(1)) if match else None
    return None if number is None else number - 1


def split_ordinal(text: str) -> tuple[str, str]:
    """'(三)不予公开' → ('(三)', '不予公开'); no leading number → ('', text).

    The number is one of 一、 （一） (一) 1. — spaces inside and around it are dropped.
    """
    match = _ORDINAL.match(text)
    if match is None:
        return "", text
    return "".join(match.group(0).split()), text[match.end() :]


def ordinal(label: str) -> str:
    """The leading number of a label: '三、本年度办理结果' → '三', '（三）不予公开' → '（三）', '1.属于…' → '1.'."""
    return split_ordinal(label)[0].removesuffix("、")


def normalize_ordinal(text: str) -> str:
    """A leading number written with the other separator, as people type it, in the statutory form.

    '1、属于' → '1.属于', '一.总体情况' → '一、总体情况'; any other text is returned as it is.
    """
    text = _ARABIC_WITH_OTHER_SEPARATOR.sub(r"\1.", text)
    return _CHINESE_WITH_OTHER_SEPARATOR.sub(r"\1、", text)
