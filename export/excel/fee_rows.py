"""The 信息处理费 of 六 as rows of the 报告正文 sheet, below 六's texts: the fee's name in 部分, each
part's label in 小标题 and its value in 内容, where a person may change it; read back by label.

A row whose 部分 is the fee's name is no subsection to export.excel.read_text, so a workbook of an
earlier version reads as before; a workbook without these rows keeps the fee of its hidden sheet.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from export.excel import style
from export.excel.cells import put
from export.excel.read_cells import SheetCells
from model.errors import ReportFileError
from model.labels import exact_key
from model.report import Fee
from model.template import CellKind, FeeFieldSpec, Template
from model.values import ParseError, format_amount, parse_cell


def _answer(spec: FeeFieldSpec, collected: bool | None) -> str:
    return "" if collected is None else spec.collected_label if collected else spec.not_collected_label


def _rows(spec: FeeFieldSpec, fee: Fee) -> list[tuple[str, str | int]]:
    amount = "" if fee.amount is None else format_amount(fee.amount)
    applications: str | int = "" if fee.applications is None else fee.applications
    return [
        (spec.status_label, _answer(spec, fee.collected)),
        (spec.amount_label, amount),
        (spec.applications_label, applications),
    ]


def write_fee_rows(sheet: Worksheet, first_row: int, spec: FeeFieldSpec, fee: Fee) -> int:
    """Write the fee's rows from `first_row`; the next free row."""
    for row, (label, value) in enumerate(_rows(spec, fee), start=first_row):
        for column, text, editable in ((1, spec.label, False), (2, label, False), (3, value, True)):
            cell = sheet.cell(row, column)
            put(cell, text if text != "" else None)  # text, an amount's too: it stays the exact text written
            cell.font, cell.border = style.PLAIN, style.BORDER
            cell.alignment = style.LEFT
            if editable:
                cell.protection = style.UNLOCKED
            else:
                cell.fill = style.HEADER_FILL
        sheet.row_dimensions[row].height = style.height_for(1)
    rule = DataValidation(
        type="list",
        formula1=f'"{spec.not_collected_label},{spec.collected_label}"',
        error=f"请选择{spec.not_collected_label}或{spec.collected_label}。",
        allow_blank=True,
    )
    rule.showErrorMessage = True
    rule.add(f"C{first_row}")
    sheet.add_data_validation(rule)
    return first_row + 3


def _refused(spec: FeeFieldSpec, label: str, text: str, what: str) -> ReportFileError:
    return ReportFileError(f"工作簿中{spec.label}的“{label}”填写为“{text}”，{what}")


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def _number(spec: FeeFieldSpec, label: str, value: object, kind: CellKind) -> Decimal | int | None:
    text = _text(value)
    try:
        number = parse_cell(text, kind)
    except (ParseError, InvalidOperation):
        number = None
        if text:
            raise _refused(spec, label, text, "不是金额（元）" if kind is CellKind.AMOUNT else "不是整数") from None
    if number is not None and number < 0:
        raise _refused(spec, label, text, "不能为负数")
    return number


def read_fee(sheets: list[SheetCells], template: Template) -> Fee | None:
    """The fee from its rows, or None when no sheet has them."""
    spec = template.fee
    found: dict[str, object] = {}
    for sheet in sheets:
        for (row, column), _entry in sorted(sheet.cells.items()):
            if exact_key(sheet.text((row, column))) != exact_key(spec.label):
                continue
            label = exact_key(sheet.text((row, column + 1)))
            entry = sheet.cells.get((row, column + 2))
            found.setdefault(label, None if entry is None or entry.is_formula else entry.value)
        if found:
            break
    if not found:
        return None
    answer = _text(found.get(exact_key(spec.status_label)))
    answers = {exact_key(spec.collected_label): True, exact_key(spec.not_collected_label): False}
    if answer and exact_key(answer) not in answers:
        raise _refused(spec, spec.status_label, answer, f"应为{spec.not_collected_label}或{spec.collected_label}")
    amount = _number(spec, spec.amount_label, found.get(exact_key(spec.amount_label)), CellKind.AMOUNT)
    count = _number(spec, spec.applications_label, found.get(exact_key(spec.applications_label)), CellKind.COUNT)
    return Fee(
        collected=answers.get(exact_key(answer)) if answer else None,
        amount=Decimal(amount) if amount is not None else None,
        applications=int(count) if count is not None else None,
    )
