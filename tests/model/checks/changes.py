"""What the rule modules' case lists share: one change to a consistent report, and table 3's id."""

from __future__ import annotations

from collections.abc import Callable

from model.report import Report

Change = Callable[[Report], None]


def _cell(table: str, row: str, column: str, value: object) -> Change:
    return lambda r: r.set_cell(table, row, column, value)  # type: ignore[arg-type]


APPS = "applications"
