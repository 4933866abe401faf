"""The title, year and 成文日期 of a report read from the lines a document shows, in any of their real forms.

Shared by the Word and Excel importers: agency first or year first (叶城县科学技术局2024年度… /
2024年上海市科学技术委员会…), with or without 年度, over up to three lines, below lines a web page put
above it (site name, 发布日期, 浏览次数); the date under the 落款 in Arabic or Chinese numerals.
"""

from __future__ import annotations

import re
from datetime import date

from export.label_matching import similarity
from model.dates import YEAR_PATTERN, parse_date, parse_year
from model.labels import without_spaces
from model.report import ImportNote, Meta
from model.template import MetaId, Template

TITLE_LINES = 3  # a title may be typed over up to three paragraphs
HEAD_LINES = 12  # web page lines (site name, 发布日期, 浏览次数) may stand above it
SIGNATURE_LINES = 6  # the 落款 and date are among the last lines (web pages add a few after them)
MAX_SIGNATORY = 30  # a short last line under the last section is its 落款, not its text
_TITLE = re.compile(rf"^(?P<before>.*?)(?P<number>{YEAR_PATTERN})年度?(?P<after>\D*报告)$")
_TITLE_WORDS = re.compile(r"(政府信息公开|政务公开|信息公开)")
_TITLE_FILLER = re.compile(r"^关于|的$|关于$")
# Lines a web page puts around a report: they are the page's, not the report's.
WEB_LINE = re.compile(
    r"^(发布日期|发布时间|发文日期|来源|信息来源|浏览次数|阅读次数|点击数|访问量|字号|【|\[|索引号|分享|打印|关闭|扫一扫|"
    r"当前位置|首页|您当前的位置|上一篇|下一篇|责任编辑|附件)"
)
_SITE = re.compile(r"(网站|网|门户)$|[：:]")  # a site's name, a labelled line: not part of a title
_DATE_AT_END = re.compile(rf"(?P<date>{YEAR_PATTERN}年\S{{1,3}}月\S{{1,3}}日)$")


def _agency(before: str, after: str) -> str:
    """The agency of '叶城县科学技术局2024年度…报告' (before the year) or '2024年上海市科委…报告' (after it)."""
    if before:
        return _TITLE_FILLER.sub("", before)
    words = _TITLE_WORDS.search(after)
    return _TITLE_FILLER.sub("", after[: words.start()]) if words else ""


def title_of(text: str, template: Template) -> tuple[str, int] | None:
    """(agency, year) when a text is a report's title."""
    match = _TITLE.match(without_spaces(text))
    year = parse_year(match["number"]) if match else None
    if match is None or year is None:
        return None
    words = _TITLE_WORDS.search(match["after"])
    suffix = match["after"][words.start() :] if words else match["after"]
    if similarity(suffix, template.title_suffix) < 0.6:
        return None
    return _agency(match["before"], match["after"]), year


def find_title(lines: list[str], template: Template) -> tuple[str, int | None, int]:
    """(agency, year, lines used up to the end of the title) from the first lines; ('', None, 0) if none is
    a title. The line naming the year and 报告 ends the title; the agency, when that line lacks it, is on
    the one or two lines above it (not a web page's lines)."""
    for end in range(min(HEAD_LINES, len(lines))):
        found = title_of(lines[end], template)
        if found is None:
            continue
        agency, year = found
        for count in range(1, TITLE_LINES):
            above = lines[max(0, end - count) : end]
            if agency or len(above) < count or any(WEB_LINE.match(line) or _SITE.search(line) for line in above):
                break
            agency = (title_of("".join([*above, lines[end]]), template) or ("", year))[0]
        return agency, year, end + 1
    return "", None, 0


def date_line(text: str) -> tuple[str, date] | None:
    """(what stands before the date, the date) when a line is a date or ends with one (落款 and date on one line)."""
    line = without_spaces(text).strip("（）()")
    issued = parse_date(line)
    if issued is not None:
        return "", issued
    match = _DATE_AT_END.search(line)
    if match is not None and (issued := parse_date(match["date"])) is not None:
        return line[: match.start()], issued
    return None


def is_signatory(line: str) -> bool:
    """Whether the last line of the text, once the date is taken off, is its 落款: short, not a sentence."""
    return len(line) <= MAX_SIGNATORY and not line.endswith(("。", "；", "，"))


def titled_meta(agency: str, year: int | None, template: Template) -> tuple[Meta, list[ImportNote]]:
    """The meta a title gives (agency, its kind guessed from the name, year) and the notes it calls for:
    the kind noted as guessed when there is an agency, a year before the template's format noted as old."""
    meta = Meta(agency=agency, agency_kind=template.agency_kind_of(agency), year=year)
    notes = [ImportNote("guessed", MetaId.AGENCY_KIND, found=meta.agency_kind)] if agency else []
    if year is not None and year < template.first_year:
        notes += [ImportNote("old_format", "", found=str(year)) for _ in template.superseded[:1]]
    return meta, notes
