"""ui/document.py: the open report as the window sees it — every cell edit and review is one undoable
command, undo and redo restore values, reviews and findings, a change that changes nothing is no
step, and the views are told (cellsChanged, findingsChanged, changed, pathChanged)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from model.report import Report
from model.reviews import mark_reviewed
from model.values import CellValue, Invalid
from tests.ui.pages import report_with_drift
from ui.document import CellChange, ReportDocument, ReviewCommand

APPS = "applications"
ONE_MORE_RECEIVED: list[CellChange] = [("new_received", "research", 3)]  # 一+二 no longer equals 三+四
REASON = "已废止1件、另有2件上年漏报"


class Heard:
    """What the document's signals said, in order."""

    def __init__(self, document: ReportDocument) -> None:
        self.events: list[tuple[str, ...]] = []
        document.changed.connect(lambda: self.events.append(("changed",)))
        document.cellsChanged.connect(lambda table: self.events.append(("cellsChanged", table)))
        document.findingsChanged.connect(lambda: self.events.append(("findingsChanged",)))
        document.pathChanged.connect(lambda: self.events.append(("pathChanged",)))

    def names(self) -> list[str]:
        return [event[0] for event in self.events]


@pytest.fixture
def document(qtbot: QtBot, report: Report) -> Iterator[ReportDocument]:
    opened = ReportDocument(report)
    yield opened
    opened.deleteLater()


@pytest.fixture
def drifting(qtbot: QtBot) -> Iterator[ReportDocument]:
    """A document whose one finding is the IN_FORCE_DRIFT warning."""
    opened = ReportDocument(report_with_drift())
    yield opened
    opened.deleteLater()


def codes(document: ReportDocument) -> set[str]:
    return {f.code for f in document.findings}


def drift_review(document: ReportDocument) -> str | None:
    (drift,) = document.findings
    assert drift.code == "IN_FORCE_DRIFT"
    return drift.reviewed


def test_a_new_document_is_checked_with_nothing_to_undo(document: ReportDocument, drifting: ReportDocument) -> None:
    assert document.findings == []
    assert codes(drifting) == {"IN_FORCE_DRIFT"}
    assert document.undo_stack.count() == 0 and document.undo_stack.isClean()
    assert document.path is None


def test_changing_several_cells_is_one_undoable_step(document: ReportDocument) -> None:
    pasted: list[CellChange] = [("new_received", "research", 3), ("carried_over", "commercial", None)]

    def values() -> list[CellValue]:
        return [document.report.stored(APPS, row, column) for row, column, _ in pasted]

    document.set_cells(APPS, pasted, "粘贴")
    assert values() == [3, None]
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "粘贴"
    document.undo_stack.undo()
    assert values() == [0, 0]
    document.undo_stack.redo()
    assert values() == [3, None]


def test_the_default_step_name_is_editing_a_cell(document: ReportDocument) -> None:
    document.set_cells(APPS, ONE_MORE_RECEIVED)
    assert document.undo_stack.undoText() == "编辑单元格"


def test_a_value_typed_into_an_empty_cell_is_undone_to_empty(document: ReportDocument) -> None:
    document.report.set_cell(APPS, "carried_over", "research", None)
    document.set_cells(APPS, [("carried_over", "research", 2)])
    document.undo_stack.undo()
    assert document.report.stored(APPS, "carried_over", "research") is None
    assert (APPS, "carried_over", "research") in document.report.unfilled_cells()


@pytest.mark.parametrize(
    ("stored", "changes"),
    [
        ([], [("new_received", "natural_person", 7)]),
        ([], [("new_received", "natural_person", 7), ("new_received", "commercial", 2)]),
        ([("carried_over", "research", None)], [("carried_over", "research", None)]),
        ([("disclosed", "research", Invalid("五"))], [("disclosed", "research", Invalid("五"))]),
        ([], []),  # an empty paste
    ],
    ids=["same-number", "same-block", "still-empty", "same-unreadable-text", "no-cells"],
)
def test_a_change_that_changes_nothing_is_no_step_and_no_signal(
    document: ReportDocument, stored: list[CellChange], changes: list[CellChange]
) -> None:
    for row, column, value in stored:
        document.report.set_cell(APPS, row, column, value)
    heard = Heard(document)
    document.set_cells(APPS, changes)
    assert document.undo_stack.count() == 0
    assert heard.events == []


@pytest.mark.parametrize(
    ("before", "after"),
    [(7, 8), (7, None), (None, 0), (Invalid("七"), 7)],
    ids=["number", "cleared", "zero-into-empty", "invalid-to-number"],
)
def test_one_changed_cell_among_unchanged_ones_is_a_step(
    document: ReportDocument, before: CellValue, after: CellValue
) -> None:
    document.report.set_cell(APPS, "new_received", "natural_person", before)
    document.set_cells(APPS, [("new_received", "commercial", 2), ("new_received", "natural_person", after)])
    assert document.undo_stack.count() == 1
    assert document.report.stored(APPS, "new_received", "natural_person") == after
    document.undo_stack.undo()
    assert document.report.stored(APPS, "new_received", "natural_person") == before


def test_an_edit_and_its_undo_and_redo_tell_the_views(document: ReportDocument) -> None:
    heard = Heard(document)
    document.set_cells(APPS, ONE_MORE_RECEIVED)
    expected = [("cellsChanged", APPS), ("findingsChanged",), ("changed",)]
    assert heard.events == expected  # the table first, then the new findings, then "something changed"
    document.undo_stack.undo()
    document.undo_stack.redo()
    assert heard.events == expected * 3


def test_findings_follow_the_values_through_undo_and_redo(document: ReportDocument) -> None:
    document.set_cells(APPS, ONE_MORE_RECEIVED)
    broken = list(document.findings)
    assert "BALANCE" in codes(document)
    document.undo_stack.undo()
    assert document.findings == []
    document.undo_stack.redo()
    assert document.findings == broken


def test_marking_a_warning_reviewed_is_an_undoable_step(drifting: ReportDocument) -> None:
    (drift,) = drifting.findings
    heard = Heard(drifting)
    drifting.undo_stack.push(ReviewCommand(drifting, drift, REASON))
    assert drift_review(drifting) == REASON
    assert [r.reason for r in drifting.report.reviews] == [REASON]
    assert drifting.undo_stack.undoText() == "标记为已核实"
    assert heard.names() == ["findingsChanged", "changed"]
    drifting.undo_stack.undo()
    assert drift_review(drifting) is None
    assert drifting.report.reviews == []
    drifting.undo_stack.redo()
    assert drift_review(drifting) == REASON


def test_a_review_command_changes_nothing_until_it_is_pushed(drifting: ReportDocument) -> None:
    (drift,) = drifting.findings
    command = ReviewCommand(drifting, drift, REASON)
    assert drifting.report.reviews == []
    assert drift_review(drifting) is None
    assert command.text() == "标记为已核实"


def test_taking_the_mark_away_is_an_undoable_step(drifting: ReportDocument) -> None:
    (drift,) = drifting.findings
    drifting.undo_stack.push(ReviewCommand(drifting, drift, REASON))
    (reviewed,) = drifting.findings
    drifting.undo_stack.push(ReviewCommand(drifting, reviewed, None))
    assert drifting.undo_stack.undoText() == "取消已核实"
    assert drift_review(drifting) is None
    assert drifting.report.reviews == []
    drifting.undo_stack.undo()
    assert drift_review(drifting) == REASON
    drifting.undo_stack.undo()
    assert drift_review(drifting) is None
    assert drifting.undo_stack.count() == 2


def test_undoing_a_review_restores_the_earlier_reason(drifting: ReportDocument) -> None:
    (drift,) = drifting.findings
    drifting.undo_stack.push(ReviewCommand(drifting, drift, REASON))
    drifting.undo_stack.push(ReviewCommand(drifting, drifting.findings[0], "另一理由"))
    assert drift_review(drifting) == "另一理由"
    assert len(drifting.report.reviews) == 1  # replaced, not added
    drifting.undo_stack.undo()
    assert drift_review(drifting) == REASON


def test_recheck_applies_the_reviews_the_report_holds(qtbot: QtBot) -> None:
    report = report_with_drift()
    opened = ReportDocument(report)
    (drift,) = opened.findings
    mark_reviewed(report, drift, REASON)  # as a file read from disk has them
    heard = Heard(opened)
    opened.recheck()
    assert drift_review(opened) == REASON
    assert heard.names() == ["findingsChanged"]
    assert drift_review(ReportDocument(report)) == REASON  # and a document opened on it starts so


def test_notify_changed_rechecks_and_says_changed(document: ReportDocument) -> None:
    document.report.meta.agency = ""
    heard = Heard(document)
    document.notify_changed()
    assert "MISSING" in codes(document)
    assert heard.names() == ["findingsChanged", "changed"]


def test_set_path_tells_the_views(document: ReportDocument, tmp_path: Path) -> None:
    heard = Heard(document)
    document.set_path(tmp_path / "叶城.nianbao.json")
    assert document.path == tmp_path / "叶城.nianbao.json"
    document.set_path(None)
    assert document.path is None
    assert heard.names() == ["pathChanged", "pathChanged"]
    assert document.undo_stack.count() == 0  # a new name is no edit
