"""ui/messages.py: a file error in a clerk's words; an old .doc gets advice, not a refusal."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from ui.main_window import MainWindow
from ui.messages import for_clerk, old_format_advice


@pytest.mark.parametrize(
    ("technical", "plain"),
    [
        ("无法读取文件：No such file or directory", "无法读取文件：找不到这个文件或文件夹"),
        ("未能保存“a.nianbao.json”：Read-only file system，原文件未受影响", "只能读、不能写"),
        ("[Errno 13] Permission denied: '/x/a.docx'", "没有权限"),
        ("文件不是有效的 JSON（第 1 行第 2 列附近有误）", "文件内容不完整或已损坏"),
        ("文件内容不符合年报格式：表 applications 中有未知的行 “x”", "文件内容不符合年报格式（可能已损坏"),
    ],
)
def test_technical_words_become_plain_chinese(technical: str, plain: str) -> None:
    said = for_clerk(technical)
    assert plain in said
    assert not any(word in said for word in ("JSON", "Errno", "No such", "Permission", "applications"))


def test_an_old_doc_is_met_with_what_to_do(window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: said.append(text))
    old = tmp_path / "2024年报.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    assert not window.open_path(old, ask=False)
    assert said and "另存为" in said[0] and ".docx" in said[0] and "WPS" in said[0]
    assert old_format_advice(tmp_path / "a.DOCX") is None


def test_open_shows_every_supported_file_first() -> None:
    from ui.new_report_dialog import OPEN_FILTER

    first = OPEN_FILTER.split(";;")[0]
    assert first.startswith("所有支持的文件") and all(s in first for s in ("*.nianbao.json", "*.docx", "*.xlsx"))
