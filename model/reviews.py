"""Warnings a person has marked as reviewed: valid until the values they concern change."""

from __future__ import annotations

import hashlib
import json

from model.field_paths import get_field
from model.findings import Finding, Location, Severity
from model.report import Report, Review
from model.values import format_value


def _value_at(report: Report, location: Location) -> str:
    if location.table and location.row and location.column:
        return format_value(report.stored(location.table, location.row, location.column))
    if location.table:  # a whole row or column (labels): its label is what was reviewed
        return f"{location.table}:{location.row}:{location.column}"
    if location.field is None:
        return ""
    try:
        value = get_field(report, location.field)
    except KeyError:
        return ""
    return "" if value is None else str(value)


def fingerprint(report: Report, finding: Finding) -> str:
    """A digest of the values a finding concerns; a review lapses when it changes."""
    values = [_value_at(report, loc) for loc in finding.locations]
    payload = json.dumps([finding.code, finding.message, values], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def mark_reviewed(report: Report, finding: Finding, reason: str) -> None:
    """Record that a person accepts this warning (errors cannot be waved through)."""
    if finding.severity is not Severity.WARNING:
        raise ValueError("只有提醒可以标记为已核实，错误必须更正")
    unmark(report, finding)
    location = finding.location.to_json()
    report.reviews.append(Review(finding.code, location, reason.strip(), fingerprint(report, finding)))


def unmark(report: Report, finding: Finding) -> None:
    location = finding.location.to_json()
    report.reviews = [r for r in report.reviews if (r.code, r.location) != (finding.code, location)]


def apply_reviews(report: Report, findings: list[Finding]) -> list[Finding]:
    """Findings with `reviewed` set where a still-valid review covers them."""
    if not report.reviews:
        return findings
    by_key = {(r.code, json.dumps(r.location, sort_keys=True)): r for r in report.reviews}
    result = []
    for finding in findings:
        review = by_key.get((finding.code, json.dumps(finding.location.to_json(), sort_keys=True)))
        if (
            review is not None
            and finding.severity is Severity.WARNING
            and review.fingerprint == fingerprint(report, finding)
        ):
            finding = finding.with_review(review.reason)
        result.append(finding)
    return result
