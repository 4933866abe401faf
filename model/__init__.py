"""The report model's public API: what a script (and the app's own entry points) needs.

    from model import check, load_report
    findings = check(load_report("叶城县科学技术局2024.nianbao.json"))

Reading and writing Word, Excel and PDF files is `export`'s (`export.read_report`, `export.write_report`).
Modules inside the project import from the module that owns a name (model.report, model.checks, …),
never from here, so that this file can import them all without a cycle.
"""

from model.carry import start_next_year
from model.checks import check, count_by_severity
from model.errors import ReportFileError
from model.files import load_report, save_report
from model.findings import Finding, Location, Severity
from model.report import Report
from model.review import Review, ReviewEntry, Timeliness
from model.rules import NATIONAL, Rules, load_rules
from model.sentences import Sentence, standard_sentences
from model.template import TEMPLATE_2021, Template

__all__ = [
    "NATIONAL",
    "TEMPLATE_2021",
    "Finding",
    "Location",
    "Report",
    "ReportFileError",
    "Review",
    "ReviewEntry",
    "Rules",
    "Sentence",
    "Severity",
    "Template",
    "Timeliness",
    "check",
    "count_by_severity",
    "load_report",
    "load_rules",
    "save_report",
    "standard_sentences",
    "start_next_year",
]
