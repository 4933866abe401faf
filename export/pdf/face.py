"""A reportlab TrueType font that loads a large CJK face in milliseconds and embeds lean subsets.

reportlab reads a font's character map, advance widths and glyph locations two bytes at a time in
Python: about 0.1 s for each CJK face of 30 000 glyphs, the largest part of `main.py convert`.
`FastFace` reads the same tables with one `struct.unpack_from` per array and builds the very same
attributes (`charToGlyph`, `glyphToChar`, `charWidths`, `defaultWidth`, `hmetrics`, `glyphPos`), so
everything else in reportlab (widths, subsetting, shaping) works on it unchanged. A character map
in a format other than 4 or 12, which no CJK font uses, is left to reportlab's own reader.
"""

from __future__ import annotations

import functools
import mmap
import struct
from collections.abc import Sequence
from fnmatch import fnmatch
from itertools import chain
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFError, TTFont, TTFontFace
from typing_extensions import override

_EMPTY_NAME_TABLE = b"\x00\x00\x00\x00\x00\x06"  # format 0, no records, strings at offset 6
_HEAD_INDEX_TO_LOC_FORMAT = 50  # byte offsets inside the 'head' and 'hhea' tables
_HEAD_GLYPH_DATA_FORMAT = 52
_HHEA_NUMBER_OF_HMETRICS = 34


class _MappedFile:
    """What reportlab's parser asks of an open font file (a name and read()), mapping instead of reading.

    A CJK font file is 10–20 MB, of which the PDF needs the few tables read here and the outlines of
    the characters used; mapping it reads only those pages.
    """

    def __init__(self, path: str) -> None:
        self.name = path

    def read(self) -> mmap.mmap:
        with open(self.name, "rb") as file:
            return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)


class _TableSlices:
    """A table of a mapped font that is only ever sliced, each slice copied out of the file mapping."""

    def __init__(self, data: mmap.mmap, start: int) -> None:
        self._data = data
        self._start = start

    def __getitem__(self, part: slice) -> bytes:
        return self._data[self._start + part.start : self._start + part.stop]


class _GlyphMetrics(Sequence[tuple[int, int]]):
    """reportlab's hmetrics list, (advance, left side bearing) by glyph, without its 30 000 tuples."""

    def __init__(self, advances: tuple[int, ...], bearings: tuple[int, ...]) -> None:
        self._advances = advances
        self._bearings = bearings

    def __len__(self) -> int:
        return len(self._advances)

    def __getitem__(self, glyph: int) -> tuple[int, int]:  # type: ignore[override]  # no slices: reportlab indexes
        return self._advances[glyph], self._bearings[glyph]


class FastFace(TTFontFace):  # type: ignore[misc]  # reportlab ships no type hints
    """A TrueType face read quickly, whose embedded subsets carry an empty name table.

    reportlab copies the whole name table into every 256-glyph subset; in the AR PL fonts that is
    22 KB of licence text each time. PDF readers take the font's name from the PDF, not from there.
    """

    _subsetting = False

    def __init__(self, filename: str, subfontIndex: int = 0) -> None:
        super().__init__(_MappedFile(filename), subfontIndex=subfontIndex)

    @override
    def extractInfo(self, charInfo: int = 1) -> None:
        size = len(self._ttf_data)
        if any(table["offset"] + table["length"] > size for table in self.tables):
            raise TTFError(f"damaged font file {self.filename}: a table runs past the end of the file")
        try:
            super().extractInfo(0)  # names, head, OS/2, post, hhea, maxp: a few dozen reads
            if charInfo and not self._read_char_info():
                super().extractInfo(charInfo)
        except struct.error as error:  # a table ends before its own counts say: reportlab lets this through
            raise TTFError(f"damaged font file {self.filename}: {error}") from error

    def _read_char_info(self) -> bool:
        """Fill the attributes every PDF needs as reportlab does; False for a cmap format left to it."""
        if self.get_ushort(self._table_start("head") + _HEAD_GLYPH_DATA_FORMAT) != 0:
            raise TTFError("Unknown glyph data format")
        char_to_glyph = self._read_cmap()
        if char_to_glyph is None:
            return False
        self._cmap = dict(char_to_glyph)  # as read, before the space aliasing below, for glyphToChar
        advances = self._horizontal_metrics()[0]
        scaled = {advance: self._pdfScale(advance) for advance in set(advances)}  # a CJK font has a few
        widths = list(map(scaled.__getitem__, advances))
        self.defaultWidth = widths[0]
        self.charWidths = {char: widths[glyph] for char, glyph in char_to_glyph.items() if glyph < self.numGlyphs}
        if 0x20 in char_to_glyph:
            char_to_glyph[0xA0] = char_to_glyph[0x20]
            self.charWidths[0xA0] = self.charWidths[0x20]
        elif 0xA0 in char_to_glyph:
            char_to_glyph[0x20] = char_to_glyph[0xA0]
            self.charWidths[0x20] = self.charWidths[0xA0]
        self.charToGlyph = char_to_glyph
        return True

    def _table_start(self, tag: str) -> int:
        offset: int = self.get_table_pos(tag)[0]
        return offset

    def _read_cmap(self) -> dict[int, int] | None:
        """The Unicode → glyph map of the subtable reportlab would choose, or None for other formats."""
        cmap = self._table_start("cmap")
        version, count = struct.unpack_from(">HH", self._ttf_data, cmap)
        if count == 0 and version != 0:
            count = version
        chosen = None
        best = 0
        for n in range(count):
            platform, encoding, offset = struct.unpack_from(">HHL", self._ttf_data, cmap + 4 + 8 * n)
            if platform == 3 or (platform == 1 and encoding == 1) or (platform == 0 and encoding != 5):
                chosen, best = offset, 1
            elif platform == 1 and encoding == 0 and best != 1:
                chosen, best = offset, 2
        if chosen is None:
            raise TTFError("could not find a suitable cmap encoding")
        start = cmap + chosen
        subtable_format = self.get_ushort(start)
        if subtable_format == 4:
            return self._read_cmap_format_4(start)
        if subtable_format == 12:
            return self._read_cmap_format_12(start)
        return None

    def _read_cmap_format_4(self, start: int) -> dict[int, int]:
        data = self._ttf_data
        length, _, double_segments = struct.unpack_from(">HHH", data, start + 2)
        segments = double_segments // 2
        ends = struct.unpack_from(f">{segments}H", data, start + 14)
        starts = struct.unpack_from(f">{segments}H", data, start + 16 + 2 * segments)
        deltas = struct.unpack_from(f">{segments}h", data, start + 16 + 4 * segments)
        offsets_at = start + 16 + 6 * segments
        # idRangeOffset[] and then glyphIdArray[], read as one array as the format's arithmetic intends
        words = struct.unpack_from(f">{max(0, (start + length - offsets_at) // 2)}H", data, offsets_at)
        char_to_glyph: dict[int, int] = {}
        for n in range(segments):
            first, last, delta, range_offset = starts[n], ends[n], deltas[n], words[n]
            chars = range(first, last + 1)
            if range_offset == 0:
                char_to_glyph.update(zip(chars, [(char + delta) & 0xFFFF for char in chars], strict=True))
                continue
            base = n + range_offset // 2 - first
            for char in chars:
                index = base + char
                glyph = words[index] if index < len(words) else 0
                char_to_glyph[char] = (glyph + delta) & 0xFFFF if glyph else 0
        return char_to_glyph

    def _read_cmap_format_12(self, start: int) -> dict[int, int]:
        (groups,) = struct.unpack_from(">L", self._ttf_data, start + 12)
        triples = struct.unpack_from(f">{3 * groups}L", self._ttf_data, start + 16)
        firsts, lasts, glyphs = triples[0::3], triples[1::3], triples[2::3]
        chars = chain.from_iterable(map(range, firsts, [last + 1 for last in lasts]))
        glyph_ids = chain.from_iterable(
            range(glyph, glyph + last - first + 1) for first, last, glyph in zip(firsts, lasts, glyphs, strict=True)
        )
        return dict(zip(chars, glyph_ids, strict=True))

    def _horizontal_metrics(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """The 'hmtx' table: advance widths and left side bearings in font units, one of each per glyph."""
        full = self.get_ushort(self._table_start("hhea") + _HHEA_NUMBER_OF_HMETRICS)
        if full == 0:
            raise TTFError("Number of horizontal metrics is 0")
        hmtx = self._table_start("hmtx")
        pairs = struct.unpack_from(f">{2 * full}H", self._ttf_data, hmtx)
        rest = struct.unpack_from(f">{max(0, self.numGlyphs - full)}H", self._ttf_data, hmtx + 4 * full)
        advances = pairs[0::2] + pairs[-2:-1] * len(rest)  # the last advance repeats for the rest
        return advances, pairs[1::2] + rest

    @functools.cached_property
    def hmetrics(self) -> _GlyphMetrics:  # reportlab's name; read only when a subset is made
        return _GlyphMetrics(*self._horizontal_metrics())

    @functools.cached_property
    def glyphPos(self) -> list[int]:  # reportlab's name; read only when a subset is made
        if "loca" not in self.table:
            raise TTFError("missing location table")
        loca = self._table_start("loca")
        count = self.numGlyphs + 1
        index_to_loc_format = self.get_ushort(self._table_start("head") + _HEAD_INDEX_TO_LOC_FORMAT)
        if index_to_loc_format == 0:
            return [offset << 1 for offset in struct.unpack_from(f">{count}H", self._ttf_data, loca)]
        if index_to_loc_format == 1:
            return list(struct.unpack_from(f">{count}L", self._ttf_data, loca))
        raise TTFError(f"Unknown location table format ({index_to_loc_format})")

    @functools.cached_property
    def glyphToChar(self) -> dict[int, list[int]]:  # reportlab's name; used only in shaping
        glyph_to_char: dict[int, list[int]] = {}
        for char, glyph in self._cmap.items():
            glyph_to_char.setdefault(glyph, []).append(char)
        return glyph_to_char

    @override
    def makeSubset(self, subset: list[int]) -> bytes:
        self._subsetting = True
        try:
            data: bytes = super().makeSubset(subset)
        finally:
            self._subsetting = False
        return data

    @override
    def get_table(self, tag: str) -> bytes | _TableSlices:
        if tag == "name" and self._subsetting:
            return _EMPTY_NAME_TABLE
        if tag == "glyf" and self._subsetting:  # makeSubset slices a few glyphs out of its 10 MB
            return _TableSlices(self._ttf_data, self._table_start(tag))
        table: bytes = super().get_table(tag)
        return table


class FastTTFont(TTFont):  # type: ignore[misc]  # reportlab ships no type hints
    """reportlab's TTFont on a FastFace.

    TTFont.__init__ builds its face itself, so its few assignments are repeated here;
    tests/export/pdf/test_face.py compares the attributes with a real TTFont's to catch drift.
    """

    def __init__(self, name: str, filename: str, subfontIndex: int = 0) -> None:
        self.fontName = name
        self.face = FastFace(filename, subfontIndex=subfontIndex)
        self.encoding = TTEncoding()
        self.state: WeakKeyDictionary[object, object] = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, pattern) for pattern in rl_config.unShapedFontGlob or ())
