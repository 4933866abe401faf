"""model/files.py: bounded, friendly reading of report files; atomic saves; the disk's errors in one line."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from model.errors import ReportFileError
from model.files import MAX_FILE_BYTES, load_report, save_report
from model.report import Report
from tests.model.json_files import _write


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.nianbao.json"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(ReportFileError, match="过大"):
        load_report(path)


def test_missing_file_is_a_reason_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(ReportFileError, match="找不到文件"):
        load_report(tmp_path / "nope.nianbao.json")


def test_deeply_nested_json_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "[" * 100000 + "]" * 100000)
    with pytest.raises(ReportFileError):
        load_report(path)


def test_failed_save_leaves_the_old_file_and_no_temp(
    tmp_path: Path, report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "r.nianbao.json"
    save_report(report, path)
    before = path.read_bytes()

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    report.meta.agency = "改过的名字"
    with pytest.raises(ReportFileError, match="磁盘空间不足"):
        save_report(report, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["r.nianbao.json"]


def test_save_into_missing_folder_says_so(tmp_path: Path, report: Report) -> None:
    with pytest.raises(ReportFileError, match="保存位置不存在"):
        save_report(report, tmp_path / "no" / "such" / "r.nianbao.json")
