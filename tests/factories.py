"""Reports to test with, built in code: consistent ones, and ways to break them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from model.report import Meta, Narrative, NarrativeSection, Report, Subsection
from model.template import TEMPLATE_2021

RESULT_ROWS = TEMPLATE_2021.table("applications").row("results_total").parts
APPLICANT_COLUMNS = TEMPLATE_2021.table("applications").blocks[0].column("total").parts


def consistent_report() -> Report:
    """A full 2024 report whose tables add up, whose text agrees with them, issued in time."""
    report = Report(
        meta=Meta(
            agency="叶城县科学技术局",
            agency_kind="department",
            year=2024,
            issue_date=date(2025, 1, 17),
            contact="联系电话：0998-0000000",
        ),
        narrative=Narrative(
            preamble="根据《中华人民共和国政府信息公开条例》规定，现发布本机关2024年政府信息公开工作年度报告。"
            "本报告统计数据从2024年1月1日至2024年12月31日。",
            overview=NarrativeSection(
                intro="2024年度，本局认真贯彻落实《中华人民共和国政府信息公开条例》。",
                subsections=[
                    Subsection("主动公开", "全年主动公开政府信息56条。"),
                    Subsection("依申请公开", "2024年，本局共收到政府信息公开申请9件，均按期答复。"),
                    Subsection("政府信息管理", "建立健全信息发布保密审查制度。"),
                    Subsection("政府信息公开平台建设", "依托政府门户网站公开信息。"),
                    Subsection("监督保障", "将政务公开工作纳入年度考核。"),
                ],
            ),
            problems=NarrativeSection(
                subsections=[
                    Subsection("存在的主要问题", "公开内容不够全面。\n信息更新不够及时。"),
                    Subsection("改进情况", "进一步完善信息公开目录。"),
                ]
            ),
            other=NarrativeSection(intro="本年度未收取信息处理费。"),
            closing="",
        ),
    )
    active = {
        "regulations": {"issued": 0, "repealed": 0, "in_force": 0},
        "normative_documents": {"issued": 2, "repealed": 1, "in_force": 5},
        "administrative_license": {"decisions": 12},
        "administrative_penalty": {"decisions": 3},
        "administrative_coercion": {"decisions": 0},
    }
    for row, values in active.items():
        for column, value in values.items():
            report.set_cell("active_disclosure", row, column, value)
    report.set_cell("active_disclosure", "administrative_fees", "amount", Decimal("1.25"))
    # Table 3: 9 new (7 people, 2 firms), 1 carried over; 9 answered, 1 carried forward.
    for row in ("new_received", "carried_over", *RESULT_ROWS, "carried_forward"):
        for column in APPLICANT_COLUMNS:
            report.set_cell("applications", row, column, 0)
    cells = {
        ("new_received", "natural_person"): 7,
        ("new_received", "commercial"): 2,
        ("carried_over", "natural_person"): 1,
        ("disclosed", "natural_person"): 5,
        ("partially_disclosed", "commercial"): 1,
        ("withheld_third_party", "natural_person"): 1,
        ("unable_not_held", "natural_person"): 1,
        ("unprocessed_repeated", "commercial"): 1,
        ("carried_forward", "natural_person"): 1,
    }
    for (row, column), value in cells.items():
        report.set_cell("applications", row, column, value)
    for row in ("review", "litigation_direct", "litigation_after_review"):
        for column in ("upheld", "corrected", "other", "pending"):
            report.set_cell("review_litigation", row, column, 0)
    report.set_cell("review_litigation", "review", "upheld", 1)
    return report


def store_totals(report: Report) -> None:
    """Store every computable total as if it had been typed, as a hand-filled document has them."""
    for table in report.template.tables:
        for row, column in table.cells():
            if row.is_total or column.is_total:
                total = report.computed(table.id, row.id, column.id)
                if total is not None:
                    report.set_cell(table.id, row.id, column.id, total)
