"""model/checks/copied.py: COPIED_FROM_LAST_YEAR, with last year's report given or recorded in `previous`."""

from __future__ import annotations

import pytest

from model.carry import previous_from_report, start_next_year
from model.checks import check
from model.files import load_report, save_report
from model.findings import Finding, Location
from model.report import NarrativeSection, Report, Subsection
from model.rules import rules_from_data
from tests.model.checks.seeds import seed, seed_section

OVERVIEW = Location(field="narrative.overview.intro")
PROBLEMS = Location(field="narrative.problems.intro")
COPIED = "COPIED_FROM_LAST_YEAR"


def _copied(findings: list[Finding]) -> set[Location]:
    return {f.location for f in findings if f.code == COPIED}


def _next_year_of(number: int) -> tuple[Report, Report]:
    last = seed(number)
    return start_next_year(last), last


def _with_years_moved(text: str, year: int) -> str:
    return text.replace(str(year), str(year + 1)).replace(f"{year} ", f"{year + 1} ")


@pytest.mark.parametrize("number", [0, 2, 3])
def test_a_draft_started_from_last_years_file_is_copied_in_one_and_five(number: int) -> None:
    draft, _ = _next_year_of(number)
    assert {OVERVIEW, PROBLEMS} <= _copied(check(draft))


def test_five_copied_with_only_the_years_moved_is_copied() -> None:
    draft, last = _next_year_of(2)
    problems = draft.narrative.section("problems")
    for sub in problems.subsections:
        sub.text = _with_years_moved(sub.text, 2024)
    assert PROBLEMS in _copied(check(draft, last))


def test_five_with_one_clause_of_six_rewritten_is_still_copied() -> None:
    draft, last = _next_year_of(3)
    problems = draft.narrative.section("problems")
    problems.intro = problems.intro.replace("政策解读形式单一,多为文字解读", "政策解读的互动性不强,群众参与不多")
    assert PROBLEMS in _copied(check(draft, last))


def test_a_copied_subsection_is_found_when_the_rest_is_rewritten() -> None:
    draft, last = _next_year_of(0)
    draft.narrative.sections["overview"] = seed_section(2, "overview")  # rewritten, in other words
    draft.narrative.section("overview").subsections[4] = Subsection(
        "监督保障", seed_section(0, "overview").subsections[4].text
    )
    assert _copied(check(draft, last)) >= {Location(field="narrative.overview.subsections[4].text")}
    assert OVERVIEW not in _copied(check(draft, last))


def test_another_reports_wording_is_not_copied() -> None:
    draft, last = _next_year_of(0)
    draft.narrative.sections["problems"] = seed_section(2, "problems")
    draft.narrative.sections["overview"] = seed_section(3, "overview")
    assert _copied(check(draft, last)) == set()


def test_five_half_rewritten_is_not_copied() -> None:
    draft, last = _next_year_of(0)
    five = draft.narrative.section("problems")
    five.subsections[1] = Subsection(
        "改进情况",
        "一是建立信息发布前三级审核制度，全年审核信息百余条。二是将科普活动信息纳入主动公开目录，按月更新。"
        "三是每季度通报栏目更新情况，对更新滞后的栏目限期整改。四是组织全局干部参加政务公开专题培训两次。",
    )
    assert PROBLEMS not in _copied(check(draft, last))


def test_a_short_part_said_again_is_not_copied() -> None:
    draft, last = _next_year_of(3)
    draft.narrative.sections["overview"] = NarrativeSection(
        "", [Subsection("依申请公开", seed_section(3, "overview").subsections[1].text)]
    )
    assert _copied(check(draft, last)) & {OVERVIEW, Location(field="narrative.overview.subsections[0].text")} == set()


def test_without_last_year_nothing_is_copied() -> None:
    assert _copied(check(seed(0))) == set()


def test_the_recorded_fingerprints_survive_the_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    draft, _ = _next_year_of(0)
    assert draft.previous is not None and draft.previous.sentences
    path = tmp_path / "draft.nianbao.json"
    save_report(draft, path)
    reloaded = load_report(path)
    assert reloaded.previous == draft.previous
    assert {OVERVIEW, PROBLEMS} <= _copied(check(reloaded))


def test_the_record_keeps_no_text_and_is_small() -> None:
    previous = previous_from_report(seed(3))
    recorded = [h for hashes in previous.sentences.values() for h in hashes]
    assert all(len(h) == 12 and int(h, 16) >= 0 for h in recorded)
    assert len(recorded) < 80


def test_a_local_share_loosens_the_rule() -> None:
    draft, last = _next_year_of(3)
    problems = draft.narrative.section("problems")
    problems.intro = problems.intro.replace("政策解读形式单一,多为文字解读", "政策解读的互动性不强,群众参与不多")
    rules = rules_from_data({"threshold": {"copied_share": 0.95}})
    assert PROBLEMS not in _copied(check(draft, last, rules))


def test_the_message_gives_the_share_and_the_year() -> None:
    draft, _ = _next_year_of(2)
    (finding,) = [f for f in check(draft) if f.code == COPIED and f.location == PROBLEMS]
    assert "100%" in finding.message and "2024年" in finding.message
    assert finding.basis == "国办公开办函〔2021〕30号 一（五）"
