"""Autosave: the open report goes to a recovery file within a second of an edit, and a report
whose program died (crash, kill, power cut) is offered back at the next start.

Each running window owns one recovery file, held with a QLockFile; a recovery file whose lock is
free (its process is gone) is an orphan to offer. Writes are atomic (model.files.write_atomically).
A recovery file that cannot be read is never deleted: it is renamed aside (…-damaged-….json) and
named in a message, and the window starts; one whose report is readable is offered even when its
other fields are damaged.

The autosaver also holds the lock of the report file its window has open (model.locks), so that
another window or program is told the file is open and refuses to save over it.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer

from model import Report, ReportFileError
from model.files import MAX_FILE_BYTES, parse_json, read_bytes_bounded, remove_abandoned_temp_files, write_atomically
from model.locks import ReportLock
from model.serialize import report_from_dict, report_to_dict
from ui.document import ReportDocument
from ui.messages import for_clerk

PREFIX, SUFFIX, LOCK_SUFFIX = "autosave-", ".recovery.json", ".lock"
DAMAGED = "-damaged-"  # a recovery file set aside: autosave-….recovery-damaged-<time>.json
# At most this long after an edit the recovery file holds it (the promise is 2 s; writing takes time too).
DELAY_MS = 1000


@dataclass(frozen=True)
class Recovery:
    """An orphaned recovery file: what it holds and where it came from."""

    path: Path
    report: Report
    source: Path | None  # the report file it was a modified copy of, if it had been saved before
    written: datetime


class Autosaver(QObject):
    """Keeps the recovery file of one window's document up to date."""

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = folder
        name = f"{PREFIX}{os.getpid()}-{time.time_ns()}"
        self.path = folder / f"{name}{SUFFIX}"
        self._lock = QLockFile(str(folder / f"{name}{LOCK_SUFFIX}"))
        self._lock.setStaleLockTime(0)  # held for the whole run; only a dead process frees it
        self._lock.tryLock(0)
        self._document: ReportDocument | None = None
        self._unsaved_without_undo = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.write_now)
        self.last_error = ""
        self._file_lock: ReportLock | None = None
        self._file_stamp: tuple[int, int] | None = None  # the report file as this window last read or wrote it
        self.open_elsewhere = ""  # why the document's file cannot be saved over, said when it was opened

    def watch(self, document: ReportDocument, unsaved: bool = False) -> None:
        """Follow this document from now on (`unsaved`: it holds changes no undo step records)."""
        if self._document is not None:
            self._document.changed.disconnect(self._schedule)
        self._document = document
        self._unsaved_without_undo = unsaved
        document.changed.connect(self._schedule)
        if self._file_lock is not None and self._file_lock.report != (document.path and document.path.resolve()):
            self._release_file_lock()
        self.open_elsewhere = self.claim(document.path) or ""
        self._file_stamp = _stamp(document.path)
        self.write_now()

    def claim(self, path: Path | None) -> str | None:
        """Take the report file `path` for this window before saving to it; None when it is ours,
        else the one-line reason it must not be written (open elsewhere, or changed since read)."""
        if path is None:
            return None
        path = path.resolve()
        if self._file_lock is None or self._file_lock.report != path:
            lock = ReportLock(path)
            holder = lock.acquire()
            if holder is not None:
                return f"“{path.name}”已在{holder.describe()}中打开。为免互相覆盖，请另存为其他文件，或先关闭那个窗口"
            self._release_file_lock()
            self._file_lock = lock
        document_path = self._document.path.resolve() if self._document and self._document.path else None
        if path == document_path and self._file_stamp is not None and _stamp(path) != self._file_stamp:
            return f"“{path.name}”在本窗口打开之后已被其他程序修改。为免覆盖那些修改，请另存为其他文件"
        return None

    def _release_file_lock(self) -> None:
        if self._file_lock is not None:
            self._file_lock.release()
            self._file_lock = None

    def _schedule(self) -> None:
        # Not restarted on each keystroke: continuous typing must still reach the disk every second.
        if not self._timer.isActive():
            self._timer.start()

    def mark_saved(self) -> None:
        self._unsaved_without_undo = False
        self.open_elsewhere = ""
        document = self._document
        self._file_stamp = _stamp(document.path) if document is not None else None
        self.discard()

    def write_now(self) -> None:
        """Write the recovery file, or remove it when there is nothing unsaved to recover."""
        self._timer.stop()
        document = self._document
        if document is None:
            return
        if document.undo_stack.isClean() and not self._unsaved_without_undo:
            self.discard()
            return
        payload = {
            "source": str(document.path) if document.path else None,
            "written": datetime.now().isoformat(timespec="seconds"),
            "report": report_to_dict(document.report),
        }
        try:
            write_atomically(self.path, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
            self.last_error = ""
        except ReportFileError as error:  # a full disk must not stop the typing; the status bar says so
            self.last_error = f"自动保存失败：{for_clerk(str(error))}"

    def discard(self) -> None:
        self._timer.stop()
        self.path.unlink(missing_ok=True)

    def close(self) -> None:
        """A clean exit: nothing to recover."""
        self.discard()
        self.release()

    def release(self) -> None:
        """The process ends: a recovery file still present becomes an orphan for the next start."""
        self._timer.stop()
        self._lock.unlock()
        self._release_file_lock()


def _stamp(path: Path | None) -> tuple[int, int] | None:
    """What tells a file changed: its modification time and size (None: no such file)."""
    try:
        info = path.stat() if path is not None else None
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size) if info is not None else None


def find_orphans(folder: Path, set_aside: list[Path] | None = None) -> list[Recovery]:
    """Recovery files left by processes that are gone, newest first. One that cannot be read is
    renamed aside, never deleted, and its new path added to `set_aside` for the window to name.

    Also clears lock files of dead processes that left nothing to recover, and temp files of
    recovery copies whose writing was cut off."""
    remove_abandoned_temp_files(folder)
    names = {p.name.removesuffix(SUFFIX) for p in folder.glob(f"{PREFIX}*{SUFFIX}")}
    names |= {p.name.removesuffix(LOCK_SUFFIX) for p in folder.glob(f"{PREFIX}*{LOCK_SUFFIX}")}
    found = []
    for name in names:
        lock = QLockFile(str(folder / f"{name}{LOCK_SUFFIX}"))
        if not lock.tryLock(0):
            continue  # another window is running with it
        lock.unlock()
        path = folder / f"{name}{SUFFIX}"
        if not path.exists():
            continue
        recovery = _read(path)
        if recovery is not None:
            found.append(recovery)
        else:
            aside = _set_aside(path)
            if aside is not None and set_aside is not None:
                set_aside.append(aside)
    return sorted(found, key=lambda r: r.written, reverse=True)


def _read(path: Path) -> Recovery | None:
    """The recovery in `path` if its report is readable, whatever else in it is damaged."""
    try:
        data = parse_json(read_bytes_bounded(path, MAX_FILE_BYTES, "自动保存副本").decode("utf-8", "replace"))
        if not isinstance(data, dict):
            return None
        report = report_from_dict(data.get("report"))
    except (ReportFileError, RecursionError, MemoryError):
        return None
    return Recovery(path=path, report=report, source=_source(data.get("source")), written=_written(data, path))


def _source(raw: object) -> Path | None:
    return Path(raw) if isinstance(raw, str) and raw and "\0" not in raw else None


def _written(data: dict[str, object], path: Path) -> datetime:
    """When the copy was written: as it says, or else as the file system says."""
    raw = data.get("written")
    try:
        return datetime.fromisoformat(raw) if isinstance(raw, str) else _modified(path)
    except ValueError:
        return _modified(path)


def _modified(path: Path) -> datetime:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime)
    except (OSError, ValueError, OverflowError):
        return datetime.now()


def _set_aside(path: Path) -> Path | None:
    """Rename a damaged recovery file out of the way (kept for whoever can still use it)."""
    aside = path.with_name(f"{path.name.removesuffix('.json')}{DAMAGED}{time.strftime('%Y%m%d-%H%M%S')}.json")
    try:
        path.replace(aside)
    except OSError:
        return None
    return aside


def forget(recovery: Recovery) -> None:
    recovery.path.unlink(missing_ok=True)
