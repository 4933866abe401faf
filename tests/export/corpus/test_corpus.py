"""The reading corpus (make_corpus.py): every document reads to exactly its expected cells, meta and findings.

A cell read wrong, a number guessed in a table that cannot be read, a missing or extra finding — each
fails its document's case, named after the variation it covers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from export import read_grid, read_report
from model.checks import check
from model.report import Report
from model.template import TEMPLATE_2021
from model.values import format_value
from tests.export.corpus.make_corpus import TABLE_CODES, finding_key

HERE = Path(__file__).parent
EXPECTED: dict[str, dict[str, object]] = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))


def cells(report: Report) -> dict[str, str]:
    found = {}
    for table in TEMPLATE_2021.tables:
        for row, column in table.cells():
            value = report.stored(table.id, row.id, column.id)
            if value is not None:
                found[f"{table.id}/{row.id}/{column.id}"] = format_value(value)
    return found


def findings(report: Report) -> list[list[str | None]]:
    found = []
    for f in check(report):
        if f.code in TABLE_CODES:
            found.append([f.code, f.location.table, None, None])
        elif f.location.table is not None:
            found.append([f.code, f.location.table, f.location.row, f.location.column])
    return sorted(found, key=finding_key)


def test_the_corpus_is_large_and_varied_enough() -> None:
    names = list(EXPECTED)
    assert len(names) >= 30
    assert sum(n.endswith(".xlsx") for n in names) >= 5
    assert sum(n.startswith("lo-") for n in names) >= 5


@pytest.fixture(scope="module", params=sorted(EXPECTED), ids=lambda name: name.rsplit(".", 1)[0])
def case(request: pytest.FixtureRequest) -> tuple[dict[str, object], Report]:
    name: str = request.param
    return EXPECTED[name], read_report(HERE / "files" / name)


def test_every_cell_is_read_as_typed_and_no_other(case: tuple[dict[str, object], Report]) -> None:
    expected, report = case
    assert cells(report) == expected["cells"]


def test_the_findings_are_exactly_those_of_the_typed_numbers_and_the_layout(
    case: tuple[dict[str, object], Report],
) -> None:
    expected, report = case
    assert findings(report) == expected["findings"]


def test_agency_year_and_date_are_read(case: tuple[dict[str, object], Report]) -> None:
    expected, report = case
    meta = expected["meta"]
    assert isinstance(meta, dict)
    found = {key: report.meta.get(key) for key in meta}
    if "issue_date" in found and found["issue_date"] is not None:
        found["issue_date"] = found["issue_date"].isoformat()  # type: ignore[union-attr]
    assert found == meta


def test_what_a_batch_remembers_changes_no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """Label kinds and table shapes are remembered across the files of a batch; each file still reads
    as it does alone, in a process that has read nothing before it."""
    names = sorted(EXPECTED)
    after_all_others = {name: cells(read_report(HERE / "files" / name)) for name in [*names, *reversed(names)]}
    for name in names:
        monkeypatch.setattr(read_grid, "_VOCABULARIES", {})
        assert cells(read_report(HERE / "files" / name)) == after_all_others[name], name
