"""The report as a sequence of printed blocks, every GB/T 9704 decision made here once.

Title: words kept whole (the agency, the year, the template's title suffix; a word wider than a
line is broken by characters), in as few and as even lines as fit. Headings 一、 and （一）; a （一）
title ending in 。 or ：runs into its text. A subsection without a title prints its text only. The
contact line prints after the text unless a closing text gives it already. The 落款 and 成文日期:
GB/T 9704 §7.3.5.2 on the published copy (no seal), §7.3.5.1 on the signed copy (加盖印章: the
date 右空四字, the signatory centred over it, the seal pressing both); no date, no date line.
"""

from __future__ import annotations

from dataclasses import replace

from export.composition.blocks import Align, Block, Composition, Kind, Line, Paragraph, Span
from export.composition.lines import Measure, atoms, balanced_lines, break_lines
from export.composition.pages import paginate
from export.composition.tables import compose_table
from export.fonts import FontRole
from export.page_design import (
    BODY_LINE_PITCH_PT,
    BODY_TRACKING_PT,
    FIRST_LINE_INDENT_CHARS,
    PT_PER_MM,
    SEAL_DIAMETER_MM,
    SIGN_ROOM_CHARS,
    SIGNER_LABEL,
    SIZE_2,
    SIZE_3,
    TEXT_WIDTH_PT,
    TITLE_LINE_PT,
    pt_twips,
)
from model.dates import chinese_date
from model.numerals import subsection_number
from model.report import NarrativeSection, Report
from model.template import Placement, SectionKind, SectionSpec, TextPartSpec

RUN_IN_ENDINGS = ("。", "：", ":")  # a subsection title ending so runs into its text
LEADING_BLANKS = " \t\u3000"  # indentation people type themselves: the first-line indent replaces it
BODY = Measure(SIZE_3, BODY_TRACKING_PT)
TITLE = Measure(SIZE_2)
BODY_PITCH = pt_twips(BODY_LINE_PITCH_PT)
CHAR = SIZE_3  # "two characters" of indent are two 三号 ems
SEALED_DATE_RIGHT_CHARS = 4
LAST_PARAGRAPH_WHOLE_LINES = 5  # §7.3.5.1: 成文日期一般右空四字


def compose(report: Report, signed_copy: bool) -> Composition:
    """The report's printed blocks and the pages they fall on."""
    blocks = compose_blocks(report, signed_copy)
    pages, starts, breaks = paginate(blocks)
    return Composition(tuple(blocks), tuple(pages), frozenset(starts), breaks)


def compose_blocks(report: Report, signed_copy: bool) -> list[Block]:
    blocks: list[Block] = [*_title(report), blank()]
    for part in report.template.print_order:
        if isinstance(part, TextPartSpec):
            blocks += _texts(report.narrative.text(part.id))
        else:
            blocks += _section(report, part)
    contact = report.meta.contact.strip()
    closing = [report.narrative.text(t.id) for t in report.template.texts if t.placement is Placement.AFTER]
    if contact and not any(contact in text for text in closing):
        blocks += _texts(report.meta.contact)
    signature = _signature(report, signed_copy)
    last = blocks[-1]
    if signature and isinstance(last, Paragraph) and last.kind is Kind.BODY:
        # 落款 and 成文日期 never stand alone on a page: the last lines of text go with them, the whole
        # paragraph when it is short (LibreOffice will not split it there).
        blocks.pop()
        short = len(last.lines) <= LAST_PARAGRAPH_WHOLE_LINES
        blocks.append(replace(last, keep_with_next=True, keep_lines=last.keep_lines or short))
    return [*blocks, *signature]


def paragraph(
    kind: Kind,
    spans: list[Span],
    *,
    measure: Measure = BODY,
    pitch: int = BODY_PITCH,
    align: Align = Align.JUSTIFY,
    first_indent: float = FIRST_LINE_INDENT_CHARS * CHAR,
    right_indent: float = 0.0,
    keep_with_next: bool = False,
    keep_lines: bool = False,
    seal_centre: float | None = None,
) -> Paragraph:
    """A paragraph with its lines broken to the width left by its indents."""
    width = TEXT_WIDTH_PT - right_indent
    text = "".join(s.text for s in spans)
    texts = break_lines(text, measure, width, first_indent) if text else [""]
    return _with_lines(
        kind, spans, texts, measure, pitch, align, first_indent, right_indent, keep_with_next, keep_lines, seal_centre
    )


def _with_lines(
    kind: Kind,
    spans: list[Span],
    texts: list[str],
    measure: Measure,
    pitch: int,
    align: Align,
    first_indent: float,
    right_indent: float,
    keep_with_next: bool,
    keep_lines: bool,
    seal_centre: float | None,
) -> Paragraph:
    lines = []
    span_index, offset = 0, 0  # where in the spans the next line begins
    for number, line_text in enumerate(texts):
        pieces: list[Span] = []
        need = len(line_text)
        while need and span_index < len(spans):
            span = spans[span_index]
            take = span.text[offset : offset + need]
            pieces.append(Span(take, span.role, span.underline))
            need -= len(take)
            offset += len(take)
            if offset >= len(span.text):
                span_index, offset = span_index + 1, 0
        indent = first_indent if number == 0 else 0.0
        width = measure.width(line_text)
        last = number == len(texts) - 1
        left = _left(align, indent, width, right_indent)
        justified = align is Align.JUSTIFY and not last
        hang = _hang(line_text, measure, width, TEXT_WIDTH_PT - right_indent - indent)
        lines.append(Line(tuple(pieces), left, width, justified, hang))
    return Paragraph(
        kind=kind,
        spans=tuple(spans),
        lines=tuple(lines),
        size=measure.size,
        pitch=pitch,
        align=align,
        first_indent=first_indent,
        right_indent=right_indent,
        tracking=measure.tracking,
        keep_with_next=keep_with_next,
        keep_lines=keep_lines,
        seal_centre=seal_centre,
    )


def _hang(text: str, measure: Measure, width: float, available: float) -> float:
    """How much of a line stands past the margin: trailing spaces or a hanging mark, else nothing."""
    if width <= available + 1e-6 or not text:
        return 0.0
    stripped = text.rstrip()
    return measure.width(text[len(stripped) :] if stripped != text else text[-1])


def _left(align: Align, indent: float, width: float, right_indent: float) -> float:
    if align is Align.CENTER:
        return (TEXT_WIDTH_PT - width) / 2
    if align is Align.RIGHT:
        return TEXT_WIDTH_PT - right_indent - width
    return indent


def blank(seal_centre: float | None = None) -> Paragraph:
    return paragraph(Kind.BLANK, [], keep_with_next=True, keep_lines=True, seal_centre=seal_centre)


def title_words(report: Report) -> list[str]:
    """The title's words: agency, year, the template's suffix; one wider than a line is cut up."""
    title, agency, suffix = report.title, report.meta.agency, report.template.title_suffix
    middle = title[len(agency) : len(title) - len(suffix)] if title.startswith(agency) else title[: -len(suffix)]
    words: list[str] = []
    for word in (agency, middle, suffix):
        if TITLE.width(word) <= TEXT_WIDTH_PT:
            words += [word] if word else []
        else:
            words += atoms(word)
    return words


def _title(report: Report) -> list[Block]:
    texts = balanced_lines(title_words(report), TITLE, TEXT_WIDTH_PT)
    spans = [Span(report.title, FontRole.TITLE)]
    return [
        _with_lines(
            Kind.TITLE,
            spans,
            texts,
            TITLE,
            pt_twips(TITLE_LINE_PT),
            Align.CENTER,
            0.0,
            0.0,
            keep_with_next=True,
            keep_lines=True,
            seal_centre=None,
        )
    ]


def _texts(text: str) -> list[Block]:
    """One body paragraph per typed line, without the blanks typed to indent it."""
    return [paragraph(Kind.BODY, [Span(line, FontRole.BODY)]) for line in _typed_lines(text)]


def _typed_lines(text: str) -> list[str]:
    lines = (line.strip().lstrip(LEADING_BLANKS) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return [line for line in lines if line]


def _section(report: Report, section: SectionSpec) -> list[Block]:
    heading = paragraph(Kind.HEADING1, [Span(section.heading, FontRole.HEADING1)], keep_with_next=True, keep_lines=True)
    if section.kind is SectionKind.TABLE:
        return [heading, compose_table(report, report.template.table(section.id))]
    return [heading, *_narrative(report.narrative.section(section.id))]


def _narrative(section: NarrativeSection) -> list[Block]:
    blocks = _texts(section.intro)
    for number, subsection in enumerate(section.subsections):
        title = subsection.title.strip()
        lines = _typed_lines(subsection.text)
        if not title:
            blocks += _texts(subsection.text)
            continue
        heading = Span(f"{subsection_number(number)}{title}", FontRole.HEADING2)
        if title.endswith(RUN_IN_ENDINGS) and lines:
            blocks.append(paragraph(Kind.BODY, [heading, Span(lines[0], FontRole.BODY)]))
            blocks += [paragraph(Kind.BODY, [Span(line, FontRole.BODY)]) for line in lines[1:]]
            continue
        blocks.append(paragraph(Kind.HEADING2, [heading], keep_with_next=True, keep_lines=True))
        blocks += [paragraph(Kind.BODY, [Span(line, FontRole.BODY)]) for line in lines]
    return blocks


def signature_indents(signatory: float, date: float | None, sealed: bool) -> tuple[float, float]:
    """Right indents (points) of 发文机关署名 and 成文日期 of these widths (points).

    Sealed (§7.3.5.1): the date 右空四字 and the signatory centred over it. Unsealed (§7.3.5.2): the
    signatory 右空二字 and the date's first character two to the right of the signatory's; a longer
    date goes 右空二字 and the signatory moves left. Without a date the signatory stands alone.
    """
    two = 2 * CHAR
    if date is None:
        return (SEALED_DATE_RIGHT_CHARS * CHAR if sealed else two), 0.0
    if sealed:
        date_right = SEALED_DATE_RIGHT_CHARS * CHAR
        sig_right = date_right + (date - signatory) / 2
        if sig_right < two:
            sig_right = two
            date_right = sig_right + (signatory - date) / 2
        return sig_right, date_right
    date_right = two + signatory - two - date
    if date_right < two:
        return two + date + two - signatory, two
    return two, date_right


def _signature(report: Report, signed_copy: bool) -> list[Block]:
    signatory = report.signatory
    issue = report.meta.issue_date
    date = chinese_date(issue) if issue is not None else ""
    sig_right, date_right = signature_indents(BODY.width(signatory), BODY.width(date) if date else None, signed_copy)
    blocks: list[Block] = []
    if signed_copy:
        # §7.3.5.1: the seal's top within a line of the text, 落款 and date below its centre.
        anchor_width, anchor_right = (BODY.width(date), date_right) if date else (BODY.width(signatory), sig_right)
        blocks.append(blank(seal_centre=TEXT_WIDTH_PT - anchor_right - anchor_width / 2))
    blocks.append(blank())
    lines = [line for line in ((Kind.SIGNATORY, signatory, sig_right), (Kind.DATE, date, date_right)) if line[1]]
    if not lines and not signed_copy:
        return []  # neither a 落款 nor a date: nothing prints below the text
    for number, (kind, text, right) in enumerate(lines):
        keep = signed_copy or number < len(lines) - 1
        blocks.append(
            paragraph(
                kind,
                [Span(text, FontRole.BODY)],
                align=Align.RIGHT,
                first_indent=0.0,
                right_indent=right,
                keep_with_next=keep,
                keep_lines=True,
            )
        )
    if signed_copy:
        room = Span("\u3000" * SIGN_ROOM_CHARS, FontRole.BODY, underline=True)
        blocks += [blank(), paragraph(Kind.SIGNER, [Span(SIGNER_LABEL, FontRole.BODY), room], align=Align.LEFT)]
    return blocks


SEAL_RADIUS_PT = SEAL_DIAMETER_MM * PT_PER_MM / 2
