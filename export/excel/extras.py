"""What the visible sheets cannot show — last year's figures, reviewed warnings, the structured
信息处理费 and which sentences follow the tables — in a hidden sheet.

They are kept as the report file's own JSON (model.serialize), so a report that goes through a
workbook keeps its cross-year checks (CARRY_OVER, IN_FORCE_DRIFT), a person's reviews, the fee field
of 六 and its linked sentences.
"""

from __future__ import annotations

import json
from typing import Any

from openpyxl import Workbook

from export.excel import style
from export.excel.cells import put_text
from export.excel.read_cells import SheetCells
from model.errors import ReportFileError
from model.report import Report
from model.serialize import FORMAT_NAME, SCHEMA_VERSION, report_from_dict, report_to_dict

EXTRAS_SHEET = "_年报附加数据"
MARKER = f"{FORMAT_NAME}:extras"  # cell A1, by which the sheet is found again
CHUNK = 30000  # characters a cell; Excel holds 32 767
_KEYS = ("previous", "reviews", "fee", "sentence_links")


def write_extras(workbook: Workbook, report: Report) -> None:
    document = report_to_dict(report)
    extras = {key: document[key] for key in _KEYS if key in document}
    if not extras:
        return
    sheet = workbook.create_sheet(EXTRAS_SHEET)
    sheet.sheet_state = "hidden"  # not veryHidden: whoever wonders may unhide and read it
    put_text(sheet["A1"], MARKER)
    text = json.dumps(extras, ensure_ascii=False)
    for row, start in enumerate(range(0, len(text), CHUNK), start=2):
        put_text(sheet.cell(row, 1), text[start : start + CHUNK])
    style.protect(sheet)


def read_extras(sheets: list[SheetCells], report: Report) -> None:
    """Restore what the hidden sheet holds (previous, reviews, fee, sentence links), if the workbook has one."""
    sheet = next((s for s in sheets if s.text((1, 1)) == MARKER), None)
    if sheet is None:
        return
    rows = sorted(r for r, c in sheet.cells if c == 1 and r > 1)
    try:
        extras: Any = json.loads("".join(sheet.text((r, 1)) for r in rows))
        header = {"format": FORMAT_NAME, "schema_version": SCHEMA_VERSION, "template": report.template.id}
        restored = report_from_dict({**header, **{k: extras.get(k) for k in _KEYS}})
    except (ValueError, AttributeError, ReportFileError):
        return  # damaged by hand: the visible sheets are the report; only these extras are lost
    report.previous = restored.previous
    report.reviews = restored.reviews
    report.fee = restored.fee
    report.sentence_links = restored.sentence_links
