"""Which module reads and writes which file type; modules are imported only when first used.

A format module provides `write_report(report, path, options)` and, if it can import,
`read_report(path) -> Report` (raising ReportFileError with a one-line Chinese reason).
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from model.errors import ReportFileError
from model.files import REPORT_SUFFIX, load_report, save_report
from model.report import Report


@dataclass(frozen=True)
class FileFormat:
    suffix: str
    module: str
    name: str  # for menus and messages


FORMATS: tuple[FileFormat, ...] = (
    FileFormat(".docx", "export.word", "Word 文档"),
    FileFormat(".xlsx", "export.excel", "Excel 工作簿"),
    FileFormat(".pdf", "export.pdf", "PDF 文件"),
)


@dataclass(frozen=True)
class ExportOptions:
    font_scheme: str = "auto"  # "standard" (方正小标宋/仿宋_GB2312…), "windows" (宋体/仿宋…) or "auto"
    signed_copy: bool = False  # add the 单位负责人（签字） line and room for the 单位公章


_UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\r\n\t]')


def default_file_name(report: Report, suffix: str) -> str:
    """<机关名称><年度>年政府信息公开工作年度报告<suffix>, without characters Windows refuses in a name."""
    return _UNSAFE_IN_FILE_NAMES.sub("", report.title).strip() + suffix


def suffix_of(path: str | Path) -> str:
    name = Path(path).name.lower()
    if name.endswith(REPORT_SUFFIX):
        return REPORT_SUFFIX
    return Path(name).suffix


def format_for(suffix: str) -> FileFormat | None:
    return next((f for f in FORMATS if f.suffix == suffix), None)


def _module(fmt: FileFormat) -> ModuleType | None:
    if importlib.util.find_spec(fmt.module) is None:
        return None
    return importlib.import_module(fmt.module)


def can_write(suffix: str) -> bool:
    fmt = format_for(suffix)
    return suffix in (REPORT_SUFFIX, ".json") or (fmt is not None and importlib.util.find_spec(fmt.module) is not None)


def can_read(suffix: str) -> bool:
    fmt = format_for(suffix)
    if suffix in (REPORT_SUFFIX, ".json"):
        return True
    module = _module(fmt) if fmt is not None else None
    return module is not None and hasattr(module, "read_report")


def read_any(path: str | Path) -> Report:
    """Open a report file or import a document, by its extension."""
    suffix = suffix_of(path)
    if suffix in (REPORT_SUFFIX, ".json"):
        return load_report(path)
    fmt = format_for(suffix)
    module = _module(fmt) if fmt is not None else None
    if fmt is None or module is None or not hasattr(module, "read_report"):
        raise ReportFileError(f"暂不支持读取 {suffix or '无扩展名'} 文件（支持 .nianbao.json）")
    report: Report = module.read_report(Path(path))
    return report


def export_notice(path: str | Path, options: ExportOptions) -> str | None:
    """What the user should know about an export just written (e.g. a PDF without embedded fonts)."""
    fmt = format_for(suffix_of(path))
    module = _module(fmt) if fmt is not None else None
    notice = getattr(module, "font_notice", None)
    return notice(options) if notice is not None else None


def write_any(report: Report, path: str | Path, options: ExportOptions | None = None) -> None:
    """Save a report file or export a document, by its extension."""
    suffix = suffix_of(path)
    if suffix in (REPORT_SUFFIX, ".json"):
        save_report(report, path)
        return
    fmt = format_for(suffix)
    module = _module(fmt) if fmt is not None else None
    if fmt is None or module is None:
        raise ReportFileError(f"暂不支持导出为 {suffix or '无扩展名'} 文件")
    module.write_report(report, Path(path), options or ExportOptions())
