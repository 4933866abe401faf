"""Tolerant matching of labels typed by hand against the statutory ones (spacing, widths, numbering, wording).

The keys compared are model.labels.forgiving_key; this module decides how close two different keys are.
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher

from model.labels import forgiving_key, word_key
from model.numerals import split_ordinal

MIN_SIMILARITY = 0.6
DROPPED_NUMBER = 0.05  # a label typed without its number stands a little less surely for a numbered one
_NEGATIONS = frozenset("不未无非")  # 不予公开 is not 予以公开, however alike they look


def similarity(found: str, statutory: str) -> float:
    """How well a found label stands for a statutory one, 0…1; 0 when their numbers differ.

    A missing number is tolerated (typed tables often drop them); a different one is not, nor a
    negation one side has and the other lacks (不予公开 for 予以公开).
    """
    found_key, statutory_key = forgiving_key(found), forgiving_key(statutory)
    if found_key == statutory_key:
        return 1.0
    found_number, found_body = split_ordinal(found_key)
    statutory_number, statutory_body = split_ordinal(statutory_key)
    if found_number and found_number != statutory_number:
        return 0.0  # another number, or a numbered row label where a column head is expected
    if not found_body or not statutory_body:
        return 0.0
    if _NEGATIONS & set(found_body) != _NEGATIONS & set(statutory_body):
        return 0.0
    matcher = SequenceMatcher(None, found_body, statutory_body, autojunk=False)
    if matcher.real_quick_ratio() < MIN_SIMILARITY:
        return 0.0  # cheap bound: lengths too different for any match to count
    score = matcher.ratio()
    return max(0.0, score - (DROPPED_NUMBER if statutory_number and not found_number else 0.0))


def best_match(found: str, candidates: Iterable[tuple[str, str]]) -> tuple[str, float] | None:
    """The (id, score) of the candidate (id, statutory label) `found` stands for, if any is close enough."""
    if not forgiving_key(found):
        return None
    scored = [(similarity(found, label), key) for key, label in candidates]
    if not scored:
        return None
    score, key = max(scored, key=lambda pair: pair[0])
    return (key, score) if score >= MIN_SIMILARITY else None


def differs(found: str, statutory: str) -> bool:
    """Whether a person should be told: only when the words differ, never for spacing, punctuation,
    bracket width or numbering style ('(一)予以公开' for '（一）予以公开', '1、' for '1.')."""
    return word_key(found) != word_key(statutory)
