"""Hostile and odd inputs to `check`, `convert` and the readers: a result or one line of Chinese
reason (exit 2), never a traceback, never a hang, whatever the numbers, structure, encoding,
characters or kind of file (issue 18, item 1; the failure classes of its fuzzing campaign)."""

from __future__ import annotations

import io
import json
import os
import sys
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from export import read_report, write_report
from export.word.embedded import PART_NAME
from export.zipguard import check_package
from main import main
from model.errors import ReportFileError
from model.report import Report
from model.serialize import report_to_dict

FIXTURE = Path(__file__).parent / "fixtures" / "seed_000.nianbao.json"
HANG_GUARD = pytest.mark.timeout(60)  # a hang fails the test; the speed itself is bench/'s business
pytestmark = HANG_GUARD


def one_line_reason(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """`check` on `path` exits 2 with exactly one line on stderr, no traceback; that line."""
    assert main(["check", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err, captured.err
    return captured.err


def checked(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """`check` on `path` gives findings (exit 0 or 1) and nothing on stderr; its output."""
    assert main(["check", str(path)]) in (0, 1)
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


# --- numbers ------------------------------------------------------------------------------------


def _with_count(raw: str) -> str:
    text = FIXTURE.read_text(encoding="utf-8")
    return text.replace('"natural_person": 0', f'"natural_person": {raw}', 1)


def _with_fee(raw: str) -> str:
    return FIXTURE.read_text(encoding="utf-8").replace('"amount": "0"', f'"amount": {raw}', 1)


NUMBERS = ["1e99999999", "-1e99999999", "1e999999", "1E400", "Infinity", "-Infinity", "NaN", "9" * 5000, "9" * 20]


@pytest.mark.parametrize("raw", NUMBERS, ids=lambda raw: raw[:12])
@pytest.mark.parametrize("place", [_with_count, _with_fee], ids=["count", "fee"])
def test_an_absurd_number_is_a_finding_not_a_computation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], raw: str, place: Callable[[str], str]
) -> None:
    path = tmp_path / "n.nianbao.json"
    path.write_text(place(raw), encoding="utf-8")
    out = checked(path, capsys)
    assert "NOT_INTEGER" in out or "NOT_NUMBER" in out


@pytest.mark.parametrize("raw", NUMBERS, ids=lambda raw: raw[:12])
def test_an_absurd_number_where_no_cell_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], raw: str
) -> None:
    path = tmp_path / "n.nianbao.json"
    path.write_text(FIXTURE.read_text(encoding="utf-8").replace('"year": 2024', f'"year": {raw}', 1), encoding="utf-8")
    assert "年份" in one_line_reason(path, capsys)


def test_a_count_beyond_what_a_spreadsheet_holds_exactly_is_refused_not_rounded(report: Report, tmp_path: Path) -> None:
    document = report_to_dict(report)
    document["tables"]["applications"]["new_received"]["natural_person"] = 2**53 + 1
    path = tmp_path / "big.nianbao.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    loaded = read_report(path)
    stored = loaded.stored("applications", "new_received", "natural_person")
    assert str(stored) == str(2**53 + 1) and not isinstance(stored, int)  # kept as written, flagged
    write_report(loaded, tmp_path / "big.xlsx")
    back = read_report(tmp_path / "big.xlsx")
    assert str(back.stored("applications", "new_received", "natural_person")) == str(2**53 + 1)


# --- structure ----------------------------------------------------------------------------------


def _document() -> dict[str, object]:
    loaded: dict[str, object] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return loaded


def _meta(field: str, value: object) -> Callable[[dict[str, object]], None]:
    def change(document: dict[str, object]) -> None:
        meta = document["meta"]
        assert isinstance(meta, dict)
        meta[field] = value

    return change


STRUCTURES: dict[str, Callable[[dict[str, object]], None]] = {
    "agency kind as a list": _meta("agency_kind", ["department"]),
    "agency kind as an object": _meta("agency_kind", {"a": 1}),
    "superscript year": _meta("year", "²⁰²⁴"),
    "year of 5000 digits as text": _meta("year", "9" * 5000),
    "year with a line break": _meta("year", "20\n24"),
    "agency as a number": _meta("agency", 12),
    "imported labels as a number": lambda d: d.__setitem__("imported_labels", 5),
    "imported labels of a table as a list": lambda d: d.__setitem__("imported_labels", {"applications": [1, 2]}),
    "an imported label as an object": lambda d: d.__setitem__("imported_labels", {"applications": {"a": {}}}),
    "tables as a list": lambda d: d.__setitem__("tables", []),
    "reviews as an object": lambda d: d.__setitem__("reviews", {}),
    "previous as text": lambda d: d.__setitem__("previous", "2023"),
    "narrative as a list": lambda d: d.__setitem__("narrative", []),
}


@pytest.mark.parametrize("change", STRUCTURES.values(), ids=STRUCTURES.keys())
def test_a_misshapen_report_file_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: Callable[[dict[str, object]], None]
) -> None:
    document = _document()
    change(document)
    path = tmp_path / "bad.nianbao.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert "年报" in one_line_reason(path, capsys)


@pytest.mark.parametrize("top", ["[]", "null", '"text"', "1", "[" * 100_000 + "]" * 100_000])
def test_a_file_that_is_json_but_no_object_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], top: str
) -> None:
    path = tmp_path / "x.nianbao.json"
    path.write_text(top, encoding="utf-8")
    one_line_reason(path, capsys)


def test_a_reason_stays_one_line_when_the_bad_value_holds_line_breaks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = _document()
    _meta("issue_date", "2025\n01\r\n17\u2028x" + "y" * 10_000)(document)
    path = tmp_path / "d.nianbao.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    line = one_line_reason(path, capsys)
    assert "⏎" in line and len(line) < 1000


def test_every_reason_is_one_line_whatever_it_is_given() -> None:
    assert str(ReportFileError("a\nb\r\nc\u2029d\ud800")) == "a⏎b⏎c⏎d\ufffd"


# --- packages -----------------------------------------------------------------------------------

DOCUMENT = "word/document.xml"
LAUGHS = (
    '<?xml version="1.0"{encoding}?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"
)


@pytest.fixture(params=["ours", "typed"])
def exported(report: Report, tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """A .docx as this app writes it, or as typed by hand: without the embedded report, so that only
    its main part is guarded and read (the fast path every typed document takes)."""
    path = tmp_path / "ours.docx"
    write_report(report, path)
    if request.param == "ours":
        return path
    typed = tmp_path / "typed.docx"
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(typed, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            if item.filename != PART_NAME.lstrip("/"):
                new.writestr(item, old.read(item))
    return typed


def _rewritten(source: Path, target: Path, change: Callable[[str, bytes], tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(*change(item.filename, old.read(item)))
    return target


def _member(name: str, data: bytes) -> Callable[[str, bytes], tuple[str, bytes]]:
    return lambda member, old: (member, data if member == name else old)


def test_a_utf16_main_part_with_entities_is_refused(
    exported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = LAUGHS.format(encoding=' encoding="UTF-16"').encode("utf-16")
    path = _rewritten(exported, tmp_path / "utf16.docx", _member(DOCUMENT, hostile))
    assert "实体声明" in one_line_reason(path, capsys)


def test_a_main_part_not_named_xml_is_still_checked_for_entities(
    exported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def rename(member: str, data: bytes) -> tuple[str, bytes]:
        if member == DOCUMENT:
            return "word/document.bin", LAUGHS.format(encoding="").encode()
        return member, data.replace(b"document.xml", b"document.bin")

    path = _rewritten(exported, tmp_path / "renamed.docx", rename)
    assert "实体声明" in one_line_reason(path, capsys)


def test_a_main_part_whose_root_is_not_a_word_document(
    exported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = b'<?xml version="1.0"?><root xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
    path = _rewritten(exported, tmp_path / "root.docx", _member(DOCUMENT, other))
    assert "Word 文档" in one_line_reason(path, capsys)


def test_a_corrupt_deflate_stream(exported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = bytearray(exported.read_bytes())
    with zipfile.ZipFile(exported) as package:
        info = package.getinfo(DOCUMENT)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 10, start + 60):
        data[offset] ^= 0x55
    path = tmp_path / "deflate.docx"
    path.write_bytes(bytes(data))
    assert "损坏" in one_line_reason(path, capsys)


def test_a_main_part_too_big_to_parse_is_refused_before_parsing(
    exported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """17 MB of .docx with 75 MB of document.xml once took 20 s and 1 GB; the XML budget refuses it."""
    with zipfile.ZipFile(exported) as package:
        body = package.read(DOCUMENT)
    paragraphs = "".join(f"<w:p><w:r><w:t>第{i}条：本局认真贯彻落实条例。</w:t></w:r></w:p>" for i in range(150_000))
    at = body.index(b"<w:body>") + len(b"<w:body>")
    bulky = body[:at] + paragraphs.encode() + body[at:]
    path = _rewritten(exported, tmp_path / "bulky.docx", _member(DOCUMENT, bulky))
    assert "内容过多" in one_line_reason(path, capsys)


def test_repetitive_long_text_is_no_zip_bomb(tmp_path: Path) -> None:
    """A long report of repetitive text compresses ~1000×; the ratio alone (the old rule) refused it."""
    path = tmp_path / "long.docx"
    text = "本局认真贯彻落实条例。" * 100_000
    body = f'<?xml version="1.0"?><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(DOCUMENT, body.encode())
    with zipfile.ZipFile(path) as package:
        info = package.getinfo(DOCUMENT)
    assert info.file_size > 3_000_000 and info.file_size / info.compress_size > 200
    check_package(path, "Word 文档")


# --- special files ------------------------------------------------------------------------------

SUFFIXES = [".nianbao.json", ".docx", ".xlsx"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_fifo_is_refused_before_reading(tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str) -> None:
    path = tmp_path / f"pipe{suffix}"
    os.mkfifo(path)
    assert "不是普通文件" in one_line_reason(path, capsys)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_device_is_refused_before_reading(tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str) -> None:
    path = tmp_path / f"zero{suffix}"
    path.symlink_to("/dev/zero")
    assert "不是普通文件" in one_line_reason(path, capsys)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str) -> None:
    path = tmp_path / f"folder{suffix}"
    path.mkdir()
    assert "文件夹" in one_line_reason(path, capsys)


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_symlink_loop_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str) -> None:
    path = tmp_path / f"loop{suffix}"
    path.symlink_to(path)
    assert "循环" in one_line_reason(path, capsys)


# --- what the readers print ---------------------------------------------------------------------


def test_reading_a_workbook_prints_no_library_warnings(
    report: Report, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "r.xlsx"
    write_report(report, path)
    workbook_part = "xl/workbook.xml"
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    lost = b'<definedName name="_xlnm.Print_Area" localSheetId="9">x!$A$1</definedName></definedNames>'
    parts[workbook_part] = parts[workbook_part].replace(b"</definedNames>", lost)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    with pytest.warns(UserWarning):  # the case is real: openpyxl itself warns about this workbook
        openpyxl.load_workbook(path).close()
    with warnings.catch_warnings(record=True) as shown:
        warnings.simplefilter("always")
        main(["check", str(path)])
    assert shown == [] and "warn" not in capsys.readouterr().err.lower()


# --- characters no format holds -------------------------------------------------------------------

UNSTORABLE = "叶城县\ud800科学\x00技术\x07局"


@pytest.mark.parametrize("suffix", [".nianbao.json", ".docx", ".xlsx", ".pdf"])
def test_every_character_typed_is_saved_and_exported_with_a_visible_mark(
    report: Report, tmp_path: Path, suffix: str
) -> None:
    report.meta.agency = UNSTORABLE
    report.narrative.section("overview").intro = UNSTORABLE
    path = tmp_path / f"r{suffix}"
    write_report(report, path)
    assert report.meta.agency == UNSTORABLE  # the open report is not changed behind the person's back
    if suffix != ".pdf":
        back = read_report(path)
        assert back.meta.agency == "叶城县\ufffd科学\ufffd技术\ufffd局"
        assert back.narrative.section("overview").intro == "叶城县\ufffd科学\ufffd技术\ufffd局"


@pytest.mark.parametrize("raw", ["1e99999999", "9" * 5000, "9007199254740992", "Infinity"], ids=lambda r: r[:12])
def test_a_number_beyond_what_formats_hold_is_said_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], raw: str
) -> None:
    path = tmp_path / "n.nianbao.json"
    path.write_text(_with_count(raw), encoding="utf-8")
    assert "超出可精确保存的范围（最大 9007199254740991）" in checked(path, capsys)
