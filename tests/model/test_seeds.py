"""The five real seed reports (tests/fixtures/seed_00X.nianbao.json): how they load, and the checker's verdict."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from model.checks import check
from model.files import load_report, report_json, save_report
from model.findings import Finding, Location, Severity
from model.numerals import ordinal
from model.report import Report
from model.template import TEMPLATE_2021

FIXTURES = Path(__file__).parent.parent / "fixtures"
SEEDS = tuple(f"seed_{i:03d}" for i in range(5))

APPLICATIONS = TEMPLATE_2021.table("applications")
REVIEW_LITIGATION = TEMPLATE_2021.table("review_litigation")
APPLICANT_COLUMNS = APPLICATIONS.blocks[0].column("total").parts
FIRST_APPLICANT_COLUMN = APPLICANT_COLUMNS[0]
LAST_APPLICANT_COLUMN = APPLICANT_COLUMNS[-1]
FIRST_RESULT_COLUMN = REVIEW_LITIGATION.blocks[0].column("total").parts[0]

Key = tuple[str, Location]


def _load(seed: str) -> Report:
    return load_report(FIXTURES / f"{seed}.nianbao.json")


def _field(path: str) -> Location:
    return Location(field=path)


def _cell(table: str, row: str, column: str) -> Location:
    return Location(table=table, row=row, column=column)


def _rows_from_to(first: str, last: str) -> tuple[str, ...]:
    ids = [r.id for r in APPLICATIONS.rows]
    return tuple(ids[ids.index(first) : ids.index(last) + 1])


def _keys(findings: list[Finding], severity: Severity) -> set[Key]:
    return {(f.code, f.location) for f in findings if f.severity is severity}


@dataclass(frozen=True)
class Verdict:
    errors: frozenset[Key]
    warnings: frozenset[Key]


# 000: the PDF lost table 3's 总计 column, and in rows 三（三）1 … 三（五）4 also the 其他 column.
_SHIFTED_ROWS = _rows_from_to("withheld_state_secret", "unprocessed_excessive")
# 004: table 3 filled only in 总计 (every row but the computed （七）总计 lacks its six applicant
# cells); table 4 only in two 总计 cells (each of its three rows lacks its four result cells).
_TOTAL_ONLY_ROWS = tuple(r.id for r in APPLICATIONS.rows if not r.is_total)
_OTHER_SECTION = _field("narrative.other.intro")

EXPECTED = {
    # 000: MISSING 其他 in the rows the PDF shifted; the missing 总计 column is computed, so no finding.
    "seed_000": Verdict(
        errors=frozenset(("MISSING", _cell(APPLICATIONS.id, r, LAST_APPLICANT_COLUMN)) for r in _SHIFTED_ROWS),
        warnings=frozenset(),
    ),
    # 001: “2023年，我局将…” plans the next year with the report year; 六 says only “无。”, no fee;
    # 五 states a problem (兼职人员) and no measure at all.
    "seed_001": Verdict(
        errors=frozenset(),
        warnings=frozenset(
            {
                ("YEAR_IN_OUTLOOK", _field("narrative.closing")),
                ("FEE_NOT_STATED", _OTHER_SECTION),
                ("CONTENT_MISSING", _field("narrative.problems.intro")),
            }
        ),
    ),
    # 002: “2.其他法律法规禁止公开” instead of the statutory “2.其他法律行政法规禁止公开”.
    "seed_002": Verdict(
        errors=frozenset(),
        warnings=frozenset({("LABEL_MISMATCH", Location(table=APPLICATIONS.id, row="withheld_prohibited_by_law"))}),
    ),
    # 003: the web page shows no 成文日期; 总体情况 runs to 1,160 characters; 六（一） enumerates
    # “一是…二是…三是…五是” (its 四是 is lost).
    "seed_003": Verdict(
        errors=frozenset({("MISSING", _field("meta.issue_date"))}),
        warnings=frozenset(
            {
                ("OVERVIEW_TOO_LONG", _field("narrative.overview.intro")),
                ("CONTENT_MISSING", _field("narrative.other.subsections[0].text")),
            }
        ),
    ),
    # 004: no date; table 3 only in 总计, table 4 only two 总计 cells; 六 is missing, so no fee either.
    "seed_004": Verdict(
        errors=frozenset(
            {("MISSING", _field("meta.issue_date"))}
            | {("MISSING", _cell(APPLICATIONS.id, r, FIRST_APPLICANT_COLUMN)) for r in _TOTAL_ONLY_ROWS}
            | {("MISSING", _cell(REVIEW_LITIGATION.id, r.id, FIRST_RESULT_COLUMN)) for r in REVIEW_LITIGATION.rows}
        ),
        warnings=frozenset({("EMPTY_SECTION", _OTHER_SECTION), ("FEE_NOT_STATED", _OTHER_SECTION)}),
    ),
}


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_errors_are_exactly_the_published_mistakes(seed: str) -> None:
    assert _keys(check(_load(seed)), Severity.ERROR) == EXPECTED[seed].errors


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_warnings_are_exactly_the_published_mistakes(seed: str) -> None:
    assert _keys(check(_load(seed)), Severity.WARNING) == EXPECTED[seed].warnings


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_file_is_what_saving_it_writes(seed: str) -> None:
    path = FIXTURES / f"{seed}.nianbao.json"
    assert report_json(load_report(path)) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_survives_save_load_save_byte_identically(seed: str, tmp_path: Path) -> None:
    first = tmp_path / "first.nianbao.json"
    second = tmp_path / "second.nianbao.json"
    save_report(_load(seed), first)
    save_report(load_report(first), second)
    assert first.read_bytes() == second.read_bytes()
    assert report_json(load_report(second)) == report_json(_load(seed))


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_subsection_titles_carry_no_number(seed: str) -> None:
    narrative = _load(seed).narrative
    titles = [
        s.title
        for part in (narrative.section("overview"), narrative.section("problems"), narrative.section("other"))
        for s in part.subsections
    ]
    assert titles
    assert all(title and not ordinal(title) and not re.match(r"[(（]", title) for title in titles)


def test_web_page_junk_is_not_part_of_seed_003() -> None:
    text = report_json(_load("seed_003"))
    for junk in ("无障碍", "字体颜色", "扫一扫", "分享到", "附件下载", "索 引 号"):
        assert junk not in text


def test_blank_cells_of_seed_004_are_not_filled_in_rather_than_zero() -> None:
    report = _load("seed_004")
    assert report.stored(APPLICATIONS.id, "new_received", "total") == 0
    assert all(report.stored(APPLICATIONS.id, "new_received", c) is None for c in APPLICANT_COLUMNS)
    filled = {(r, c) for r, row in report.tables[REVIEW_LITIGATION.id].items() for c in row}
    assert filled == {("review", "total"), ("litigation_after_review", "total")}


def test_seed_003_keeps_its_one_normative_document() -> None:
    report = _load("seed_003")
    columns = ("issued", "repealed", "in_force")
    assert {c: report.value("active_disclosure", "normative_documents", c) for c in columns} == {
        "issued": 1,
        "repealed": 0,
        "in_force": 1,
    }


# --- the checker's wording and tolerance of spaced numbers, found on the seeds ------------------


def test_missing_other_column_message_says_which_other() -> None:
    """'…1.属于国家秘密 的其他未填写' reads as 'the rest is not filled in'; it must name the column."""
    group = APPLICATIONS.blocks[0].column(LAST_APPLICANT_COLUMN).path[-1]
    missing = [f for f in check(_load("seed_000")) if f.code == "MISSING"]
    assert missing
    assert all(group in f.message for f in missing)


def test_outlook_year_is_found_when_written_with_a_space_like_seed_000() -> None:
    report = _load("seed_000")
    report.narrative.set_text("closing", "2024 年，我局将继续加大政府信息公开力度。")
    assert ("YEAR_IN_OUTLOOK", _field("narrative.closing")) in _keys(check(report), Severity.WARNING)


def test_application_count_is_found_when_written_with_spaces_like_seed_004() -> None:
    report = _load("seed_004")
    report.narrative.section("overview").subsections[1].text = "本年度，科技局共收到政府信息公开申请 2 件。"
    path = _field("narrative.overview.subsections[1].text")
    assert ("TEXT_TABLE_MISMATCH", path) in _keys(check(report), Severity.WARNING)
