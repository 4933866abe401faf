"""Field paths: how a finding, a review, an undo step or an editor names a field of the report.

    meta.<field id>                                   a meta field
    narrative.<text id>                               a report-level text (开头语, 结束语)
    narrative.<section id>.intro                      a narrative section's opening text
    narrative.<section id>.subsections[<i>].title     a subsection's title (or .text)

This module is the only one that writes or parses these strings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from model.report import MetaValue, Report, Subsection
from model.template import SectionKind, Template, TextPartSpec

META = "meta"
NARRATIVE = "narrative"
_SUBSECTION = re.compile(r"^narrative\.(\w+)\.subsections\[(\d+)\]\.(title|text)$")
_INTRO = re.compile(r"^narrative\.(\w+)\.intro$")
_SIMPLE = re.compile(r"^(meta|narrative)\.(\w+)$")


class PathKind(Enum):
    META = "meta"
    TEXT = "text"  # a report-level text
    INTRO = "intro"
    SUBSECTION = "subsection"


class SubsectionPart(Enum):
    TITLE = "title"
    TEXT = "text"


@dataclass(frozen=True)
class FieldPath:
    kind: PathKind
    key: str  # the meta field, text or section id
    index: int = 0  # the subsection, for SUBSECTION
    part: SubsectionPart = SubsectionPart.TEXT  # for SUBSECTION

    def __str__(self) -> str:
        if self.kind is PathKind.META:
            return meta_path(self.key)
        if self.kind is PathKind.TEXT:
            return text_path(self.key)
        if self.kind is PathKind.INTRO:
            return intro_path(self.key)
        return subsection_path(self.key, self.index, self.part)


def meta_path(field_id: str) -> str:
    return f"{META}.{field_id}"


def text_path(part_id: str) -> str:
    return f"{NARRATIVE}.{part_id}"


def intro_path(section_id: str) -> str:
    return f"{NARRATIVE}.{section_id}.intro"


def subsections_path(section_id: str) -> str:
    """The list of a section's subsections (in the report file; not a field of its own)."""
    return f"{NARRATIVE}.{section_id}.subsections"


def subsection_path(section_id: str, index: int, part: SubsectionPart | None = None) -> str:
    """A subsection's title or text; without `part`, the subsection itself (in the report file)."""
    path = f"{subsections_path(section_id)}[{index}]"
    return f"{path}.{part.value}" if part is not None else path


def parse(path: str) -> FieldPath | None:
    """The field a path names; None when it is no field path."""
    if match := _SUBSECTION.match(path):
        return FieldPath(PathKind.SUBSECTION, match[1], int(match[2]), SubsectionPart(match[3]))
    if match := _INTRO.match(path):
        return FieldPath(PathKind.INTRO, match[1])
    if match := _SIMPLE.match(path):
        return FieldPath(PathKind.META if match[1] == META else PathKind.TEXT, match[2])
    return None


def part_id(path: str) -> str:
    """The part of the report a path belongs to: 'meta', a narrative section id or a text id."""
    parsed = parse(path)
    if parsed is None:
        return path.split(".")[0]
    return META if parsed.kind is PathKind.META else parsed.key


def get_field(report: Report, path: str) -> MetaValue:
    """The value at a path; KeyError when the path names nothing in this report."""
    parsed = _parsed(report, path)
    if parsed.kind is PathKind.META:
        return report.meta.get(parsed.key)
    if parsed.kind is PathKind.TEXT:
        return report.narrative.text(parsed.key)
    section = report.narrative.section(parsed.key)
    if parsed.kind is PathKind.INTRO:
        return section.intro
    subsection = _subsection(section.subsections, parsed.index, path)
    return subsection.title if parsed.part is SubsectionPart.TITLE else subsection.text


def set_field(report: Report, path: str, value: MetaValue) -> None:
    """Put a value at a path; KeyError when the path names nothing in this report."""
    parsed = _parsed(report, path)
    if parsed.kind is PathKind.META:
        report.meta.set(parsed.key, value)
        return
    text = value if isinstance(value, str) else ""
    if parsed.kind is PathKind.TEXT:
        report.narrative.set_text(parsed.key, text)
        return
    section = report.narrative.section(parsed.key)
    if parsed.kind is PathKind.INTRO:
        section.intro = text
        return
    subsection = _subsection(section.subsections, parsed.index, path)
    if parsed.part is SubsectionPart.TITLE:
        subsection.title = text
    else:
        subsection.text = text


def text_fields(report: Report) -> Iterator[tuple[str, str]]:
    """Every narrative text with its path, in the order the report prints them."""
    for part in report.template.print_order:
        if isinstance(part, TextPartSpec):
            yield text_path(part.id), report.narrative.text(part.id)
        elif part.kind is SectionKind.NARRATIVE:
            narrative = report.narrative.section(part.id)
            yield intro_path(part.id), narrative.intro
            for i, sub in enumerate(narrative.subsections):
                yield subsection_path(part.id, i, SubsectionPart.TITLE), sub.title
                yield subsection_path(part.id, i, SubsectionPart.TEXT), sub.text


def _parsed(report: Report, path: str) -> FieldPath:
    """The path parsed, if it names a part the report's template has."""
    parsed = parse(path)
    if parsed is None or parsed.key not in _keys(report.template, parsed.kind):
        raise KeyError(path)
    return parsed


def _keys(template: Template, kind: PathKind) -> set[str]:
    if kind is PathKind.META:
        return {spec.id for spec in template.meta_fields}
    if kind is PathKind.TEXT:
        return {part.id for part in template.texts}
    return {section.id for section in template.narrative_sections}


def _subsection(subsections: list[Subsection], index: int, path: str) -> Subsection:
    if not 0 <= index < len(subsections):
        raise KeyError(path)
    return subsections[index]
