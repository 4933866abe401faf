"""model/sentences.py: standard sentences from the numbers, and sentences that follow the tables."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import standard_sentences
from model.carry import start_next_year
from model.checks import check
from model.files import load_report
from model.report import Fee, Number, Report, Subsection
from model.sentences import Figure, Sentence, follow_tables, link, sentences_for, with_sentences
from model.template import TEMPLATE_2021, CellKind
from tests.model.checks.test_properties import consistent_reports

FIXTURES = Path(__file__).parents[1] / "fixtures"
SEEDS = sorted(FIXTURES.glob("seed_*.nianbao.json"))
ACTIVE = TEMPLATE_2021.table("active_disclosure")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _texts(report: Report) -> dict[str, list[str]]:
    return {part: [s.text for s in sentences] for part, sentences in standard_sentences(report).items()}


def test_a_full_report_in_the_plain_style_of_real_reports(report: Report) -> None:
    report.fee = Fee(collected=True, amount=Decimal("120.50"), applications=2)
    assert _texts(report) == {
        "active_disclosure": [
            "本年度制发行政规范性文件2件、废止1件，现行有效5件；未制发、废止规章。",
            "本年度作出行政许可决定12件、行政处罚决定3件，未作出行政强制决定。",
            "本年度行政事业性收费金额1.25万元。",
        ],
        "applications": [
            "本年度共收到政府信息公开申请9件，其中自然人申请7件、商业企业申请2件；上年结转的申请1件。",
            "本年度办理政府信息公开申请9件，其中予以公开5件，部分公开1件，"
            "不予公开1件（保护第三方合法权益1件），无法提供1件，不予处理1件。",
            "予以公开、部分公开的申请占办理总数的66.7%。",
            "结转下年度继续办理1件。",
        ],
        "review_litigation": [
            "本年度发生因政府信息公开引起的行政复议1件，其中结果维持1件。",
            "本年度未发生因政府信息公开引起的行政诉讼。",
        ],
        "other": ["本年度对2件政府信息公开申请收取信息处理费，共计120.5元。"],
    }


def _zero(report: Report) -> None:
    for table in TEMPLATE_2021.tables:
        for row, column in table.cells():
            if not column.is_total and not row.is_total:
                report.set_cell(table.id, row.id, column.id, 0)


def test_zero_is_said_the_way_reports_say_it(report: Report) -> None:
    _zero(report)
    report.fee = Fee(collected=False)
    assert _texts(report) == {
        "active_disclosure": [
            "本年度未制发、废止规章和行政规范性文件。",
            "本年度未作出行政许可、行政处罚、行政强制决定。",
            "本年度无行政事业性收费。",
        ],
        "applications": ["本年度未收到政府信息公开申请。"],
        "review_litigation": ["本年度未发生因政府信息公开引起的行政复议、行政诉讼。"],
        "other": ["本年度未收取信息处理费。"],
    }


def test_a_table_not_filled_in_and_a_fee_not_stated_give_no_sentence(report: Report) -> None:
    report.set_cell("applications", "withheld_state_secret", "research", None)
    report.set_cell("review_litigation", "review", "pending", None)
    texts = _texts(report)
    assert texts["applications"] == [] and texts["review_litigation"] == [] and texts["other"] == []
    assert texts["active_disclosure"]


def test_litigation_by_kind_and_outcome(report: Report) -> None:
    report.set_cell("review_litigation", "litigation_direct", "corrected", 2)
    report.set_cell("review_litigation", "litigation_after_review", "pending", 1)
    assert _texts(report)["review_litigation"][1] == (
        "本年度发生因政府信息公开引起的行政诉讼3件（未经复议直接起诉2件、复议后起诉1件），其中结果纠正2件、尚未审结1件。"
    )


def test_the_parts_each_subsection_tells_come_from_the_template(report: Report) -> None:
    report.fee = Fee(collected=False)
    assert set(sentences_for(report, "overview", "依申请公开")) == {"applications", "review_litigation"}
    assert set(sentences_for(report, "overview", "主动公开")) == {"active_disclosure"}
    assert sentences_for(report, "overview", "监督保障") == {}
    assert sentences_for(report, "other", "信息处理费收取情况") == {"other": "本年度未收取信息处理费。"}
    assert set(sentences_for(report, "overview")) == {"active_disclosure", "applications", "review_litigation"}


# --- every number is its table's -----------------------------------------------------------------


def _figure_value(report: Report, figure: Figure) -> Number | None:
    def total(cells: tuple[tuple[str, str, str], ...]) -> Number:
        return sum((report.value(*c) or 0 for c in cells), start=Decimal(0))

    if not figure.cells:
        return figure.value if figure.value in (report.fee.amount, report.fee.applications) else None
    if figure.ratio_of:
        return (total(figure.cells) * 100 / total(figure.ratio_of)).quantize(Decimal("0.1"))
    return total(figure.cells)


def assert_numbers_are_the_tables(report: Report) -> None:
    for sentences in standard_sentences(report).values():
        for sentence in sentences:
            stated = [Decimal(n) for n in _NUMBER.findall(sentence.text)]
            assert stated == [Decimal(f.value) for f in sentence.figures], sentence
            for figure in sentence.figures:
                assert _figure_value(report, figure) == figure.value, (sentence, figure)


def _state_only_through_sentences(report: Report) -> None:
    """The text of 一 and 六 is the generated sentences and nothing else that counts."""
    overview = report.narrative.section("overview")
    overview.intro = ""
    overview.subsections = [
        Subsection(title, "".join(sentences_for(report, "overview", title).values()))
        for title in TEMPLATE_2021.section("overview").suggested_subsections
    ]
    other = report.narrative.section("other")
    other.intro, other.subsections = (
        "",
        [Subsection(TEMPLATE_2021.fee.subsection, "".join(sentences_for(report, "other").values()))],
    )


def assert_no_mismatch(report: Report) -> None:
    _state_only_through_sentences(report)
    assert [f for f in check(report) if f.code == "TEXT_TABLE_MISMATCH"] == []


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_every_number_of_a_seeds_sentences_is_its_tables(seed: Path) -> None:
    report = load_report(seed)
    report.fee = Fee(collected=False)
    assert_numbers_are_the_tables(report)
    assert_no_mismatch(report)


active_values = st.fixed_dictionaries(
    {
        (r.id, c.id): st.integers(0, 30)
        for r, c in ACTIVE.cells()
        if ACTIVE.block_of(r.id).columns[0].kind is CellKind.COUNT
    }
)
fees = st.builds(
    Fee,
    st.none() | st.booleans(),
    st.none() | st.decimals(min_value=0, max_value=99999, places=2),
    st.none() | st.integers(0, 99),
)


@settings(max_examples=80, deadline=None)
@given(consistent_reports(), active_values, st.decimals(min_value=0, max_value=999, places=2), fees)
def test_every_number_of_a_random_reports_sentences_is_its_tables(
    report: Report, active: dict[tuple[str, str], int], amount: Decimal, fee: Fee
) -> None:
    for (row, column), value in active.items():
        report.set_cell(ACTIVE.id, row, column, value)
    report.set_cell(ACTIVE.id, "administrative_fees", "amount", amount)
    report.fee = fee
    assert_numbers_are_the_tables(report)
    assert_no_mismatch(report)


# --- sentences that follow the tables --------------------------------------------------------------

PATH = "narrative.overview.subsections[1].text"


def _linked(report: Report) -> str:
    text = sentences_for(report, "overview", "依申请公开")["applications"]
    report.narrative.section("overview").subsections[1].text = f"安排专人受理申请。{text}"
    link(report, PATH, "applications", text)
    return text


def test_a_linked_sentence_follows_a_changed_cell_and_back(report: Report) -> None:
    before = _linked(report)
    report.set_cell("applications", "new_received", "natural_person", 8)
    report.set_cell("applications", "disclosed", "natural_person", 6)
    assert follow_tables(report)
    text = report.narrative.section("overview").subsections[1].text
    assert text.startswith("安排专人受理申请。本年度共收到政府信息公开申请10件，其中自然人申请8件")
    assert "予以公开6件" in text and before not in text
    report.set_cell("applications", "new_received", "natural_person", 7)
    report.set_cell("applications", "disclosed", "natural_person", 5)
    assert follow_tables(report)
    assert report.narrative.section("overview").subsections[1].text == f"安排专人受理申请。{before}"
    assert not follow_tables(report)  # nothing changed: nothing rewritten


def test_a_sentence_the_person_rewrote_is_plain_text(report: Report) -> None:
    before = _linked(report)
    edited = before.replace("申请9件", "申请九件")
    report.narrative.section("overview").subsections[1].text = edited
    report.set_cell("applications", "new_received", "natural_person", 8)
    assert not follow_tables(report)
    assert report.narrative.section("overview").subsections[1].text == edited


def test_a_table_no_longer_filled_in_leaves_the_sentence_as_it_is(report: Report) -> None:
    before = _linked(report)
    report.set_cell("applications", "new_received", "natural_person", None)
    assert not follow_tables(report)
    assert before in report.narrative.section("overview").subsections[1].text


def test_a_link_to_a_removed_subsection_is_passed_over(report: Report) -> None:
    _linked(report)
    report.narrative.section("overview").subsections = []
    report.set_cell("applications", "new_received", "natural_person", 8)
    assert not follow_tables(report)


def test_a_sentence_reads_as_its_text() -> None:
    assert str(Sentence("k", "本年度无行政事业性收费。")) == "本年度无行政事业性收费。"


def test_sentences_are_added_at_the_end_once(report: Report) -> None:
    parts = sentences_for(report, "overview", "依申请公开")
    text, links = with_sentences(report, PATH, "安排专人受理申请", parts)
    assert text == "安排专人受理申请\n" + parts["applications"] + parts["review_litigation"]
    assert [linked.key for linked in links] == ["applications", "review_litigation"]
    report.narrative.section("overview").subsections[1].text = text
    report.sentence_links[PATH] = links
    assert with_sentences(report, PATH, text, parts) == (text, links)


def test_a_link_follows_its_subsection_when_it_moves(report: Report) -> None:
    before = _linked(report)
    subsections = report.narrative.section("overview").subsections
    subsections.insert(0, subsections.pop(1))  # 依申请公开 first
    report.set_cell("applications", "new_received", "natural_person", 8)
    assert follow_tables(report)
    assert before not in subsections[0].text and "收到政府信息公开申请10件" in subsections[0].text
    assert list(report.sentence_links) == ["narrative.overview.subsections[0].text"]


def test_next_years_report_keeps_the_links_and_they_follow_its_tables(report: Report) -> None:
    before = _linked(report)
    next_year = start_next_year(report)
    assert not follow_tables(next_year)  # this year's table 三 is not filled in yet: last year's words stay
    assert before in next_year.narrative.section("overview").subsections[1].text
    for row, column in TEMPLATE_2021.table("applications").cells():
        if not row.is_total and not column.is_total:
            next_year.set_cell("applications", row.id, column.id, 0)
    assert follow_tables(next_year)
    assert (
        next_year.narrative.section("overview").subsections[1].text
        == "安排专人受理申请。本年度未收到政府信息公开申请。"
    )
