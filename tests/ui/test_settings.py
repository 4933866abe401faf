"""ui/settings.py: what the app remembers between runs (recent files, the last folder, export choices) in
settings.ini, and where its data folder is (NIANBAO_DATA_DIR, else the per-user app-data folder).

Every test reads back through a fresh `Settings` on the same folder, as the next run of the app would.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ui.settings import DATA_DIR_VARIABLE, MAX_RECENT, Settings, data_dir


def _next_run(settings: Settings, folder: Path) -> Settings:
    settings.sync()
    return Settings(folder)


def _report_files(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = [folder / f"叶城县科学技术局{2010 + i}年报告.nianbao.json" for i in range(count)]
    for file in files:
        file.write_text("{}", encoding="utf-8")
    return files


def test_nothing_is_remembered_on_a_first_run(tmp_path: Path) -> None:
    settings = Settings(tmp_path)
    assert settings.recent_files() == []
    assert settings.last_folder() == str(Path.home())
    assert settings.text("export/font_scheme", "auto") == "auto"
    assert settings.flag("export/signed_copy") is False
    assert settings.flag("export/signed_copy", True) is True


def test_settings_live_in_an_ini_file_in_the_given_folder(tmp_path: Path) -> None:
    settings = Settings(tmp_path)
    settings.set("export/font_scheme", "windows")
    settings.sync()
    text = (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert "[export]" in text and "font_scheme=windows" in text


def test_the_most_recently_opened_file_comes_first(tmp_path: Path) -> None:
    first, second, third = _report_files(tmp_path / "年报", 3)
    settings = Settings(tmp_path)
    for path in (first, second, third, first):
        settings.add_recent(path)
    assert _next_run(settings, tmp_path).recent_files() == [first, third, second]


def test_one_recent_file_reads_back_as_a_list_of_one(tmp_path: Path) -> None:
    # An INI file stores a one-element list as a plain string; it must still come back as a list.
    (only,) = _report_files(tmp_path / "年报", 1)
    settings = Settings(tmp_path)
    settings.add_recent(only)
    assert _next_run(settings, tmp_path).recent_files() == [only]


def test_at_most_eight_recent_files_are_kept_newest_first(tmp_path: Path) -> None:
    files = _report_files(tmp_path / "年报", MAX_RECENT + 3)
    settings = Settings(tmp_path)
    for path in files:
        settings.add_recent(path)
    assert MAX_RECENT == 8
    assert _next_run(settings, tmp_path).recent_files() == files[::-1][:MAX_RECENT]


def test_a_file_opened_by_a_relative_name_is_remembered_by_its_full_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (report,) = _report_files(tmp_path / "年报", 1)
    monkeypatch.chdir(report.parent)
    settings = Settings(tmp_path)
    settings.add_recent(Path(report.name))
    settings.add_recent(report)  # the same file: listed once
    monkeypatch.chdir(tmp_path)
    assert _next_run(settings, tmp_path).recent_files() == [report.resolve()]


def test_a_recent_file_can_be_forgotten(tmp_path: Path) -> None:
    kept, gone = _report_files(tmp_path / "年报", 2)
    settings = Settings(tmp_path)
    settings.add_recent(kept)
    settings.add_recent(gone)
    settings.remove_recent(gone)
    settings.remove_recent(tmp_path / "从未打开.nianbao.json")  # not listed: nothing happens
    assert _next_run(settings, tmp_path).recent_files() == [kept]


def test_a_recent_file_is_forgotten_by_the_name_it_was_opened_under(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (report,) = _report_files(tmp_path / "年报", 1)
    monkeypatch.chdir(report.parent)
    settings = Settings(tmp_path)
    settings.add_recent(Path(report.name))
    report.unlink()
    settings.remove_recent(Path(report.name))  # what MainWindow.open_path does when the file is gone
    assert settings.recent_files() == []


def test_the_last_folder_is_the_folder_of_the_last_file(tmp_path: Path) -> None:
    (report,) = _report_files(tmp_path / "政务公开" / "2024", 1)
    settings = Settings(tmp_path)
    settings.set_last_folder(report)
    assert _next_run(settings, tmp_path).last_folder() == str(report.parent)


@pytest.mark.parametrize("value", [True, False])
def test_a_flag_is_remembered(tmp_path: Path, value: bool) -> None:
    settings = Settings(tmp_path)
    settings.set("export/signed_copy", value)
    assert settings.flag("export/signed_copy", not value) is value
    assert _next_run(settings, tmp_path).flag("export/signed_copy", not value) is value


@pytest.mark.parametrize(("stored", "flag"), [("true", True), ("1", True), ("false", False), ("0", False), ("", False)])
def test_a_flag_written_into_the_ini_by_hand_is_read(tmp_path: Path, stored: str, flag: bool) -> None:
    (tmp_path / "settings.ini").write_text(f"[export]\nsigned_copy={stored}\n", encoding="utf-8")
    assert Settings(tmp_path).flag("export/signed_copy") is flag


@pytest.mark.parametrize("value", ["standard", "windows", "auto"])
def test_a_text_choice_is_remembered(tmp_path: Path, value: str) -> None:
    settings = Settings(tmp_path)
    settings.set("export/font_scheme", value)
    assert settings.text("export/font_scheme", "?") == value
    assert _next_run(settings, tmp_path).text("export/font_scheme", "?") == value


def test_a_choice_can_be_changed_back(tmp_path: Path) -> None:
    settings = Settings(tmp_path)
    settings.set("export/signed_copy", True)
    settings = _next_run(settings, tmp_path)
    settings.set("export/signed_copy", False)
    assert _next_run(settings, tmp_path).flag("export/signed_copy", True) is False


def test_nianbao_data_dir_chooses_the_data_folder_and_creates_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "应用数据" / "nianbao"
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(folder))
    assert data_dir() == folder
    assert folder.is_dir()
    settings = Settings()  # no folder given: the data folder
    settings.set("export/font_scheme", "windows")
    settings.sync()
    assert (folder / "settings.ini").is_file()


@pytest.mark.parametrize("override", [None, ""])
def test_without_an_override_the_data_folder_is_the_users_app_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, override: str | None
) -> None:
    if override is None:
        monkeypatch.delenv(DATA_DIR_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(DATA_DIR_VARIABLE, override)
    # Where platformdirs looks on Linux and macOS; on Windows it asks the shell for %LOCALAPPDATA%.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    folder = data_dir()
    assert folder.name == "nianbao"
    assert folder.is_dir()
    assert tmp_path in folder.parents
