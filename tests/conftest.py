"""Test-wide setup: Qt runs offscreen, and a filled-in report is at hand."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from model.report import Report
from tests.factories import consistent_report


@pytest.fixture
def report() -> Report:
    """A complete, consistent 2024 report with non-zero numbers and no errors."""
    return consistent_report()
