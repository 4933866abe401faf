"""model/checks/content.py: EMPTY_SUBSECTION, OVERVIEW_TOO_LONG and CONTENT_MISSING on real wording."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from model.checks import check
from model.checks.content import TOPIC_WORDS
from model.findings import Location
from model.report import NarrativeSection, Report, Subsection
from model.rules import Rules, rules_from_data
from model.template import TEMPLATE_2021
from tests.model.checks.seeds import seed, seed_section

OVERVIEW = Location(field="narrative.overview.intro")
PROBLEMS = Location(field="narrative.problems.intro")
Change = Callable[[Report], None]


def _section(section_id: str, section: NarrativeSection) -> Change:
    def change(report: Report) -> None:
        report.narrative.sections[section_id] = section

    return change


def _part_of(number: int, section_id: str, keep: slice, intro: bool = True) -> NarrativeSection:
    whole = seed_section(number, section_id)
    return NarrativeSection(whole.intro if intro else "", whole.subsections[keep])


def _codes_at(report: Report, location: Location, rules: Rules | None = None) -> set[str]:
    findings = check(report) if rules is None else check(report, rules=rules)
    return {f.code for f in findings if f.location == location}


def test_topic_words_follow_the_templates_topics() -> None:
    assert len(TOPIC_WORDS) == len(TEMPLATE_2021.section(TEMPLATE_2021.roles.overview).suggested_subsections)


# --- the five topics of 总体情况 --------------------------------------------------------------

TOPICS_MISSING = {
    "seed 000: only its opening paragraph": _section("overview", _part_of(0, "overview", slice(0))),
    "seed 004: only 主动公开 and 依申请公开": _section("overview", _part_of(4, "overview", slice(0, 2))),
    "seed 003: only 主动公开 and 依申请公开": _section("overview", _part_of(3, "overview", slice(0, 2))),
}
TOPICS_COVERED = {f"seed 00{n}": _section("overview", seed_section(n, "overview")) for n in range(5)}


@pytest.mark.parametrize("change", TOPICS_MISSING.values(), ids=TOPICS_MISSING.keys())
def test_an_overview_missing_a_topic_is_found(report: Report, change: Change) -> None:
    change(report)
    assert "CONTENT_MISSING" in _codes_at(report, OVERVIEW)


@pytest.mark.parametrize("change", TOPICS_COVERED.values(), ids=TOPICS_COVERED.keys())
def test_the_seeds_overviews_cover_the_topics(report: Report, change: Change) -> None:
    change(report)
    assert "CONTENT_MISSING" not in _codes_at(report, OVERVIEW)


def test_the_message_names_the_missing_topics(report: Report) -> None:
    TOPICS_MISSING["seed 004: only 主动公开 and 依申请公开"](report)
    (finding,) = [f for f in check(report) if f.code == "CONTENT_MISSING" and f.location == OVERVIEW]
    assert "政府信息管理" in finding.message and "监督保障" in finding.message
    assert "平台建设" not in finding.message.split("（")[0]
    assert finding.basis == "国办公开办函〔2021〕30号 一（一）"


# --- a government's 工作考核、社会评议和责任追究 -----------------------------------------------


def _government(overview_of: int) -> Change:
    def change(report: Report) -> None:
        report.meta.agency_kind = "government"
        report.narrative.sections["overview"] = seed_section(overview_of, "overview")

    return change


@pytest.mark.parametrize("overview_of", [0, 2, 4])
def test_a_government_report_without_assessment_is_found(report: Report, overview_of: int) -> None:
    _government(overview_of)(report)
    assert "CONTENT_MISSING" in _codes_at(report, OVERVIEW)


def test_a_government_report_with_assessment_passes(report: Report) -> None:
    _government(3)(report)  # 绩效考核, 社会评议, 责任追究
    assert "CONTENT_MISSING" not in _codes_at(report, OVERVIEW)


@pytest.mark.parametrize("overview_of", [0, 2, 4])
def test_a_department_need_not_report_assessment(report: Report, overview_of: int) -> None:
    report.narrative.sections["overview"] = seed_section(overview_of, "overview")
    assert "CONTENT_MISSING" not in _codes_at(report, OVERVIEW)


# --- 五: problems and measures -----------------------------------------------------------------

ONE_SIDED = {
    "seed 001: a problem, no measure": _section("problems", seed_section(1, "problems")),
    "seed 002: its measures alone": _section("problems", _part_of(2, "problems", slice(1, 2), intro=False)),
    "typical: measures alone": _section(
        "problems", NarrativeSection("下一步，我局将进一步加强政府信息公开工作，完善信息公开目录，提升公开质量。")
    ),
}
BOTH_SIDES = {f"seed 00{n}": _section("problems", seed_section(n, "problems")) for n in (0, 2, 3, 4)}
BOTH_SIDES["typical: problems without the word 问题"] = _section(
    "problems", NarrativeSection("信息更新不及时，公开形式单一。下一步将建立更新提醒机制。")
)


@pytest.mark.parametrize("change", ONE_SIDED.values(), ids=ONE_SIDED.keys())
def test_problems_without_measures_or_the_reverse_are_found(report: Report, change: Change) -> None:
    change(report)
    assert "CONTENT_MISSING" in _codes_at(report, PROBLEMS)


@pytest.mark.parametrize("change", BOTH_SIDES.values(), ids=BOTH_SIDES.keys())
def test_problems_with_measures_pass(report: Report, change: Change) -> None:
    change(report)
    assert "CONTENT_MISSING" not in _codes_at(report, PROBLEMS)


# --- enumerations --------------------------------------------------------------------------------

GAPS = [
    seed_section(3, "other").subsections[0].text,  # 一是…二是…三是…五是
    "一是加强组织领导；三是完善工作制度；三是强化监督检查。",
    "一是对政务公开工作的重要性认识还不到位。二是公开内容较简单。二是涉及的业务工作未能及时公开。",
]
IN_ORDER = [
    seed_section(0, "problems").subsections[0].text,
    seed_section(0, "problems").subsections[1].text,
    seed_section(2, "overview").subsections[0].text,
    seed_section(4, "overview").subsections[0].text,
    seed_section(3, "problems").intro,
    "坚持统一是前提，规范是保障。一是健全制度；二是加强培训。",
]
OTHER_TEXT = Location(field="narrative.other.intro")


@pytest.mark.parametrize("text", GAPS, ids=[t[:16] for t in GAPS])
def test_an_enumeration_out_of_order_is_found(report: Report, text: str) -> None:
    report.narrative.section("other").intro = "本年度未收取信息处理费。" + text
    assert "CONTENT_MISSING" in _codes_at(report, OTHER_TEXT)


@pytest.mark.parametrize("text", IN_ORDER, ids=[t[:16] for t in IN_ORDER])
def test_an_enumeration_in_order_passes(report: Report, text: str) -> None:
    report.narrative.section("other").intro = "本年度未收取信息处理费。" + text
    assert "CONTENT_MISSING" not in _codes_at(report, OTHER_TEXT)


# --- items local rules require --------------------------------------------------------------------

LOCAL = {
    "name": "某市年度报告审核规则",
    "require": [
        {"section": "六", "item": "落实上级年度政务公开工作要点情况", "words": ["工作要点"]},
        {"section": "六", "item": "人大代表建议和政协提案办理结果公开情况", "words": ["建议提案", "政协提案"]},
    ],
}


def test_items_local_rules_require_are_found_missing(report: Report) -> None:
    rules = rules_from_data(LOCAL)
    findings = [f for f in check(report, rules=rules) if f.code == "CONTENT_MISSING" and f.location == OTHER_TEXT]
    assert len(findings) == 2
    assert "落实上级年度政务公开工作要点情况" in findings[0].message
    assert findings[0].basis == "某市年度报告审核规则"


def test_an_item_reported_in_any_words_passes(report: Report) -> None:
    report.narrative.section("other").subsections = [
        Subsection("落实上级年度政务公开工作要点情况", "按照省政务公开工作要点逐项落实。"),
        Subsection("建议提案办理结果公开", "本年度承办人大代表建议2件、政协提案1件，办理结果均已公开。"),
    ]
    assert "CONTENT_MISSING" not in _codes_at(report, OTHER_TEXT, rules_from_data(LOCAL))


def test_the_national_rules_require_no_local_item(report: Report) -> None:
    assert "CONTENT_MISSING" not in _codes_at(report, OTHER_TEXT)


# --- OVERVIEW_TOO_LONG, EMPTY_SUBSECTION ------------------------------------------------------------


@pytest.mark.parametrize(("number", "too_long"), [(3, True), (0, False), (1, False), (2, False), (4, False)])
def test_overview_length_of_the_seeds(number: int, too_long: bool) -> None:
    found = "OVERVIEW_TOO_LONG" in {f.code for f in check(seed(number))}
    assert found is too_long  # seed 003: 1,160 characters; seed 004: 997


def test_a_local_limit_moves_the_threshold() -> None:
    rules = rules_from_data({"threshold": {"overview_max_chars": 1200}})
    assert "OVERVIEW_TOO_LONG" not in {f.code for f in check(seed(3), rules=rules)}


EMPTY = {
    "五's 改进情况 left empty": ("problems", 1, ""),
    "一's 监督保障 only spaces": ("overview", 4, "  \n"),
    "六 subsection titled, no text": ("other", 0, ""),
}


@pytest.mark.parametrize("case", EMPTY.values(), ids=EMPTY.keys())
def test_a_titled_subsection_without_text_is_found(report: Report, case: tuple[str, int, str]) -> None:
    section_id, index, text = case
    section = report.narrative.section(section_id)
    if not section.subsections:
        section.subsections = [Subsection("政务公开工作创新情况", "")]
    section.subsections[index].text = text
    location = Location(field=f"narrative.{section_id}.subsections[{index}].text")
    assert "EMPTY_SUBSECTION" in _codes_at(report, location)


def test_subsections_with_text_or_in_an_empty_section_are_not_empty_subsections(report: Report) -> None:
    assert "EMPTY_SUBSECTION" not in {f.code for f in check(report)}
    report.narrative.sections["problems"] = NarrativeSection("", [Subsection("存在的主要问题", "")])
    codes = {f.code for f in check(report)}
    assert "EMPTY_SECTION" in codes and "EMPTY_SUBSECTION" not in codes
    report.narrative.sections["problems"] = NarrativeSection("问题与措施见下。", [Subsection("", "")])
    assert "EMPTY_SUBSECTION" not in {f.code for f in check(report)}
