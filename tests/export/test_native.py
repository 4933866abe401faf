"""export/native.py: the app's own .nianbao.json as an entry of the format table — its bytes are the
contract's JSON in UTF-8 (the same bytes 保存 writes, whatever the export options), reading refuses
anything that is not a report with a Chinese reason, and a report survives the round trip."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from export import ExportOptions, native
from model.errors import ReportFileError
from model.files import save_report
from model.report import Report
from model.serialize import report_to_dict
from tests.export.options import STANDARD, WINDOWS
from tests.factories import consistent_report

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEEDS = sorted(FIXTURES.glob("seed_*.nianbao.json"))


def test_the_bytes_are_the_contracts_json_in_utf8(report: Report) -> None:
    data = native.render(report, ExportOptions())
    assert data.startswith(b"{") and data.endswith(b"}\n")  # no byte-order mark, one final newline
    document = json.loads(data.decode("utf-8"))
    assert (document["format"], document["schema_version"], document["template"]) == (
        "gov-info-annual-report",
        1,
        "2021",
    )
    assert document == report_to_dict(report)
    assert "叶城县科学技术局".encode() in data  # Chinese as UTF-8, not \u escapes: readable in any editor


def test_the_bytes_are_what_saving_writes(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "保存.nianbao.json"
    save_report(report, path)
    assert native.render(report, ExportOptions()) == path.read_bytes()


@pytest.mark.parametrize(
    "options",
    [STANDARD, WINDOWS, ExportOptions(signed_copy=True), ExportOptions(font_scheme="windows", signed_copy=True)],
    ids=["standard-fonts", "windows-fonts", "signed-copy", "both"],
)
def test_fonts_and_the_signed_copy_do_not_change_the_file(report: Report, options: ExportOptions) -> None:
    assert native.render(report, options) == native.render(report, ExportOptions())
    assert native.notice(options) is None  # nothing to tell the person either


def test_a_report_survives_render_and_read(report: Report, tmp_path: Path) -> None:
    report.narrative.set_text("closing", "第一段\n第二段")
    path = tmp_path / "年报.nianbao.json"
    path.write_bytes(native.render(report, ExportOptions()))
    back = native.read(path)
    assert report_to_dict(back) == report_to_dict(report)
    assert native.render(back, ExportOptions()) == path.read_bytes()


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name.split(".")[0])
def test_a_real_report_file_is_rendered_back_byte_for_byte(seed: Path) -> None:
    assert native.render(native.read(seed), ExportOptions()) == seed.read_bytes()


def test_a_report_file_saved_with_a_byte_order_mark_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "记事本.nianbao.json"
    path.write_bytes(codecs.BOM_UTF8 + native.render(consistent_report(), ExportOptions()))  # as Notepad saves
    assert report_to_dict(native.read(path)) == report_to_dict(consistent_report())


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (json.dumps({"项目": "办公费", "金额": 12.5}, ensure_ascii=False).encode(), "不是政府信息公开工作年度报告文件"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "不是 UTF-8 编码的文本"),
        (b"PK\x03\x04\x14\x00\x06\x00", "不是有效的 JSON"),
        (b"", "不是有效的 JSON"),
    ],
    ids=["other-json", "a-pdf", "a-zip", "empty"],
)
def test_a_file_that_is_no_report_is_refused_in_one_chinese_line(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "别的.nianbao.json"
    path.write_bytes(content)
    with pytest.raises(ReportFileError) as refused:
        native.read(path)
    assert reason in str(refused.value)
    assert "\n" not in str(refused.value)


def test_a_missing_file_is_a_reason_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(ReportFileError, match="找不到文件"):
        native.read(tmp_path / "没有.nianbao.json")
