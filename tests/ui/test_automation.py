"""ui/automation.py: the NIANBAO_SCRIPT hook, in-process — nothing happens without the variable; with
it, the script runs at the event loop's first turn: it answers the recovery offer (default
"later"), applies its edits as typed input through undo commands, writes the window's state and
leaves the event loop without closing the window. (A killed process and the next start are
tests/ui/test_autosave.py's.)"""

from __future__ import annotations

import json
import time
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from model.report import Report
from model.serialize import report_from_dict, report_to_dict
from model.values import CellValue
from tests.factories import consistent_report
from ui.app import offer_recovery
from ui.automation import SCRIPT_VARIABLE, run_script, schedule
from ui.autosave import Autosaver, Recovery, find_orphans
from ui.document import ReportDocument
from ui.main_window import MainWindow

NEW_AGENCY = "叶城县科技局（改）"


class FakeOffer:
    """Stands in for ui.app.offer_recovery: records each call and answers `restored`."""

    def __init__(self, restored: bool = False) -> None:
        self.calls: list[tuple[list[Recovery], str]] = []
        self.restored = restored

    def __call__(self, window: MainWindow, orphans: list[Recovery], answer: str) -> bool:
        self.calls.append((list(orphans), answer))
        return self.restored


def write_script(folder: Path, **script: object) -> Path:
    path = folder / "脚本.json"
    path.write_text(json.dumps(script, ensure_ascii=False), encoding="utf-8")  # UTF-8, Chinese as is
    return path


def read_state(path: Path) -> dict[str, object]:
    state: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return state


def an_orphan(folder: Path) -> Recovery:
    return Recovery(folder / "autosave-1-1.recovery.json", consistent_report(), None, datetime(2025, 1, 17, 9, 30))


@pytest.fixture
def no_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Any question the window would ask (unsaved changes, a message box) is recorded, not shown."""
    asked: list[str] = []
    monkeypatch.setattr("ui.main_window.ask_unsaved", lambda *_: asked.append("unsaved"))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)
    return asked


@pytest.mark.parametrize("value", [None, ""], ids=["unset", "empty"])
def test_without_a_script_nothing_is_scheduled(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str | None
) -> None:
    if value is None:
        monkeypatch.delenv(SCRIPT_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(SCRIPT_VARIABLE, value)
    offer = FakeOffer()
    assert schedule(window, [an_orphan(tmp_path)], offer) is False
    qtbot.wait(20)
    assert offer.calls == []
    assert window.document.undo_stack.count() == 0


def test_the_script_runs_at_the_first_turn_of_the_event_loop_and_leaves_it_with_the_window_open(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_questions: list[str]
) -> None:
    state_file = tmp_path / "state.json"
    script = write_script(
        tmp_path,
        edits=[{"field": "meta.agency", "value": NEW_AGENCY}],
        state_file=str(state_file),
        quit=True,
    )
    monkeypatch.setenv(SCRIPT_VARIABLE, str(script))
    assert schedule(window, [], FakeOffer()) is True
    assert window.document.undo_stack.count() == 0 and not state_file.exists()  # not yet: at the first turn
    way_out = QTimer(singleShot=True, interval=5_000)  # the test's own, if the script never quits
    way_out.timeout.connect(lambda: QApplication.exit(1))
    way_out.start()
    started = time.time()
    try:
        assert QApplication.exec() == 0
    finally:
        way_out.stop()
    state = read_state(state_file)
    assert started <= float(str(state["usable_at"])) <= time.time()
    assert window.document.report.meta.agency == NEW_AGENCY
    assert window.isVisible()  # left without a close event …
    assert no_questions == []  # … so nobody was asked to save the change


def test_without_quit_the_event_loop_goes_on(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: exits.append(code)))
    run_script(window, write_script(tmp_path, quit=False), [], FakeOffer())
    qtbot.wait(20)
    assert exits == []
    run_script(window, write_script(tmp_path, quit=True), [], FakeOffer())
    qtbot.waitUntil(lambda: exits == [0], timeout=1000)


@pytest.mark.parametrize(
    ("table", "row", "column", "typed", "value"),
    [
        ("applications", "new_received", "research", "3", 3),
        ("applications", "new_received", "research", " １２ ", 12),  # full-width, as an input method types it
        ("active_disclosure", "administrative_fees", "amount", "0.50", Decimal("0.50")),  # the fee is 万元
        ("applications", "carried_over", "natural_person", "", None),  # blank: no longer filled in
    ],
    ids=["count", "full-width", "fee", "blank"],
)
def test_a_cell_edit_is_parsed_as_the_grid_parses_typing_and_is_one_undo_step(
    window: MainWindow, tmp_path: Path, table: str, row: str, column: str, typed: str, value: CellValue
) -> None:
    report = window.document.report
    before = report.stored(table, row, column)
    run_script(window, write_script(tmp_path, edits=[{"cell": [table, row, column], "value": typed}]), [], FakeOffer())
    stored = report.stored(table, row, column)
    assert (stored, type(stored)) == (value, type(value))
    assert window.document.undo_stack.count() == 1
    assert window.isWindowModified()
    window.undo_action.trigger()
    assert report.stored(table, row, column) == before


@pytest.mark.parametrize(
    ("path", "typed", "value"),
    [("meta.year", "2025", 2025), ("meta.issue_date", "2025-01-20", date(2025, 1, 20))],
    ids=["year", "issue-date"],
)
def test_a_field_edit_is_stored_as_the_form_stores_what_a_person_types(
    window: MainWindow, tmp_path: Path, path: str, typed: str, value: object
) -> None:
    run_script(window, write_script(tmp_path, edits=[{"field": path, "value": typed}]), [], FakeOffer())
    stored = window.document.report.meta.get(path.removeprefix("meta."))
    assert (stored, type(stored)) == (value, type(value))


def test_edits_apply_in_order_and_the_state_file_shows_the_window_after_them(
    window: MainWindow, tmp_path: Path
) -> None:
    state_file = tmp_path / "state.json"
    edits = [
        {"cell": ["applications", "new_received", "research"], "value": "3"},
        {"field": "meta.agency", "value": "第一个名称"},
        {"field": "meta.agency", "value": NEW_AGENCY},
        {"cell": ["applications", "new_received", "research"], "value": "4"},
    ]
    run_script(window, write_script(tmp_path, edits=edits, state_file=str(state_file)), [], FakeOffer())
    report = window.document.report
    assert (report.meta.agency, report.stored("applications", "new_received", "research")) == (NEW_AGENCY, 4)
    assert window.document.undo_stack.count() == len(edits)  # each edit its own step
    state = read_state(state_file)
    assert state["title"] == window.windowTitle()
    assert state["modified"] is True
    assert (state["offered"], state["restored"]) == ([], False)
    assert state["report"] == report_to_dict(report)
    saved = state["report"]
    assert isinstance(saved, dict)
    assert report_from_dict(saved).meta.agency == NEW_AGENCY  # the report file's dict, readable as one
    window.undo_action.trigger()
    assert report.stored("applications", "new_received", "research") == 3


def test_without_a_state_file_nothing_is_written(window: MainWindow, tmp_path: Path) -> None:
    script = write_script(tmp_path, edits=[{"field": "meta.agency", "value": NEW_AGENCY}])
    run_script(window, script, [], FakeOffer())
    assert [p.name for p in tmp_path.iterdir()] == [script.name]


@pytest.mark.parametrize(
    ("script", "answer", "restored"),
    [({}, "later", False), ({"recovery": "restore"}, "restore", True), ({"recovery": "discard"}, "discard", False)],
    ids=["default-later", "restore", "discard"],
)
def test_the_recovery_offer_is_answered_as_the_script_says(
    window: MainWindow, tmp_path: Path, script: dict[str, str], answer: str, restored: bool
) -> None:
    orphans = [an_orphan(tmp_path)]
    offer = FakeOffer(restored)
    state_file = tmp_path / "state.json"
    run_script(window, write_script(tmp_path, state_file=str(state_file), **script), orphans, offer)
    assert offer.calls == [(orphans, answer)]
    state = read_state(state_file)
    assert state["offered"] == [str(orphans[0].path)]
    assert state["restored"] is restored


def test_with_no_orphans_there_is_no_offer_whatever_the_script_says(window: MainWindow, tmp_path: Path) -> None:
    offer = FakeOffer(restored=True)
    state_file = tmp_path / "state.json"
    run_script(window, write_script(tmp_path, recovery="restore", state_file=str(state_file)), [], offer)
    assert offer.calls == []
    assert read_state(state_file)["restored"] is False


def crashed_copy(folder: Path, report: Report) -> list[Recovery]:
    """The recovery file of a program that died with `report` unsaved."""
    crashed = Autosaver(folder)
    crashed.watch(ReportDocument(report), unsaved=True)
    crashed.release()
    orphans = find_orphans(folder)
    assert len(orphans) == 1
    return orphans


def test_restore_through_the_real_offer_opens_the_orphan_as_unsaved(
    window: MainWindow, tmp_path: Path, no_questions: list[str]
) -> None:
    folder = tmp_path / "appdata"
    folder.mkdir()
    left = consistent_report()
    left.meta.agency = "恢复的机关"
    orphans = crashed_copy(folder, left)
    state_file = tmp_path / "state.json"
    run_script(window, write_script(tmp_path, recovery="restore", state_file=str(state_file)), orphans, offer_recovery)
    state = read_state(state_file)
    assert (state["restored"], state["modified"]) == (True, True)
    assert window.document.report.meta.agency == "恢复的机关"
    assert not orphans[0].path.exists()
    assert no_questions == []


def test_by_default_the_real_offer_asks_nothing_and_keeps_the_orphan(
    window: MainWindow, tmp_path: Path, report: Report, no_questions: list[str]
) -> None:
    folder = tmp_path / "appdata"
    folder.mkdir()
    orphans = crashed_copy(folder, consistent_report())
    state_file = tmp_path / "state.json"
    run_script(window, write_script(tmp_path, state_file=str(state_file)), orphans, offer_recovery)
    assert read_state(state_file)["restored"] is False
    assert no_questions == []  # "later" stands in for the click: no dialog on a scripted run
    assert orphans[0].path.exists()
    assert window.document.report is report
