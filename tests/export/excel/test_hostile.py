"""Broken, hostile or foreign files given as .xlsx: a one-line Chinese reason, never a traceback."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from export import ExportOptions, read_report, write_report
from main import main
from model.errors import ReportFileError
from model.report import Report

BILLION_LAUGHS = (
    '<?xml version="1.0"?>{padding}<!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>'
)


def reason(path: Path) -> str:
    with pytest.raises(ReportFileError) as raised:
        read_report(path)
    message = str(raised.value)
    assert "\n" not in message and message
    return message


def replace_member(source: Path, target: Path, name: str, data: bytes) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item, data if item.filename == name else old.read(item.filename))


@pytest.fixture
def ours(report: Report, tmp_path: Path) -> Path:
    path = tmp_path / "ours.xlsx"
    write_report(report, path, ExportOptions())
    return path


def test_a_text_file_named_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    path.write_text("机关名称,年度\n", encoding="utf-8")
    assert "不是有效的Excel 工作簿" in reason(path)


def test_a_truncated_workbook(ours: Path, tmp_path: Path) -> None:
    path = tmp_path / "cut.xlsx"
    path.write_bytes(ours.read_bytes()[:4000])
    assert "Excel 工作簿" in reason(path)


def test_a_fifty_megabyte_file(tmp_path: Path) -> None:
    path = tmp_path / "big.xlsx"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert "过大" in reason(path)


def test_a_zip_bomb(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/worksheets/sheet1.xml", b"<a>" + b" " * (20 * 1024 * 1024) + b"</a>")
    assert "压缩炸弹" in reason(path)


def test_xml_that_is_big_but_not_a_bomb_is_refused_before_parsing(ours: Path, tmp_path: Path) -> None:
    path = tmp_path / "bulky.xlsx"
    bulky = "".join(f'<row r="{i}"><c r="A{i}"><v>{i}</v></c></row>' for i in range(1, 300_000))
    sheet = f'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{bulky}</sheetData></worksheet>'
    replace_member(ours, path, "xl/worksheets/sheet1.xml", sheet.encode())
    assert "内容过多" in reason(path)


@pytest.mark.parametrize("padding", ["", "<!--" + "x" * 6000 + "-->"], ids=["at-start", "after-a-long-comment"])
def test_entity_expansion(ours: Path, tmp_path: Path, padding: str) -> None:
    path = tmp_path / "laughs.xlsx"
    replace_member(ours, path, "xl/worksheets/sheet2.xml", BILLION_LAUGHS.format(padding=padding).encode())
    assert "XML 实体声明" in reason(path)


def test_a_workbook_of_some_other_kind(tmp_path: Path) -> None:
    path = tmp_path / "budget.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["项目", "金额"])
    sheet.append(["办公费", 12.5])
    workbook.save(path)
    assert "不是年报工作簿" in reason(path)


def test_a_word_document_renamed_to_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
    assert "Excel 工作簿" in reason(path)


def test_check_on_a_broken_workbook_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"PK\x03\x04 not really")
    assert main(["check", str(path)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "Traceback" not in error
