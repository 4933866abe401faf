"""The fonts a PDF is set in: loading TrueType CJK fonts for embedding, and the unembedded fallback.

Each role of the page design gets the first candidate font file (export.fonts) that reportlab can
embed and that has the common characters of a report. Characters a role's font lacks (a rare
character in a name, say, outside GB2312) are set in the next font that has them. When no usable
TrueType font exists, every role uses reportlab's STSong-Light, which is not embedded: the PDF then
shows only where the reader has a Chinese font, and `notice` tells the user so.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from export.composition.lines import is_latin
from export.fonts import (
    FontFile,
    FontRole,
    font_candidates,
    installed_font_files,
    is_standard_font,
    resolve_scheme,
)
from export.page_design import STANDARD
from export.pdf.face import FastTTFont
from model.template import TEMPLATE_2021

CID_FALLBACK = "STSong-Light"
LATIN_FONT_FILES = ("times.ttf", "liberationserif-regular.ttf")  # Times New Roman, or its metric twin
# A font that lacks any of these cannot set a report (the title's own words, brackets, quotes, dash).
_STANDARD_ROLES = (FontRole.TITLE, FontRole.BODY, FontRole.HEADING2)  # where the 公文 fonts differ
_PROBE = TEMPLATE_2021.title_suffix + "（）、“”—。，０123"


@dataclass(frozen=True)
class PdfFonts:
    """Registered reportlab font names by role, the order to look for missing characters, and a notice."""

    by_role: dict[FontRole, str]
    coverage: tuple[tuple[str, frozenset[int]], ...]  # (font name, code points it has), fallback order
    embedded: bool
    notice: str | None  # what the user should know about the fonts of this PDF, in Chinese
    latin: str | None = None  # Times New Roman or its metric twin for Latin text, as Word sets it

    def name(self, role: FontRole) -> str:
        return self.by_role[role]

    def runs(self, text: str, role: FontRole) -> list[tuple[str, str]]:
        """`text` cut into (text, font name) runs: the role's font, missing characters from others."""
        own = self.by_role[role]
        if not self.coverage:
            return [(text, own)]
        codes = self._coverage_of(own)
        latin = self.latin is not None
        # The common case: one run in the role's font. A set of the line's characters is short.
        others = {c for c in set(text) if ord(c) not in codes or (latin and is_latin(c))}
        if not others:
            return [(text, own)]
        fonts = {char: self._font_for(char, own) for char in others}
        runs: list[tuple[str, str]] = []
        start, run_font = 0, own
        for i, char in enumerate(text):
            font = fonts.get(char, own)
            if font != run_font:
                if i > start:
                    runs.append((text[start:i], run_font))
                start, run_font = i, font
        if start < len(text):
            runs.append((text[start:], run_font))
        return runs

    def _font_for(self, char: str, own: str) -> str:
        if self.latin is not None and is_latin(char):
            return self.latin
        code = ord(char)
        if code < 0x80 or not self.coverage:
            return own
        if code in self._coverage_of(own):
            return own
        return next((name for name, codes in self.coverage if code in codes), own)

    def _coverage_of(self, name: str) -> frozenset[int]:
        return next((codes for font, codes in self.coverage if font == name), frozenset())


@functools.cache
def pdf_fonts(scheme_id: str) -> PdfFonts:
    """The fonts for this scheme ('auto', 'standard' or 'windows'), found once per process."""
    scheme = resolve_scheme(scheme_id)
    installed = installed_font_files()
    chosen: dict[FontRole, tuple[FontFile, TTFont]] = {}
    for role in FontRole:
        for file in font_candidates(scheme, role, installed):
            font = _load(file)
            if font is not None:
                chosen[role] = (file, font)
                break
    if len(chosen) < len(FontRole):
        return _cid_fallback()
    coverage: dict[str, frozenset[int]] = {}
    for _, font in chosen.values():
        coverage.setdefault(font.fontName, frozenset(font.face.charToGlyph))
    notice = None
    if scheme_id == STANDARD.id and not _standard_files_used(chosen):
        notice = "本机未安装公文标准字体（方正小标宋简体、仿宋_GB2312、楷体_GB2312），PDF 已改用本机的其他中文字体。"
    by_role = {role: font.fontName for role, (_, font) in chosen.items()}
    latin = _latin_font(installed)
    return PdfFonts(by_role, tuple(coverage.items()), embedded=True, notice=notice, latin=latin)


def _latin_font(installed: dict[str, Path]) -> str | None:
    """Times New Roman (or Liberation Serif, its metric twin) registered for Latin text, if installed.

    Found by file name: their bold and italic faces share the family name."""
    for file_name in LATIN_FONT_FILES:
        path = installed.get(file_name)
        if path is None:
            continue
        name = f"{path.stem}-0"
        if name not in pdfmetrics.getRegisteredFontNames():
            try:
                pdfmetrics.registerFont(FastTTFont(name, str(path)))
            except (TTFError, OSError, ValueError, KeyError, IndexError):
                continue
        return name
    return None


def _standard_files_used(chosen: dict[FontRole, tuple[FontFile, TTFont]]) -> bool:
    return all(is_standard_font(chosen[role][0]) for role in _STANDARD_ROLES)


def _load(file: FontFile) -> TTFont | None:
    """Register a TrueType face with reportlab, or None when it cannot be embedded or lacks CJK."""
    name = f"{file.path.stem}-{file.index}"
    # getFont on an unknown name would first search reportlab's AFM files (80 ms), hence the check.
    if name in pdfmetrics.getRegisteredFontNames():
        font = pdfmetrics.getFont(name)
    else:
        try:
            font = FastTTFont(name, str(file.path), subfontIndex=file.index)
        except (TTFError, OSError, ValueError, KeyError, IndexError):
            return None  # CFF-based OpenType (Noto CJK), a damaged file, one we may not read
        pdfmetrics.registerFont(font)
    if not isinstance(font, TTFont) or any(ord(c) not in font.face.charToGlyph for c in _PROBE):
        return None
    return font


def _cid_fallback() -> PdfFonts:
    pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
    return PdfFonts(
        by_role=dict.fromkeys(FontRole, CID_FALLBACK),
        coverage=(),
        embedded=False,
        notice="本机没有可嵌入 PDF 的中文字体，PDF 未嵌入字体：在其他电脑上能否正常显示，取决于阅读软件自带的中文字体。"
        "建议安装中文 TrueType 字体（如 Windows 自带的宋体、仿宋、黑体、楷体）后重新导出。",
    )
