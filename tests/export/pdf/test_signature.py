"""export/pdf/signature.py and the signature block as printed: GB/T 9704 §7.3.5.2 on the published
copy, §7.3.5.1 (加盖印章) on the signed copy, measured in rendered PDFs read back with pdftotext -bbox."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from export import PDF, ExportOptions
from export.composition.compose import SEAL_RADIUS_PT
from export.page_design import MARGIN_LEFT_MM, PT_PER_MM, SEAL_LABEL, SIGNER_LABEL, SIZE_3, TEXT_WIDTH_PT
from export.pdf.embedding import pdf_fonts
from tests.export.pdf.poppler import needs_poppler
from tests.factories import consistent_report

pytestmark = needs_poppler
CHAR = SIZE_3
LEFT = MARGIN_LEFT_MM * PT_PER_MM
RIGHT = LEFT + TEXT_WIDTH_PT
Word = tuple[str, float, float, float, float]  # text, left, right, top, bottom


def words_of(pdf: Path) -> list[list[Word]]:
    """Each page's words as pdftotext finds them, in points from the page's top left."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [
        [(text, float(a), float(c), float(b), float(d)) for a, b, c, d, text in re.findall(pattern, page)]
        for page in html.split("<page")[1:]
    ]


def _render(tmp_path: Path, signed: bool, issued: date | None = date(2025, 1, 17)) -> list[Word]:
    if not pdf_fonts("auto").embedded:
        pytest.skip("no TrueType CJK font on this machine: pdftotext cannot read STSong-Light")
    report = consistent_report()
    report.meta.issue_date = issued
    path = tmp_path / "r.pdf"
    path.write_bytes(PDF.render(report, ExportOptions(signed_copy=signed)))
    return words_of(path)[-1]


def _word(words: list[Word], text: str) -> Word:
    (found,) = [w for w in words if w[0] == text]
    return found


def test_published_copy_date_two_characters_right_of_the_signatory(tmp_path: Path) -> None:
    words = _render(tmp_path, signed=False)
    _, name_left, name_right, name_top, _ = _word(words, "叶城县科学技术局")
    _, date_left, date_right, date_top, _ = _word(words, "2025年1月17日")
    assert date_left - name_left == pytest.approx(2 * CHAR, abs=1.5)
    assert RIGHT - max(name_right, date_right) == pytest.approx(2 * CHAR, abs=1.5)
    assert date_top > name_top
    assert not [w for w in words if SIGNER_LABEL[:4] in w[0] or SEAL_LABEL[1:-1] in w[0]]


def test_signed_copy_date_four_characters_in_signatory_centred_under_the_seal(tmp_path: Path) -> None:
    words = _render(tmp_path, signed=True)
    _, name_left, name_right, name_top, _ = _word(words, "叶城县科学技术局")
    _, date_left, date_right, date_top, date_bottom = _word(words, "2025年1月17日")
    _, seal_left, seal_right, seal_top, _ = _word(words, SEAL_LABEL)
    assert RIGHT - date_right == pytest.approx(4 * CHAR, abs=1.5)
    assert (name_left + name_right) / 2 == pytest.approx((date_left + date_right) / 2, abs=1.5)
    seal_centre_x = (seal_left + seal_right) / 2
    assert seal_centre_x == pytest.approx((date_left + date_right) / 2, abs=1.5)
    # The seal (its label on its top line) presses the 落款 and the date, both below its centre.
    circle_top = seal_top - CHAR / 2 - 28.95  # the label is on the circle's second line
    assert circle_top < name_top and date_bottom < circle_top + 2 * SEAL_RADIUS_PT
    assert (name_top + date_bottom) / 2 > circle_top + SEAL_RADIUS_PT  # 居印章中心偏下
    signer = [w for w in words if w[0].startswith(SIGNER_LABEL[:5])]
    assert signer and signer[0][3] > date_top


def test_without_a_date_nothing_is_left_to_fill_in_by_hand(tmp_path: Path) -> None:
    for signed in (False, True):
        words = _render(tmp_path, signed=signed, issued=None)
        assert not [w for w in words if w[0] in ("年", "月", "日") or w[0].endswith("年月日")]
        _, _, name_right, _, _ = _word(words, "叶城县科学技术局")
        assert RIGHT - name_right == pytest.approx((4 if signed else 2) * CHAR, abs=1.5)
