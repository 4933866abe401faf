"""FastFace reads a TrueType font into exactly what reportlab's own reader makes of it, only faster."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
import reportlab
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from export.pdf.embedding import pdf_fonts
from export.pdf.face import FastFace, FastTTFont

VERA = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"  # shipped with reportlab: always there
SAME_AS_REPORTLAB = (
    "name", "familyName", "styleName", "fullName", "uniqueFontID", "unitsPerEm", "bbox", "ascent",
    "descent", "capHeight", "italicAngle", "stemV", "flags", "numGlyphs", "defaultWidth",
    "charToGlyph", "glyphToChar", "charWidths", "glyphPos",
)  # fmt: skip


def _faces_in_use() -> list[tuple[str, int]]:
    """The fonts the PDF export takes on this machine (CI installs CJK TrueType fonts), and Vera."""
    fonts = pdf_fonts("auto")
    faces = {(str(VERA), 0)}
    if fonts.embedded:
        from reportlab.pdfbase import pdfmetrics

        for name in set(fonts.by_role.values()):
            face = pdfmetrics.getFont(name).face
            faces.add((face.filename, int(name.rsplit("-", 1)[1])))
    return sorted(faces)


def _number_of_hmetrics(face: FastFace) -> int:
    hhea = face.get_table_pos("hhea")[0]
    count: int = face.get_ushort(hhea + 34)
    return count


@pytest.fixture(params=_faces_in_use(), ids=lambda face: f"{Path(face[0]).name}-{face[1]}")
def both(request: pytest.FixtureRequest) -> tuple[TTFont, FastTTFont]:
    path, index = request.param
    return TTFont("reference", path, subfontIndex=index), FastTTFont("fast", path, subfontIndex=index)


def test_the_font_object_has_what_reportlab_gives_a_ttfont(both: tuple[TTFont, FastTTFont]) -> None:
    reference, fast = both
    assert sorted(vars(fast)) == sorted(vars(reference))
    assert fast.face.__class__ is FastFace


@pytest.mark.parametrize("attribute", SAME_AS_REPORTLAB)
def test_the_face_reads_as_reportlab_reads_it(both: tuple[TTFont, FastTTFont], attribute: str) -> None:
    reference, fast = both
    assert getattr(fast.face, attribute) == getattr(reference.face, attribute)


def test_advance_widths_are_in_font_units(both: tuple[TTFont, FastTTFont]) -> None:
    """reportlab scales the repeated advance of the glyphs after the last full metric to 1/1000 em
    (a slip: the rest of hmetrics is in font units); FastFace keeps font units throughout."""
    reference, fast = both
    full = _number_of_hmetrics(fast.face)
    metrics = list(fast.face.hmetrics)
    assert metrics[:full] == reference.face.hmetrics[:full]
    last_advance = reference.face.hmetrics[full - 1][0]
    assert [bearing for _, bearing in metrics[full:]] == [b for _, b in reference.face.hmetrics[full:]]
    assert all(advance == last_advance for advance, _ in metrics[full:])
    assert len(metrics) == fast.face.numGlyphs


def _tables(font_file: bytes) -> dict[str, bytes]:
    count = struct.unpack_from(">H", font_file, 4)[0]
    tables = {}
    for n in range(count):
        tag, _, offset, length = struct.unpack_from(">4sLLL", font_file, 12 + 16 * n)
        tables[tag.decode("latin-1")] = font_file[offset : offset + length]
    return tables


def test_a_subset_has_the_same_outlines_and_an_empty_name_table(both: tuple[TTFont, FastTTFont]) -> None:
    reference, fast = both
    subset = [code for code in sorted(reference.face.charToGlyph) if code >= 0x20][:200:3]
    ours, theirs = _tables(fast.face.makeSubset(subset)), _tables(reference.face.makeSubset(subset))
    for tag in ("glyf", "loca", "cmap", "maxp", "hhea", "post", "OS/2"):
        assert ours[tag] == theirs[tag], tag
    assert struct.unpack_from(">HH", ours["name"]) == (0, 0)  # no records
    assert len(theirs["name"]) > len(ours["name"])


def test_a_character_map_in_another_format_is_left_to_reportlab(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(FastFace, "_read_cmap", lambda self: None)
    fast, reference = FastTTFont("fast", str(VERA)).face, TTFont("reference", str(VERA)).face
    assert fast.charToGlyph == reference.charToGlyph
    assert fast.charWidths == reference.charWidths


@pytest.mark.parametrize("keep", [0, 0.02, 0.3, 0.9, 0.999])
def test_a_truncated_font_is_refused_when_loaded(tmp_path: Path, keep: float) -> None:
    """Refused with the errors pdf_fonts._load expects, not struct.error in the middle of an export."""
    data = VERA.read_bytes()
    damaged = tmp_path / "damaged.ttf"
    damaged.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises((TTFError, ValueError)):
        FastTTFont("damaged", str(damaged))


def test_the_bmp_map_of_a_cjk_font_reads_the_same_in_format_4_as_in_format_12(
    both: tuple[TTFont, FastTTFont],
) -> None:
    """Windows' CJK fonts (simsun, simfang…) carry only format 4, which reportlab would not pick here
    where a format 12 map exists: both maps of one font must agree on every BMP character."""
    face = both[1].face
    cmap = face._table_start("cmap")
    count = struct.unpack_from(">H", face._ttf_data, cmap + 2)[0]
    subtables = [struct.unpack_from(">HHL", face._ttf_data, cmap + 4 + 8 * n) for n in range(count)]
    formats = {(platform, encoding): face.get_ushort(cmap + offset) for platform, encoding, offset in subtables}
    if formats.get((3, 1)) != 4 or formats.get((3, 10)) != 12:
        pytest.skip("not a font with both a format 4 and a format 12 Unicode map")
    offset = next(offset for platform, encoding, offset in subtables if (platform, encoding) == (3, 1))
    format_4 = face._read_cmap_format_4(cmap + offset)
    mapped = {char: glyph for char, glyph in format_4.items() if glyph}
    assert len(mapped) > 100
    assert mapped == {char: glyph for char, glyph in face._cmap.items() if char <= 0xFFFF and glyph}
