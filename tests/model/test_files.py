"""model/files.py: bounded, friendly reading of report files; atomic saves; the disk's errors in one line."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from model.errors import ReportFileError
from model.files import MAX_FILE_BYTES, TEMP_SUFFIX, load_report, remove_abandoned_temp_files, save_report
from model.locks import try_lock
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


# --- what a save keeps (issue 18, item 5) ---------------------------------------------------------


def test_a_save_keeps_the_files_permissions(tmp_path: Path, report: Report) -> None:
    path = tmp_path / "r.nianbao.json"
    save_report(report, path)
    os.chmod(path, 0o644)
    save_report(report, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


@pytest.mark.skipif(os.name == "nt", reason="the umask is POSIX")
def test_a_new_file_gets_the_usual_permissions(tmp_path: Path, report: Report) -> None:
    umask = os.umask(0o022)
    try:
        save_report(report, tmp_path / "new.nianbao.json")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.nianbao.json").stat().st_mode) == 0o644


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_a_save_through_a_symlink_writes_the_linked_file(tmp_path: Path, report: Report) -> None:
    real = tmp_path / "real" / "r.nianbao.json"
    real.parent.mkdir()
    save_report(report, real)
    link = tmp_path / "link.nianbao.json"
    link.symlink_to(real)
    report.meta.agency = "改过的名字"
    save_report(report, link)
    assert link.is_symlink() and load_report(real).meta.agency == "改过的名字"


def test_a_read_only_file_is_refused_not_replaced(tmp_path: Path, report: Report) -> None:
    path = tmp_path / "r.nianbao.json"
    save_report(report, path)
    before = path.read_bytes()
    os.chmod(path, 0o444)
    report.meta.agency = "改过的名字"
    with pytest.raises(ReportFileError, match="只读"):
        save_report(report, path)
    assert path.read_bytes() == before


def test_temp_files_of_an_interrupted_save_go_at_the_next_save(tmp_path: Path, report: Report) -> None:
    left = tmp_path / f".r.nianbao.json.0123456789ab{TEMP_SUFFIX}"
    left.write_bytes(b"half a save")
    old = time.time() - 60
    os.utime(left, (old, old))
    save_report(report, tmp_path / "r.nianbao.json")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.nianbao.json"]


def test_a_temp_file_being_written_is_left_alone(tmp_path: Path) -> None:
    busy = tmp_path / f".other.docx.0123456789ab{TEMP_SUFFIX}"
    fd = os.open(busy, os.O_WRONLY | os.O_CREAT)
    try:
        assert try_lock(fd)
        old = time.time() - 60
        os.utime(busy, (old, old))
        assert remove_abandoned_temp_files(tmp_path) == 0
        assert busy.exists()
    finally:
        os.close(fd)
    assert remove_abandoned_temp_files(tmp_path) == 1 and not busy.exists()


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is POSIX")
def test_a_save_killed_midway_leaves_the_old_file_and_its_temp_goes_next_time(tmp_path: Path, report: Report) -> None:
    path = tmp_path / "r.nianbao.json"
    save_report(report, path)
    before = path.read_bytes()
    writer = (
        "import os, sys, time\n"
        "import model.files as files\n"
        "def stall(fd):\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(60)\n"
        "os.fsync = stall\n"
        f"files.write_atomically({str(path)!r}, b'x' * 1_000_000)\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", writer], cwd=Path(__file__).parents[2], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "writing"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert path.read_bytes() == before
    temps = [p for p in tmp_path.iterdir() if p.name.endswith(TEMP_SUFFIX)]
    assert len(temps) == 1
    old = time.time() - 60
    os.utime(temps[0], (old, old))
    save_report(report, path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.nianbao.json"]
