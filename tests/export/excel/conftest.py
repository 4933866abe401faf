"""The workbook the Excel export tests look at, written once per test module."""

from __future__ import annotations

import openpyxl
import pytest

from export import ExportOptions, write_report
from tests.factories import consistent_report


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    """The consistent report's workbook, written once: the tests below only look at it."""
    path = tmp_path_factory.mktemp("excel") / "年报.xlsx"
    write_report(consistent_report(), path, ExportOptions())
    return openpyxl.load_workbook(path)
