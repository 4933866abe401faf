"""model/serialize.py: the JSON contract both ways — its shape, exact round trips, friendly refusals."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from model.checks import check
from model.errors import ReportFileError
from model.files import load_report, report_json, save_report
from model.report import Report
from model.serialize import SCHEMA_VERSION, report_from_dict, report_to_dict
from model.values import Invalid
from tests.model.json_files import _write

CONTRACT_EXAMPLE = {
    "format": "gov-info-annual-report",
    "schema_version": 1,
    "template": "2021",
    "meta": {
        "agency": "叶城县科学技术局",
        "agency_kind": "department",
        "year": 2024,
        "issue_date": "2025-01-17",
        "signatory": "叶城县科学技术局",
        "contact": "联系电话 0998-0000000",
    },
    "narrative": {
        "preamble": "根据《中华人民共和国政府信息公开条例》……",
        "overview": {"intro": "2024 年度……", "subsections": [{"title": "主动公开政府信息情况", "text": "……"}]},
        "problems": {"intro": "", "subsections": [{"title": "存在的问题", "text": "……"}]},
        "other": {"intro": "本局……没有产生信息公开处理费。", "subsections": []},
        "closing": "",
    },
    "tables": {
        "active_disclosure": {
            "regulations": {"issued": 0, "repealed": 0, "in_force": 0},
            "administrative_fees": {"amount": "0.10"},
        },
        "applications": {"new_received": {"natural_person": 1, "total": 1}},
        "review_litigation": {"review": {"upheld": 0, "corrected": 0, "other": 0, "pending": 0, "total": 0}},
    },
}


def test_contract_example_loads_with_exact_values(tmp_path: Path) -> None:
    report = load_report(_write(tmp_path, CONTRACT_EXAMPLE))
    assert report.meta.agency == "叶城县科学技术局"
    assert str(report.meta.issue_date) == "2025-01-17"
    assert report.stored("active_disclosure", "administrative_fees", "amount") == Decimal("0.10")
    assert report.stored("applications", "new_received", "total") == 1
    assert report.stored("applications", "new_received", "commercial") is None  # absent: not filled in
    assert report.narrative.section("overview").subsections[0].title == "主动公开政府信息情况"


def test_saved_file_has_the_contract_header_and_ids(tmp_path: Path, report: Report) -> None:
    path = tmp_path / "out.nianbao.json"
    save_report(report, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["schema_version"], data["template"]) == (
        "gov-info-annual-report",
        SCHEMA_VERSION,
        "2021",
    )
    assert data["tables"]["applications"]["new_received"]["natural_person"] == 7
    assert data["tables"]["active_disclosure"]["administrative_fees"]["amount"] == "1.25"
    assert "商业企业" not in path.read_text(encoding="utf-8")  # ids, not labels


def test_round_trip_is_lossless(tmp_path: Path, report: Report) -> None:
    report.set_cell("applications", "disclosed", "research", Invalid("五"))
    report.narrative.set_text("closing", "第一段\n第二段")
    path = tmp_path / "r.nianbao.json"
    save_report(report, path)
    again = load_report(path)
    assert report_to_dict(again) == report_to_dict(report)
    assert report_json(again) == path.read_text(encoding="utf-8")


def test_fee_read_from_a_json_number_stays_exact(tmp_path: Path) -> None:
    data = json.loads(json.dumps(CONTRACT_EXAMPLE))
    path = _write(tmp_path, json.dumps(data).replace('"0.10"', "0.1"))
    assert load_report(path).stored("active_disclosure", "administrative_fees", "amount") == Decimal("0.1")


@pytest.mark.parametrize(
    ("raw", "code"),
    [("三", "NOT_INTEGER"), (2.5, "NOT_INTEGER"), (True, "NOT_INTEGER"), (-2, "NEGATIVE"), ([1], "NOT_INTEGER")],
)
def test_wrong_value_in_a_table_loads_and_becomes_a_finding(tmp_path: Path, raw: object, code: str) -> None:
    data = json.loads(json.dumps(CONTRACT_EXAMPLE))
    data["tables"]["applications"]["new_received"]["commercial"] = raw
    report = load_report(_write(tmp_path, data))
    found = {(f.code, f.location.row, f.location.column) for f in check(report)}
    assert (code, "new_received", "commercial") in found


@pytest.mark.parametrize(("raw", "value"), [("１２", 12), ("1,234", 1234), (3.0, 3), ("  7 ", 7)])
def test_number_like_values_are_accepted(tmp_path: Path, raw: object, value: int) -> None:
    data = json.loads(json.dumps(CONTRACT_EXAMPLE))
    data["tables"]["applications"]["new_received"]["commercial"] = raw
    assert load_report(_write(tmp_path, data)).stored("applications", "new_received", "commercial") == value


def _variant(**changes: object) -> dict[str, object]:
    data: dict[str, object] = json.loads(json.dumps(CONTRACT_EXAMPLE))
    data.update(changes)
    return data


REFUSALS = [
    ("not json", "{这不是 JSON", "不是有效的 JSON"),
    ("a list", "[1, 2]", "应为对象"),
    ("no format marker", {"schema_version": 1}, "不是政府信息公开工作年度报告文件"),
    ("newer schema", _variant(schema_version=SCHEMA_VERSION + 1), "更新版本"),
    ("unknown template", _variant(template="2019"), "不支持的报告格式版本"),
    ("unknown row", _variant(tables={"applications": {"nonsense": {}}}), "未知的行"),
    ("unknown column", _variant(tables={"applications": {"new_received": {"aliens": 1}}}), "未知的列"),
    ("unknown table", _variant(tables={"budget": {}}), "未知的表"),
    ("bad date", _variant(meta={"issue_date": "去年"}), "日期"),
    ("bad year", _variant(meta={"year": "两千"}), "年份"),
    ("bad meta", _variant(meta=[]), "meta"),
    ("not utf-8", "\udcff", "UTF-8"),
]


@pytest.mark.parametrize(("name", "content", "reason"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_unreadable_files_get_a_one_line_chinese_reason(
    tmp_path: Path, name: str, content: object, reason: str
) -> None:
    path = tmp_path / "r.nianbao.json"
    if content == "\udcff":
        path.write_bytes(b"\xff\xfe\x00garbage")
    else:
        _write(tmp_path, content)
    with pytest.raises(ReportFileError) as caught:
        load_report(path)
    assert reason in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("narrative", "path"),
    [
        ({"preamble": 3}, "narrative.preamble"),
        ({"overview": {"intro": 3}}, "narrative.overview.intro"),
        ({"overview": {"subsections": 3}}, "narrative.overview.subsections"),
        ({"overview": {"subsections": [3]}}, "narrative.overview.subsections[0]"),
        ({"problems": {"subsections": [{"title": "甲"}, {"title": 5}]}}, "narrative.problems.subsections[1].title"),
        ({"other": {"subsections": [{"text": ["x"]}]}}, "narrative.other.subsections[0].text"),
    ],
)
def test_a_narrative_of_the_wrong_shape_is_refused_naming_the_field(narrative: object, path: str) -> None:
    document = {"format": "gov-info-annual-report", "schema_version": SCHEMA_VERSION, "narrative": narrative}
    with pytest.raises(ReportFileError) as refused:
        report_from_dict(document)
    assert str(refused.value).startswith(f"文件内容不符合年报格式：{path} 应为")
