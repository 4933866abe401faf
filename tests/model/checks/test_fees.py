"""model/checks/fees.py: FEE_NOT_STATED and FEE_NOTICE_NOT_STATED, from the fee field or the words of 六."""

from __future__ import annotations

from decimal import Decimal

import pytest

from model.checks import check
from model.findings import Location
from model.report import Fee, Report, Subsection
from tests.model.checks.changes import Case, Change, case_tests

UNPAID = ("applications", "other_unpaid_fee", "natural_person")
OTHER_INTRO = Location(field="narrative.other.intro")


def _other(text: str) -> Change:
    def change(r: Report) -> None:
        r.narrative.section("other").intro = text

    return change


def _unpaid(count: int, text: str = "本年度未收取信息处理费。") -> Change:
    """`count` applications dropped for an unpaid fee notice, moved from 予以公开 so the table still adds up."""

    def change(r: Report) -> None:
        r.set_cell("applications", "disclosed", "natural_person", 5 - count)
        r.set_cell(*UNPAID, count)
        r.narrative.section("other").intro = text

    return change


CASES: list[Case] = [
    Case("六 silent on the fee", _other("无。"), "FEE_NOT_STATED", OTHER_INTRO),
    Case("fee notices unpaid, 六 silent on them", _unpaid(2), "FEE_NOTICE_NOT_STATED", OTHER_INTRO),
]

test_one_change_gives_the_finding_at_its_location, test_every_message_is_chinese_and_names_something = case_tests(CASES)


def _codes(report: Report) -> set[str]:
    return {f.code for f in check(report)}


@pytest.mark.parametrize(
    "text",
    [
        "本年度未收取信息处理费。",
        "本年度未发生收费。",
        "本年度无收费情况。",
        "依据相关规定，不收取费用。",
        "本年度没有产生信息公开处理费。",
        "本年度未产生任何费用。",
        "本年度收取处理费200元。",
    ],
)
def test_a_statement_in_words_even_a_negative_one_states_the_fee(report: Report, text: str) -> None:
    _other(text)(report)
    assert "FEE_NOT_STATED" not in _codes(report)


@pytest.mark.parametrize("text", ["无。", "本年度无其他需要报告的事项。", "本年度行政事业性收费1.25万元。"])
def test_words_that_do_not_state_the_fee_give_the_warning(report: Report, text: str) -> None:
    _other(text)(report)
    assert "FEE_NOT_STATED" in _codes(report)


def test_the_fee_field_alone_is_no_statement_but_gives_the_sentence(report: Report) -> None:
    _other("无。")(report)
    report.fee = Fee(collected=True, amount=Decimal("200"), applications=1)
    (finding,) = [f for f in check(report) if f.code == "FEE_NOT_STATED"]
    assert "本年度对1件政府信息公开申请收取信息处理费，共计200元。" in finding.message
    _other("无。本年度对1件政府信息公开申请收取信息处理费，共计200元。")(report)
    assert "FEE_NOT_STATED" not in _codes(report)


def test_a_fee_field_with_only_an_amount_is_no_statement(report: Report) -> None:
    _other("无。")(report)
    report.fee = Fee(amount=Decimal("200"))
    assert "FEE_NOT_STATED" in _codes(report)


def test_the_fee_warning_gives_its_basis(report: Report) -> None:
    _other("无。")(report)
    finding = next(f for f in check(report) if f.code == "FEE_NOT_STATED")
    assert finding.basis is not None and "第四十二条" in finding.basis and "〔2021〕30号" in finding.basis


def test_the_notice_warning_names_the_cell_and_count(report: Report) -> None:
    _unpaid(2)(report)
    finding = next(f for f in check(report) if f.code == "FEE_NOTICE_NOT_STATED")
    assert "2件" in finding.message and "收费通知" in finding.message
    assert finding.related == (Location("applications", "other_unpaid_fee", "total"),)
    assert finding.basis is not None and "第四十二条" in finding.basis


@pytest.mark.parametrize(
    "text",
    [
        "本年度发出收费通知2件，申请人均逾期未缴纳，未收取信息处理费。",
        "本年度收取信息处理费100元。",
    ],
)
def test_notices_or_fees_charged_stated_in_words_pass(report: Report, text: str) -> None:
    _unpaid(2, text)(report)
    assert "FEE_NOTICE_NOT_STATED" not in _codes(report)


def test_notices_stated_in_the_fee_field_pass(report: Report) -> None:
    _unpaid(2)(report)
    report.fee = Fee(collected=False)
    assert "FEE_NOTICE_NOT_STATED" not in _codes(report)


def test_no_unpaid_notices_no_warning(report: Report) -> None:
    _unpaid(0)(report)
    assert "FEE_NOTICE_NOT_STATED" not in _codes(report)


def test_a_subsection_of_six_can_state_the_notices(report: Report) -> None:
    _unpaid(1, "")(report)
    report.narrative.section("other").subsections = [Subsection("信息处理费收取情况", "发出收费通知1件，未缴费。")]
    assert _codes(report) == set()


def test_fee_mentioned_in_a_subsection_counts(report: Report) -> None:
    report.narrative.section("other").intro = ""
    report.narrative.section("other").subsections = [Subsection("信息处理费收取情况", "本年度未收取处理费。")]
    assert check(report) == []
