"""The one exception the model and the exporters raise for a file they cannot read or write."""

from __future__ import annotations

import re

MAX_REASON_CHARS = 500  # a reason quotes the bad value; a megabyte of it helps nobody
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")
_SURROGATES = re.compile("[\ud800-\udfff]")


def one_line(text: str, limit: int = MAX_REASON_CHARS) -> str:
    """`text` on one line (line breaks shown as ⏎), at most `limit` characters (cut with …), and
    encodable (a lone surrogate quoted from a file becomes U+FFFD)."""
    flat = _LINE_BREAKS.sub("⏎", text)
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return _SURROGATES.sub("\ufffd", flat)


class ReportFileError(Exception):
    """A report file or document that cannot be read or written; str() is a one-line Chinese reason,
    whatever value it quotes (line breaks, megabytes of text, unencodable characters)."""

    def __init__(self, reason: str = "") -> None:
        super().__init__(one_line(str(reason)))
