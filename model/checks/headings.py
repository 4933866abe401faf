"""HEADING_MISMATCH: a section heading of an imported document worded as neither accepted set of 30号.

The notice accepts the template's headings (二、主动公开政府信息情况) and the wording of its explanatory
text (（二）行政机关主动公开政府信息情况); numbering, punctuation and spacing do not count. The importers
keep each heading whose words differ from the template's in Report.import_notes (kind "heading").
"""

from __future__ import annotations

from model.field_paths import intro_path
from model.findings import Finding, Location, field_at, warning
from model.labels import word_key
from model.report import Report
from model.template import SectionKind, SectionSpec


def _accepted(spec: SectionSpec) -> set[str]:
    return {word_key(spec.heading), word_key(spec.explanatory_title or spec.title)}


def _location(spec: SectionSpec) -> Location:
    return Location(table=spec.id) if spec.kind is SectionKind.TABLE else field_at(intro_path(spec.id))


def check_headings(report: Report) -> list[Finding]:
    """HEADING_MISMATCH for an imported heading whose words are neither the template's nor the notice's."""
    template = report.template
    sections = {s.id: s for s in template.sections}
    findings = []
    for note in report.import_notes:
        spec = sections.get(note.part)
        if note.kind != "heading" or spec is None or word_key(note.found) in _accepted(spec):
            continue
        accepted = f"“{spec.heading}”"
        if spec.explanatory_title:
            accepted += f"或“{spec.number}、{spec.explanatory_title}”"
        message = f"标题“{note.found}”与{template.basis}规定的{accepted}不一致"
        findings.append(warning("HEADING_MISMATCH", _location(spec), message, basis=template.basis))
    return findings
