"""Round trips are exact for every report hypothesis can make (issue 18, item 6): the report file
(.nianbao.json) to .docx and back, and to .xlsx and back, give the same report file."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from export import read_report, write_report
from model.report import Report
from model.serialize import report_from_dict, report_to_dict
from model.template import TEMPLATE_2021
from model.values import Invalid
from tests.strategies import reports

ROUND_TRIP = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _differences(got: object, expected: object, path: str = "") -> list[tuple[str, object, object]]:
    """Where two report files differ: (path, got, expected) for each differing leaf."""
    if isinstance(got, dict) and isinstance(expected, dict):
        keys = sorted(set(got) | set(expected), key=str)
        return [d for k in keys for d in _differences(got.get(k), expected.get(k), f"{path}.{k}")]
    return [] if got == expected else [(path, got, expected)]


def _through(report: Report, suffix: str) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"r{suffix}"
        write_report(report, path)
        return report_to_dict(read_report(path))


@settings(max_examples=15, deadline=None)
@given(reports())
def test_the_report_file_round_trip_is_exact(report: Report) -> None:
    assert report_to_dict(report_from_dict(report_to_dict(report))) == report_to_dict(report)


@pytest.mark.slow
@ROUND_TRIP
@given(report=reports())
def test_a_word_round_trip_is_exact(report: Report) -> None:
    assert _differences(_through(report, ".docx"), report_to_dict(report)) == []


@pytest.mark.slow
@ROUND_TRIP
@given(report=reports())
def test_a_workbook_round_trip_is_exact(report: Report) -> None:
    """Invalid values too: a workbook laid out as this app lays it out reads every data cell as typed."""
    assert _differences(_through(report, ".xlsx"), report_to_dict(report)) == []


LABELS = [spec.label for spec in TEMPLATE_2021.meta_fields] + [part.label for part in TEMPLATE_2021.texts]


@pytest.mark.parametrize("label", LABELS)
def test_a_value_that_spells_a_label_loses_nothing_through_a_workbook(report: Report, label: str) -> None:
    """An agency named 年度 once took the year's place in 基本信息, and the year was lost."""
    report.meta.agency = label
    report.meta.contact = label
    report.narrative.section("overview").subsections[0].title = label
    assert _through(report, ".xlsx") == report_to_dict(report)


@pytest.mark.parametrize(
    ("row", "column", "raw"),
    [("review", "total", "00000000\ufcbe0"), ("litigation_after_review", "other", "\U0001241dĚ“>劺信（ü公")],
)
def test_invalid_text_in_table_four_survives_a_workbook(report: Report, row: str, column: str, raw: str) -> None:
    report.set_cell("review_litigation", row, column, Invalid(raw))
    assert _through(report, ".xlsx") == report_to_dict(report)
