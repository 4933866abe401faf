"""The table of file formats: every suffix has its entry, reading and writing go by the suffix,
every format is written atomically the same way, and no exporter loads before it is used."""

from __future__ import annotations

import errno
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

import export.word
from export import (
    EXCEL,
    EXPORT_FORMATS,
    FORMATS,
    NATIVE,
    PDF,
    WORD,
    ExportOptions,
    FileFormat,
    default_file_name,
    format_of,
    read_report,
    write_report,
)
from model import Report, ReportFileError
from model.serialize import report_to_dict
from tests.export.options import STANDARD
from tests.factories import consistent_report

ROOT = Path(__file__).resolve().parents[2]
MAGIC = {NATIVE: b"{", WORD: b"PK", EXCEL: b"PK", PDF: b"%PDF-"}


def test_the_table_declares_what_each_format_does() -> None:
    assert [(f.suffix, f.name, f.writes, f.reads) for f in FORMATS] == [
        (".nianbao.json", "年报文件", True, True),
        (".docx", "Word 文档", True, True),
        (".xlsx", "Excel 工作簿", True, True),
        (".pdf", "PDF 文件", True, False),
    ]
    assert EXPORT_FORMATS == (WORD, EXCEL, PDF)  # the 导出 menu: everything written but the report file


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.suffix)
def test_every_suffix_maps_to_its_entry_in_any_case(fmt: FileFormat) -> None:
    assert format_of(f"报告{fmt.suffix}") is fmt
    assert format_of(Path("某文件夹") / f"报告{fmt.suffix.upper()}") is fmt


def test_a_plain_json_file_is_a_report_file_as_before() -> None:
    assert format_of("2024.json") is NATIVE
    assert format_of("2024.nianbao.json") is NATIVE
    assert format_of("报告.odt") is None and format_of("报告") is None


@pytest.mark.parametrize(
    ("fmt", "typed", "expected"),
    [
        (NATIVE, "年报", "年报.nianbao.json"),
        (NATIVE, "年报.json", "年报.nianbao.json"),
        (NATIVE, "年报.nianbao.json", "年报.nianbao.json"),
        (WORD, "out", "out.docx"),
        (WORD, "OUT.DOCX", "OUT.DOCX"),
    ],
)
def test_a_name_typed_in_a_save_dialog_gets_the_format_suffix(fmt: FileFormat, typed: str, expected: str) -> None:
    assert fmt.path_for(typed) == Path(expected)


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.suffix)
def test_writing_goes_by_the_suffix_and_what_is_read_back_is_the_report(fmt: FileFormat, tmp_path: Path) -> None:
    report = consistent_report()
    path = tmp_path / f"年报{fmt.suffix}"
    write_report(report, path)
    assert path.read_bytes().startswith(MAGIC[fmt])
    if fmt.reads:
        back, written = report_to_dict(read_report(path)), report_to_dict(report)
        assert (back["meta"], back["tables"]) == (written["meta"], written["tables"])


def test_an_unknown_suffix_is_a_chinese_reason(tmp_path: Path) -> None:
    with pytest.raises(ReportFileError, match=r"暂不支持读取 \.odt 文件（支持 \.nianbao\.json、\.docx、\.xlsx）"):
        read_report(tmp_path / "报告.odt")
    with pytest.raises(ReportFileError, match=r"暂不支持导出为 \.odt 文件"):
        write_report(consistent_report(), tmp_path / "报告.odt")
    with pytest.raises(ReportFileError, match="无扩展名"):
        read_report(tmp_path / "报告")


def test_a_pdf_is_written_but_never_read(tmp_path: Path) -> None:
    path = tmp_path / "年报.pdf"
    write_report(consistent_report(), path)
    with pytest.raises(ReportFileError, match=r"暂不支持读取 \.pdf 文件"):
        read_report(path)


def test_when_rendering_fails_the_previous_file_is_left_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "年报.docx"
    path.write_bytes(b"previous")

    def broken(report: Report, options: object) -> bytes:
        raise RuntimeError("the exporter failed half-way")

    monkeypatch.setattr(export.word, "render", broken)
    with pytest.raises(ReportFileError, match=r"^未能生成Word 文档（RuntimeError），原文件未受影响$"):
        write_report(consistent_report(), path)
    assert path.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["年报.docx"]


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.suffix)
def test_when_the_disk_fails_every_format_leaves_the_previous_file_and_no_temp(
    fmt: FileFormat, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / f"年报{fmt.suffix}"
    path.write_bytes(b"previous")

    def full_disk(_source: object, _target: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(ReportFileError, match=f"磁盘空间不足，未能保存“年报{fmt.suffix}”"):
        write_report(consistent_report(), path)
    assert path.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_importing_export_or_using_the_report_file_loads_no_exporter(tmp_path: Path) -> None:
    source = tmp_path / "年报.nianbao.json"
    write_report(consistent_report(), source)
    code = (
        "import sys\n"
        "from export import FORMATS, format_of, read_report, write_report\n"
        f"report = read_report({str(source)!r})\n"
        f"write_report(report, {str(tmp_path / 'copy.json')!r})\n"
        "[format_of('x' + f.suffix) for f in FORMATS]\n"
        "heavy = ('docx', 'openpyxl', 'reportlab', 'export.word', 'export.excel', 'export.pdf')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


# --- the file name proposed; a .docx, .xlsx or .pdf written where it cannot be ----------------------------


def test_default_file_name_is_the_report_title() -> None:
    report = Report()
    report.meta.agency, report.meta.year = "叶城县科学技术局", 2024
    assert default_file_name(report, ".docx") == "叶城县科学技术局2024年政府信息公开工作年度报告.docx"


def test_writing_into_a_missing_folder_is_a_clear_error(report: Report, tmp_path: Path) -> None:
    with pytest.raises(ReportFileError, match="保存位置不存在"):
        write_report(report, tmp_path / "无此目录" / "a.docx")


def test_a_failed_write_leaves_the_previous_file_intact(
    report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "年报.docx"
    path.write_bytes(b"previous")

    def disk_full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("model.files.os.replace", disk_full)
    with pytest.raises(ReportFileError, match="磁盘空间不足"):
        write_report(report, path, STANDARD)
    assert path.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["年报.docx"]


def test_unwritable_target_gives_a_chinese_reason_and_leaves_no_file(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "missing-folder" / "r.xlsx"
    with pytest.raises(ReportFileError, match="保存位置不存在"):
        write_report(report, path, ExportOptions())
    assert not path.exists()


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ReportFileError, match="保存位置不存在"):
        write_report(consistent_report(), tmp_path / "无此文件夹" / "r.pdf", ExportOptions())


def test_file_held_open_elsewhere_leaves_the_previous_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "r.pdf"
    target.write_bytes(b"previous")

    def locked(source: object, destination: object) -> None:
        raise PermissionError(13, "Permission denied")  # what Windows says when Acrobat holds the file

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ReportFileError, match="没有权限写入") as caught:
        write_report(consistent_report(), target, ExportOptions())
    assert "r.pdf" in str(caught.value)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


def test_a_failure_the_person_sees_as_one_line_keeps_its_traceback_for_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(report: Report, options: object) -> bytes:
        raise RuntimeError("the exporter failed half-way")

    monkeypatch.setattr(export.word, "render", broken)
    with caplog.at_level(logging.INFO), pytest.raises(ReportFileError):
        write_report(consistent_report(), tmp_path / "年报.docx")
    (record,) = [r for r in caplog.records if r.exc_info]
    assert "the exporter failed half-way" in caplog.text
    assert record.name.startswith("nianbao")
