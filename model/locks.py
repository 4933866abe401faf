"""Knowing that a file is in use by a running program, on Linux and Windows, even after a crash.

The OS keeps the truth: a program holds an exclusive lock (flock on POSIX, a byte-range lock with
msvcrt on Windows) on an open file for as long as it uses it, and the OS drops the lock when the
process ends in any way, kill -9 and power cut included. A lock file left behind by a dead process
is therefore stale by construction: nobody holds its lock, and the next program takes it over. No
pid is ever tested for life (os.kill(pid, 0) means something else on Windows); the pid, computer
and time written into the file only tell the person who has the report open.

`ReportLock` marks a report file open in a window; `try_lock` also guards the temp files of a save
(model.files), so that a temp file is known to be abandoned when its lock is free.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

LOCK_SUFFIX = ".nianbao-lock"
_WINDOWS_LOCK_OFFSET = 1 << 30  # lock a byte far past the content, so others can still read who holds it
MAX_HOLDER_BYTES = 4096


def try_lock(fd: int) -> bool:
    """Take the exclusive lock of an open file without waiting; False when another holds it.

    The lock lasts until the file is closed or the process ends."""
    try:
        if sys.platform == "win32":
            import msvcrt

            position = os.lseek(fd, 0, os.SEEK_CUR)  # msvcrt locks at the file position: put it back after
            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            finally:
                os.lseek(fd, position, os.SEEK_SET)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


@dataclass(frozen=True)
class Holder:
    """Who has a report open, as its lock file says."""

    pid: int
    host: str
    since: str  # ISO time, as written

    def describe(self) -> str:
        when = self.since.replace("T", " ")[:16]
        here = self.host == socket.gethostname()
        where = "本机" if here else f"计算机“{self.host}”"
        return f"{where}上的另一个窗口（进程 {self.pid}，{when} 起）"

    @staticmethod
    def unknown() -> Holder:
        return Holder(0, "?", "")


def lock_path(report: Path) -> Path:
    """The lock file of a report: beside it, hidden on POSIX, named after it."""
    return report.with_name(f".{report.name}{LOCK_SUFFIX}")


def _read_holder(fd: int) -> Holder:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = json.loads(os.read(fd, MAX_HOLDER_BYTES).decode("utf-8"))
        return Holder(int(data["pid"]), str(data["host"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return Holder.unknown()


class ReportLock:
    """This program has `report` open: other programs (and other windows) are told so.

    `acquire` returns None when the lock is ours (or cannot be kept at all, e.g. a read-only
    folder: then nobody is told, as before), or the Holder when a running program has it."""

    def __init__(self, report: Path) -> None:
        self.report = report
        self.path = lock_path(report)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> Holder | None:
        if self._fd is not None:
            return None
        for _ in range(3):  # a lock file being removed by its holder right now: open it again
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666)
            except OSError:
                return None  # no lock can be kept here; the file opens as before
            if not try_lock(fd):
                holder = _read_holder(fd)
                os.close(fd)
                return holder
            if _still_named(fd, self.path):
                self._write_holder(fd)
                self._fd = fd
                return None
            os.close(fd)
        return None

    @staticmethod
    def _write_holder(fd: int) -> None:
        record = {"pid": os.getpid(), "host": socket.gethostname(), "since": datetime.now().isoformat("T", "seconds")}
        with contextlib.suppress(OSError):  # the lock holds without the note of who holds it
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, json.dumps(record).encode("utf-8"))

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if os.name != "nt":
            self.path.unlink(missing_ok=True)  # while still held: nobody takes a file about to vanish
        _unlock(fd)
        os.close(fd)
        if os.name == "nt":
            with contextlib.suppress(OSError):  # another program opened it meanwhile: stale, taken over later
                self.path.unlink(missing_ok=True)


def _still_named(fd: int, path: Path) -> bool:
    """Whether `path` still names the file we locked (its holder may have removed it meanwhile)."""
    if os.name == "nt":
        return True  # an open file cannot be removed there
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False
