"""Comparison keys for labels found in files, exact and forgiving, so two spellings can be compared.

`exact_key` ignores only what never changes a label's meaning: character width, spaces and line
breaks. `forgiving_key` also ignores what people vary when they type a label by hand: quote styles,
the separator after its number (1、 for 1.) and punctuation at the end. `word_key` keeps only the
words: no leading number, no punctuation or brackets of any kind, so two labels whose word keys are
equal say the same thing however they are numbered and punctuated. Deciding how close two
different keys are is the importers' business (export.label_matching).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from model.numerals import normalize_ordinal, split_ordinal

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "〔": "(", "〕": ")"})
_TRAILING_PUNCTUATION = "：:。."


def without_spaces(text: str) -> str:
    """The text with every space, tab and line break (of any width) removed."""
    return "".join(text.split())


def collapse_spaces(text: str) -> str:
    """A label as found, for a message: each run of white space (a line break inside a cell) one space."""
    return " ".join(text.split())


def exact_key(text: str) -> str:
    """'（一） 主动公开' → '(一)主动公开': widths folded, spaces and line breaks dropped."""
    return without_spaces(unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=8192)  # the same labels come back in every file of a batch
def forgiving_key(text: str) -> str:
    """The exact key, also with quotes unified, `1、` read as `1.`, `一.` as `一、`, no closing punctuation."""
    return normalize_ordinal(exact_key(text).translate(_QUOTES)).rstrip(_TRAILING_PUNCTUATION)


@lru_cache(maxsize=8192)
def word_key(text: str) -> str:
    """'(一) 予以公开：' → '予以公开'; '2、其他法律法规禁止公开' → '其他法律法规禁止公开': the words alone."""
    _, body = split_ordinal(forgiving_key(text))
    return "".join(c for c in body if unicodedata.category(c)[0] not in "PSZC")
