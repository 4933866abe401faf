"""model/locks.py: a report open in one program is seen as open by every other, until that program
ends in any way (a kill -9 included): the OS holds the lock, no pid is tested for life."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from model.locks import Holder, ReportLock, lock_path

ROOT = Path(__file__).parents[2]


def test_the_first_takes_the_lock_the_second_is_told_who_has_it(tmp_path: Path) -> None:
    report = tmp_path / "r.nianbao.json"
    first, second = ReportLock(report), ReportLock(report)
    assert first.acquire() is None and first.held
    holder = second.acquire()
    assert holder is not None and not second.held
    assert holder.pid == os.getpid() and holder.host == socket.gethostname()
    assert "本机" in holder.describe() and str(os.getpid()) in holder.describe()
    first.release()
    assert not lock_path(report).exists()
    assert second.acquire() is None
    second.release()


def test_a_lock_file_nobody_holds_is_stale_and_taken_over(tmp_path: Path) -> None:
    report = tmp_path / "r.nianbao.json"
    lock_path(report).write_text('{"pid": 999999, "host": "elsewhere", "since": "2020-01-01T00:00:00"}')
    lock = ReportLock(report)
    assert lock.acquire() is None and lock.held
    lock.release()


def test_a_folder_where_no_lock_can_be_kept_opens_as_before(tmp_path: Path) -> None:
    lock = ReportLock(tmp_path / "no such folder" / "r.nianbao.json")
    assert lock.acquire() is None and not lock.held


def test_a_damaged_lock_note_still_tells_that_it_is_held(tmp_path: Path) -> None:
    report = tmp_path / "r.nianbao.json"
    first = ReportLock(report)
    first.acquire()
    lock_path(report).write_bytes(b"\xff garbage")
    assert ReportLock(report).acquire() == Holder.unknown()
    first.release()


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is POSIX")
def test_a_program_killed_while_holding_the_lock_frees_it(tmp_path: Path) -> None:
    report = tmp_path / "r.nianbao.json"
    holder_code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from model.locks import ReportLock\n"
        f"assert ReportLock(Path({str(report)!r})).acquire() is None\n"
        "print('held', flush=True)\n"
        "time.sleep(60)\n"
    )
    process = subprocess.Popen([sys.executable, "-c", holder_code], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline().strip() == "held"
    holder = ReportLock(report).acquire()
    assert holder is not None and holder.pid == process.pid
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert lock_path(report).exists()  # left behind by the killed program …
    lock = ReportLock(report)
    assert lock.acquire() is None and lock.held  # … and stale: taken over
    lock.release()
