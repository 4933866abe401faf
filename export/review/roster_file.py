"""Reading the center's roster: a .xlsx or .csv with a 机关名称 column (optional 机关类型, 联系人).

The header is looked for in the first rows (a title line above it is common); the agency column
is the one headed with the template's label for the agency (or 单位名称). A 机关类型 cell may hold
the kind's label or its id; anything else leaves the kind to the report.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from pathlib import Path

from export.zipguard import check_package
from model.errors import ReportFileError
from model.files import read_bytes_bounded
from model.roster import Roster, Unit, clean_name
from model.template import MetaId, Template

MAX_ROSTER_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20000
HEADER_SEARCH_ROWS = 10
CONTACT_HEADERS = ("联系人", "联系电话")
OTHER_NAME_HEADERS = ("单位名称", "单位")
WHAT = "单位名单"


def read_roster(path: str | Path, template: Template) -> Roster:
    """The units of a roster file; ReportFileError with a Chinese reason when it cannot be read."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = _csv_rows(read_bytes_bounded(path, MAX_ROSTER_BYTES, WHAT))
    elif suffix == ".xlsx":
        rows = _xlsx_rows(path)
    else:
        raise ReportFileError(f"单位名单应为 .xlsx 或 .csv 文件，不支持 {suffix or '无扩展名'} 文件")
    return roster_from_rows(list(rows), template)


def _csv_rows(data: bytes) -> Iterator[list[str]]:
    for encoding in ("utf-8-sig", "gb18030"):  # Excel on Chinese Windows saves CSV in GBK
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        yield from csv.reader(io.StringIO(text))
        return
    raise ReportFileError("单位名单的文字编码无法识别，请另存为 UTF-8 编码的 CSV 或 .xlsx")


def _xlsx_rows(path: Path) -> Iterator[list[str]]:
    from openpyxl import load_workbook  # only when a roster is a workbook

    check_package(path, WHAT)
    data = read_bytes_bounded(path, MAX_ROSTER_BYTES, WHAT)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged package; one reason for all
        raise ReportFileError(f"无法读取单位名单：文件已损坏或不是 .xlsx 格式（{type(error).__name__}）") from None
    try:
        sheet = workbook.worksheets[0]
        for row in sheet.iter_rows(max_row=MAX_ROWS, values_only=True):
            yield ["" if v is None else str(v).strip() for v in row]
    finally:
        workbook.close()


def _column(header: Sequence[str], names: Sequence[str]) -> int | None:
    cleaned = [clean_name(h) for h in header]
    return next((cleaned.index(n) for n in names if n in cleaned), None)


def roster_from_rows(rows: Sequence[Sequence[str]], template: Template) -> Roster:
    name_headers = (template.meta_field(MetaId.AGENCY).label, *OTHER_NAME_HEADERS)
    found = next(
        (
            (i, column)
            for i, row in enumerate(rows[:HEADER_SEARCH_ROWS])
            if (column := _column(row, name_headers)) is not None
        ),
        None,
    )
    if found is None:
        raise ReportFileError(f"单位名单中没有找到“{name_headers[0]}”列（应在前 {HEADER_SEARCH_ROWS} 行内有表头）")
    index, name_column = found
    header = rows[index]
    kind_column = _column(header, (template.meta_field(MetaId.AGENCY_KIND).label,))
    contact_column = _column(header, (*CONTACT_HEADERS, template.meta_field(MetaId.CONTACT).label))
    kinds = {k.label: k.id for k in template.agency_kinds} | {k.id: k.id for k in template.agency_kinds}
    units: list[Unit] = []
    for row in rows[index + 1 :]:
        name = _cell(row, name_column).strip()
        if not name:
            continue
        kind = kinds.get(_cell(row, kind_column).strip())
        units.append(Unit(name, kind, _cell(row, contact_column).strip()))
    if not units:
        raise ReportFileError("单位名单中没有任何单位")
    return Roster(tuple(dict.fromkeys(units)))


def _cell(row: Sequence[str], column: int | None) -> str:
    return row[column] if column is not None and column < len(row) else ""
