"""export/excel/read_cells.py: a workbook's cells as plain data — typed values kept with their
Python type, formulas told apart from them (and their cached values read separately), empty cells
left out, every sheet in order, nothing read outside the bounded area, and a file too big, too
bulky or broken refused with one Chinese line."""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from export.excel.read_cells import (
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    MAX_SHEETS,
    MAX_XML_BYTES,
    Entry,
    SheetCells,
    read_cached_values,
    read_cells,
)
from model.errors import ReportFileError


def save(workbook: openpyxl.Workbook, folder: Path, name: str = "工作簿.xlsx") -> Path:
    path = folder / name
    workbook.save(path)
    return path


def one_sheet(folder: Path, values: dict[str, object]) -> Path:
    """A workbook whose only sheet, 表, holds `values` by cell address."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "表"
    for address, value in values.items():
        sheet[address] = value
    return save(workbook, folder)


def rewritten(path: Path, name: str, edit: Callable[[str], str]) -> Path:
    """A copy of the workbook at `path` whose first sheet's XML `edit` changed, as another program wrote it."""
    target = path.with_name(name)
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = edit(data.decode()).encode()
            new.writestr(item, data)
    return target


def cells_of(path: Path) -> dict[tuple[int, int], Entry]:
    sheets, _ = read_cells(path)
    (sheet,) = sheets
    return sheet.cells


@pytest.mark.parametrize(
    ("typed", "entry"),
    [
        (7, Entry(7)),
        (0, Entry(0)),  # zero is an answer, not an empty cell
        (2.5, Entry(2.5)),
        ("叶城县科学技术局", Entry("叶城县科学技术局")),
        ("  ", Entry("  ")),
        (True, Entry(True)),
        (False, Entry(False)),
        (datetime(2025, 1, 17), Entry(datetime(2025, 1, 17))),
        ("=SUM(A1:A2)", Entry("=SUM(A1:A2)", is_formula=True)),
        ("=1+1", Entry("=1+1", is_formula=True)),
    ],
    ids=["int", "zero", "float", "text", "spaces", "true", "false", "date", "sum", "arithmetic"],
)
def test_a_cell_is_its_typed_value_or_its_formula_text(tmp_path: Path, typed: object, entry: Entry) -> None:
    found = cells_of(one_sheet(tmp_path, {"B3": typed}))
    assert found == {(3, 2): entry}  # (row, column), 1-based
    assert type(found[(3, 2)].value) is type(entry.value)


def test_empty_cells_are_left_out_even_when_styled_or_set_to_empty_text(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet["A1"] = 1
    sheet["A2"] = ""
    sheet["A3"] = None
    sheet["C5"].font = Font(bold=True)  # formatted, never filled in
    sheet["D9"] = 4
    assert cells_of(save(workbook, tmp_path)) == {(1, 1): Entry(1), (9, 4): Entry(4)}


def test_a_cell_holding_empty_text_is_left_out(tmp_path: Path) -> None:
    empty_text = (
        '<row r="2"><c r="A2" t="inlineStr"><is><t></t></is></c><c r="B2" t="inlineStr"><is><t>乙</t></is></c></row>'
    )
    path = rewritten(
        one_sheet(tmp_path, {"A1": "甲"}),
        "空文本.xlsx",
        lambda xml: xml.replace("</sheetData>", f"{empty_text}</sheetData>"),
    )
    assert cells_of(path) == {(1, 1): Entry("甲"), (2, 2): Entry("乙")}


def test_every_sheet_is_read_in_workbook_order_with_its_name(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    first.title = "基本信息"
    first["A1"] = "甲"
    workbook.create_sheet("二、主动公开")["B2"] = 3
    hidden = workbook.create_sheet("隐藏")
    hidden.sheet_state = "hidden"
    hidden["C3"] = 5
    workbook.create_sheet("空表")
    sheets, _ = read_cells(save(workbook, tmp_path))
    assert sheets == [
        SheetCells("基本信息", {(1, 1): Entry("甲")}),
        SheetCells("二、主动公开", {(2, 2): Entry(3)}),
        SheetCells("隐藏", {(3, 3): Entry(5)}),
        SheetCells("空表", {}),
    ]


def test_the_raw_package_comes_back_for_a_second_look(tmp_path: Path) -> None:
    path = one_sheet(tmp_path, {"A1": 1})
    _, data = read_cells(path)
    assert data == path.read_bytes()


@pytest.mark.parametrize(
    ("row", "column", "read"),
    [
        (MAX_ROWS, 1, True),
        (MAX_ROWS + 1, 1, False),
        (1, MAX_COLUMNS, True),
        (1, MAX_COLUMNS + 1, False),
        (MAX_ROWS, MAX_COLUMNS, True),
        (MAX_ROWS + 50, MAX_COLUMNS + 50, False),
    ],
)
def test_nothing_below_or_right_of_the_bounded_area_is_read(tmp_path: Path, row: int, column: int, read: bool) -> None:
    address = f"{get_column_letter(column)}{row}"
    found = cells_of(one_sheet(tmp_path, {"A1": "左上", address: 9}))
    assert found[(1, 1)] == Entry("左上")  # the rest of the sheet is read as usual
    assert ((row, column) in found) is read


def test_sheets_past_the_limit_are_not_read(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.worksheets[0])
    for number in range(1, MAX_SHEETS + 3):
        workbook.create_sheet(f"表{number}")["A1"] = number
    sheets, _ = read_cells(save(workbook, tmp_path))
    assert [s.name for s in sheets] == [f"表{n}" for n in range(1, MAX_SHEETS + 1)]


@pytest.mark.parametrize(
    ("entry", "text"),
    [
        (Entry(7), "7"),
        (Entry(0), "0"),
        (Entry(2.5), "2.5"),
        (Entry("（一）予以公开"), "（一）予以公开"),
        (Entry(None), ""),
        (Entry("=SUM(A1:A2)", is_formula=True), ""),  # a formula's text is no value to show
    ],
)
def test_text_is_what_a_plain_cell_holds_as_a_string(entry: Entry, text: str) -> None:
    sheet = SheetCells("表", {(2, 3): entry})
    assert sheet.text((2, 3)) == text
    assert sheet.text((3, 2)) == ""  # absent


def cache(path: Path, address: str, value: str) -> Path:
    """`path` as a spreadsheet program saves it: the formula at `address` with its computed value."""

    def computed(xml: str) -> str:
        xml, count = re.subn(rf'(<c r="{address}"[^>]*><f>[^<]*</f>)<v\s*/?>(</v>)?', rf"\1<v>{value}</v>", xml)
        assert count == 1
        return xml

    return rewritten(path, "已计算.xlsx", computed)


def test_cached_values_are_what_formulas_showed_when_last_saved(tmp_path: Path) -> None:
    saved = one_sheet(tmp_path, {"A1": 2, "A2": 3, "A3": "=SUM(A1:A2)", "A4": "=A1*10"})
    path = cache(saved, "A3", "5")
    sheets, data = read_cells(path)
    assert sheets[0].cells[(3, 1)] == Entry("=SUM(A1:A2)", is_formula=True)
    cached = read_cached_values(data)
    assert cached == {"表": {(1, 1): Entry(2), (2, 1): Entry(3), (3, 1): Entry(5)}}  # A4: never computed


def incompressible_xml(size: int) -> bytes:
    return b"<a>" + os.urandom(size // 2).hex().encode() + b"</a>"


def too_much_xml(folder: Path) -> Path:
    """Two parts just under a megabyte each (no zip bomb), together over the XML budget."""
    path = one_sheet(folder, {"A1": 1})
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as package:
        for number in (1, 2):
            package.writestr(f"customXml/item{number}.xml", incompressible_xml(MAX_XML_BYTES * 6 // 10))
    return path


def too_big(folder: Path) -> Path:
    path = folder / "大.xlsx"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    return path


def not_a_zip(folder: Path) -> Path:
    path = folder / "文本.xlsx"
    path.write_text("机关名称,年度\n", encoding="utf-8")
    return path


def no_workbook(folder: Path) -> Path:
    path = folder / "空包.xlsx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
    return path


def broken_sheet(folder: Path) -> Path:
    return rewritten(
        one_sheet(folder, {"A1": 1}), "坏表.xlsx", lambda _: '<worksheet><sheetData><row r="1"><c r="A1"><v>1'
    )


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (too_big, r"^Excel 工作簿过大（\d+ MB，上限 20 MB），不予打开$"),
        (too_much_xml, r"^Excel 工作簿内容过多（XML 超过 1 MB），不是本程序能读取的年报文件$"),
        (not_a_zip, r"^这不是有效的Excel 工作簿"),
        (no_workbook, r"^无法读取Excel 工作簿：文件已损坏或不是 \.xlsx 格式（\w+）$"),
        (broken_sheet, r"^无法读取Excel 工作簿：文件已损坏或不是 \.xlsx 格式（\w+）$"),
    ],
    ids=["over-20-MB", "over-the-xml-budget", "not-a-zip", "no-workbook-part", "broken-sheet-xml"],
)
def test_a_file_that_cannot_be_read_is_refused_in_one_chinese_line(
    tmp_path: Path, make: Callable[[Path], Path], reason: str
) -> None:
    with pytest.raises(ReportFileError) as refused:
        read_cells(make(tmp_path))
    assert re.search(reason, str(refused.value)), str(refused.value)
    assert "\n" not in str(refused.value)


def test_cached_values_of_a_damaged_package_are_refused_the_same_way() -> None:
    with pytest.raises(ReportFileError, match=r"^无法读取Excel 工作簿：文件已损坏或不是 \.xlsx 格式"):
        read_cached_values(b"PK\x03\x04 not really")
