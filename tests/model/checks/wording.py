"""Table-driven tests of the text rules on real wording: a sentence put into a field of the
consistent report, and whether the rule's code is then found there."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from model.checks import check
from model.field_paths import set_field
from model.report import Report

Setup = Callable[[Report], None]


class Wording(NamedTuple):
    """A text (real wording) put at a field path, with whatever else the case needs set up."""

    source: str  # where the wording is from: a seed, or the kind of report it is typical of
    path: str
    text: str
    setup: Setup | None = None


def codes_at(report: Report, wording: Wording) -> set[str]:
    if wording.setup is not None:
        wording.setup(report)
    set_field(report, wording.path, wording.text)
    return {f.code for f in check(report) if f.location.field == wording.path}


def ids(cases: list[Wording]) -> list[str]:
    return [f"{c.source}: {c.text[:24]}" for c in cases]
