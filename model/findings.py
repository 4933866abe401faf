"""Findings: what the checker says about a report, as plain values with stable codes and locations."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from model.field_paths import part_id


class Severity(Enum):
    ERROR = "error"  # the report is wrong and must not be published as is
    WARNING = "warning"  # probably wrong: a person should look


@dataclass(frozen=True)
class Location:
    """A table cell (table, row, column) or a field path such as 'meta.issue_date'."""

    table: str | None = None
    row: str | None = None
    column: str | None = None
    field: str | None = None

    def to_json(self) -> dict[str, str]:
        keys = ("table", "row", "column", "field")
        return {k: v for k in keys if (v := getattr(self, k)) is not None}

    @property
    def part_id(self) -> str:
        """The part of the report this location is in: a table id, 'meta', a narrative section or text id."""
        return self.table or part_id(self.field or "")


def cell(table: str, row: str, column: str) -> Location:
    return Location(table=table, row=row, column=column)


def field_at(path: str) -> Location:
    return Location(field=path)


@dataclass(frozen=True)
class Finding:
    severity: Severity
    code: str
    location: Location
    message: str
    related: tuple[Location, ...] = ()  # other cells or fields the finding concerns
    reviewed: str | None = None  # a person's reason for accepting this warning, if any
    basis: str | None = None  # the clause enforced, e.g. "国办公开办函〔2021〕30号 二（五）", or COMMON_PROBLEM

    @property
    def locations(self) -> tuple[Location, ...]:
        return (self.location, *self.related)

    def with_review(self, reason: str) -> Finding:
        return replace(self, reviewed=reason)

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "severity": self.severity.value,
            "code": self.code,
            "location": self.location.to_json(),
            "message": self.message,
        }
        if self.basis is not None:
            data["basis"] = self.basis
        if self.reviewed is not None:
            data["reviewed"] = self.reviewed
        return data


COMMON_PROBLEM = "常见问题"  # the basis of a rule no clause states: a mistake reviewers often reject


def error(
    code: str, location: Location, message: str, related: tuple[Location, ...] = (), basis: str | None = None
) -> Finding:
    return Finding(Severity.ERROR, code, location, message, related, basis=basis)


def warning(
    code: str, location: Location, message: str, related: tuple[Location, ...] = (), basis: str | None = None
) -> Finding:
    return Finding(Severity.WARNING, code, location, message, related, basis=basis)
