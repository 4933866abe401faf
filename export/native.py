"""The app's own report file (.nianbao.json) as an entry of export.formats, like Word or Excel.

The format itself (docs/file-format.md) is model.serialize's; reading it safely is model.files'.
"""

from __future__ import annotations

from pathlib import Path

from export.formats import ExportOptions
from model.files import load_report, report_json
from model.report import Report


def render(report: Report, options: ExportOptions) -> bytes:
    """The file's bytes: UTF-8 JSON; fonts and the signed copy do not apply to it."""
    return report_json(report).encode("utf-8")


def read(path: Path) -> Report:
    return load_report(path)


def notice(options: ExportOptions) -> str | None:
    return None
