"""export/composition/compose.py: what prints, in which blocks, and the signature block's geometry."""

from __future__ import annotations

from datetime import date

import pytest

from export.composition.blocks import Kind, Paragraph
from export.composition.compose import BODY, compose_blocks, signature_indents
from export.fonts import FontRole
from export.page_design import SIGNER_LABEL, SIZE_3, TEXT_WIDTH_PT
from model.report import Report, Subsection
from tests.factories import consistent_report

CHAR = SIZE_3


def _report(signatory: str = "叶城县科学技术局", issued: date | None = date(2025, 1, 17), agency: str = "") -> Report:
    report = consistent_report()
    if agency:
        report.meta.agency = agency
    report.meta.signatory, report.meta.issue_date = signatory, issued
    return report


def _paragraphs(report: Report, signed: bool = False) -> list[Paragraph]:
    return [b for b in compose_blocks(report, signed) if isinstance(b, Paragraph)]


def _signature(report: Report, signed: bool = False) -> dict[Kind, tuple[str, float, float]]:
    """(text, left edge, right edge) of the 落款 and date lines, in points."""
    found = {}
    for p in _paragraphs(report, signed):
        if p.kind in (Kind.SIGNATORY, Kind.DATE):
            (line,) = p.lines
            found[p.kind] = (line.text, line.left, line.left + line.width)
    return found


DATED = [
    pytest.param("叶城县科学技术局", date(2025, 1, 17), id="date-a-little-shorter"),
    pytest.param("攀枝花市东区科学技术局", date(2025, 1, 9), id="long-signatory"),
    pytest.param("科技局", date(2024, 12, 31), id="date-longer"),
    pytest.param("某局", date(2025, 1, 1), id="very-short-signatory"),
]


@pytest.mark.parametrize(("signatory", "issued"), DATED)
def test_published_copy_date_starts_two_characters_right_of_the_signatory(signatory: str, issued: date) -> None:
    lines = _signature(_report(signatory, issued))
    name, name_left, name_right = lines[Kind.SIGNATORY]
    when, date_left, date_right = lines[Kind.DATE]
    assert (name, when) == (signatory, f"{issued.year}年{issued.month}月{issued.day}日")
    assert date_left - name_left == pytest.approx(2 * CHAR)  # GB/T 9704 §7.3.5.2
    assert TEXT_WIDTH_PT - max(name_right, date_right) == pytest.approx(2 * CHAR)


@pytest.mark.parametrize(("signatory", "issued"), DATED)
def test_signed_copy_centres_the_signatory_over_the_date_four_characters_in(signatory: str, issued: date) -> None:
    lines = _signature(_report(signatory, issued), signed=True)
    _, name_left, name_right = lines[Kind.SIGNATORY]
    _, date_left, date_right = lines[Kind.DATE]
    assert (name_left + name_right) / 2 == pytest.approx((date_left + date_right) / 2)  # §7.3.5.1
    assert TEXT_WIDTH_PT - date_right == pytest.approx(4 * CHAR) or TEXT_WIDTH_PT - name_right == pytest.approx(
        2 * CHAR
    )


def test_without_a_date_no_date_line_prints_and_nothing_is_left_to_fill_in() -> None:
    for signed in (False, True):
        lines = _signature(_report(issued=None), signed)
        assert Kind.DATE not in lines
        text = "".join(p.text for p in _paragraphs(_report(issued=None), signed))
        assert "年　　月" not in text and "　　年" not in text
    _, _, right = _signature(_report(issued=None))[Kind.SIGNATORY]
    assert TEXT_WIDTH_PT - right == pytest.approx(2 * CHAR)


def test_without_a_signatory_the_agency_signs() -> None:
    lines = _signature(_report("", agency="灵武市科学技术局"))
    assert lines[Kind.SIGNATORY][0] == "灵武市科学技术局"


def test_the_signed_copy_seal_hangs_from_the_line_below_the_text_over_the_signatory_and_date() -> None:
    paragraphs = _paragraphs(_report(), signed=True)
    kinds = [p.kind for p in paragraphs]
    first = kinds.index(Kind.SIGNATORY) - 2
    assert kinds[first:] == [Kind.BLANK, Kind.BLANK, Kind.SIGNATORY, Kind.DATE, Kind.BLANK, Kind.SIGNER]
    seal = paragraphs[first].seal_centre
    _, date_left, date_right = _signature(_report(), signed=True)[Kind.DATE]
    assert seal == pytest.approx((date_left + date_right) / 2)
    assert paragraphs[-1].text.startswith(SIGNER_LABEL)
    assert [p.kind for p in _paragraphs(_report())][-3:] == [Kind.BLANK, Kind.SIGNATORY, Kind.DATE]


def test_signature_and_last_lines_of_text_keep_together() -> None:
    paragraphs = _paragraphs(_report())
    first = [p.kind for p in paragraphs].index(Kind.SIGNATORY) - 1
    assert paragraphs[first - 1].kind is Kind.BODY and paragraphs[first - 1].keep_with_next
    assert all(p.keep_with_next and p.keep_lines for p in paragraphs[first:-1])


def test_signature_indents_never_go_inside_two_characters() -> None:
    width = BODY.width
    for signatory in ("某局", "攀枝花市东区科学技术局"):
        for sealed in (False, True):
            sig_right, date_right = signature_indents(width(signatory), width("2025年1月17日"), sealed)
            assert min(sig_right, date_right) >= 2 * CHAR - 1e-6


def test_title_keeps_the_agency_whole_and_balances_its_lines() -> None:
    (title,) = [
        p for p in _paragraphs(_report(agency="某某自治区某某地区某某县人民政府办公室")) if p.kind is Kind.TITLE
    ]
    texts = [line.text for line in title.lines]
    assert texts == ["某某自治区某某地区某某县人民政府办公室", "2024年政府信息公开工作年度报告"]
    (short,) = [p for p in _paragraphs(_report()) if p.kind is Kind.TITLE]
    assert [line.text for line in short.lines] == ["叶城县科学技术局2024年", "政府信息公开工作年度报告"]


@pytest.mark.parametrize(("title", "runs_in"), [("主动公开情况", False), ("主动公开情况。", True), ("工作：", True)])
def test_a_subsection_title_ending_in_a_stop_or_colon_runs_into_its_text(title: str, runs_in: bool) -> None:
    report = _report()
    report.narrative.section("overview").subsections = [Subsection(title, "第一段。\n第二段。")]
    paragraphs = _paragraphs(report)
    (heading,) = [p for p in paragraphs if title in p.text]
    assert (heading.kind is Kind.BODY) is runs_in
    if runs_in:
        assert [s.role for s in heading.spans] == [FontRole.HEADING2, FontRole.BODY]
        assert heading.text == f"（一）{title}第一段。"


def test_a_subsection_without_a_title_prints_its_text_only() -> None:
    report = _report()
    report.narrative.section("overview").subsections = [Subsection("", "只有正文。")]
    assert not [p for p in _paragraphs(report) if p.kind is Kind.HEADING2 and p.text.startswith("（一）主动")]
    assert not [p for p in _paragraphs(report) if p.text == "（一）"]
    assert any(p.text == "只有正文。" for p in _paragraphs(report))


@pytest.mark.parametrize(
    ("preamble", "closing", "printed"),
    [
        ("", "", 1),  # the contact line after the text
        ("如有疑问，请拨打联系电话：0998-0000000。", "", 2),  # the opening text naming it does not replace it
        ("", "联系电话：0998-0000000", 1),  # a 结束语 that gives it already: not printed again
    ],
)
def test_the_contact_line_prints_once_after_the_text(preamble: str, closing: str, printed: int) -> None:
    report = _report()  # contact: 联系电话：0998-0000000
    report.narrative.set_text("preamble", preamble)
    report.narrative.set_text("closing", closing)
    assert "".join(p.text for p in _paragraphs(report)).count("0998-0000000") == printed


def test_without_agency_signatory_or_date_nothing_prints_below_the_text() -> None:
    report = _report("", None)
    report.meta.agency = ""
    paragraphs = _paragraphs(report)
    assert paragraphs[-1].kind is Kind.BODY and not paragraphs[-1].keep_with_next
    assert not [p for p in paragraphs if p.kind in (Kind.SIGNATORY, Kind.DATE)]
