"""The package guard refuses hostile zips before any XML parser sees them."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from export.zipguard import check_package
from model.errors import ReportFileError

DTD = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><r>&a;</r>'


def _package(tmp_path: Path, body: bytes) -> Path:
    path = tmp_path / "x.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types/>')
        package.writestr("word/document.xml", body)
    return path


@pytest.mark.parametrize(
    "body",
    [DTD, b"<?xml version='1.0'?><!--" + b"x" * 200_000 + b"-->" + DTD[21:], b"<!-- <a> -->" + DTD[21:]],
    ids=["plain", "after a long comment", "after a comment holding a tag"],
)
def test_a_dtd_anywhere_in_the_prolog_is_refused(tmp_path: Path, body: bytes) -> None:
    with pytest.raises(ReportFileError, match="实体声明"):
        check_package(_package(tmp_path, body), "Word 文档")


def test_ordinary_xml_passes_even_if_text_mentions_doctype(tmp_path: Path) -> None:
    check_package(_package(tmp_path, b'<?xml version="1.0"?><w:document><t>&lt;!DOCTYPE</t></w:document>'), "Word 文档")


def test_a_highly_compressed_member_is_refused_as_a_bomb(tmp_path: Path) -> None:
    with pytest.raises(ReportFileError, match="压缩炸弹"):
        check_package(_package(tmp_path, b"<r>" + b" " * 50_000_000 + b"</r>"), "Word 文档")
