"""Which fonts a PDF gets: the 公文 fonts first, Windows' and Linux' CJK fonts next, STSong-Light last."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import export.fonts
import export.pdf.embedding
from export import PDF, ExportOptions
from export.fonts import FontFile, FontRole, family_key, font_candidates, standard_fonts_installed
from export.page_design import STANDARD, WINDOWS
from export.pdf.embedding import CID_FALLBACK, PdfFonts, pdf_fonts
from tests.factories import consistent_report

WINDOWS_FONTS = {n: Path("C:/Windows/Fonts") / n for n in ("simsun.ttc", "simfang.ttf", "simkai.ttf", "simhei.ttf")}
STANDARD_FONTS = {  # found by the family names inside the files
    family_key(family): FontFile(Path("C:/Windows/Fonts") / n)
    for family, n in (
        ("方正小标宋简体", "FZXBSJW.TTF"),
        ("仿宋_GB2312", "fsgb2312.ttf"),
        ("楷体_GB2312", "kaigb2312.ttf"),
    )
}
LINUX_FONTS = {
    "uming.ttc": Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
    "ukai.ttc": Path("/usr/share/fonts/truetype/arphic/ukai.ttc"),
    "wqy-zenhei.ttc": Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    "notoserifcjk-regular.ttc": Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"),
}


def _first(
    scheme: object, role: FontRole, installed: dict[str, Path], families: dict[str, FontFile] | None = None
) -> str:
    return font_candidates(scheme, role, installed, families or {})[0].path.name  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (FontRole.TITLE, "FZXBSJW.TTF"),
        (FontRole.BODY, "fsgb2312.ttf"),
        (FontRole.HEADING1, "simhei.ttf"),
        (FontRole.HEADING2, "kaigb2312.ttf"),
        (FontRole.PAGE_NUMBER, "simsun.ttc"),
    ],
)
def test_standard_scheme_takes_the_official_fonts_when_installed(role: FontRole, expected: str) -> None:
    assert _first(STANDARD, role, WINDOWS_FONTS, STANDARD_FONTS) == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (FontRole.TITLE, "simsun.ttc"),
        (FontRole.BODY, "simfang.ttf"),
        (FontRole.HEADING1, "simhei.ttf"),
        (FontRole.HEADING2, "simkai.ttf"),
    ],
)
def test_windows_scheme_takes_windows_own_fonts(role: FontRole, expected: str) -> None:
    assert _first(WINDOWS, role, WINDOWS_FONTS, STANDARD_FONTS) == expected


def test_standard_scheme_without_official_fonts_falls_back_to_windows_fonts() -> None:
    assert _first(STANDARD, FontRole.BODY, WINDOWS_FONTS) == "simfang.ttf"


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (FontRole.BODY, "uming.ttc"),
        (FontRole.HEADING1, "wqy-zenhei.ttc"),
        (FontRole.HEADING2, "ukai.ttc"),
    ],
)
def test_linux_fonts_serve_where_windows_fonts_are_missing(role: FontRole, expected: str) -> None:
    candidates = font_candidates(WINDOWS, role, LINUX_FONTS)
    assert candidates[0].path.name == expected
    assert all("noto" not in c.path.name for c in candidates)  # CFF outlines: reportlab cannot embed them


@pytest.fixture
def no_fonts(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A computer without any TrueType CJK font."""
    monkeypatch.setattr(export.fonts, "font_dirs", list)
    pdf_fonts.cache_clear()
    yield
    pdf_fonts.cache_clear()


@pytest.mark.usefixtures("no_fonts")
def test_without_cjk_fonts_the_pdf_uses_stsong_and_says_so(tmp_path: Path) -> None:
    options = ExportOptions()
    assert not pdf_fonts(options.font_scheme).embedded
    notice = PDF.notice(options)
    assert notice is not None and "未嵌入字体" in notice
    data = PDF.render(consistent_report(), options)
    # Named, not embedded (poppler without poppler-data cannot even list it, so read the bytes).
    assert f"/BaseFont /{CID_FALLBACK}".encode() in data
    assert b"/FontFile2" not in data


def test_unusable_font_files_are_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "simfang.ttf"
    broken.write_bytes(b"not a font at all")
    monkeypatch.setattr(export.pdf.embedding, "installed_font_files", lambda: {"simfang.ttf": broken})
    pdf_fonts.cache_clear()
    try:
        assert not pdf_fonts("windows").embedded
    finally:
        pdf_fonts.cache_clear()


def test_installed_fonts_are_embedded_without_notice() -> None:
    fonts = pdf_fonts("auto")
    if not fonts.embedded:
        pytest.skip("no TrueType CJK font on this machine")
    assert fonts.notice is None


def test_asking_for_standard_fonts_that_are_missing_is_told() -> None:
    fonts = pdf_fonts("standard")
    if standard_fonts_installed() or not fonts.embedded:
        pytest.skip("depends on the fonts of this machine")
    assert fonts.notice is not None and "公文标准字体" in fonts.notice


def test_characters_missing_from_a_font_come_from_the_next_font() -> None:
    fonts = PdfFonts(
        by_role=dict.fromkeys(FontRole, "body"),
        coverage=(("body", frozenset(map(ord, "政府信息"))), ("rare", frozenset(map(ord, "喆")))),
        embedded=True,
        notice=None,
    )
    assert fonts.runs("政府信息喆<", FontRole.BODY) == [("政府信息", "body"), ("喆", "rare"), ("<", "body")]
