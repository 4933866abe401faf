"""Autosave: the open report goes to a recovery file within a second of an edit, and a report
whose program died (crash, kill, power cut) is offered back at the next start.

Each running window owns one recovery file, held with a QLockFile; a recovery file whose lock is
free (its process is gone) is an orphan to offer. Writes are atomic (model.files.write_atomically).
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer

from model import Report, ReportFileError
from model.files import write_atomically
from model.serialize import report_from_dict, report_to_dict
from ui.document import ReportDocument

PREFIX, SUFFIX, LOCK_SUFFIX = "autosave-", ".recovery.json", ".lock"
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

    def watch(self, document: ReportDocument, unsaved: bool = False) -> None:
        """Follow this document from now on (`unsaved`: it holds changes no undo step records)."""
        if self._document is not None:
            self._document.changed.disconnect(self._schedule)
        self._document = document
        self._unsaved_without_undo = unsaved
        document.changed.connect(self._schedule)
        self.write_now()

    def _schedule(self) -> None:
        # Not restarted on each keystroke: continuous typing must still reach the disk every second.
        if not self._timer.isActive():
            self._timer.start()

    def mark_saved(self) -> None:
        self._unsaved_without_undo = False
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
            self.last_error = f"自动保存失败：{error}"

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


def find_orphans(folder: Path) -> list[Recovery]:
    """Recovery files left by processes that are gone, newest first; unreadable ones are dropped.

    Also clears lock files of dead processes that left nothing to recover."""
    names = {p.name.removesuffix(SUFFIX) for p in folder.glob(f"{PREFIX}*{SUFFIX}")}
    names |= {p.name.removesuffix(LOCK_SUFFIX) for p in folder.glob(f"{PREFIX}*{LOCK_SUFFIX}")}
    found = []
    for name in names:
        lock = QLockFile(str(folder / f"{name}{LOCK_SUFFIX}"))
        if not lock.tryLock(0):
            continue  # another window is running with it
        lock.unlock()
        path = folder / f"{name}{SUFFIX}"
        recovery = _read(path) if path.exists() else None
        if recovery is None:
            path.unlink(missing_ok=True)
        else:
            found.append(recovery)
    return sorted(found, key=lambda r: r.written, reverse=True)


def _read(path: Path) -> Recovery | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
        source = data.get("source")
        return Recovery(
            path=path,
            report=report_from_dict(data["report"]),
            source=Path(source) if source else None,
            written=datetime.fromisoformat(data["written"]),
        )
    except (OSError, ValueError, KeyError, TypeError, ReportFileError):
        return None


def forget(recovery: Recovery) -> None:
    recovery.path.unlink(missing_ok=True)
