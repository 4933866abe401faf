"""Text as Word runs, Latin text (ASCII, curly quotes, typed spaces) in runs of its own set in Times
New Roman in every font slot: Word would set it so anyway, and LibreOffice, which sets digits and
punctuation after Chinese in the Chinese font, then measures lines as the composition does."""

from __future__ import annotations

from itertools import groupby

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from export.composition.lines import is_latin
from export.page_design import LATIN_FONT
from export.word.ooxml import add_run, set_run_fonts


def script_runs(text: str) -> list[tuple[str, bool]]:
    """`text` cut into (piece, is Latin) runs, in one pass."""
    runs: list[tuple[str, bool]] = []
    start = 0
    for latin, group in groupby(text, key=is_latin):
        length = sum(1 for _ in group)
        runs.append((text[start : start + length], latin))
        start += length
    return runs


def add_text(paragraph: BaseOxmlElement, text: str, east_asia: str | None, underline: bool = False) -> None:
    """Append `text` as runs: Chinese in `east_asia` (None: the paragraph style's), Latin in Times New Roman."""
    for piece, latin in script_runs(text):
        run = add_run(paragraph, piece, east_asia if not latin else LATIN_FONT)
        rpr = run.find(qn("w:rPr"))
        if latin:
            set_run_fonts(rpr, LATIN_FONT, LATIN_FONT)
            rpr.find(qn("w:rFonts")).attrib.pop(qn("w:hint"), None)
        if underline:
            if rpr is None:
                rpr = OxmlElement("w:rPr")
                run.insert(0, rpr)
            u = OxmlElement("w:u")
            u.set(qn("w:val"), "single")
            rpr.append(u)
