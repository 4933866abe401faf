"""Tolerant matching of labels typed by hand against the statutory ones (spacing, widths, numbering, wording).

The keys compared are model.labels.forgiving_key; this module decides how close two different keys are.
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher

from model.labels import forgiving_key, without_spaces
from model.numerals import split_ordinal

MIN_SIMILARITY = 0.6


def similarity(found: str, statutory: str) -> float:
    """How well a found label stands for a statutory one, 0…1; 0 when their numbers differ.

    A missing number is tolerated (typed tables often drop them); a different one is not.
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
    score = SequenceMatcher(None, found_body, statutory_body, autojunk=False).ratio()
    return score - (0.05 if statutory_number and not found_number else 0.0)


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
    """Whether a person should be told: anything but spacing and line breaks counts."""
    return without_spaces(found) != without_spaces(statutory)
