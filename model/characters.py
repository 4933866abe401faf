"""Characters no file format can hold, and what they become so that nothing typed stops a save.

A lone surrogate (half of a broken emoji from a paste) cannot be encoded as UTF-8 at all; control
characters other than tab and line breaks are forbidden in XML (.docx, .xlsx) and mean nothing on
paper. Each becomes U+FFFD "�", visible where it stood, so the person sees what was lost and where
(the TEXT_REPLACED warning names the field), instead of every save, export and autosave failing.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def storable(text: str) -> str:
    """`text` with every character no format can hold replaced by U+FFFD."""
    return UNSTORABLE.sub(REPLACEMENT, text)


def unstorable_count(text: str) -> int:
    return len(UNSTORABLE.findall(text))
