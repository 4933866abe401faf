"""审核汇总.xlsx: the batch review as a workbook the center works in.

Sheets: 审核情况 (one row per report, worst first, filterable), 问题清单 (one row per finding),
未报送 (roster units that sent nothing, files matching no unit or several, unreadable files,
duplicates), 汇总表二/三/四 (the statutory tables holding the county's sums, as live formulas over
汇总数据), and 汇总数据 (one row per report, one column per cell, and a 纳入汇总 column the
center sets to 0 to leave a report out of the sums).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from io import BytesIO
from pathlib import Path
from typing import cast

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from export.excel import style
from export.excel.cells import append_row
from export.excel.workbook import sheet_name
from export.review.run import ReviewOutcome
from export.review.sheet_buffer import styled
from export.review.summary_sheets import data_sheet, write_data_sheet, write_sum_sheet
from model.files import write_atomically
from model.review import ReviewEntry, Timeliness, part_title, place
from model.template import MetaId

OVERVIEW_SHEET = "审核情况"
FINDINGS_SHEET = "问题清单"
MISSING_SHEET = "未报送"
DATA_SHEET = "汇总数据"
DATE_FORMAT = "yyyy-mm-dd"
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
LATE_FILL = PatternFill("solid", fgColor="FCE4D6")
ERROR_FONT = Font(name=style.SHEET_FONT, size=style.FONT_SIZE, bold=True, color="9C0006")
SEVERITY_WORDS = {"error": "错误", "warning": "提醒"}


def shown_path(outcome: ReviewOutcome, file: str) -> str:
    """A report's file relative to the folder reviewed, as the center knows it."""
    try:
        return str(Path(file).relative_to(outcome.root))
    except ValueError:
        return file


def _header(sheet: WriteOnlyWorksheet, titles: Sequence[str], widths: Sequence[float]) -> None:
    style.set_column_widths(cast(Worksheet, sheet), widths)
    sheet.freeze_panes = "A2"
    sheet.append([styled(sheet, t, font=style.BOLD, fill=HEADER_FILL, alignment=style.CENTRED) for t in titles])


def _finish_table(sheet: WriteOnlyWorksheet, columns: int, rows: int) -> None:
    """An autofilter over the header and the `rows` rows below it."""
    sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{max(rows + 1, 2)}"


def timeliness_text(entry: ReviewEntry) -> str:
    if entry.timeliness is Timeliness.LATE:
        return f"逾期{entry.days_late}天"
    return entry.timeliness.label


def _overview(sheet: WriteOnlyWorksheet, outcome: ReviewOutcome) -> None:
    review = outcome.review
    template = review.template
    label = template.meta_field
    figures = template.roles.key_figures
    titles = [
        "序号",
        "单位（名单）" if review.roster_used else label(MetaId.AGENCY).label,
        f"报告中的{label(MetaId.AGENCY).label}",
        label(MetaId.AGENCY_KIND).label,
        label(MetaId.YEAR).label,
        "文件",
        label(MetaId.ISSUE_DATE).label,
        "报送期限",
        "是否按时",
        "错误",
        "提醒",
        *(f.label for f in figures),
        "纳入汇总",
        "问题代码",
        "审核意见",
        "上年报告",
    ]
    widths = [6, 24, 24, 14, 7, 30, 12, 12, 12, 7, 7, *(10 for _ in figures), 12, 40, 24, 24]
    _header(sheet, titles, widths)
    kinds = {k.id: k.label for k in template.agency_kinds}
    for number, entry in enumerate(review.entries, start=1):
        summary = entry.summary
        errors, warnings = summary.counts
        values = summary.key_figures()
        letter = outcome.letters.get(summary.file)
        unit = entry.unit.name if entry.unit else _unmatched_text(entry) if review.roster_used else summary.agency
        late = entry.timeliness is Timeliness.LATE
        append_row(
            sheet,
            [
                number,
                unit,
                summary.agency,
                kinds.get(entry.kind, entry.kind),
                summary.year,
                shown_path(outcome, summary.file),
                styled(sheet, summary.issue_date, number_format=DATE_FORMAT),
                styled(sheet, entry.deadline, number_format=DATE_FORMAT),
                styled(sheet, timeliness_text(entry), fill=LATE_FILL if late else None),
                styled(sheet, errors, font=ERROR_FONT if errors else None),
                warnings,
                *(values[f.id] for f in figures),
                "是" if entry.included else f"否：{entry.excluded.label}" if entry.excluded else "否",
                " ".join(summary.codes),
                letter.relative_to(outcome.workbook.parent).as_posix() if letter else "",
                shown_path(outcome, summary.previous_file) if summary.previous_file else "",
            ],
        )
    _finish_table(sheet, len(titles), len(review.entries))


def _unmatched_text(entry: ReviewEntry) -> str:
    if entry.candidates:
        return "名称不明确：" + "、".join(u.name for u in entry.candidates)
    return "未对应名单"


def _findings(sheet: WriteOnlyWorksheet, outcome: ReviewOutcome) -> None:
    review = outcome.review
    template = review.template
    titles = [
        f"{template.meta_field(MetaId.AGENCY).label}",
        "文件",
        "代码",
        "类别",
        "部分",
        "位置",
        "问题",
        "依据",
        "已核实",
    ]
    _header(sheet, titles, [24, 30, 22, 7, 26, 30, 70, 30, 20])
    count = 0
    for entry in review.entries:
        summary = entry.summary
        for finding in summary.findings:
            append_row(
                sheet,
                [
                    entry.name,
                    shown_path(outcome, summary.file),
                    finding.code,
                    SEVERITY_WORDS[finding.severity.value],
                    part_title(template, finding.location),
                    place(template, finding.location),
                    finding.message,
                    finding.basis or "",
                    finding.reviewed or "",
                ],
            )
            count += 1
    _finish_table(sheet, len(titles), count)


def _missing_rows(outcome: ReviewOutcome) -> Iterator[tuple[str, str, str, str]]:
    review = outcome.review
    for unit in review.missing:
        yield "名单中未报送", unit.name, "", f"联系人：{unit.contact}" if unit.contact else ""
    for entry in review.unmatched:
        what = "名称对应多个单位" if entry.candidates else "未对应名单"
        note = "可能是：" + "、".join(u.name for u in entry.candidates) if entry.candidates else ""
        yield what, entry.summary.agency, shown_path(outcome, entry.summary.file), note
    for name, entries in review.duplicates.items():
        for entry in entries:
            note = "已纳入汇总" if entry.included else f"未纳入汇总（可在“{DATA_SHEET}”中改为 1）"
            yield "重复报送", name, shown_path(outcome, entry.summary.file), note
    for problem in review.unreadable:
        yield "无法读取", "", shown_path(outcome, problem.file), problem.reason
    for problem in outcome.previous_unreadable:
        yield "上年报告无法读取", "", shown_path(outcome, problem.file), problem.reason


def _missing(sheet: WriteOnlyWorksheet, outcome: ReviewOutcome) -> None:
    _header(sheet, ["类别", "单位", "文件", "说明"], [18, 28, 40, 60])
    count = 0
    for row in _missing_rows(outcome):
        sheet.append([styled(sheet, value, alignment=style.LEFT) for value in row])
        count += 1
    _finish_table(sheet, 4, count)


def build_review_workbook(outcome: ReviewOutcome) -> Workbook:
    """The workbook, written row by row (write-only): call `save` on it once."""
    review = outcome.review
    workbook = Workbook(write_only=True)
    overview = workbook.create_sheet(OVERVIEW_SHEET)
    findings = workbook.create_sheet(FINDINGS_SHEET)
    missing = workbook.create_sheet(MISSING_SHEET)
    sums = [
        (workbook.create_sheet(sheet_name(f"汇总表{review.template.section(t.id).number}")), t)
        for t in review.template.tables
    ]
    data_target = workbook.create_sheet(DATA_SHEET)
    _overview(overview, outcome)
    _findings(findings, outcome)
    _missing(missing, outcome)
    data = data_sheet(DATA_SHEET, review)
    for sheet, table in sums:
        write_sum_sheet(sheet, review, table, data)
    write_data_sheet(data_target, review, [shown_path(outcome, e.summary.file) for e in review.entries], data)
    workbook.calculation.fullCalcOnLoad = True  # Excel and WPS compute the sums when the file opens
    workbook.properties.title = OVERVIEW_SHEET
    workbook.properties.subject = review.template.basis
    return workbook


def write_review_workbook(outcome: ReviewOutcome) -> None:
    buffer = BytesIO()
    build_review_workbook(outcome).save(buffer)
    write_atomically(outcome.workbook, buffer.getvalue())
