"""Reading and writing report files of every supported format: the public API.

    from export import read_report, write_report
    report = read_report("年报.docx")          # .nianbao.json, .docx or .xlsx
    write_report(report, "年报.pdf")           # .nianbao.json, .docx, .xlsx or .pdf, atomically

One package per format (word/, excel/, pdf/, and native.py for .nianbao.json), listed in the
table in formats.py and imported only when a file of that format is first touched: importing
`export` loads no python-docx, openpyxl or reportlab. What the formats share sits beside them:
page_design.py (公文 page design), fonts.py, label_matching.py, zipguard.py (hostile .docx/.xlsx).
The center's batch review (review_reports: 审核汇总.xlsx, letters, review.json) is export/review/,
and so is check_files, `check` over many files in worker processes.
"""

from export.formats import (
    EXCEL,
    EXPORT_FORMATS,
    FORMATS,
    NATIVE,
    PDF,
    WORD,
    ExportOptions,
    FileFormat,
    default_file_name,
    export_notice,
    format_of,
    read_report,
    write_report,
)
from export.page_design import AUTO_SCHEME, FONT_SCHEME_CHOICES
from export.review.checking import FileCheck, check_files
from export.review.run import Progress, ReviewCancelled, ReviewOutcome, ReviewRequest
from export.review.run import run_review as review_reports

__all__ = [
    "AUTO_SCHEME",
    "EXCEL",
    "EXPORT_FORMATS",
    "FONT_SCHEME_CHOICES",
    "FORMATS",
    "NATIVE",
    "PDF",
    "WORD",
    "ExportOptions",
    "FileCheck",
    "FileFormat",
    "Progress",
    "ReviewCancelled",
    "ReviewOutcome",
    "ReviewRequest",
    "check_files",
    "default_file_name",
    "export_notice",
    "format_of",
    "read_report",
    "review_reports",
    "write_report",
]
