"""Broken and hostile .docx files are refused with a one-line Chinese reason, never half-imported."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from export import read_report, write_report
from model.errors import ReportFileError
from model.report import Report

BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"
)


def _exported(report: Report, tmp_path: Path) -> Path:
    path = tmp_path / "年报.docx"
    write_report(report, path)
    return path


def _replace_member(source: Path, target: Path, name: str, data: bytes) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item, data if item.filename == name else old.read(item))
    return target


def _not_a_zip(tmp_path: Path, report: Report) -> Path:
    path = tmp_path / "假文档.docx"
    path.write_text("这其实是一个文本文件", encoding="utf-8")
    return path


def _truncated(tmp_path: Path, report: Report) -> Path:
    data = _exported(report, tmp_path).read_bytes()
    path = tmp_path / "截断.docx"
    path.write_bytes(data[: len(data) // 2])
    return path


def _zip_bomb(tmp_path: Path, report: Report) -> Path:
    path = tmp_path / "炸弹.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", b"\0" * (40 * 1024 * 1024))
    return path


def _entity_expansion(tmp_path: Path, report: Report) -> Path:
    return _replace_member(_exported(report, tmp_path), tmp_path / "实体.docx", "word/document.xml", BILLION_LAUGHS)


def _fifty_megabytes(tmp_path: Path, report: Report) -> Path:
    path = tmp_path / "巨大.docx"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    return path


def _no_tables(tmp_path: Path, report: Report) -> Path:
    document = docx.Document()
    document.add_paragraph("关于召开会议的通知")
    path = tmp_path / "通知.docx"
    document.save(str(path))
    return path


def _missing_main_part(tmp_path: Path, report: Report) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(_exported(report, tmp_path)) as old, zipfile.ZipFile(buffer, "w") as new:
        for item in old.infolist():
            if item.filename != "word/document.xml":
                new.writestr(item, old.read(item))
    path = tmp_path / "缺正文.docx"
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.parametrize(
    "make",
    [_not_a_zip, _truncated, _zip_bomb, _entity_expansion, _fifty_megabytes, _no_tables, _missing_main_part],
)
def test_broken_or_hostile_document_gets_a_one_line_chinese_reason(
    make: object, tmp_path: Path, report: Report
) -> None:
    path = make(tmp_path, report)  # type: ignore[operator]
    with pytest.raises(ReportFileError) as raised:
        read_report(path)
    reason = str(raised.value)
    assert reason and "\n" not in reason
    assert any("\u4e00" <= ch <= "\u9fff" for ch in reason)


def test_a_valid_document_that_is_no_report_says_so(tmp_path: Path, report: Report) -> None:
    with pytest.raises(ReportFileError, match="没有找到年报的统计表"):
        read_report(_no_tables(tmp_path, report))
