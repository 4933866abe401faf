"""The app never touches the network: start-up, editing, checking, every export and import run
with sockets disabled; the About box says what it is; the log rotates in the app-data folder."""

from __future__ import annotations

import logging
import socket
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from export import FORMATS, ExportOptions, read_report, write_report
from model import check
from model.about import APP_VERSION
from tests.conftest import NetworkUsed
from tests.factories import consistent_report


def test_the_whole_workflow_runs_with_sockets_disabled(
    no_network: None, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(tmp_path / "appdata"))
    from ui.app import create_application
    from ui.autosave import Autosaver
    from ui.document import ReportDocument
    from ui.main_window import MainWindow
    from ui.settings import Settings, data_dir

    create_application([])
    window = MainWindow(Settings(data_dir()), Autosaver(data_dir()), ReportDocument(consistent_report()))
    qtbot.addWidget(window)
    window.show()
    for index in range(window.tabs.count()):  # every tab is built on first show
        window.tabs.setCurrentIndex(index)
    window.document.set_cells("applications", [("new_received", "research", 1)])
    assert any(f.code == "BALANCE" for f in window.document.findings)
    window.document.undo_stack.undo()
    assert check(window.document.report) == []
    for fmt in FORMATS:
        target = tmp_path / f"report{fmt.suffix}"
        write_report(window.document.report, target, ExportOptions(signed_copy=True))
        assert target.stat().st_size > 0
        if fmt.reads:
            assert read_report(target).meta.agency == window.document.report.meta.agency
    window.document.undo_stack.setClean()


def test_the_guard_really_refuses_the_network(no_network: None) -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))


def test_about_names_the_version_and_the_statutory_format(tmp_path: Path) -> None:
    from model.template import TEMPLATE_2021
    from ui.main_window import about_text

    text = about_text(TEMPLATE_2021, tmp_path)
    assert APP_VERSION in text and "国办公开办函〔2021〕30号" in text and str(tmp_path) in text


def test_the_log_is_a_rotating_file_in_the_data_folder(tmp_path: Path) -> None:
    from ui.logs import BACKUPS, MAX_BYTES, log, start_logging

    for handler in list(log.handlers):
        log.removeHandler(handler)
    path = start_logging(tmp_path)
    try:
        for _ in range(MAX_BYTES // 10_000 * (BACKUPS + 2)):
            log.info("x" * 10_000)
        files = sorted(p.name for p in tmp_path.iterdir())
        assert files == ["nianbao.log", *(f"nianbao.log.{i}" for i in range(1, BACKUPS + 1))]
        assert all(p.stat().st_size <= MAX_BYTES for p in tmp_path.iterdir())
        assert path == tmp_path / "nianbao.log"
    finally:
        for handler in list(log.handlers):
            handler.close()
            log.removeHandler(handler)
        logging.shutdown()
