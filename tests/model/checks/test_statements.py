"""model/checks/statements.py and the proceedings counts of text.py: TEXT_TABLE_MISMATCH, widened.

The consistent report: 9 new applications and 1 carried over; 9 answered (予以公开 5, 部分公开 1,
不予公开 1, 无法提供 1, 不予处理 1) and 1 carried forward; 5 行政规范性文件 in force, 0 规章;
one 行政复议, upheld; no 行政诉讼."""

from __future__ import annotations

import pytest

from model.report import Report
from tests.model.checks.wording import Wording, codes_at, ids

INTRO = "narrative.overview.intro"
APPLICATIONS_TEXT = "narrative.overview.subsections[1].text"
OVERSIGHT_TEXT = "narrative.overview.subsections[4].text"
MISMATCH = "TEXT_TABLE_MISMATCH"


def _nothing_carried_forward(report: Report) -> None:
    report.set_cell("applications", "carried_forward", "natural_person", 0)
    report.set_cell("applications", "disclosed", "natural_person", 6)


def _review_corrected(report: Report) -> None:
    report.set_cell("review_litigation", "review", "corrected", 1)


def _litigation_pending(report: Report) -> None:
    report.set_cell("review_litigation", "litigation_direct", "pending", 1)


def _two_reviews_upheld(report: Report) -> None:
    report.set_cell("review_litigation", "review", "upheld", 2)


CONTRADICTED = [
    # “所有申请均已办结” with one application carried forward
    Wording(
        "a bureau's 2024 report", APPLICATIONS_TEXT, "本年度共收到政府信息公开申请9件，所有申请均已按要求办理完成。"
    ),
    Wording("typical", APPLICATIONS_TEXT, "全部申请均已在法定期限内办结。"),
    Wording("typical", APPLICATIONS_TEXT, "收到的政府信息公开申请均已按时办结，无逾期答复情况。"),
    # a percentage that is no ratio of table 三
    Wording("a county's 2023 report", APPLICATIONS_TEXT, "其中予以公开5件，予以公开占51.85%。"),
    Wording("typical", APPLICATIONS_TEXT, "部分公开1件，占比20%。"),
    Wording("typical", APPLICATIONS_TEXT, "不予公开的申请占15%。"),
    Wording("typical", APPLICATIONS_TEXT, "予以公开和部分公开的申请占55.6%。"),
    # a 现行有效 count other than table 二's
    Wording("a city bureau's 2024 report", INTRO, "截至年底，现行有效行政规范性文件393件。"),
    Wording("typical", INTRO, "现行有效的规范性文件共6件。"),
    Wording("typical", INTRO, "本机关行政规范性文件现行有效4件。"),
    # “均获维持” while a case was corrected or is pending
    Wording("a district's 2024 report", OVERSIGHT_TEXT, "本年度发生行政复议1件，均获维持。", _review_corrected),
    Wording("typical", OVERSIGHT_TEXT, "被申请行政复议和提起行政诉讼的案件全部维持。", _litigation_pending),
    Wording("typical", OVERSIGHT_TEXT, "行政诉讼案件均被法院维持。", _litigation_pending),
    # 复议/诉讼 counts in words and before the word
    Wording("typical", OVERSIGHT_TEXT, "本年度发生政府信息公开行政复议案件两起。"),
    Wording("typical", OVERSIGHT_TEXT, "本年度发生1起政府信息公开行政诉讼案件。"),
    Wording("typical", OVERSIGHT_TEXT, "共有两件行政复议案件。"),
]
AGREEING = [
    Wording("factory", APPLICATIONS_TEXT, "2024年，本局共收到政府信息公开申请9件，均按期答复。"),
    Wording("typical", APPLICATIONS_TEXT, "所有申请均已按要求办理完成。", _nothing_carried_forward),
    Wording("typical", APPLICATIONS_TEXT, "上年结转的1件申请已办结，本年度另有1件结转下年度办理。"),
    Wording("typical", APPLICATIONS_TEXT, "其中予以公开5件，占55.56%。"),
    Wording("typical", APPLICATIONS_TEXT, "予以公开率为50%。"),
    Wording("typical", APPLICATIONS_TEXT, "予以公开5件，同比增长20%。"),
    Wording("typical", APPLICATIONS_TEXT, "上年结转的1件申请均已办结。"),
    Wording("typical", APPLICATIONS_TEXT, "部分公开1件，占11.1%。"),
    Wording("standard sentence", APPLICATIONS_TEXT, "予以公开、部分公开的申请占办理总数的66.7%。"),
    Wording("seed 003", INTRO, "主动公开信息同比增长20%，推动公开力度不断加大。"),
    Wording("typical", INTRO, "截至年底，现行有效行政规范性文件5件。"),
    Wording("seed 004", INTRO, "本年度未印发规章、规范性文件，本年度未清理废止文件。"),
    Wording("typical", INTRO, "现行有效规章0件。"),
    Wording("typical", OVERSIGHT_TEXT, "本年度发生行政复议1件，结果维持。"),
    Wording("typical", OVERSIGHT_TEXT, "本年度发生行政复议1件，均获维持。"),
    Wording("typical", OVERSIGHT_TEXT, "行政复议案件均获维持。", _litigation_pending),
    Wording("typical", OVERSIGHT_TEXT, "本年度发生政府信息公开行政复议案件一起，未发生行政诉讼。"),
    Wording("typical", OVERSIGHT_TEXT, "共有两件行政复议案件，均获维持。", _two_reviews_upheld),
]


@pytest.mark.parametrize("wording", CONTRADICTED, ids=ids(CONTRADICTED))
def test_a_statement_the_tables_contradict_is_found(report: Report, wording: Wording) -> None:
    assert MISMATCH in codes_at(report, wording)


@pytest.mark.parametrize("wording", AGREEING, ids=ids(AGREEING))
def test_a_statement_the_tables_bear_out_passes(report: Report, wording: Wording) -> None:
    assert MISMATCH not in codes_at(report, wording)
