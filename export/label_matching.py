"""Tolerant matching of labels typed by hand against the statutory ones (spacing, widths, numbering, wording)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from difflib import SequenceMatcher

_SPACES = re.compile(r"\s+")
_ARABIC_ORDINAL = re.compile(r"^(\d+)\s*[、.．，,]")
_CHINESE_ORDINAL = re.compile(r"^([一二三四五六七八九十]+)\s*[、.．，,]")
_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+\.)")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "〔": "(", "〕": ")"})
MIN_SIMILARITY = 0.6


def without_spaces(text: str) -> str:
    return _SPACES.sub("", text)


def label_key(text: str) -> str:
    """A comparison key: widths folded, spaces and line breaks dropped, `1、` read as `1.`, `一.` as `一、`."""
    folded = unicodedata.normalize("NFKC", without_spaces(text)).translate(_QUOTES)
    folded = _ARABIC_ORDINAL.sub(r"\1.", folded)
    folded = _CHINESE_ORDINAL.sub(r"\1、", folded)
    return folded.rstrip("：:。.")


def split_ordinal(key: str) -> tuple[str, str]:
    """'(三)不予公开' → ('(三)', '不予公开'); a key without a leading number → ('', key)."""
    match = _ORDINAL.match(key)
    return (match.group(0), key[match.end() :]) if match else ("", key)


def similarity(found: str, statutory: str) -> float:
    """How well a found label stands for a statutory one, 0…1; 0 when their numbers differ.

    A missing number is tolerated (typed tables often drop them); a different one is not.
    """
    found_key, statutory_key = label_key(found), label_key(statutory)
    if found_key == statutory_key:
        return 1.0
    found_number, found_body = split_ordinal(found_key)
    statutory_number, statutory_body = split_ordinal(statutory_key)
    if found_number and found_number != statutory_number:
        return 0.0  # another number, or a numbered row label where a column head is expected
    if not found_body or not statutory_body:
        return 0.0
    score = SequenceMatcher(None, found_body, statutory_body, autojunk=False).ratio()
    return score - (0.05 if statutory_number and not found_number else 0.0)


def best_match(found: str, candidates: Iterable[tuple[str, str]]) -> tuple[str, float] | None:
    """The (id, score) of the candidate (id, statutory label) `found` stands for, if any is close enough."""
    if not label_key(found):
        return None
    scored = [(similarity(found, label), key) for key, label in candidates]
    if not scored:
        return None
    score, key = max(scored, key=lambda pair: pair[0])
    return (key, score) if score >= MIN_SIMILARITY else None


def differs(found: str, statutory: str) -> bool:
    """Whether a person should be told: anything but spacing and line breaks counts."""
    return without_spaces(found) != without_spaces(statutory)
