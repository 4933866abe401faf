"""Autosave and recovery: edits reach the recovery file within 2 s; a killed program's report is
offered at the next start; saving or a clean exit leaves nothing to recover."""

from __future__ import annotations

import errno
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
from model.serialize import report_from_dict, report_to_dict
from ui.app import install_excepthook, offer_recovery, tell_set_aside
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


# --- damaged recovery files are set aside, never block, never vanish (issue 18, item 3) -----------

DAMAGED = {
    "empty list": "[]",
    "null": "null",
    "a string": '"text"',
    "deep nesting": "[" * 100_000 + "]" * 100_000,
    "not json": "{",
    "report missing": '{"source": null, "written": "2025-01-17T09:30:00"}',
    "report damaged": '{"report": {"format": "gov-info-annual-report", "schema_version": 1, "meta": []}}',
    "bad encoding": b"\xff\xfe\x00garbage",
}


def crashed_copy(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / f"autosave-1-{abs(hash(name))}.recovery.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize("content", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_recovery_file_is_set_aside_and_named(tmp_path: Path, content: str | bytes) -> None:
    path = crashed_copy(tmp_path, "x", content)
    set_aside: list[Path] = []
    assert find_orphans(tmp_path, set_aside) == []
    assert not path.exists() and len(set_aside) == 1
    assert set_aside[0].exists() and set_aside[0].read_bytes() == (
        content if isinstance(content, bytes) else content.encode()
    )
    assert find_orphans(tmp_path) == []  # set aside once, not offered again


def test_the_window_names_what_was_set_aside(qtbot: QtBot, tmp_path: Path) -> None:
    crashed_copy(tmp_path, "x", "[]")
    set_aside: list[Path] = []
    find_orphans(tmp_path, set_aside)
    main = MainWindow(Settings(tmp_path))
    qtbot.addWidget(main)
    tell_set_aside(main, set_aside)
    assert set_aside[0].name in main.statusBar().currentMessage()


@pytest.mark.parametrize(
    ("source", "written"), [(12, "2025-01-17T09:30:00"), (None, "yesterday"), (None, 5), ("x", None)]
)
def test_a_readable_report_is_offered_even_when_the_rest_is_damaged(
    tmp_path: Path, report: Report, source: object, written: object
) -> None:
    report.meta.agency = "恢复的机关"
    content = {"source": source, "written": written, "report": report_to_dict(report)}
    crashed_copy(tmp_path, "ok", json.dumps(content, ensure_ascii=False))
    [orphan] = find_orphans(tmp_path)
    assert orphan.report.meta.agency == "恢复的机关"


@pytest.mark.slow
def test_the_window_starts_over_a_damaged_recovery_file(tmp_path: Path) -> None:
    aside = crashed_copy(tmp_path, "x", "null")
    process = start_app(tmp_path, {"state_file": str(tmp_path / "state.json"), "quit": True})
    state = wait_for(tmp_path / "state.json", process)
    assert process.wait(timeout=30) == 0 and state["offered"] == []
    assert not aside.exists() and list(tmp_path.glob("autosave-1-*-damaged-*.json"))


# --- two windows on one file (issue 18, item 3) ---------------------------------------------------


@pytest.fixture
def second(qtbot: QtBot, tmp_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    other = MainWindow(Settings(tmp_path), Autosaver(tmp_path))
    qtbot.addWidget(other)
    assert window.document.path is not None
    other.open_path(window.document.path)
    return other


@pytest.fixture
def warnings_shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_: shown.append(text))
    return shown


def test_the_second_window_is_told_and_cannot_save_over_the_first(
    window: MainWindow, second: MainWindow, warnings_shown: list[str]
) -> None:
    assert window.document.path is not None
    before = window.document.path.read_bytes()
    assert "已在本机上的另一个窗口" in second.statusBar().currentMessage()
    edit_agency(second, "第二个窗口的修改")
    assert not second.save()
    assert "另存为" in warnings_shown[0] and window.document.path.read_bytes() == before
    edit_agency(window, "第一个窗口的修改")
    assert window.save()


def test_after_the_first_closes_the_second_still_does_not_overwrite_its_saved_edit(
    window: MainWindow, second: MainWindow, warnings_shown: list[str]
) -> None:
    edit_agency(window, "第一个窗口的修改")
    assert window.save()
    window.close()
    edit_agency(second, "第二个窗口的修改")
    assert not second.save()
    assert "已被其他程序修改" in warnings_shown[0]
    assert window.document.path is not None
    assert "第一个窗口的修改" in window.document.path.read_text(encoding="utf-8")


def test_after_the_first_closes_unchanged_the_second_saves(
    window: MainWindow, second: MainWindow, warnings_shown: list[str]
) -> None:
    window.close()
    edit_agency(second, "第二个窗口的修改")
    assert second.save() and warnings_shown == []


def test_each_window_that_died_leaves_its_own_copy_and_none_is_lost(
    qtbot: QtBot, tmp_path: Path, report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.main_window.ask_unsaved", lambda *_: QMessageBox.StandardButton.Discard)
    for name in ("第一个窗口", "第二个窗口"):
        crashed = Autosaver(tmp_path)
        report.meta.agency = name
        crashed.watch(ReportDocument(report_from_dict(report_to_dict(report))), unsaved=True)
        crashed.release()
    orphans = find_orphans(tmp_path)
    assert sorted(o.report.meta.agency for o in orphans) == ["第一个窗口", "第二个窗口"]
    main = MainWindow(Settings(tmp_path), Autosaver(tmp_path))
    qtbot.addWidget(main)
    assert offer_recovery(main, orphans, "restore")
    assert "另有 1 份" in main.statusBar().currentMessage()
    [left] = find_orphans(tmp_path)
    assert left.report.meta.agency != main.document.report.meta.agency


def test_text_no_file_can_hold_is_autosaved_and_saved_with_a_visible_mark(window: MainWindow) -> None:
    assert window.autosaver is not None
    edit_agency(window, "叶城县\ud800科技局\x00")
    window.autosaver.write_now()
    assert window.autosaver.last_error == ""
    saved = json.loads(recovery_file(window).read_text(encoding="utf-8"))
    assert saved["report"]["meta"]["agency"] == "叶城县\ufffd科技局\ufffd"
    assert window.save()
    assert any(f.code == "TEXT_REPLACED" for f in window.document.findings)


def test_the_error_handler_never_fails_itself(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[object] = []

    def failing(*_args: object) -> None:
        raise RuntimeError("the handler itself failed")

    monkeypatch.setattr("ui.app.report_unexpected", failing)
    monkeypatch.setattr(sys, "__excepthook__", lambda *args: shown.append(args[1]))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook(window)
    error = ValueError("\ud800 broken")
    sys.excepthook(ValueError, error, None)
    assert shown == [error]


def test_an_autosave_that_fails_says_why_in_plain_chinese(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """A USB stick pulled out while autosaving: the status bar says so in Chinese, not in the system's English."""
    assert window.autosaver is not None

    def stick_gone(_fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr("model.files.os.fsync", stick_gone)
    edit_agency(window, "叶城县科学技术局（未保存）")
    window.autosaver.write_now()
    assert "读写磁盘时出错" in window.autosaver.last_error
    assert "Input/output" not in window.autosaver.last_error
