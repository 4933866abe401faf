"""model/checks/years.py: YEAR_MISMATCH, YEAR_IN_OUTLOOK and OLD_FORMAT_CITED on real wording."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from model.checks import check
from model.report import Report
from tests.model.checks.wording import Wording, codes_at, ids

PREAMBLE = "narrative.preamble"
INTRO = "narrative.overview.intro"
APPLICATIONS_TEXT = "narrative.overview.subsections[1].text"
PROBLEMS = "narrative.problems.intro"


def _year(year: int) -> Callable[[Report], None]:
    def setup(report: Report) -> None:
        report.meta.year = year

    return setup


IN_2025 = _year(2025)  # the factory's report is of 2024: these are last year's words in next year's draft

MISMATCHED = [
    Wording("seed 000", INTRO, "2024 年度，叶城县科技局、科协深入学习贯彻落实党的二十大精神。", IN_2025),
    Wording("seed 003", INTRO, "2024年,灵武市科技局坚持以习近平新时代中国特色社会主义思想为根本遵循。", IN_2025),
    Wording(
        "seed 000", APPLICATIONS_TEXT, "安排专人受理信息公开申请。2024 年，我单位未收到政府信息公开的申请。", IN_2025
    ),
    Wording("seed 001", PREAMBLE, "现将我局2023年度政府信息公开工作情况报告如下：", None),
    Wording("factory", PREAMBLE, "本报告统计数据从2024年1月1日至2024年12月31日。", IN_2025),
    Wording("seed 002", PREAMBLE, "报告中数据统计时间为 2024 年 1 月 1 日至 12 月 31 日。", IN_2025),
    Wording("typed", PREAMBLE, "本报告统计数据从20241月1日至2024年12月31日。"),
    Wording("typed", PREAMBLE, "本报告统计期限为2024年1月1日至12月31止。"),
    Wording("typed", PREAMBLE, "本报告统计数据从2024年1月1日至2024年11月30日。"),
]
NOT_MISMATCHED = [
    Wording("seed 003", INTRO, "2024年,灵武市科技局坚持以习近平新时代中国特色社会主义思想为根本遵循。"),
    Wording("seed 003", PREAMBLE, "本报告统计数据从2024年1月1日至2024年12月31日。"),
    Wording("seed 002", PREAMBLE, "报告中数据统计时间为 2024 年 1 月 1 日至 12 月 31 日。"),
    Wording(
        "seed 004",
        INTRO,
        "我局按照《自治区人民政府政务公开办公室关于做好 2021 年政府信息公开工作年度报告的通知》精神和要求开展工作。",
        _year(2021),
    ),
    Wording("seed 000", PROBLEMS, "2025年，我局将继续加大政府信息公开力度。"),
    Wording("typical", INTRO, "与2023年相比，本年度主动公开信息数量增长20%。"),
    Wording("typical", INTRO, "2023年以来，我局持续推进政务公开标准化规范化建设。"),
    Wording("seed 003", INTRO, "2024年,灵武市科技局未收到12345诉求件，未收到信访件。"),
    Wording("typical", INTRO, "于5月15至16日举办政务公开业务培训班。"),
]


@pytest.mark.parametrize("wording", MISMATCHED, ids=ids(MISMATCHED))
def test_a_year_mismatch_is_found(report: Report, wording: Wording) -> None:
    assert "YEAR_MISMATCH" in codes_at(report, wording)


@pytest.mark.parametrize("wording", NOT_MISMATCHED, ids=ids(NOT_MISMATCHED))
def test_right_years_pass(report: Report, wording: Wording) -> None:
    assert "YEAR_MISMATCH" not in codes_at(report, wording)


OUTLOOKS = [
    Wording("seed 001", "narrative.closing", "2024年，我局将以区委、区政府重大决策部署和公众关切为重点。"),
    Wording("typical", PROBLEMS, "2024 年，我局将进一步加强政府信息公开工作。"),
    Wording("typical", PROBLEMS, "存在的问题已逐项整改。2024年度，本局将继续完善公开目录。"),
]
NOT_OUTLOOKS = [
    Wording("seed 000", PROBLEMS, "2025年，我局将继续加大政府信息公开力度。"),
    Wording("seed 003", INTRO, "2024年,灵武市科技局坚持以习近平新时代中国特色社会主义思想为根本遵循。"),
    Wording("typical", INTRO, "2024年，全年将近三百条信息通过网站发布。"),
]


@pytest.mark.parametrize("wording", OUTLOOKS, ids=ids(OUTLOOKS))
def test_an_outlook_dated_with_the_report_year_is_found(report: Report, wording: Wording) -> None:
    assert "YEAR_IN_OUTLOOK" in codes_at(report, wording)


@pytest.mark.parametrize("wording", NOT_OUTLOOKS, ids=ids(NOT_OUTLOOKS))
def test_other_years_are_no_outlook(report: Report, wording: Wording) -> None:
    assert "YEAR_IN_OUTLOOK" not in codes_at(report, wording)


OLD_CITED = [
    Wording(
        "2019–2020 reports",
        PREAMBLE,
        "根据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）要求，编制本报告。",
    ),
    Wording("typed", PREAMBLE, "本报告按照国办公开办函[2019]60号规定的格式编制。"),
    Wording("typed", PREAMBLE, "依据国办公开办函（2019）60 号要求，现发布本报告。"),
]
NOT_OLD_CITED = [
    Wording(
        "seed 003",
        PREAMBLE,
        "根据《中华人民共和国政府信息公开条例》(国令第711号)规定和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》(国办公开办函〔2021〕30号)要求,现发布本报告。",
    ),
    Wording(
        "seed 000", "narrative.other.intro", "按照（国办函〔2020〕109号）规定的收费标准，本年度没有产生信息处理费。"
    ),
    Wording("typed", PREAMBLE, "本报告依据国办公开办函〔2021〕30号编制，统计数据从2024年1月1日至2024年12月31日。"),
]


@pytest.mark.parametrize("wording", OLD_CITED, ids=ids(OLD_CITED))
def test_citing_the_2019_format_is_found(report: Report, wording: Wording) -> None:
    assert "OLD_FORMAT_CITED" in codes_at(report, wording)


@pytest.mark.parametrize("wording", NOT_OLD_CITED, ids=ids(NOT_OLD_CITED))
def test_citing_the_current_format_passes(report: Report, wording: Wording) -> None:
    assert "OLD_FORMAT_CITED" not in codes_at(report, wording)


def test_a_2020_report_may_cite_the_2019_format(report: Report) -> None:
    report.meta.year = 2020
    report.narrative.set_text("preamble", OLD_CITED[0].text)
    assert "OLD_FORMAT_CITED" not in {f.code for f in check(report)}


def test_mismatch_message_names_both_years(report: Report) -> None:
    report.meta.year = 2025
    report.narrative.section("overview").intro = MISMATCHED[0].text
    (finding,) = [f for f in check(report) if f.code == "YEAR_MISMATCH" and f.location.field == INTRO]
    assert "2024" in finding.message and "2025" in finding.message
    assert finding.basis == "常见问题"
