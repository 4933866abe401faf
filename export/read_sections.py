"""A report's text cut into its sections by their headings, and a section into its subsections, shared by
the Word importer and the Excel importer's reading of a hand-made workbook.

A heading is numbered 二、 as the template numbers it, or （二） as 30号's explanatory text does, and
worded as either; a subsection starts with （一）, its title run in (“主动公开情况。根据…”) or on a line
of its own.
"""

from __future__ import annotations

import re

from export.label_matching import similarity
from export.read_meta import WEB_LINE
from model.labels import forgiving_key
from model.numerals import split_ordinal, subsection_index
from model.report import Narrative, NarrativeSection, Subsection
from model.template import Placement, SectionSpec, Template

_TITLE_END = re.compile(r"[。：:]")
MAX_SUBSECTION_TITLE = 40
MAX_HEADING_EXTRA = 12  # a heading line may carry a few more characters than the statutory one
EXPLANATORY_SIMILARITY = 0.8  # a heading numbered （二） as the notice's text numbers it must be this close


def heading_of(text: str, template: Template, seen: set[str]) -> SectionSpec | None:
    """The section a line heads: numbered 二、 as the template numbers it, or （二） as the notice's
    explanatory text does, worded as either (a little more closely when numbered （二）)."""
    key = forgiving_key(text)
    number, body = split_ordinal(key)
    if not number:
        return None
    index = subsection_index(number)
    for position, spec in enumerate(template.sections):
        if spec.id in seen or len(key) > len(spec.heading) + MAX_HEADING_EXTRA:
            continue
        numbered = number == forgiving_key(spec.heading)[: len(number)]
        if not numbered and index != position:
            continue
        titles = (spec.title, spec.explanatory_title or spec.title)
        score = max(similarity(body, t) for t in titles)
        if score >= (0.6 if numbered else EXPLANATORY_SIMILARITY):
            return spec
    return None


def _split_subsection_title(rest: str) -> tuple[str, str]:
    """'主动公开情况。根据…' → ('主动公开情况。', '根据…'); a short line alone is a title on its own line."""
    end = _TITLE_END.search(rest[: MAX_SUBSECTION_TITLE + 1])
    if end is not None:
        return rest[: end.end()], rest[end.end() :].strip()
    if len(rest) <= MAX_SUBSECTION_TITLE:
        return rest.strip(), ""
    return "", rest


def parse_section(lines: list[str]) -> NarrativeSection:
    intro: list[str] = []
    subsections: list[tuple[str, list[str]]] = []
    for line in lines:
        number, rest = split_ordinal(line)
        if subsection_index(number) is not None:
            title, text = _split_subsection_title(rest)
            subsections.append((title, [text] if text else []))
        elif subsections:
            subsections[-1][1].append(line)
        else:
            intro.append(line)
    return NarrativeSection("\n".join(intro), [Subsection(t, "\n".join(text)) for t, text in subsections])


def narrative_of(head: list[str], title_lines: int, sections: dict[str, list[str]], template: Template) -> Narrative:
    """Each narrative section from the lines under its heading; what stands between the title (its first
    `title_lines` lines of `head`) and the first heading is the text the template prints before the
    first section (开头语), web page lines left out."""
    parsed = {s.id: parse_section(sections.get(s.id, [])) for s in template.narrative_sections}
    opening = template.texts_at(template.sections[0].id, Placement.BEFORE)
    preamble = [line for line in head[title_lines:] if not WEB_LINE.match(line)]
    return Narrative(sections=parsed, texts={opening[0].id: "\n".join(preamble)} if opening else {})
