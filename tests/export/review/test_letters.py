"""审核意见/<机关>.docx: a short 公文 to the bureau naming each open finding by part and cell, with
what is wrong and its basis; none for a clean report."""

from __future__ import annotations

import re
from datetime import date

import docx
import pytest

from export import ReviewOutcome
from export.review.letters import finding_line, render_letter
from model.dates import chinese_date
from model.findings import COMMON_PROBLEM, Severity, cell, error, warning
from model.review import ReportSummary
from tests.export.review.conftest import CENTER, REVIEW_DATE


def paragraphs(path: object) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_every_letter_lists_every_open_finding_of_its_report(reviewed: ReviewOutcome) -> None:
    entries = {e.summary.file: e for e in reviewed.review.entries}
    for file, letter in reviewed.letters.items():
        entry = entries[file]
        text = paragraphs(letter)
        year = entry.summary.year
        assert text[0] == f"关于{entry.name}{year}年政府信息公开工作年度报告的审核意见"
        assert f"{entry.name}：" in text
        numbered = [t for t in text if re.match(r"\d+\.【", t)]
        assert [int(t.split(".")[0]) for t in numbered] == list(range(1, len(numbered) + 1))
        expected = [finding_line(0, entry.summary, f) for f in entry.summary.open_findings]
        assert sorted(t.split(".", 1)[1] for t in numbered) == sorted(e.split(".", 1)[1] for e in expected)
        assert text[-2:] == [CENTER, chinese_date(REVIEW_DATE)]


def test_the_letter_names_the_part_the_cell_the_numbers_and_the_basis() -> None:
    findings = (
        error(
            "CARRY_OVER",
            cell("applications", "carried_over", "natural_person"),
            "三、收到和处理政府信息公开申请情况：自然人列 二、上年结转为1，但2023年报告的四、结转下年度为9",
            basis="国办公开办函〔2021〕30号",
        ),
        warning(
            "FEE_NOT_STATED",
            cell("active_disclosure", "regulations", "issued"),
            "没有说明信息处理费",
            basis=COMMON_PROBLEM,
        ),
    )
    summary = ReportSummary(
        "/x/科技局.docx", "叶城县科学技术局", "department", 2024, date(2025, 1, 2), findings, (), "2021"
    )
    text = paragraphs_of(render_letter(summary, "叶城县科学技术局", "科技局.docx", "", date(2025, 2, 3)))
    assert text[0] == "关于叶城县科学技术局2024年政府信息公开工作年度报告的审核意见"
    assert "错误1处、提醒1处" in text[3] and "《叶城县科学技术局2024年政府信息公开工作年度报告》" in text[3]
    assert "（文件“科技局.docx”）" in text[3]
    assert text[4] == "一、“二、主动公开政府信息情况”部分"
    assert text[5] == "1.【提醒】规章·本年制发件数：没有说明信息处理费。（依据：常见问题）"
    assert text[6] == "二、“三、收到和处理政府信息公开申请情况”部分"
    assert text[7] == (
        "2.【错误】二、上年结转政府信息公开申请数量·自然人：自然人列 二、上年结转为1，"
        "但2023年报告的四、结转下年度为9。（依据：国办公开办函〔2021〕30号）"
    )
    assert text[-1] == "2025年2月3日"  # no reviewing office given: the letter is dated, not signed


def paragraphs_of(data: bytes) -> list[str]:
    import io

    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


@pytest.mark.parametrize("severity", [Severity.ERROR, Severity.WARNING])
def test_a_finding_line_without_a_basis_says_none(severity: Severity) -> None:
    finding = (error if severity is Severity.ERROR else warning)(
        "MISSING", cell("applications", "disclosed", "total"), "未填写"
    )
    summary = ReportSummary("f", "a", "department", 2024, None, (finding,), (), "2021")
    line = finding_line(3, summary, finding)
    assert line.startswith("3.【") and line.endswith("未填写。") and "依据" not in line
