"""Which rules the checker applies and how strictly: the national rules, or a local rules file.

The national rules (`NATIONAL`) are the default and need no file. A province or city may add items
that 六 (or another section) must report, switch a rule off, change its severity, or move a
threshold, in a small TOML or JSON file a person can read (docs/checks.md):

    name = "某市政府信息公开工作年度报告审核规则"
    basis = "某市政务公开办关于做好年度报告编制工作的通知"

    [severity]
    DATE_LATE = "error"        # "error", "warning" or "off"

    [threshold]
    overview_max_chars = 1500  # OVERVIEW_TOO_LONG
    copied_share = 0.9         # COPIED_FROM_LAST_YEAR

    [[require]]
    section = "六"
    item = "落实上级年度政务公开工作要点情况"
    words = ["工作要点"]       # any of them in the section shows the item is reported
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from model.errors import ReportFileError
from model.files import regular_file_size
from model.findings import Finding, Severity
from model.template import TEMPLATE_2021, Template

OVERVIEW_MAX_CHARS = 1000  # 30号 一（一）: 篇幅原则上不超过一千字
COPIED_SHARE = 0.8  # docs/checks.md: four fifths of a part's text, sentence by sentence, as last year
MAX_RULES_FILE = 256 * 1024
OFF = "off"

# Every code the checker can give (report-file.md and its extensions in docs/checks.md): a rules
# file naming another is refused rather than silently doing nothing.
CODES = frozenset(
    {
        "ROW_TOTAL",
        "RESULTS_TOTAL",
        "BALANCE",
        "NEGATIVE",
        "NOT_INTEGER",
        "NOT_NUMBER",
        "MISSING",
        "CARRY_OVER",
        "IN_FORCE_DRIFT",
        "DATE_LATE",
        "DATE_EARLY",
        "FEE_NOT_STATED",
        "FEE_NOTICE_NOT_STATED",
        "TEXT_TABLE_MISMATCH",
        "EMPTY_SECTION",
        "LABEL_MISMATCH",
        "TABLE_UNREADABLE",
        "OLD_FORMAT",
        "OLD_FORMAT_CITED",
        "HEADING_MISMATCH",
        "YEAR_MISMATCH",
        "YEAR_IN_OUTLOOK",
        "COPIED_FROM_LAST_YEAR",
        "EMPTY_SUBSECTION",
        "OVERVIEW_TOO_LONG",
        "CONTENT_MISSING",
        "KIND_MISMATCH",
        "TEXT_REPLACED",
    }
)


@dataclass(frozen=True)
class Requirement:
    """An item a section must report, added by local rules (CONTENT_MISSING when it does not)."""

    section: str  # a narrative section id
    item: str  # what must be reported, as the message names it
    words: tuple[str, ...]  # any of them in the section's text shows the item is reported
    basis: str


@dataclass(frozen=True)
class Rules:
    name: str = "全国通用规则"
    off: frozenset[str] = frozenset()
    severities: Mapping[str, Severity] = field(default_factory=dict)
    overview_max_chars: int = OVERVIEW_MAX_CHARS
    copied_share: float = COPIED_SHARE
    required: tuple[Requirement, ...] = ()

    def apply(self, findings: list[Finding]) -> list[Finding]:
        """The findings without the rules switched off, with the severities the rules set."""
        if not self.off and not self.severities:
            return findings
        return [
            replace(f, severity=self.severities.get(f.code, f.severity)) for f in findings if f.code not in self.off
        ]


NATIONAL = Rules()


def load_rules(path: str | Path, template: Template = TEMPLATE_2021) -> Rules:
    """A rules file (.toml, or .json) read and checked; ReportFileError with a Chinese reason otherwise."""
    path = Path(path)
    try:
        size = regular_file_size(path, "检查规则文件")  # a pipe or device would hang the read
    except ReportFileError as error:
        raise ReportFileError(f"无法读取检查规则文件：{error}") from None
    try:
        if size > MAX_RULES_FILE:
            raise ReportFileError(f"检查规则文件过大（超过 {MAX_RULES_FILE // 1024} KB）")
        raw = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise ReportFileError(f"无法读取检查规则文件：{error.strerror or error}") from error
    except UnicodeDecodeError as error:
        raise ReportFileError("检查规则文件不是 UTF-8 编码的文字") from error
    try:
        data = json.loads(raw) if path.suffix.lower() == ".json" else tomllib.loads(raw)
    except (ValueError, tomllib.TOMLDecodeError) as error:
        raise ReportFileError(f"检查规则文件格式有误：{error}") from error
    return rules_from_data(_table(data, "检查规则文件"), template)


def rules_from_data(data: Mapping[str, Any], template: Template = TEMPLATE_2021) -> Rules:
    name = _string(data.get("name", "地方检查规则"), "name")
    basis = _string(data.get("basis", name), "basis")
    off, severities = _severities(_table(data.get("severity", {}), "[severity]"))
    threshold = _table(data.get("threshold", {}), "[threshold]")
    unknown = set(threshold) - {"overview_max_chars", "copied_share"}
    if unknown:
        raise ReportFileError(f"检查规则文件：[threshold] 中没有“{'、'.join(sorted(unknown))}”这一项")
    limit = threshold.get("overview_max_chars", OVERVIEW_MAX_CHARS)
    if not isinstance(limit, int) or isinstance(limit, bool) or limit <= 0:
        raise ReportFileError("检查规则文件：overview_max_chars 应为正整数（字数）")
    share = threshold.get("copied_share", COPIED_SHARE)
    if not isinstance(share, int | float) or isinstance(share, bool) or not 0 < share <= 1:
        raise ReportFileError("检查规则文件：copied_share 应为 0 到 1 之间的小数（如 0.8）")
    items = data.get("require", [])
    if not isinstance(items, list):
        raise ReportFileError("检查规则文件：require 应为列表（[[require]]）")
    required = tuple(_requirement(_table(item, "[[require]]"), basis, template) for item in items)
    return Rules(name, off, severities, limit, float(share), required)


def _severities(table: Mapping[str, Any]) -> tuple[frozenset[str], dict[str, Severity]]:
    off: set[str] = set()
    severities: dict[str, Severity] = {}
    choices = {s.value: s for s in Severity}
    for code, value in table.items():
        if code not in CODES:
            raise ReportFileError(f"检查规则文件：没有名为“{code}”的检查项")
        if value == OFF:
            off.add(code)
        elif value in choices:
            severities[code] = choices[value]
        else:
            raise ReportFileError(f'检查规则文件：{code} 应为 "error"、"warning" 或 "off"，而不是“{value}”')
    return frozenset(off), severities


def _requirement(item: Mapping[str, Any], basis: str, template: Template) -> Requirement:
    what = _string(item.get("item", ""), "require.item")
    if not what:
        raise ReportFileError("检查规则文件：[[require]] 缺少 item（应报告的事项）")
    words = item.get("words", [what])
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
        raise ReportFileError(f"检查规则文件：“{what}”的 words 应为非空的文字列表")
    section = _section(_string(item.get("section", ""), "require.section"), template)
    return Requirement(section, what, tuple(w.strip() for w in words), _string(item.get("basis", basis), "basis"))


def _section(name: str, template: Template) -> str:
    """A narrative section named by its number (六), its heading or its id."""
    for section in template.narrative_sections:
        if name.strip() in (section.number, section.heading, section.title, section.id):
            return section.id
    choices = "、".join(s.number for s in template.narrative_sections)
    raise ReportFileError(f"检查规则文件：section 应为叙述部分的序号（{choices}），而不是“{name}”")


def _table(value: object, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ReportFileError(f"检查规则文件：{where} 应为表（键值对）")
    return value


def _string(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise ReportFileError(f"检查规则文件：{where} 应为文字")
    return value.strip()
