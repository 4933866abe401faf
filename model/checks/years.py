"""Rules on the years and dates the text states: YEAR_MISMATCH, YEAR_IN_OUTLOOK, OLD_FORMAT_CITED.

YEAR_IN_OUTLOOK (a plan dated with the report year) stays a code of its own rather than a kind of
YEAR_MISMATCH: reviews people accepted name it, and its fix (the next year) differs (docs/checks.md).
Each text's findings are cached by (path, text, year): the check runs on every keystroke and a
keystroke changes one text at most.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from model.checks.texts import texts
from model.findings import COMMON_PROBLEM, Finding, field_at, warning
from model.numerals import parse_number
from model.report import Report

_YEAR = r"((?:19|20)\d{2}|[一二][〇○零一二三四五六七八九]{3})"
_SENTENCE_START = r"(?:^|[。！？!?；;：:\n])\s*(?:[（(][一二三四五六七八九十]+[)）]\s*)?"
# “2024年度，本局…”: this year's work dated with a year.
_DATED_WORK = re.compile(_SENTENCE_START + r"(?:在\s*)?" + _YEAR + r"\s*年度?\s*[，,]")
# “现将我局2023年度政府信息公开工作情况报告如下”: the report names its own year.
_OWN_YEAR = re.compile(_YEAR + r"\s*年度?\s*的?政府信息公开工作(?:年度报告|情况)")
# “统计数据从2024年1月1日至2024年12月31日”, “统计时间为 2024 年 1 月 1 日至 12 月 31 日”.
_PERIOD = re.compile(
    r"统计[^。；\n]{0,20}?"
    + _YEAR
    + r"\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?\s*起?\s*(?:至|到|—|－|-|~|～)\s*(?:"
    + _YEAR
    + r"\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日?"
)
_GLUED = re.compile(r"(?<!\d)((?:19|20)\d{2})(1[0-2]|0?[1-9])\s*月")  # “20231月1日”
# “12月31止”, “1月1至12月31日”; not “5月15至16日”, a range of days in one month
_NO_DAY = re.compile(r"(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*(?=[止起]|[至到]\s*(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月)")
_FULL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_OLD_FORMAT = re.compile(r"国办公开办函\s*[〔\[［(（【]\s*2019\s*[〕\]］)）】]\s*60\s*号")


def _year_of(text: str) -> int | None:
    return parse_number(text)


def _mismatch(path: str, message: str) -> Finding:
    return warning("YEAR_MISMATCH", field_at(path), message, basis=COMMON_PROBLEM)


def _dated_work(path: str, text: str, year: int) -> list[Finding]:
    findings = []
    for match in _DATED_WORK.finditer(text):
        stated = _year_of(match.group(1))
        if stated is not None and stated < year:
            said = match.group(0).lstrip("。！？!?；;：:\n ")
            findings.append(_mismatch(path, f"正文“{said}…”写的是{stated}年，本报告是{year}年度报告"))
    for match in _OWN_YEAR.finditer(text):
        stated = _year_of(match.group(1))
        if stated is not None and stated != year:
            findings.append(_mismatch(path, f"正文“{match.group(0)}”写的是{stated}年，本报告是{year}年度报告"))
    return findings


def _period(path: str, text: str, year: int) -> list[Finding]:
    findings = []
    for match in _PERIOD.finditer(text):
        start_year = _year_of(match.group(1))
        end_year = _year_of(match.group(4)) if match.group(4) else start_year
        start = (start_year, int(match.group(2)), int(match.group(3)))
        end = (end_year, int(match.group(5)), int(match.group(6)))
        if start != (year, 1, 1) or end != (year, 12, 31):
            said = match.group(0)[match.group(0).index("统计") :]
            message = f"统计期限“{said}”应为{year}年1月1日至{year}年12月31日"
            findings.append(_mismatch(path, message))
    return findings


def _malformed(path: str, text: str) -> list[Finding]:
    findings = [
        _mismatch(path, f"日期“{m.group(0)}”的年和月之间缺少“年”字（应为“{m.group(1)}年{int(m.group(2))}月”）")
        for m in _GLUED.finditer(text)
    ]
    findings += [
        _mismatch(path, f"日期“{m.group(0)}”缺少“日”字（应为“{m.group(1)}月{m.group(2)}日”）")
        for m in _NO_DAY.finditer(text)
    ]
    for match in _FULL_DATE.finditer(text):
        try:
            date(*(int(g) for g in match.groups()))
        except ValueError:
            findings.append(_mismatch(path, f"日期“{match.group(0)}”不存在"))
    return findings


@lru_cache(maxsize=512)
def _text_findings(path: str, text: str, year: int) -> tuple[Finding, ...]:
    if not any(c.isdigit() for c in text) and "〇" not in text:
        return ()
    return (*_dated_work(path, text, year), *_period(path, text, year), *_malformed(path, text))


def check_years(report: Report) -> list[Finding]:
    """YEAR_MISMATCH: this year's work dated with an earlier year, a 统计期限 other than the report
    year, or a malformed date (“20231月1日”, “12月31止”)."""
    year = report.meta.year
    if year is None:
        return []
    return [f for path, text in texts(report) if text for f in _text_findings(path, text, year)]


@lru_cache(maxsize=512)
def _outlook_findings(path: str, text: str, year: int) -> tuple[Finding, ...]:
    if str(year) not in text:
        return ()
    plan = re.compile(rf"(?:^|[。！？!?\n])\s*({year}\s*年度?[，,、]?[^，,。\n]{{0,15}}?将(?!近)[^。\n]{{0,12}})")
    return tuple(
        warning(
            "YEAR_IN_OUTLOOK",
            field_at(path),
            f"正文“{match.group(1)}…”是下一步打算，年份应为{year + 1}年而非报告年度{year}年？",
            basis=COMMON_PROBLEM,
        )
        for match in plan.finditer(text)
    )


def check_outlook_year(report: Report) -> list[Finding]:
    """YEAR_IN_OUTLOOK: a plan ('2023年，我局将…') dated with the report year instead of the next."""
    year = report.meta.year
    if year is None:
        return []
    return [f for path, text in texts(report) if text for f in _outlook_findings(path, text, year)]


def check_old_format_cited(report: Report) -> list[Finding]:
    """OLD_FORMAT_CITED: the text cites 国办公开办函〔2019〕60号, superseded from the 2021 report year."""
    template = report.template
    year = report.meta.year
    if year is not None and year < template.first_year:
        return []
    return [
        warning(
            "OLD_FORMAT_CITED",
            field_at(path),
            f"正文引用的“{match.group(0)}”是{template.first_year}年度以前的报告格式，现行格式为{template.basis}",
            basis=template.basis,
        )
        for path, text in texts(report)
        if "60" in text
        for match in _OLD_FORMAT.finditer(text)
    ]
