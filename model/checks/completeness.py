"""Rules on what is filled in: required meta fields, table cells, narrative sections; and dates."""

from __future__ import annotations

from datetime import date

from model.checks.basis import CONTENT, DEADLINE, ISSUE_DATE, format_clause
from model.dates import chinese_date
from model.field_paths import intro_path, meta_path
from model.findings import Finding, cell, error, field_at, warning
from model.report import Report
from model.template import MetaId, column_title, row_title


def check_required_meta(report: Report) -> list[Finding]:
    """MISSING for a required meta field left empty (机关名称, 年度, 成文日期 in the 2021 format).

    The 成文日期 is GB/T 9704's; the agency and year make the title the format prescribes."""
    findings = []
    title = report.template.meta_title
    for spec in report.template.meta_fields:
        value = report.meta.get(spec.id)
        if spec.required and (value is None or (isinstance(value, str) and not value.strip())):
            basis = ISSUE_DATE if spec.id == MetaId.ISSUE_DATE else report.template.basis
            findings.append(error("MISSING", field_at(meta_path(spec.id)), f"{title}：{spec.label}未填写", basis=basis))
    return findings


def _blank_marks(report: Report) -> dict[tuple[str, str, str], str]:
    """Cells an imported document shows as “—”, “/” or “无”: not filled in, and said so in their own words."""
    notes = report.import_notes
    return {(n.part, n.row, n.column): n.found for n in notes if n.kind == "blank_mark" and n.row and n.column}


def _as_typed(mark: str | None) -> str:
    return f"（填的是“{mark}”，按未填写处理；没有就填0）" if mark else ""


def check_missing_cells(report: Report) -> list[Finding]:
    """MISSING, one finding per table row, for cells that are not filled in (totals are computed)."""
    findings = []
    marks = _blank_marks(report)
    for table in report.template.tables:
        heading = report.template.section(table.id).heading
        values = report.tables[table.id]  # read directly: this runs on every keystroke
        for block in table.blocks:
            fillable = [c for c in block.columns if not c.is_total]
            for row in block.rows:
                if row.is_total:
                    continue
                stored = values.get(row.id, {})
                empty = [c for c in fillable if stored.get(c.id) is None]
                if not empty:
                    continue
                said = [_as_typed(marks.get((table.id, row.id, c.id))) for c in empty]
                names = "、".join(column_title(c) + t for c, t in zip(empty, said, strict=True))
                where = row_title(row) if len(block.columns) > 1 else row.label + said[0]
                locations = tuple(cell(table.id, row.id, c.id) for c in empty)
                message = (
                    f"{heading}：{where}的{names}未填写" if len(block.columns) > 1 else f"{heading}：{where}未填写"
                )
                basis = format_clause(report.template, table.id)
                findings.append(error("MISSING", locations[0], message, locations[1:], basis))
    return findings


def check_empty_sections(report: Report) -> list[Finding]:
    """EMPTY_SECTION for a narrative section (一, 五, 六) with no text."""
    return [
        warning("EMPTY_SECTION", field_at(intro_path(s.id)), f"{s.heading}：没有内容", basis=CONTENT)
        for s in report.template.narrative_sections
        if report.narrative.section(s.id).is_empty()
    ]


def _deadline(report: Report) -> date | None:
    year = report.meta.year
    return None if year is None else report.template.agency_kind(report.meta.agency_kind).deadline_for(year)


def check_dates(report: Report) -> list[Finding]:
    """DATE_EARLY when issued within the report year; DATE_LATE after the statutory deadline."""
    issued, year = report.meta.issue_date, report.meta.year
    if issued is None or year is None:
        return []
    template = report.template
    location = field_at(meta_path(MetaId.ISSUE_DATE))
    what = f"{template.meta_title}：{template.meta_field(MetaId.ISSUE_DATE).label}{chinese_date(issued)}"
    if issued <= date(year, 12, 31):
        message = f"{what}不晚于报告年度{year}年末，应在{year + 1}年"
        return [error("DATE_EARLY", location, message, basis=DEADLINE)]
    deadline = _deadline(report)
    if deadline is not None and issued > deadline:
        kind = report.template.agency_kind(report.meta.agency_kind).label
        message = f"{what}晚于{kind}的法定期限{chinese_date(deadline)}"
        return [warning("DATE_LATE", location, message, basis=DEADLINE)]
    return []
