"""Fingerprints of a narrative text's sentences, as the copy check compares them: split, normalised, hashed.

A sentence is normalised before it is compared, so that what a writer changes when reusing last
year's text without rewriting it does not count as a change: spaces and punctuation are dropped
and every year (2024, 二〇二四) reads the same. A fingerprint is a short hash of that form: the
report file keeps last year's fingerprints (`Previous.sentences`), not last year's text.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import NamedTuple

_SENTENCE_END = re.compile(r"[。！？!?；;\n]+")
_NOISE = re.compile(r"[\s，,、：:“”\"'‘’（）()《》〈〉<>【】\[\]·…—\-－_]+")
_YEAR = re.compile(r"(?:19|20)\d{2}|[一二〇○零][〇○零一二三四五六七八九]{3}")
MIN_SENTENCE = 6  # characters of a normalised sentence: shorter ones (“无”, “一是”) prove nothing
FINGERPRINT_BYTES = 6  # 12 hex digits: no two sentences of one report share one by chance


class Sentence(NamedTuple):
    fingerprint: str
    length: int  # characters of the normalised sentence: the weight it has in a share


def normalise(sentence: str) -> str:
    return _YEAR.sub("年份", _NOISE.sub("", sentence))


def fingerprint(normalised: str) -> str:
    return hashlib.blake2b(normalised.encode("utf-8"), digest_size=FINGERPRINT_BYTES).hexdigest()


@lru_cache(maxsize=512)
def sentences(text: str) -> tuple[Sentence, ...]:
    """The text's sentences long enough to compare, in order (cached: the check runs on every keystroke)."""
    found = []
    for part in _SENTENCE_END.split(text):
        normalised = normalise(part)
        if len(normalised) >= MIN_SENTENCE:
            found.append(Sentence(fingerprint(normalised), len(normalised)))
    return tuple(found)


def fingerprints(texts: list[str]) -> tuple[str, ...]:
    """The distinct fingerprints of the texts' sentences, in order of first appearance."""
    return tuple(dict.fromkeys(s.fingerprint for text in texts for s in sentences(text)))
