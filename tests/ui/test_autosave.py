"""Autosave and recovery: edits reach the recovery file within 2 s; a killed program's report is
offered at the next start; saving or a clean exit leaves nothing to recover."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from model import Report, save_report
from ui.app import offer_recovery
from ui.autosave import Autosaver, find_orphans
from ui.document import ReportDocument
from ui.forms.editors import FieldBinding
from ui.main_window import MainWindow
from ui.settings import DATA_DIR_VARIABLE, Settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, report: Report, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr("ui.main_window.ask_unsaved", lambda *_: QMessageBox.StandardButton.Discard)
    main = MainWindow(Settings(tmp_path), Autosaver(tmp_path))
    path = tmp_path / "叶城.nianbao.json"
    save_report(report, path)
    main.open_path(path)
    qtbot.addWidget(main)
    return main


def edit_agency(window: MainWindow, text: str) -> None:
    FieldBinding(window.document, "meta.agency", "机关名称").push(text)


def recovery_file(window: MainWindow) -> Path:
    assert window.autosaver is not None
    return window.autosaver.path


def test_an_edit_reaches_the_recovery_file_within_two_seconds(window: MainWindow, qtbot: QtBot) -> None:
    assert not recovery_file(window).exists()  # a freshly opened file has nothing to recover
    edit_agency(window, "叶城县科技局")
    started = time.monotonic()
    qtbot.waitUntil(recovery_file(window).exists, timeout=2000)
    assert time.monotonic() - started < 2
    saved = json.loads(recovery_file(window).read_text(encoding="utf-8"))
    assert saved["report"]["meta"]["agency"] == "叶城县科技局"
    assert saved["source"].endswith("叶城.nianbao.json")


def test_saving_and_undoing_to_the_saved_state_remove_the_recovery_file(window: MainWindow) -> None:
    assert window.autosaver is not None
    edit_agency(window, "叶城县科技局")
    window.autosaver.write_now()
    assert recovery_file(window).exists()
    assert window.save()
    assert not recovery_file(window).exists()
    edit_agency(window, "另一个名称")
    window.autosaver.write_now()
    window.undo_action.trigger()
    window.autosaver.write_now()
    assert not recovery_file(window).exists()


def test_a_running_windows_file_is_not_an_orphan(window: MainWindow, tmp_path: Path) -> None:
    assert window.autosaver is not None
    edit_agency(window, "叶城县科技局")
    window.autosaver.write_now()
    assert find_orphans(tmp_path) == []
    window.autosaver.release()  # as if the process had ended without a clean exit
    orphans = find_orphans(tmp_path)
    assert [o.report.meta.agency for o in orphans] == ["叶城县科技局"]


def test_a_clean_close_leaves_nothing_to_recover(window: MainWindow, tmp_path: Path) -> None:
    assert window.autosaver is not None
    edit_agency(window, "叶城县科技局")
    window.autosaver.write_now()
    assert window.close()  # 不保存 (patched answer)
    assert find_orphans(tmp_path) == []
    assert not list(tmp_path.glob("autosave-*"))


def test_restoring_an_orphan_opens_it_as_unsaved_and_keeps_it_safe(
    qtbot: QtBot, tmp_path: Path, report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.main_window.ask_unsaved", lambda *_: QMessageBox.StandardButton.Discard)
    crashed = Autosaver(tmp_path)
    report.meta.agency = "恢复的机关"
    document = ReportDocument(report, tmp_path / "原来的.nianbao.json")
    crashed.watch(document, unsaved=True)
    crashed.release()
    orphans = find_orphans(tmp_path)
    main = MainWindow(Settings(tmp_path), Autosaver(tmp_path))
    qtbot.addWidget(main)
    assert offer_recovery(main, orphans, "restore")
    assert main.document.report.meta.agency == "恢复的机关"
    assert main.document.path == tmp_path / "原来的.nianbao.json"
    assert main.isWindowModified()
    assert not orphans[0].path.exists()
    assert main.autosaver is not None and main.autosaver.path.exists()  # now this window's own copy


def test_discarding_an_orphan_deletes_it(qtbot: QtBot, tmp_path: Path, report: Report) -> None:
    crashed = Autosaver(tmp_path)
    crashed.watch(ReportDocument(report), unsaved=True)
    crashed.release()
    main = MainWindow(Settings(tmp_path))
    qtbot.addWidget(main)
    assert not offer_recovery(main, find_orphans(tmp_path), "discard")
    assert find_orphans(tmp_path) == []


def start_app(data_dir: Path, script: dict[str, object], *args: str) -> subprocess.Popen[bytes]:
    script_path = data_dir / f"script-{time.monotonic_ns()}.json"
    script_path.write_text(json.dumps(script, ensure_ascii=False), encoding="utf-8")
    env = {**os.environ, DATA_DIR_VARIABLE: str(data_dir), "NIANBAO_SCRIPT": str(script_path)}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), *args], env=env, cwd=ROOT)


def wait_for(path: Path, process: subprocess.Popen[bytes], seconds: float = 30) -> dict[str, object]:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert process.poll() is None, "the app ended early"
        assert time.monotonic() < deadline, "the app did not get ready"
        time.sleep(0.05)
    state: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return state


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="kill -9")
def test_after_kill_9_the_next_start_offers_the_edit(tmp_path: Path, report: Report) -> None:
    data_dir = tmp_path / "appdata"
    data_dir.mkdir()
    report_path = tmp_path / "叶城.nianbao.json"
    save_report(report, report_path)
    edited = tmp_path / "edited.json"
    first = start_app(
        data_dir,
        {
            "edits": [
                {"field": "meta.agency", "value": "叶城县科技局（改）"},
                {"cell": ["applications", "new_received", "research"], "value": "3"},
            ],
            "state_file": str(edited),
        },
        str(report_path),
    )
    try:
        wait_for(edited, first)
        time.sleep(2.5)  # the promise: nothing typed more than 2 s before the kill is lost
        first.send_signal(signal.SIGKILL)
    finally:
        first.kill()
        first.wait()  # reaped: its lock is now stale, not held by a zombie
    (recovery,) = data_dir.glob("autosave-*.recovery.json")
    saved = json.loads(recovery.read_text(encoding="utf-8"))["report"]
    assert saved["meta"]["agency"] == "叶城县科技局（改）"
    assert saved["tables"]["applications"]["new_received"]["research"] == 3

    restarted = tmp_path / "restarted.json"
    second = start_app(data_dir, {"recovery": "restore", "state_file": str(restarted), "quit": True})
    try:
        state = wait_for(restarted, second)
        assert second.wait(timeout=30) == 0
    finally:
        second.kill()
    assert state["offered"] == [str(recovery)]
    assert state["restored"] is True and state["modified"] is True
    assert str(state["title"]).startswith("叶城.nianbao.json[*]")
    restored = state["report"]
    assert isinstance(restored, dict)
    assert restored["meta"]["agency"] == "叶城县科技局（改）"
    assert restored["tables"]["applications"]["new_received"]["research"] == 3
    assert not recovery.exists()  # taken over by the second run's own recovery file
