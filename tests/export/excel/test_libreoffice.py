"""A real spreadsheet program recalculates the exported workbook: its totals and checks match the app's.

LibreOffice opens the workbook headless, computes every formula and saves it again as .xlsx with the
computed values; those must equal `Report.value`, and the re-saved workbook must import unchanged.
"""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from export import ExportOptions, read_report, write_report
from export.excel.sheet_grid import CHECK_MARK, SheetGrid
from model.report import Number, Report
from model.serialize import report_to_dict
from model.template import TEMPLATE_2021
from tests.factories import consistent_report

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed here; CI installs it"),
]


def unbalanced_report() -> Report:
    """A carried-forward figure that breaks 一+二 = 三（七）+四, and a column with a part left blank."""
    report = consistent_report()
    report.set_cell("applications", "carried_forward", "natural_person", 3)
    report.set_cell("applications", "withheld_state_secret", "research", None)
    report.set_cell("review_litigation", "litigation_direct", "pending", None)
    report.set_cell("review_litigation", "litigation_after_review", "other", 2)
    return report


def recalculated_by_libreoffice(sources: list[Path], folder: Path) -> list[Path]:
    out = folder / "recalculated"
    command = [
        str(SOFFICE),
        f"-env:UserInstallation=file://{folder / 'lo-profile'}",
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        str(out),
        *map(str, sources),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    return [out / source.name for source in sources]


def shown(value: object) -> object:
    """A formula's result as the app would show it: '' is nothing, whole floats are ints."""
    if value is None or value == "":
        return None
    if isinstance(value, float):
        return int(value) if value.is_integer() else Decimal(repr(value))
    return value


def expected_check(report: Report, left: tuple[tuple[str, str], ...], right: tuple[tuple[str, str], ...]) -> object:
    values: list[Number | None] = [report.value("applications", r, c) for r, c in (*left, *right)]
    if any(v is None for v in values):
        return None
    numbers = [v for v in values if v is not None]
    difference = sum(numbers[: len(left)]) - sum(numbers[len(left) :])
    return CHECK_MARK if difference == 0 else difference


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Report, Path]]:
    folder = tmp_path_factory.mktemp("libreoffice")
    reports = {"consistent.xlsx": consistent_report(), "unbalanced.xlsx": unbalanced_report()}
    sources = []
    for name, report in reports.items():
        assert not report.tables["applications"].get("new_received", {}).get("total")  # totals left out
        write_report(report, folder / name, ExportOptions())
        sources.append(folder / name)
    outputs = recalculated_by_libreoffice(sources, folder)
    return list(zip(reports.values(), outputs, strict=True))


def test_every_total_equals_what_the_app_computes(recalculated: list[tuple[Report, Path]]) -> None:
    for report, path in recalculated:
        workbook = openpyxl.load_workbook(path, data_only=True)
        checked = 0
        for table in TEMPLATE_2021.tables:
            sheet = workbook[TEMPLATE_2021.section(table.id).heading]
            grid = SheetGrid(table)
            for row_id, column_id in table.total_parts:
                cell = sheet.cell(*grid.coordinate(row_id, column_id))
                assert shown(cell.value) == report.value(table.id, row_id, column_id), (path.name, row_id, column_id)
                checked += 1
        assert checked == 25 + 6 + 3  # the 总计 column, the rest of （七）总计, table 4's three 总计


def test_every_check_cell_shows_a_tick_or_the_difference(recalculated: list[tuple[Report, Path]]) -> None:
    seen = []
    for report, path in recalculated:
        sheet = openpyxl.load_workbook(path, data_only=True)[TEMPLATE_2021.section("applications").heading]
        for check_row in SheetGrid(TEMPLATE_2021.table("applications")).check_rows:
            for check in check_row.cells:
                value = shown(sheet.cell(*check.coordinate).value)
                assert value == expected_check(report, check.left, check.right), (path.name, check.coordinate)
                seen.append(value)
    assert CHECK_MARK in seen and -2 in seen and None in seen  # balanced, unbalanced, incomplete


def test_the_workbook_libreoffice_saved_imports_unchanged(recalculated: list[tuple[Report, Path]]) -> None:
    for report, path in recalculated:
        assert report_to_dict(read_report(path)) == report_to_dict(report)
