"""Rules on what the narrative covers: EMPTY_SUBSECTION, OVERVIEW_TOO_LONG, CONTENT_MISSING.

30号 一（一） lists the topics of 总体情况 and limits it to about a thousand characters; 条例第五十条
adds 工作考核、社会评议和责任追究 for governments; 30号 一（五） asks 五 for problems and measures.
Local rules (model.rules) may require more items of any section.
"""

from __future__ import annotations

import re
from functools import lru_cache

from model.checks.basis import GOVERNMENT_CONTENT, format_clause
from model.checks.texts import listed, texts, without_spaces
from model.field_paths import SubsectionPart, intro_path, subsection_path
from model.findings import COMMON_PROBLEM, Finding, field_at, warning
from model.numerals import parse_number
from model.report import NarrativeSection, Report
from model.rules import NATIONAL, Rules

# Words besides a topic's own name that show 总体情况 covers it, in the order of the template's
# suggested subsections of 一 (主动公开, 依申请公开, 政府信息管理, 政府信息公开平台建设, 监督保障);
# tests/model/checks/test_content.py keeps the two aligned.
TOPIC_WORDS: tuple[tuple[str, ...], ...] = (
    ("主动发布", "主动公布"),
    ("依申请", "申请公开", "公开申请"),
    ("信息管理", "保密审查", "公开属性", "发布审核"),
    ("平台", "网站", "公众号", "新媒体", "公开栏"),
    ("监督", "考核", "保障"),
)
PROBLEM_WORDS = (
    *("问题", "不足", "差距", "短板", "薄弱", "不够", "有待", "欠缺", "滞后", "不到位", "不强", "不高"),
    *("不及时", "单一", "不规范", "不全面", "不深入", "不完善", "缺乏", "亟待", "偏少", "较少"),
)
MEASURE_WORDS = ("改进", "措施", "下一步", "今后", "加强", "进一步", "完善", "提升", "整改", "健全", "强化", "将")


_ENUMERATION = re.compile(r"(?<![第统唯同单之不])([一二三四五六七八九十])是")


def _plain(section: NarrativeSection) -> str:
    """The section's titles and texts without spaces (seeds print “2024 年度”)."""
    return without_spaces(section.full_text())


def check_empty_subsections(report: Report) -> list[Finding]:
    """EMPTY_SUBSECTION: a subsection with a title and no text, printed as a bare heading.

    A section with no text at all is EMPTY_SECTION's, said once."""
    findings = []
    for spec in report.template.narrative_sections:
        section = report.narrative.section(spec.id)
        if section.is_empty():
            continue
        for index, sub in enumerate(section.subsections):
            if sub.title.strip() and not sub.text.strip():
                where = field_at(subsection_path(spec.id, index, SubsectionPart.TEXT))
                message = f"{spec.heading}：第{index + 1}小节“{sub.title.strip()}”只有标题，没有内容"
                findings.append(warning("EMPTY_SUBSECTION", where, message, basis=COMMON_PROBLEM))
    return findings


def check_overview_length(report: Report, rules: Rules = NATIONAL) -> list[Finding]:
    """OVERVIEW_TOO_LONG: 总体情况 over 1,000 characters (30号: 篇幅原则上不超过一千字), spaces not counted."""
    spec = report.template.section(report.template.roles.overview)
    length = len(_plain(report.narrative.section(spec.id)))
    if length <= rules.overview_max_chars:
        return []
    message = f"{spec.heading}：共{length}字，超过{rules.overview_max_chars}字（篇幅原则上不超过一千字）"
    return [
        warning(
            "OVERVIEW_TOO_LONG", field_at(intro_path(spec.id)), message, basis=format_clause(report.template, spec.id)
        )
    ]


def _missing(report: Report, section_id: str, message: str, basis: str) -> Finding:
    heading = report.template.section(section_id).heading
    return warning("CONTENT_MISSING", field_at(intro_path(section_id)), f"{heading}：{message}", basis=basis)


def _topics(report: Report, text: str) -> list[Finding]:
    spec = report.template.section(report.template.roles.overview)
    absent = [
        topic
        for topic, words in zip(spec.suggested_subsections, TOPIC_WORDS, strict=False)
        if not any(word in text for word in (topic, *words))
    ]
    if not absent:
        return []
    names = "、".join(f"“{t}”" for t in absent)
    message = f"没有写到{names}（{spec.title}应包括{'、'.join(spec.suggested_subsections)}等方面）"
    return [_missing(report, spec.id, message, format_clause(report.template, spec.id))]


def _government_items(report: Report, text: str) -> list[Finding]:
    kind = report.meta.agency_kind
    if kind not in {k.id for k in report.template.agency_kinds}:
        return []
    items = report.template.agency_kind(kind).must_report
    # “考核” for 工作考核: the work is often worded 绩效考核 or 考核评议.
    absent = [item for item in items if item not in text and item[-2:] not in text]
    if not absent:
        return []
    label = report.template.agency_kind(kind).label
    message = f"{label}的报告应包括{listed(items)}结果情况，未见“{'、'.join(absent)}”"
    return [_missing(report, report.template.roles.overview, message, GOVERNMENT_CONTENT)]


def _problems_and_measures(report: Report) -> list[Finding]:
    section_id = report.template.roles.problems
    section = report.narrative.section(section_id)
    if section.is_empty():
        return []
    text = _plain(section)
    has_problems = any(w in text for w in PROBLEM_WORDS)
    has_measures = any(w in text for w in MEASURE_WORDS)
    if has_problems == has_measures:
        return []
    said, absent = ("存在的问题", "改进措施") if has_problems else ("改进措施", "存在的问题")
    message = f"只写了{said}，没有写{absent}（应实事求是、明确具体地写出问题和相应的改进措施）"
    return [_missing(report, section_id, message, format_clause(report.template, section_id))]


@lru_cache(maxsize=512)
def _enumeration_gap(text: str) -> str | None:
    """The first “N是” out of order in a text (“一是…三是”, “三是…三是”), as “一是…三是”; None if in order."""
    previous = 0
    for match in _ENUMERATION.finditer(text):
        number = parse_number(match.group(1)) or 0
        if number not in (1, previous + 1):
            last = f"{'一二三四五六七八九十'[previous - 1]}是" if previous else "开头"
            return f"{last}…{match.group(0)}"
        previous = number
    return None


def _enumerations(report: Report) -> list[Finding]:
    findings = []
    for path, text in texts(report):
        gap = _enumeration_gap(text) if "是" in text else None
        if gap is not None:
            message = f"列举“{gap}”不连续（序号缺漏或重复）"
            findings.append(warning("CONTENT_MISSING", field_at(path), message, basis=COMMON_PROBLEM))
    return findings


def _required_items(report: Report, rules: Rules) -> list[Finding]:
    findings = []
    for required in rules.required:
        text = _plain(report.narrative.section(required.section))
        if not any(word in text for word in required.words):
            message = f"没有报告“{required.item}”（{rules.name}）"
            findings.append(_missing(report, required.section, message, required.basis))
    return findings


def check_content(report: Report, rules: Rules = NATIONAL) -> list[Finding]:
    """CONTENT_MISSING: 总体情况 misses a topic 30号 lists (or a government's 考核、评议、追究), 五 gives
    problems without measures or the reverse, an enumeration skips (“一是…三是”), or an item local
    rules require is not reported."""
    overview = report.narrative.section(report.template.roles.overview)
    findings = []
    if not overview.is_empty():
        text = _plain(overview)
        findings += _topics(report, text) + _government_items(report, text)
    findings += _problems_and_measures(report)
    findings += _enumerations(report)
    findings += _required_items(report, rules)
    return findings
