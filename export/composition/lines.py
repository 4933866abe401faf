"""Breaking text into printed lines as a word processor does on the 公文 grid, in one pass.

Widths are in points from a simple model that Word, LibreOffice and our PDF share: a Chinese
(full-width) character is one em, an ASCII character its Times New Roman width, plus the paragraph's tracking
after every character. Chinese line-breaking rules (禁则): a closing mark or pause is kept with the
character before it, an opening mark with the one after, and 、。，． may hang past the margin;
ASCII words and numbers stay whole; spaces at the end of a line take no room.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import repeat

# 避头: never at the start of a line; 避尾: never at the end.
CANNOT_START = frozenset("，。、；：？！）》」』】〕〉”’…—·％‰℃!),.:;?]}%")
CANNOT_END = frozenset("（《「『【〔〈“‘([{")
# 悬挂: these may stand past the right margin at the end of a full line (Word and LibreOffice both
# allow it by default), so the character before them stays on the line.
HANGING = frozenset("、。，．")
EPSILON = 1e-6


# Advance widths (thousandths of an em) of ASCII " " to "~" in Times New Roman, the 公文's Latin font
# (and in Liberation Serif, its metric twin on Linux).
_LATIN_WIDTHS = (
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500,
    500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722,
    611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444,
    500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722,
    500, 500, 444, 480, 200, 480, 541,
)  # fmt: skip


# Curly quotes are set in the Latin font too, as all Latin text is, in every slot of its runs
# (export/word/document.py), so that Word and LibreOffice measure them alike.
LATIN_QUOTES = {"“": 444, "”": 444, "‘": 333, "’": 333}
# Spaces typed from other keyboards: also set in the Latin font, at Times New Roman's widths.
LATIN_SPACES = {
    "\u00a0": 250, "\u2000": 500, "\u2001": 1000, "\u2002": 500, "\u2003": 1000, "\u2004": 333,
    "\u2005": 250, "\u2006": 167, "\u2007": 500, "\u2008": 250, "\u2009": 200, "\u200a": 100,
}  # fmt: skip
_OTHER_LATIN = {**LATIN_QUOTES, **LATIN_SPACES}


def is_latin(char: str) -> bool:
    """Whether a character is set in the Latin font (Times New Roman) rather than the Chinese one."""
    return " " <= char <= "~" or char in _OTHER_LATIN


# Every character not listed is one em wide.
_EMS = {
    **{chr(32 + i): width / 1000 for i, width in enumerate(_LATIN_WIDTHS)},
    **{char: width / 1000 for char, width in _OTHER_LATIN.items()},
}


def char_ems(char: str) -> float:
    """The printed width of a character in ems: Times New Roman's for Latin, full for everything else."""
    return _EMS.get(char, 1.0)


def text_ems(text: str) -> float:
    return sum(map(_EMS.get, text, repeat(1.0)))


@dataclass(frozen=True)
class Measure:
    """How a paragraph's characters are measured: font size and tracking (points added after each)."""

    size: float
    tracking: float = 0.0

    def width(self, text: str) -> float:
        return text_ems(text) * self.size + len(text) * self.tracking


def _is_word(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in "._-/@:+#&=~%")


def may_break_before(previous: str, char: str) -> bool:
    """Whether a line may end between `previous` and `char` (禁则, ASCII words kept whole)."""
    if char in CANNOT_START or previous in CANNOT_END:
        return False
    return not (_is_word(previous) and _is_word(char))


def atoms(text: str) -> Iterator[str]:
    """The text cut where a line may break: Chinese characters one by one, ASCII words whole,
    closing marks glued to what precedes them and opening marks to what follows."""
    start = 0
    for i in range(1, len(text)):
        if may_break_before(text[i - 1], text[i]):
            yield text[start:i]
            start = i
    if start < len(text):
        yield text[start:]


def break_lines(text: str, measure: Measure, width: float, first_indent: float = 0.0) -> list[str]:
    """Greedy line breaking of `text` into lines at most `width` points wide (the first line
    `first_indent` narrower); an atom wider than a whole line is cut by characters."""
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    room = width - first_indent
    for atom in atoms(text):
        atom_width = measure.width(atom)
        if used + atom_width <= room + EPSILON or atom.isspace():  # spaces at the end of a line hang
            line.append(atom)
            used += atom_width
            continue
        if line and atom[-1] in HANGING and used + atom_width - measure.width(atom[-1]) <= room + EPSILON:
            line.append(atom)  # a comma or full stop hangs past the margin rather than move a character down
            lines.append("".join(line))
            line, used, room = [], 0.0, width
            continue
        if line:
            lines.append("".join(line))
            line, used, room = [], 0.0, width
        if atom_width <= room + EPSILON:
            line, used = [atom], atom_width
            continue
        for char in atom:  # a URL or a run of digits longer than the line
            char_width = measure.width(char)
            if used + char_width > room + EPSILON and line:
                lines.append("".join(line))
                line, used, room = [], 0.0, width
            line.append(char)
            used += char_width
    if line or not lines:
        lines.append("".join(line))
    return lines


def balanced_lines(words: list[str], measure: Measure, width: float) -> list[str]:
    """Words (kept whole) set in as few lines as fit, then as even as possible: the longest line
    as short as it can be."""
    if not words:
        return [""]
    widths = [measure.width(w) for w in words]
    n = len(words)
    # best[i]: (lines, longest line) for words[i:]; choice[i]: where the first line of words[i:] ends.
    best: list[tuple[int, float]] = [(0, 0.0)] * (n + 1)
    choice = [n] * (n + 1)
    for i in range(n - 1, -1, -1):
        best[i] = (n + 1, float("inf"))
        line = 0.0
        for j in range(i + 1, n + 1):
            line += widths[j - 1]
            if line > width + EPSILON and j > i + 1:
                break
            lines, longest = best[j]
            candidate = (lines + 1, max(longest, line))
            if candidate < best[i]:
                best[i], choice[i] = candidate, j
    result, i = [], 0
    while i < n:
        result.append("".join(words[i : choice[i]]))
        i = choice[i]
    return result
