"""model/rules.py: the national rules, local rules files (TOML or JSON) and what they change."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from model.checks import check
from model.errors import ReportFileError
from model.findings import Severity
from model.report import Report
from model.rules import CODES, NATIONAL, load_rules

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "docs" / "local-rules.example.toml"


def test_the_documented_example_loads() -> None:
    rules = load_rules(EXAMPLE)
    assert rules.name == "某市政府信息公开工作年度报告审核规则"
    assert rules.severities == {"DATE_LATE": Severity.ERROR}
    assert rules.off == {"KIND_MISMATCH"}
    assert rules.overview_max_chars == 1200
    assert [r.item for r in rules.required] == [
        "落实上级年度政务公开工作要点情况",
        "人大代表建议和政协提案办理结果公开情况",
    ]
    assert {r.section for r in rules.required} == {"other"}


def test_the_same_rules_read_from_json(tmp_path: Path) -> None:
    path = tmp_path / "rules.json"
    path.write_text(json.dumps({"severity": {"DATE_LATE": "off"}}), encoding="utf-8")
    assert load_rules(path).off == {"DATE_LATE"}


def test_a_rule_switched_off_gives_no_finding_and_a_severity_can_change(report: Report, tmp_path: Path) -> None:
    report.meta.issue_date = report.meta.issue_date.replace(month=2)  # type: ignore[union-attr]
    assert [f.severity for f in check(report) if f.code == "DATE_LATE"] == [Severity.WARNING]
    assert [f.severity for f in check(report, rules=load_rules(EXAMPLE)) if f.code == "DATE_LATE"] == [Severity.ERROR]
    off = tmp_path / "off.toml"
    off.write_text('[severity]\nDATE_LATE = "off"\n', encoding="utf-8")
    assert "DATE_LATE" not in {f.code for f in check(report, rules=load_rules(off))}


def test_the_national_rules_change_nothing(report: Report) -> None:
    assert check(report, rules=NATIONAL) == check(report)


def test_every_code_the_rules_give_can_be_named_in_a_rules_file() -> None:
    sources = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "model" / "checks").glob("*.py"))
    given = set(re.findall(r'(?:warning|error)\(\s*"([A-Z_]+)"', sources))
    assert given and given - CODES == set()


def test_the_docs_describe_every_code() -> None:
    text = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    assert [code for code in sorted(CODES) if f"`{code}`" not in text] == []


BAD = {
    "not TOML": ("x = [", "格式有误"),
    "an unknown code": ('[severity]\nNO_SUCH_RULE = "off"\n', "NO_SUCH_RULE"),
    "a severity misspelt": ('[severity]\nDATE_LATE = "fatal"\n', "fatal"),
    "a share above 1": ("[threshold]\ncopied_share = 80\n", "copied_share"),
    "an unknown threshold": ("[threshold]\nmax_words = 3\n", "max_words"),
    "a section that is a table": ('[[require]]\nsection = "三"\nitem = "某事项"\n', "section"),
    "a requirement without item": ('[[require]]\nsection = "六"\n', "item"),
}


@pytest.mark.parametrize("case", BAD.values(), ids=BAD.keys())
def test_a_bad_rules_file_is_refused_with_a_chinese_reason(tmp_path: Path, case: tuple[str, str]) -> None:
    text, named = case
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReportFileError, match=named) as raised:
        load_rules(path)
    assert "检查规则文件" in str(raised.value)


def test_a_missing_rules_file_is_a_report_file_error(tmp_path: Path) -> None:
    with pytest.raises(ReportFileError, match="无法读取"):
        load_rules(tmp_path / "none.toml")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_pipe_named_as_a_rules_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    pipe = tmp_path / "rules.toml"
    os.mkfifo(pipe)
    with pytest.raises(ReportFileError, match=r"无法读取检查规则文件：.*不是普通文件"):
        load_rules(pipe)
