"""A workbook's cells as plain data, read safely: bounded size, bounded area, friendly errors.

The importer never touches openpyxl objects: it gets each sheet as a map from (row, column) to what
the cell holds, with formulas told apart from typed values, so it can be tested on plain dicts.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from defusedxml import DefusedXmlException
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from export.zipguard import check_package
from model.errors import ReportFileError
from model.files import read_bytes_bounded

WHAT = "Excel 工作簿"
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_XML_BYTES = 1024 * 1024  # ours is ~80 KB; openpyxl parses ~1 MB/s, and 2 s is the limit
MAX_ROWS = 400  # the report's sheets are far smaller; nothing below or right of this is read
MAX_COLUMNS = 40
MAX_SHEETS = 50

Position = tuple[int, int]  # (row, column), 1-based
Merge = tuple[Position, Position]  # top-left and bottom-right of a merged range
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?ref=\"([A-Z]+[0-9]+:[A-Z]+[0-9]+)\"")


@dataclass(frozen=True)
class Entry:
    value: object  # int, float, str, datetime, bool, or a formula's text ("=SUM(…)")
    is_formula: bool = False


@dataclass(frozen=True)
class SheetCells:
    name: str
    cells: dict[Position, Entry]
    merges: tuple[Merge, ...] = ()  # merged ranges inside the bounded area

    def text(self, position: Position) -> str:
        entry = self.cells.get(position)
        if entry is None or entry.value is None or entry.is_formula:
            return ""
        return str(entry.value)


@contextmanager
def _opened(data: bytes, *, values: bool) -> Iterator[Workbook]:
    workbook = load_workbook(BytesIO(data), read_only=True, data_only=values)
    try:
        yield workbook
    finally:
        workbook.close()


def _sheet_cells(sheet: ReadOnlyWorksheet, *, values: bool) -> dict[Position, Entry]:
    cells: dict[Position, Entry] = {}
    for row in sheet.iter_rows(max_row=MAX_ROWS, max_col=MAX_COLUMNS):
        for cell in row:
            if cell.value is None or cell.value == "":  # EmptyCell too: what a read-only sheet leaves out
                continue
            is_formula = not values and cell.data_type == "f"
            cells[(cell.row, cell.column)] = Entry(cell.value, is_formula)
    return cells


def _merges(sheet: ReadOnlyWorksheet) -> tuple[Merge, ...]:
    """The merged ranges, which a read-only sheet does not parse: found in the sheet's XML, which the
    package guard has already bounded."""
    with sheet._get_source() as source:
        xml = source.read()
    merges = []
    for match in _MERGE.finditer(xml):
        left, top, right, bottom = range_boundaries(match.group(1).decode())
        if left and top and right and bottom and top <= MAX_ROWS and left <= MAX_COLUMNS:
            merges.append(((top, left), (min(bottom, MAX_ROWS), min(right, MAX_COLUMNS))))
    return tuple(merges)


def _read_sheets(data: bytes, *, values: bool) -> list[SheetCells]:
    with _opened(data, values=values) as workbook:
        worksheets = workbook.worksheets[:MAX_SHEETS]
        return [
            SheetCells(ws.title, _sheet_cells(ws, values=values), () if values else _merges(ws)) for ws in worksheets
        ]


def read_cells(path: Path) -> tuple[list[SheetCells], bytes]:
    """Every sheet's cells (formulas as text), and the raw package for a second look at cached values."""
    check_package(path, WHAT, max_xml_bytes=MAX_XML_BYTES)
    data = read_bytes_bounded(path, MAX_FILE_BYTES, WHAT)
    return _guarded(lambda: _read_sheets(data, values=False)), data


def read_cached_values(data: bytes) -> dict[str, dict[Position, Entry]]:
    """What each formula showed when the workbook was last saved by a spreadsheet program."""
    sheets = _guarded(lambda: _read_sheets(data, values=True))
    return {sheet.name: sheet.cells for sheet in sheets}


def _guarded(read: Callable[[], list[SheetCells]]) -> list[SheetCells]:
    # openpyxl raises many kinds of exception on a damaged package (KeyError for a missing part,
    # ValueError, TypeError, XML parse errors, defusedxml refusals); to the person they all mean
    # the same thing, so all of them become one Chinese reason.
    try:
        with warnings.catch_warnings():  # "no default style", unsupported extensions: nothing for the person
            warnings.simplefilter("ignore")
            return read()
    except ReportFileError:
        raise
    except MemoryError:
        raise ReportFileError(f"{WHAT}内容过大，无法读取") from None
    except Exception as error:
        if _caused_by(error, DefusedXmlException):
            raise ReportFileError(f"{WHAT}中含有 XML 实体声明（可能是恶意文件），不予打开") from None
        raise ReportFileError(f"无法读取{WHAT}：文件已损坏或不是 .xlsx 格式（{type(error).__name__}）") from None


def _caused_by(error: BaseException, kind: type[BaseException]) -> bool:
    """openpyxl wraps parse errors in its own ValueError; the refusal that started it is in the chain."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, kind):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
