"""COPIED_FROM_LAST_YEAR: a narrative part that is nearly the same as last year's.

30号 一（五） forbids 五 being “年年雷同”; 一 copied whole is the same fault. A part is compared sentence
by sentence (model.fingerprints: spaces, punctuation and years do not count as changes) with last
year's sentences of the same section, and counts as copied when the sentences found last year make
up at least `Rules.copied_share` (0.8) of its characters. The section is judged as a whole; when it
is not copied, each subsection long enough to judge is judged on its own.
"""

from __future__ import annotations

from model.checks.basis import format_clause
from model.field_paths import SubsectionPart, intro_path, subsection_path
from model.findings import Finding, field_at, warning
from model.fingerprints import Sentence, sentences
from model.report import Previous, Report
from model.rules import NATIONAL, Rules

MIN_SENTENCES = 2  # a one-sentence part (“本年度未收到政府信息公开申请。”) may well stay the same
MIN_CHARACTERS = 60


def _copied_share(parts: list[Sentence], last_year: frozenset[str]) -> float | None:
    """The share of the characters in sentences found last year; None when too short to judge."""
    total = sum(s.length for s in parts)
    if len(parts) < MIN_SENTENCES or total < MIN_CHARACTERS:
        return None
    return sum(s.length for s in parts if s.fingerprint in last_year) / total


def _finding(report: Report, section_id: str, path: str, what: str, share: float, year: int | None) -> Finding:
    heading = report.template.section(section_id).heading
    last = f"{year}年" if year else "上年"
    message = f"{heading}：{what}有{share:.0%}的内容与{last}报告相同，请按本年度实际情况重写"
    return warning("COPIED_FROM_LAST_YEAR", field_at(path), message, basis=format_clause(report.template, section_id))


def check_copied(report: Report, previous: Previous | None, rules: Rules = NATIONAL) -> list[Finding]:
    """COPIED_FROM_LAST_YEAR for each section whose last-year sentences are known (一 and 五)."""
    if previous is None:
        return []
    findings = []
    for section_id, recorded in previous.sentences.items():
        if section_id not in {s.id for s in report.template.narrative_sections} or not recorded:
            continue
        last_year = frozenset(recorded)
        section = report.narrative.section(section_id)
        texts = [section.intro, *(s.text for s in section.subsections)]
        whole = [s for text in texts for s in sentences(text)]
        share = _copied_share(whole, last_year)
        if share is not None and share >= rules.copied_share:
            findings.append(_finding(report, section_id, intro_path(section_id), "全文", share, previous.year))
            continue
        for index, sub in enumerate(section.subsections):
            share = _copied_share(list(sentences(sub.text)), last_year)
            if share is not None and share >= rules.copied_share:
                path = subsection_path(section_id, index, SubsectionPart.TEXT)
                what = f"第{index + 1}小节“{sub.title.strip()}”"
                findings.append(_finding(report, section_id, path, what, share, previous.year))
    return findings
