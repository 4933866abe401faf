"""The letter sent back to a bureau: 关于<机关><年>年政府信息公开工作年度报告的审核意见, a short 公文
(GB/T 9704 page, fonts and sizes of export.page_design) listing each open finding by part and cell,
with what is wrong and its basis. A clean report gets none."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import groupby

import docx
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm
from lxml import etree

from export import page_design as design
from export.fonts import resolve_scheme
from export.page_design import AUTO_SCHEME, FontScheme
from export.word.document import signature_indents
from export.word.ooxml import (
    ParagraphLook,
    add_paragraph_style,
    add_run,
    child,
    new_paragraph,
    set_document_defaults,
)
from model.dates import chinese_date
from model.findings import Finding, Severity
from model.numerals import chinese_numeral
from model.review import ReportSummary, part_order, part_title, place

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


STYLE_NAMES = ("公文标题", "一级标题", "主送机关", "审核单位")  # title, part heading, addressee, signature


@dataclass(frozen=True)
class _Blank:
    """An empty letter with the page and the styles set up, made once per process with python-docx
    (creating a Document and its styles takes most of a letter's time); each letter is this package
    with its own paragraphs put into the body."""

    parts: tuple[tuple[str, bytes], ...]
    styles: tuple[str, str, str, str]  # the style ids of STYLE_NAMES

    def document_xml(self, paragraphs: list[BaseOxmlElement]) -> bytes:
        xml = dict(self.parts)[DOCUMENT_PART]
        body = b"".join(etree.tostring(p, encoding="UTF-8") for p in paragraphs)
        return xml.replace(b"<w:sectPr", body + b"<w:sectPr", 1)


DOCUMENT_PART = "word/document.xml"


@cache
def _blank(scheme: FontScheme) -> _Blank:
    document = docx.Document()
    look = ParagraphLook(scheme.body, design.SIZE_3, design.BODY_LINE_PITCH_PT, "both", 2)
    set_document_defaults(document, look)
    looks = (
        ParagraphLook(scheme.title, design.SIZE_2, design.TITLE_LINE_PT, "center"),
        ParagraphLook(scheme.heading1, design.SIZE_3, design.BODY_LINE_PITCH_PT, "both", 2),
        ParagraphLook(scheme.body, design.SIZE_3, design.BODY_LINE_PITCH_PT, "both"),
        ParagraphLook(scheme.body, design.SIZE_3, design.BODY_LINE_PITCH_PT, "right"),
    )
    title, heading, flush, right = (
        add_paragraph_style(document, n, k) for n, k in zip(STYLE_NAMES, looks, strict=True)
    )
    section = document.sections[0]
    section.page_width, section.page_height = Mm(design.PAGE_WIDTH_MM), Mm(design.PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(design.MARGIN_TOP_MM), Mm(design.MARGIN_BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(design.MARGIN_LEFT_MM), Mm(design.MARGIN_RIGHT_MM)
    document.core_properties.title = "审核意见"
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as package:
        parts = tuple((name, package.read(name)) for name in package.namelist())
    return _Blank(parts, (title, heading, flush, right))


def _paragraph(text: str, style: str = "Normal") -> BaseOxmlElement:
    paragraph = new_paragraph(style)
    if text:
        add_run(paragraph, text)
    return paragraph


def _right_indented(text: str, chars: float, style: str) -> BaseOxmlElement:
    paragraph = _paragraph(text, style)
    right = round(chars * design.SIZE_3 * design.TWIPS_PER_PT)
    child(child(paragraph, "w:pPr"), "w:ind", right=str(right), rightChars=str(round(chars * 100)))
    return paragraph


def letter_paragraphs(
    summary: ReportSummary, addressee: str, file_name: str, center: str, when: date, styles: tuple[str, str, str, str]
) -> list[BaseOxmlElement]:
    title_style, heading_style, flush_style, right_style = styles
    template = summary.template
    paragraphs = [
        _paragraph(letter_title(summary, addressee), title_style),
        _paragraph(""),
        _paragraph(f"{addressee}：", flush_style),
        _paragraph(opening(summary, file_name)),
    ]
    findings = sorted(summary.open_findings, key=lambda f: part_order(template, f.location))
    number = 0
    for index, (title, group) in enumerate(groupby(findings, key=lambda f: part_title(template, f.location))):
        paragraphs.append(_paragraph(f"{chinese_numeral(index + 1)}、“{title}”部分", heading_style))
        for finding in group:
            number += 1
            paragraphs.append(_paragraph(finding_line(number, summary, finding)))
    paragraphs.append(_paragraph(""))
    date_text = chinese_date(when)
    center_right, date_right = signature_indents(center, date_text, sealed=False)
    if center:
        paragraphs.append(_right_indented(center, center_right, right_style))
    paragraphs.append(_right_indented(date_text, date_right if center else 2, right_style))
    return paragraphs


def render_letter(summary: ReportSummary, addressee: str, file_name: str, center: str, when: date) -> bytes:
    """The letter's .docx bytes."""
    blank = _blank(resolve_scheme(AUTO_SCHEME))
    document = blank.document_xml(letter_paragraphs(summary, addressee, file_name, center, when, blank.styles))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in blank.parts:
            package.writestr(name, document if name == DOCUMENT_PART else data)
    return buffer.getvalue()
