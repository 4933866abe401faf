"""Reading and writing a report field by its finding path, e.g. 'meta.agency' or
'narrative.overview.subsections[1].text' — the same paths the checker puts in its findings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from model.report import Report, Subsection

FieldValue = str | int | date | None

_SUBSECTION = re.compile(r"^narrative\.(\w+)\.subsections\[(\d+)\]\.(title|text)$")
_INTRO = re.compile(r"^narrative\.(\w+)\.intro$")


@dataclass(frozen=True)
class _Target:
    owner: object
    attribute: str


def _target(report: Report, path: str) -> _Target:
    if path.startswith("meta."):
        return _Target(report.meta, path.removeprefix("meta."))
    if path in ("narrative.preamble", "narrative.closing"):
        return _Target(report.narrative, path.removeprefix("narrative."))
    if match := _INTRO.match(path):
        return _Target(report.narrative.section(match.group(1)), "intro")
    if match := _SUBSECTION.match(path):
        subsections = report.narrative.section(match.group(1)).subsections
        return _Target(subsections[int(match.group(2))], match.group(3))
    raise KeyError(path)


def get_field(report: Report, path: str) -> FieldValue:
    target = _target(report, path)
    value: FieldValue = getattr(target.owner, target.attribute)
    return value


def set_field(report: Report, path: str, value: FieldValue) -> None:
    target = _target(report, path)
    setattr(target.owner, target.attribute, value)


def intro_path(section_id: str) -> str:
    return f"narrative.{section_id}.intro"


def subsection_path(section_id: str, index: int, part: str) -> str:
    return f"narrative.{section_id}.subsections[{index}].{part}"


def copy_subsections(subsections: list[Subsection]) -> list[Subsection]:
    return [Subsection(s.title, s.text) for s in subsections]
