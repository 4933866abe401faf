"""export/pdf/page.py: A4 pages numbered with dashes."""

from __future__ import annotations

from pathlib import Path

from tests.export.pdf.poppler import _poppler, needs_poppler

pytestmark = needs_poppler


def test_pages_are_a4(published: Path) -> None:
    info = _poppler("pdfinfo", published)
    assert "Page size:       595.276 x 841.89 pts (A4)" in info


def test_pages_are_numbered_with_dashes(published: Path) -> None:
    pages = _poppler("pdftotext", published).split("\f")
    numbered = [page for page in pages if page.strip()]
    for number, page in enumerate(numbered, start=1):
        assert f"— {number} —" in page
