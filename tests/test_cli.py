"""`main.py check` and `convert` as a user runs them: real processes, exit codes, output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from export import ExportOptions, read_report, write_report
from main import main
from model import Report, save_report
from model.serialize import report_to_dict

MAIN = str(Path(__file__).parents[1] / "main.py")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, MAIN, *args], capture_output=True, text=True, encoding="utf-8", timeout=120, check=False
    )


def _save(report: Report, folder: Path, name: str) -> str:
    path = folder / name
    save_report(report, path)
    return str(path)


def test_check_of_a_clean_report_exits_0(report: Report, tmp_path: Path) -> None:
    result = _run("check", _save(report, tmp_path, "ok.nianbao.json"))
    assert result.returncode == 0, result.stderr
    assert "0 个错误，0 个提醒" in result.stdout


def test_check_with_an_error_exits_1_and_says_where(report: Report, tmp_path: Path) -> None:
    report.set_cell("applications", "new_received", "total", 10)
    result = _run("check", _save(report, tmp_path, "bad.nianbao.json"))
    assert result.returncode == 1
    assert "ROW_TOTAL" in result.stdout and "applications/new_received/total" in result.stdout


def test_check_json_gives_the_contract_fields(report: Report, tmp_path: Path) -> None:
    report.set_cell("applications", "new_received", "total", 10)
    report.meta.issue_date = None
    path = _save(report, tmp_path, "bad.nianbao.json")
    result = _run("check", "--json", path)
    rows = json.loads(result.stdout)
    assert {"file", "severity", "code", "location", "message"} <= set(rows[0])
    assert {
        "file": path,
        "severity": "error",
        "code": "MISSING",
        "location": {"field": "meta.issue_date"},
    }.items() <= next(r for r in rows if r["code"] == "MISSING").items()
    assert next(r for r in rows if r["code"] == "ROW_TOTAL")["location"] == {
        "table": "applications",
        "row": "new_received",
        "column": "total",
    }


def test_unreadable_file_exits_2_with_one_line_per_file(report: Report, tmp_path: Path) -> None:
    broken = tmp_path / "broken.nianbao.json"
    broken.write_text("{", encoding="utf-8")
    result = _run(
        "check", _save(report, tmp_path, "ok.nianbao.json"), str(broken), str(tmp_path / "missing.nianbao.json")
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and "broken.nianbao.json" in lines[0] and "找不到文件" in lines[1]
    assert "Traceback" not in result.stderr


def test_unsupported_input_type_is_a_reason_not_a_crash(tmp_path: Path) -> None:
    other = tmp_path / "report.odt"
    other.write_bytes(b"whatever")
    result = _run("check", str(other))
    assert result.returncode == 2 and "暂不支持读取 .odt" in result.stderr


def test_check_previous_adds_cross_year_findings(report: Report, tmp_path: Path) -> None:
    last = _save(report, tmp_path, "2024.nianbao.json")
    report.meta.year = 2025
    report.meta.issue_date = report.meta.issue_date.replace(year=2026) if report.meta.issue_date else None
    report.set_cell("applications", "carried_over", "natural_person", 4)
    this = _save(report, tmp_path, "2025.nianbao.json")
    result = _run("check", "--json", "--previous", last, this)
    assert "CARRY_OVER" in {r["code"] for r in json.loads(result.stdout)}


def test_check_rules_applies_a_local_rules_file(report: Report, tmp_path: Path) -> None:
    path = _save(report, tmp_path, "ok.nianbao.json")
    rules = tmp_path / "local.toml"
    rules.write_text(
        'name = "某市规则"\n[[require]]\nsection = "六"\nitem = "政务公开工作要点落实情况"\n', encoding="utf-8"
    )
    result = _run("check", "--json", "--rules", str(rules), path)
    (row,) = json.loads(result.stdout)
    assert row["code"] == "CONTENT_MISSING" and row["basis"] == "某市规则"
    assert result.returncode == 0  # a warning


def test_check_rules_refuses_a_bad_rules_file_with_exit_2(report: Report, tmp_path: Path) -> None:
    rules = tmp_path / "bad.toml"
    rules.write_text('[severity]\nNO_SUCH = "off"\n', encoding="utf-8")
    result = _run("check", "--rules", str(rules), _save(report, tmp_path, "ok.nianbao.json"))
    assert result.returncode == 2 and "NO_SUCH" in result.stderr and "Traceback" not in result.stderr


def test_convert_json_to_json_round_trips(report: Report, tmp_path: Path) -> None:
    source = _save(report, tmp_path, "a.nianbao.json")
    target = tmp_path / "b.nianbao.json"
    result = _run("convert", source, str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8") == Path(source).read_text(encoding="utf-8")


# --- a workbook goes through the format table like any other file (in-process) ------------------------


def test_convert_and_check_accept_a_workbook(
    report: Report, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = tmp_path / "年报.xlsx"
    write_report(report, workbook, ExportOptions())
    target = tmp_path / "年报.nianbao.json"
    assert main(["convert", str(workbook), str(target)]) == 0
    assert report_to_dict(read_report(target)) == report_to_dict(report)
    assert main(["check", str(workbook)]) == 0
    assert "0 个错误" in capsys.readouterr().out


def test_review_writes_the_workbook_letters_and_json_and_exits_2_for_an_unreadable_file(
    report: Report, tmp_path: Path
) -> None:
    folder = tmp_path / "收到的报告"
    folder.mkdir()
    save_report(report, folder / "ok.nianbao.json")
    report.set_cell("applications", "new_received", "total", 10)
    write_report(report, folder / "有错.docx", ExportOptions())
    (folder / "坏.xlsx").write_bytes(b"not a workbook")
    roster = tmp_path / "名单.csv"
    roster.write_text("机关名称\n叶城县科学技术局\n叶城县统计局\n", encoding="utf-8")
    out = tmp_path / "审核结果"
    result = _run("review", str(folder), "--out", str(out), "--roster", str(roster))
    assert result.returncode == 2, result.stderr
    assert "坏.xlsx: 无法读取" in result.stderr and "Traceback" not in result.stderr
    assert "审核 2 份报告：1 份有错误，1 份审核意见；1 个文件无法读取，名单中 1 个单位未报送" in result.stdout
    data = json.loads((out / "review.json").read_text(encoding="utf-8"))
    assert data["exit_code"] == 2 and [u["name"] for u in data["missing_units"]] == ["叶城县统计局"]
    assert (out / "审核汇总.xlsx").is_file() and [p.name for p in (out / "审核意见").iterdir()] == [
        "叶城县科学技术局.docx"
    ]


def test_review_with_an_unusable_roster_exits_2_with_one_line(tmp_path: Path) -> None:
    roster = tmp_path / "名单.txt"
    roster.write_text("x", encoding="utf-8")
    result = _run("review", str(tmp_path), "--out", str(tmp_path / "out"), "--roster", str(roster))
    assert result.returncode == 2 and result.stderr.strip().count("\n") == 0
    assert "单位名单应为 .xlsx 或 .csv 文件" in result.stderr
