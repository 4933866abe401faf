"""ui/logs.py: the app's log file in the data folder: where it is, what its first line says, that it is
UTF-8 text a person can read, and that starting the log twice in one process writes every line once.

(The rotation of full files is tested in tests/test_offline.py.)
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from model.about import APP_VERSION
from ui.logs import LOG_NAME, log, start_logging


@pytest.fixture
def fresh_log() -> Iterator[None]:
    """The app's logger as at process start, and as it was again afterwards."""
    saved_handlers, saved_level = list(log.handlers), log.level
    for handler in saved_handlers:
        log.removeHandler(handler)
    yield
    for handler in list(log.handlers):
        handler.close()
        log.removeHandler(handler)
    for handler in saved_handlers:
        log.addHandler(handler)
    log.setLevel(saved_level)


def _lines(path: Path) -> list[str]:
    for handler in log.handlers:
        handler.flush()
    return path.read_text(encoding="utf-8").splitlines()


@pytest.mark.usefixtures("fresh_log")
def test_the_log_is_nianbao_log_in_the_data_folder(tmp_path: Path) -> None:
    path = start_logging(tmp_path)
    assert path == tmp_path / LOG_NAME == tmp_path / "nianbao.log"
    assert path.is_file()


@pytest.mark.usefixtures("fresh_log")
def test_the_first_line_says_the_program_started_and_its_version(tmp_path: Path) -> None:
    (first,) = _lines(start_logging(tmp_path))
    assert first.endswith(f"INFO 程序启动，版本 {APP_VERSION}")
    assert first[:4].isdigit()  # each line starts with the date and time


@pytest.mark.usefixtures("fresh_log")
def test_chinese_messages_are_written_as_utf8_text(tmp_path: Path) -> None:
    path = start_logging(tmp_path)
    log.warning("无法打开“%s”", "叶城县科学技术局2024年报告.docx")
    assert _lines(path)[-1].endswith("WARNING 无法打开“叶城县科学技术局2024年报告.docx”")


@pytest.mark.usefixtures("fresh_log")
def test_information_is_logged_and_debugging_detail_is_not(tmp_path: Path) -> None:
    path = start_logging(tmp_path)
    log.debug("细节")
    log.info("已保存")
    text = "\n".join(_lines(path))
    assert "已保存" in text and "细节" not in text


@pytest.mark.usefixtures("fresh_log")
def test_starting_the_log_again_writes_each_line_once(tmp_path: Path) -> None:
    path = start_logging(tmp_path)
    assert start_logging(tmp_path) == path
    log.info("导出 Word")
    lines = _lines(path)
    assert sum("导出 Word" in line for line in lines) == 1
    assert sum("程序启动" in line for line in lines) == 1


@pytest.mark.usefixtures("fresh_log")
def test_a_restart_appends_to_the_existing_log(tmp_path: Path) -> None:
    path = start_logging(tmp_path)
    log.info("第一次运行")
    for handler in list(log.handlers):  # the process ends
        handler.close()
        log.removeHandler(handler)
    logging.shutdown()
    start_logging(tmp_path)
    lines = _lines(path)
    assert "第一次运行" in lines[1]
    assert sum("程序启动" in line for line in lines) == 2
