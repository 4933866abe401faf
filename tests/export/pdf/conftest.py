"""The published PDF of the consistent report, written once per test module, and its text."""

from __future__ import annotations

from pathlib import Path

import pytest

from export import ExportOptions, write_report
from tests.export.pdf.poppler import _poppler
from tests.factories import consistent_report


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    write_report(consistent_report(), path, ExportOptions())
    return path


@pytest.fixture(scope="module")
def published_text(published: Path) -> str:
    return _poppler("pdftotext", published)
