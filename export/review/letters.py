"""The letter sent back to a bureau: 关于<机关><年>年政府信息公开工作年度报告的审核意见, a short 公文
(GB/T 9704 page, fonts and sizes of export.page_design) listing each open finding by part and cell,
with what is wrong and its basis. A clean report gets none."""

from __future__ import annotations

import io
from datetime import date
from itertools import groupby

import docx
from docx.document import Document
from docx.shared import Mm

from export import page_design as design
from export.fonts import resolve_scheme
from export.page_design import AUTO_SCHEME, FontScheme
from export.word.document import signature_indents
from export.word.ooxml import ParagraphLook, add_paragraph_style, add_run, child, new_paragraph, set_document_defaults
from model.dates import chinese_date
from model.findings import Finding, Severity
from model.numerals import chinese_numeral
from model.review import ReportSummary, part_order, part_title, place

TITLE_LINE_PT = 35.0
SEVERITY_WORDS = {Severity.ERROR: "错误", Severity.WARNING: "提醒"}


def letter_title(summary: ReportSummary, addressee: str) -> str:
    """关于<机关><年>年政府信息公开工作年度报告的审核意见, the unit named as the roster names it."""
    return f"关于{summary.template.report_title(addressee, summary.year)}的审核意见"


def opening(summary: ReportSummary, file_name: str) -> str:
    errors, warnings = summary.counts
    counted = "、".join(
        f"{SEVERITY_WORDS[s]}{n}处" for s, n in ((Severity.ERROR, errors), (Severity.WARNING, warnings)) if n
    )
    title = summary.template.report_title(summary.agency, summary.year)
    return (
        f"你单位报送的《{title}》（文件“{file_name}”）已收悉。经审核，发现{counted}，具体如下。"
        "“错误”须改正后方可公开；“提醒”请逐项核实，确属无误的可说明理由。请修改后重新报送。"
    )


def finding_line(number: int, summary: ReportSummary, finding: Finding) -> str:
    """1.【错误】三（三）1.属于国家秘密·自然人：<what is wrong>。（依据：…）"""
    where = place(summary.template, finding.location)
    basis = f"（依据：{finding.basis}）" if finding.basis else ""
    heading = part_title(summary.template, finding.location)
    message = finding.message.removeprefix(f"{heading}：").rstrip("。")
    return f"{number}.【{SEVERITY_WORDS[finding.severity]}】{where}：{message}。{basis}"


class _Letter:
    def __init__(self, scheme: FontScheme) -> None:
        self.document: Document = docx.Document()
        self.scheme = scheme
        body = ParagraphLook(scheme.body, design.SIZE_3, design.BODY_LINE_PITCH_PT, "both", 2)
        set_document_defaults(self.document, body)
        self.title = add_paragraph_style(
            self.document, "公文标题", ParagraphLook(scheme.title, design.SIZE_2, TITLE_LINE_PT, "center")
        )
        self.heading = add_paragraph_style(
            self.document,
            "一级标题",
            ParagraphLook(scheme.heading1, design.SIZE_3, design.BODY_LINE_PITCH_PT, "both", 2),
        )
        self.flush = add_paragraph_style(
            self.document, "主送机关", ParagraphLook(scheme.body, design.SIZE_3, design.BODY_LINE_PITCH_PT, "both")
        )
        self.right = add_paragraph_style(
            self.document, "审核单位", ParagraphLook(scheme.body, design.SIZE_3, design.BODY_LINE_PITCH_PT, "right")
        )
        section = self.document.sections[0]
        section.page_width, section.page_height = Mm(design.PAGE_WIDTH_MM), Mm(design.PAGE_HEIGHT_MM)
        section.top_margin, section.bottom_margin = Mm(design.MARGIN_TOP_MM), Mm(design.MARGIN_BOTTOM_MM)
        section.left_margin, section.right_margin = Mm(design.MARGIN_LEFT_MM), Mm(design.MARGIN_RIGHT_MM)
        self.body = self.document.element.body
        self.end = self.body.find(child(self.body, "w:sectPr").tag)

    def paragraph(self, text: str, style: str = "Normal") -> None:
        paragraph = new_paragraph(style)
        if text:
            add_run(paragraph, text)
        self.end.addprevious(paragraph)

    def right_indented(self, text: str, chars: float) -> None:
        paragraph = new_paragraph(self.right)
        add_run(paragraph, text)
        right = round(chars * design.SIZE_3 * 20)
        child(child(paragraph, "w:pPr"), "w:ind", right=str(right), rightChars=str(round(chars * 100)))
        self.end.addprevious(paragraph)

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def render_letter(summary: ReportSummary, addressee: str, file_name: str, center: str, when: date) -> bytes:
    """The letter's .docx bytes."""
    letter = _Letter(resolve_scheme(AUTO_SCHEME))
    template = summary.template
    letter.paragraph(letter_title(summary, addressee), letter.title)
    letter.paragraph("")
    letter.paragraph(f"{addressee}：", letter.flush)
    letter.paragraph(opening(summary, file_name))
    findings = sorted(summary.open_findings, key=lambda f: part_order(template, f.location))
    number = 0
    for index, (title, group) in enumerate(groupby(findings, key=lambda f: part_title(template, f.location))):
        letter.paragraph(f"{chinese_numeral(index + 1)}、“{title}”部分", letter.heading)
        for finding in group:
            number += 1
            letter.paragraph(finding_line(number, summary, finding))
    letter.paragraph("")
    date_text = chinese_date(when)
    center_right, date_right = signature_indents(center, date_text, sealed=False)
    if center:
        letter.right_indented(center, center_right)
    letter.right_indented(date_text, date_right if center else 2)
    letter.document.core_properties.title = letter_title(summary, addressee)
    letter.document.core_properties.author = center
    return letter.bytes()
