"""review.json: the batch review for other programs (docs/review.md documents every field)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from export.review.run import ReviewOutcome
from model.report import Number
from model.review import Review, ReviewEntry
from model.roster import Unit
from model.template import MetaId

FORMAT = "gov-info-annual-report-review"
VERSION = 1


def _number(value: Number | None) -> int | str | None:
    """Counts as numbers; the fee (万元) as an exact decimal string, as in the report file."""
    return str(value) if isinstance(value, Decimal) else value


def _date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _unit(unit: Unit) -> dict[str, object]:
    return {"name": unit.name, "kind": unit.kind, MetaId.CONTACT: unit.contact}


def _entry(entry: ReviewEntry, outcome: ReviewOutcome) -> dict[str, object]:
    summary = entry.summary
    errors, warnings = summary.counts
    letter = outcome.letters.get(summary.file)
    return {
        "file": summary.file,
        MetaId.AGENCY: summary.agency,
        MetaId.AGENCY_KIND: entry.kind,
        MetaId.YEAR: summary.year,
        MetaId.ISSUE_DATE: _date(summary.issue_date),
        "deadline": _date(entry.deadline),
        "timeliness": entry.timeliness.value,
        "days_late": entry.days_late,
        "errors": errors,
        "warnings": warnings,
        "codes": list(summary.codes),
        "key_figures": {k: _number(v) for k, v in summary.key_figures().items()},
        "unit": entry.unit.name if entry.unit else None,
        "candidates": [u.name for u in entry.candidates],
        "included": entry.included,
        "excluded_because": entry.excluded.value if entry.excluded else None,
        "letter": letter.relative_to(outcome.workbook.parent).as_posix() if letter else None,
        "previous_file": summary.previous_file,
        "findings": [f.to_json() for f in summary.findings],
    }


def _totals(review: Review) -> dict[str, dict[str, dict[str, int | str | None]]]:
    tables: dict[str, dict[str, dict[str, int | str | None]]] = {}
    for (table, row, column), value in review.totals().items():
        tables.setdefault(table, {}).setdefault(row, {})[column] = _number(value)
    return tables


def _head(outcome: ReviewOutcome) -> dict[str, object]:
    review = outcome.review
    return {
        "format": FORMAT,
        "version": VERSION,
        "template": review.template.id,
        MetaId.YEAR: review.year,
        "root": str(outcome.root),
        "exit_code": outcome.exit_code,
        "workbook": Path(outcome.workbook).name,
    }


def _tail(outcome: ReviewOutcome) -> dict[str, object]:
    review = outcome.review
    return {
        "missing_units": [_unit(u) for u in review.missing],
        "unmatched_files": [e.summary.file for e in review.unmatched],
        "duplicates": {name: [e.summary.file for e in entries] for name, entries in review.duplicates.items()},
        "unreadable": [{"file": u.file, "reason": u.reason} for u in review.unreadable],
        "previous_unreadable": [{"file": u.file, "reason": u.reason} for u in outcome.previous_unreadable],
        "totals": {"reports": len(review.included), "tables": _totals(review)},
    }


def review_json(outcome: ReviewOutcome) -> dict[str, object]:
    """review.json as one object (for a script; the file is written piece by piece by review_json_bytes)."""
    reports = [_entry(e, outcome) for e in outcome.review.entries]
    return {**_head(outcome), "reports": reports, **_tail(outcome)}


def _members(data: dict[str, object]) -> list[bytes]:
    return [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}".encode() for k, v in data.items()]


def review_json_bytes(outcome: ReviewOutcome) -> bytes:
    """review.json's bytes, each report encoded on its own so that the whole never exists as objects."""
    reports = (json.dumps(_entry(e, outcome), ensure_ascii=False).encode() for e in outcome.review.entries)
    members = [*_members(_head(outcome)), b'"reports": [\n' + b",\n".join(reports) + b"\n]", *_members(_tail(outcome))]
    return b"{\n" + b",\n".join(members) + b"\n}\n"
