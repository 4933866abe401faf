"""The table of file formats: which suffix is which format, what it is called, whether the app
writes and reads it, and the package that does the work, imported only when a file of that format
is first written or read.

A format package implements `ReportWriter` (and `ReportReader` if it imports) with its own
module-level functions; the loaders below are plain imports inside functions, so the exporters'
libraries stay unloaded until needed and PyInstaller still sees every import. Every format is
written the same way: the package renders bytes, `write_report` writes them atomically.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from export.page_design import AUTO_SCHEME
from model.about import APP_ID
from model.errors import ReportFileError
from model.files import REPORT_SUFFIX, write_atomically
from model.report import Report
from model.serialize import storable_report

_log = logging.getLogger(f"{APP_ID}.export")  # the window logs it to its file; a command prints nothing


@dataclass(frozen=True)
class ExportOptions:
    font_scheme: str = AUTO_SCHEME  # or the id of one of page_design.FONT_SCHEMES
    signed_copy: bool = False  # add the 单位负责人（签字） line and room for the 单位公章


class ReportWriter(Protocol):
    """A format the app writes: the file's bytes, and what the user should know about them."""

    def render(self, report: Report, options: ExportOptions) -> bytes: ...

    def notice(self, options: ExportOptions) -> str | None:
        """E.g. that a PDF could embed no font; None when there is nothing to say."""
        ...


class ReportReader(Protocol):
    """A format the app reads (opens or imports); a file it cannot read raises ReportFileError."""

    def read(self, path: Path) -> Report: ...


class ReportFormat(ReportWriter, ReportReader, Protocol):
    """A format the app both writes and reads."""


def _native() -> ReportFormat:
    from export import native  # the module itself implements the protocol (mypy checks that it does)

    return native


def _word() -> ReportFormat:
    from export import word

    return word


def _excel() -> ReportFormat:
    from export import excel

    return excel


def _pdf() -> ReportWriter:
    from export import pdf

    return pdf


@dataclass(frozen=True)
class FileFormat:
    """One row of the table; `writer` and `reader` load the package (None: not written / not read)."""

    suffix: str
    name: str  # in Chinese, for menus, file dialogs and messages
    writer: Callable[[], ReportWriter] | None
    reader: Callable[[], ReportReader] | None
    aliases: tuple[str, ...] = ()  # other suffixes taken as this format
    access_key: str = ""  # its letter in menus (导出为 Word 文档(W))

    @property
    def writes(self) -> bool:
        return self.writer is not None

    @property
    def reads(self) -> bool:
        return self.reader is not None

    @property
    def dialog_filter(self) -> str:
        """For a file dialog, e.g. 'Word 文档 (*.docx)'."""
        return f"{self.name} (*{self.suffix})"

    def path_for(self, name: str) -> Path:
        """`name` as typed in a save dialog, with this format's suffix (instead of an alias) if it lacks it."""
        if name.lower().endswith(self.suffix):
            return Path(name)
        alias = next((a for a in self.aliases if name.lower().endswith(a)), "")
        return Path(name[: len(name) - len(alias)] + self.suffix)

    def notice(self, options: ExportOptions) -> str | None:
        return self.writer().notice(options) if self.writer is not None else None

    def render(self, report: Report, options: ExportOptions) -> bytes:
        if self.writer is None:
            raise ReportFileError(f"暂不支持导出为 {self.suffix} 文件")
        return self.writer().render(report, options)

    def read(self, path: Path) -> Report:
        if self.reader is None:
            raise ReportFileError(f"暂不支持读取 {self.suffix} 文件（支持 {_readable_suffixes()}）")
        return self.reader().read(path)


NATIVE = FileFormat(REPORT_SUFFIX, "年报文件", _native, _native, aliases=(".json",))  # the app's own file
WORD = FileFormat(".docx", "Word 文档", _word, _word, access_key="W")
EXCEL = FileFormat(".xlsx", "Excel 工作簿", _excel, _excel, access_key="E")
PDF = FileFormat(".pdf", "PDF 文件", _pdf, None, access_key="P")
FORMATS: tuple[FileFormat, ...] = (NATIVE, WORD, EXCEL, PDF)
EXPORT_FORMATS: tuple[FileFormat, ...] = tuple(f for f in FORMATS if f.writes and f is not NATIVE)  # 导出 menu


def _readable_suffixes() -> str:
    return "、".join(f.suffix for f in FORMATS if f.reads)


def format_of(path: str | Path) -> FileFormat | None:
    """The format a file name's suffix says (any case), or None when no format claims it."""
    name = Path(path).name.lower()
    return next((f for f in FORMATS if name.endswith((f.suffix, *f.aliases))), None)


def _unknown_suffix(path: str | Path) -> str:
    return Path(path).suffix or "无扩展名"


def read_report(path: str | Path) -> Report:
    """Open a report file or import a document, by its suffix; ReportFileError with a Chinese reason."""
    fmt = format_of(path)
    if fmt is None:
        raise ReportFileError(f"暂不支持读取 {_unknown_suffix(path)} 文件（支持 {_readable_suffixes()}）")
    try:
        return fmt.read(Path(path))
    except ReportFileError:
        raise
    except Exception as error:  # the last line of defence: one line, never a traceback
        _log.info("读取失败：%s", path, exc_info=error)  # the traceback, for the window's log file only
        raise ReportFileError(f"无法读取此{fmt.name}：文件内容异常（{type(error).__name__}）") from error


def write_report(report: Report, path: str | Path, options: ExportOptions | None = None) -> None:
    """Save a report file or export a document, by its suffix, atomically: a failure (raised as
    ReportFileError with a Chinese reason) leaves the previous file as it was."""
    fmt = format_of(path)
    if fmt is None:
        raise ReportFileError(f"暂不支持导出为 {_unknown_suffix(path)} 文件")
    try:
        data = fmt.render(storable_report(report), options or ExportOptions())
    except ReportFileError:
        raise
    except Exception as error:  # the last line of defence, as in read_report
        _log.info("导出失败：%s", path, exc_info=error)
        raise ReportFileError(f"未能生成{fmt.name}（{type(error).__name__}），原文件未受影响") from error
    write_atomically(path, data)


def export_notice(path: str | Path, options: ExportOptions) -> str | None:
    """What the user should know about a file just written (e.g. a PDF without embedded fonts)."""
    fmt = format_of(path)
    return fmt.notice(options) if fmt is not None else None


_UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\r\n\t]')


def default_file_name(report: Report, suffix: str) -> str:
    """<机关名称><年度>年政府信息公开工作年度报告<suffix>, without characters Windows refuses in a name."""
    return _UNSAFE_IN_FILE_NAMES.sub("", report.title).strip() + suffix
