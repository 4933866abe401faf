"""export/fonts.py: finding font files on this computer (never on the network), by file name and by the
family names inside them, choosing the font scheme, and the faces that may serve each part of the page,
best first.

Font folders are tmp folders. Files found by name hold anything; fonts found by family are small
fonts made here (a table directory and a 'name' table, which is all the lookup reads) or real fonts of
this machine copied under other file names, renamed inside (whether a file really is a usable font is
export/pdf/embedding.py's business, tested in tests/export/pdf/test_embedding.py).
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
import time
from collections.abc import Iterator
from pathlib import Path, PurePath

import pytest

import export.fonts
from export import PDF, ExportOptions
from export.fonts import (
    FAMILY_NAMES,
    STANDARD_FAMILIES,
    FontFile,
    FontRole,
    english_family_name,
    family_key,
    find_family,
    font_candidates,
    font_dirs,
    font_family_names,
    installed_font_families,
    installed_font_files,
    is_standard_font,
    resolve_scheme,
    standard_fonts_installed,
)
from export.page_design import STANDARD, WINDOWS, FontScheme
from export.pdf.embedding import pdf_fonts
from tests.factories import consistent_report

WINDOWS_OWN = ("simsun.ttc", "simfang.ttf", "simkai.ttf", "simhei.ttf")
ARPHIC = Path("/usr/share/fonts/truetype/arphic")
WQY_ZENHEI = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
ENGLISH, CHINESE = 0x0409, 0x0804  # Windows language ids


# --- fonts made for the tests ----------------------------------------------------------------------


def name_table(family: str, *other_names: str, records: list[tuple[int, int, int, int, bytes]] | None = None) -> bytes:
    """A 'name' table in which a face calls itself `family` (name id 1) and `other_names` (id 4, full
    names), in Unicode for the Windows platform; `records` adds (platform, encoding, language, id, raw)."""
    entries = [(3, 1, ENGLISH if family.isascii() else CHINESE, 1, family.encode("utf-16-be"))]
    entries += [(3, 1, ENGLISH if n.isascii() else CHINESE, 4, n.encode("utf-16-be")) for n in other_names]
    entries += records or []
    strings = b""
    directory = b""
    for platform, encoding, language, name_id, raw in entries:
        directory += struct.pack(">6H", platform, encoding, language, name_id, len(raw), len(strings))
        strings += raw
    return struct.pack(">3H", 0, len(entries), 6 + len(directory)) + directory + strings


def _face(table: bytes, at: int) -> tuple[bytes, bytes]:
    """A face's header with one table ('name'), the table placed at `at` in the file."""
    header = struct.pack(">4sHHHH", b"\0\1\0\0", 1, 16, 0, 0)
    return header + struct.pack(">4sIII", b"name", 0, at + 28, len(table)), table


def font_bytes(table: bytes) -> bytes:
    header, body = _face(table, 0)
    return header + body


def collection_bytes(*tables: bytes) -> bytes:
    """A .ttc holding one face for each name table."""
    header_size = 12 + 4 * len(tables)
    offsets, faces, at = [], b"", header_size
    for table in tables:
        head, body = _face(table, at)
        offsets.append(at)
        faces += head + body
        at += len(head) + len(body)
    return struct.pack(f">4sHHI{len(tables)}I", b"ttcf", 1, 0, len(tables), *offsets) + faces


def renamed_copy(source: Path, target: Path, family: str, face: int = 0) -> Path:
    """`source` copied to `target` with face `face` calling itself `family` (and its English name):
    a new name table appended and that face's directory pointed at it."""
    data = bytearray(source.read_bytes())
    start = struct.unpack_from(">I", data, 12 + 4 * face)[0] if data[:4] == b"ttcf" else 0
    tables = struct.unpack_from(">H", data, start + 4)[0]
    english = english_family_name(family) or family
    table = name_table(family, english)
    at = len(data) + (-len(data)) % 4
    for entry in range(start + 12, start + 12 + 16 * tables, 16):
        if data[entry : entry + 4] == b"name":
            struct.pack_into(">II", data, entry + 8, at, len(table))
    data += bytes(at - len(data)) + table
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(bytes(data))
    return target


def _font_files(folder: Path, names: tuple[str, ...]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_bytes(b"\0\1\0\0 not really a font")
    return folder


@pytest.fixture
def font_folders(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    """This computer's font folders, all empty: add files to them, or more folders."""
    folders = [tmp_path / "system", tmp_path / "user"]
    for folder in folders:
        folder.mkdir()
    monkeypatch.setattr(export.fonts, "font_dirs", lambda: folders)
    return folders


# --- where fonts are looked for --------------------------------------------------------------


def test_windows_looks_in_the_windows_folder_and_the_users_own_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("WINDIR", r"D:\WINDOWS")
    monkeypatch.setenv("LOCALAPPDATA", r"C:\Users\张三\AppData\Local")
    assert font_dirs() == [
        Path(r"D:\WINDOWS") / "Fonts",
        Path(r"C:\Users\张三\AppData\Local") / "Microsoft" / "Windows" / "Fonts",
    ]


def test_windows_without_windir_looks_in_c_windows_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delenv("WINDIR", raising=False)
    assert font_dirs()[0] == Path(r"C:\Windows") / "Fonts"


@pytest.mark.parametrize(
    ("platform", "system", "personal"),
    [
        ("linux", PurePath("/usr/share/fonts"), PurePath(".local/share/fonts")),
        ("darwin", PurePath("/System/Library/Fonts"), PurePath("Library/Fonts")),
    ],
)
def test_linux_and_macos_look_in_the_system_and_the_home_font_folders(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, platform: str, system: PurePath, personal: PurePath
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setenv("HOME", str(tmp_path))
    folders = font_dirs()
    assert Path(system) in folders
    assert tmp_path / personal in folders
    assert folders.index(Path(system)) < folders.index(tmp_path / personal)


def test_font_files_are_found_in_subfolders_by_lower_case_name(font_folders: list[Path]) -> None:
    _font_files(font_folders[0] / "truetype" / "wqy", ("wqy-zenhei.ttc",))
    _font_files(font_folders[0], ("SIMHEI.TTF", "NotoSansCJK-Regular.OTF"))
    _font_files(font_folders[1] / "深层" / "目录", ("FZXBSJW.TTF",))
    assert installed_font_files() == {
        "wqy-zenhei.ttc": font_folders[0] / "truetype" / "wqy" / "wqy-zenhei.ttc",
        "simhei.ttf": font_folders[0] / "SIMHEI.TTF",
        "notosanscjk-regular.otf": font_folders[0] / "NotoSansCJK-Regular.OTF",
        "fzxbsjw.ttf": font_folders[1] / "深层" / "目录" / "FZXBSJW.TTF",
    }


def test_other_files_in_font_folders_are_not_fonts(font_folders: list[Path]) -> None:
    _font_files(font_folders[0], ("fonts.dir", "simsun.afm", "README.txt", "simsun.pfb", "fonts.conf", "ttf"))
    assert installed_font_files() == {}


def test_missing_font_folders_are_passed_over(font_folders: list[Path], tmp_path: Path) -> None:
    font_folders.insert(0, tmp_path / "无此目录")
    _font_files(font_folders[-1], ("simfang.ttf",))
    assert list(installed_font_files()) == ["simfang.ttf"]


def test_a_system_font_wins_over_a_users_copy_of_the_same_name(font_folders: list[Path]) -> None:
    _font_files(font_folders[0], ("simsun.ttc",))
    _font_files(font_folders[1], ("SimSun.ttc",))
    assert installed_font_files() == {"simsun.ttc": font_folders[0] / "simsun.ttc"}


@pytest.mark.usefixtures("no_network")
def test_looking_for_fonts_never_uses_the_network() -> None:
    installed = installed_font_files()  # this machine's real font folders
    scheme = resolve_scheme("auto")
    for role in FontRole:
        font_candidates(scheme, role, installed)


# --- family names inside font files ------------------------------------------------------------------


def _fonts(folder: Path, fonts: dict[str, str]) -> Path:
    """Font files (file name → the family the font calls itself) made in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for file_name, family in fonts.items():
        names = FAMILY_NAMES.get(family, (family,))
        (folder / file_name).write_bytes(font_bytes(name_table(names[0], *names[1:])))
    return folder


def test_a_font_file_tells_its_family_names_face_by_face(tmp_path: Path) -> None:
    single = tmp_path / "a.ttf"
    single.write_bytes(font_bytes(name_table("仿宋_GB2312", "FangSong_GB2312")))
    assert font_family_names(single) == (frozenset({"仿宋_GB2312", "FangSong_GB2312"}),)
    collection = tmp_path / "b.ttc"
    collection.write_bytes(collection_bytes(name_table("SimSun", "宋体"), name_table("NSimSun", "新宋体")))
    assert font_family_names(collection) == (frozenset({"SimSun", "宋体"}), frozenset({"NSimSun", "新宋体"}))


def test_older_chinese_fonts_with_gb2312_names_and_mac_names_are_read(tmp_path: Path) -> None:
    gb_in_16_bits = b"".join(b"\0" + bytes([c]) if c < 0x80 else bytes([c]) for c in "楷体_GB2312".encode("gbk"))
    records = [
        (3, 3, CHINESE, 1, gb_in_16_bits),
        (1, 0, 0, 16, b"KaiTi_GB2312"),
        (3, 1, ENGLISH, 2, "Regular".encode("utf-16-be")),
    ]
    path = tmp_path / "k.ttf"
    path.write_bytes(font_bytes(name_table("KAITI", records=records)))
    assert font_family_names(path) == (frozenset({"KAITI", "楷体_GB2312", "KaiTi_GB2312"}),)  # not the style (id 2)


def test_a_real_font_is_found_by_its_family_under_any_file_name(font_folders: list[Path]) -> None:
    copy = font_folders[0] / "随便起的名字.TTC"
    shutil.copyfile(WQY_ZENHEI, copy)
    families = installed_font_families()
    assert families[family_key("WenQuanYi Zen Hei")] == FontFile(copy, 0)
    assert families[family_key("文泉驿正黑")] == FontFile(copy, 0)
    assert families[family_key("WenQuanYi Zen Hei Sharp")] == FontFile(copy, 2)  # the third face of the collection


@pytest.mark.parametrize(
    ("family", "names"),
    [
        ("方正小标宋简体", ["方正小标宋简体"]),
        ("方正小标宋简体", ["FZXiaoBiaoSong-B05S"]),
        ("方正小标宋简体", ["方正小标宋_GBK", "FZXiaoBiaoSong-B05"]),  # the GBK edition serves too
        ("仿宋_GB2312", ["FangSong_GB2312"]),
        ("仿宋_GB2312", ["仿宋_GB2312"]),
        ("楷体_GB2312", ["KaiTi_GB2312"]),
        ("楷体_GB2312", ["KAITI_GB2312"]),  # case does not matter
        ("楷体_GB2312", ["KaiTi GB2312"]),  # nor spaces for underscores
        ("黑体", ["SimHei"]),
        ("仿宋", ["FangSong"]),
        ("楷体", ["楷体"]),
    ],
)
def test_the_scheme_fonts_are_found_by_any_of_their_common_names(
    font_folders: list[Path], family: str, names: list[str]
) -> None:
    path = font_folders[0] / "x1.ttf"
    path.write_bytes(font_bytes(name_table(names[0], *names[1:])))
    assert find_family(family) == FontFile(path)


def test_a_family_is_not_found_by_another_family_or_a_file_name(font_folders: list[Path]) -> None:
    _fonts(font_folders[0], {"fsgb2312.ttf": "仿宋", "FZXBSJW.TTF": "宋体", "kaigb2312.ttf": "楷体"})
    assert find_family("仿宋_GB2312") is None
    assert find_family("方正小标宋简体") is None
    assert find_family("楷体_GB2312") is None
    assert find_family("仿宋") == FontFile(font_folders[0] / "fsgb2312.ttf")


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\0\1\0\0",
        b"ttcf\0\1\0\0\xff\xff\xff\xff" + bytes(40),
        b"wOFF" + bytes(100),
        b"\0\1\0\0\0\x05" + bytes(30),
    ],
    ids=["empty", "truncated-header", "collection-of-nonsense", "not-a-font", "truncated-directory"],
)
def test_a_damaged_font_file_has_no_names_and_does_not_stop_the_search(
    font_folders: list[Path], content: bytes
) -> None:
    (font_folders[0] / "broken.ttf").write_bytes(content)
    _fonts(font_folders[0], {"zz.ttf": "黑体"})
    assert font_family_names(font_folders[0] / "broken.ttf") in ((), (frozenset(),))
    assert find_family("黑体") == FontFile(font_folders[0] / "zz.ttf")


def test_a_pipe_named_like_a_font_is_passed_over_not_waited_for(font_folders: list[Path]) -> None:
    os.mkfifo(font_folders[0] / "pipe.ttf")
    _fonts(font_folders[0], {"zz.ttf": "黑体"})
    assert find_family("黑体") == FontFile(font_folders[0] / "zz.ttf")  # opening the pipe would block forever
    assert list(installed_font_files()) == ["zz.ttf"]  # nor does the PDF get it by its name


def test_a_system_font_wins_over_a_users_font_of_the_same_family(font_folders: list[Path]) -> None:
    _fonts(font_folders[1], {"a.ttf": "黑体"})
    _fonts(font_folders[0], {"z.ttf": "黑体"})
    assert find_family("黑体") == FontFile(font_folders[0] / "z.ttf")


def test_a_changed_font_file_is_read_again(font_folders: list[Path]) -> None:
    path = font_folders[0] / "f.ttf"
    _fonts(font_folders[0], {"f.ttf": "仿宋"})
    assert find_family("仿宋") is not None
    path.write_bytes(font_bytes(name_table("楷体")))
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
    assert (find_family("仿宋"), find_family("楷体")) == (None, FontFile(path))


def test_each_font_file_is_read_once_while_it_is_unchanged(
    font_folders: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _fonts(font_folders[0], {"a.ttf": "仿宋", "b.ttf": "黑体"})
    reads: list[str] = []
    reading = export.fonts.font_family_names

    def counted(path: Path) -> tuple[frozenset[str], ...]:
        reads.append(path.name)
        return reading(path)

    monkeypatch.setattr(export.fonts, "font_family_names", counted)
    installed_font_families()
    assert sorted(reads) == ["a.ttf", "b.ttf"]
    reads.clear()
    assert find_family("黑体") == FontFile(font_folders[0] / "b.ttf")
    assert reads == []


# --- folders that may not be searched (issue 18) ------------------------------------------------------


@pytest.fixture
def unsearchable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A folder whose listing and whose files' status are refused, as a home folder without search
    permission is to its user (the tests run as root, to whom nothing is refused)."""
    refused = tmp_path / "refused"
    _fonts(refused, {"hidden.ttf": "黑体"})
    listing, status = os.scandir, os.stat

    def check(path: object) -> None:
        if isinstance(path, (str, os.PathLike)) and (Path(path) == refused or refused in Path(path).parents):
            raise PermissionError(13, "Permission denied", str(path))

    def scandir(path: str | os.PathLike[str] = ".") -> Iterator[os.DirEntry[str]]:
        check(path)
        return listing(path)

    def stat(path: str | os.PathLike[str], *args: object, **kwargs: object) -> os.stat_result:
        check(path)
        return status(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "stat", stat)
    return refused


def test_font_folders_that_may_not_be_searched_are_passed_over(font_folders: list[Path], unsearchable: Path) -> None:
    font_folders[:0] = [unsearchable / ".local" / "share" / "fonts", unsearchable]
    _fonts(font_folders[-1] / "sub", {"fang.ttf": "仿宋"})
    assert list(installed_font_files()) == ["fang.ttf"]
    assert find_family("仿宋") == FontFile(font_folders[-1] / "sub" / "fang.ttf")
    assert find_family("黑体") is None


def test_a_subfolder_that_may_not_be_searched_is_passed_over(font_folders: list[Path], unsearchable: Path) -> None:
    font_folders[0] = unsearchable.parent
    _fonts(unsearchable.parent / "ok", {"fang.ttf": "仿宋"})
    assert find_family("仿宋") == FontFile(unsearchable.parent / "ok" / "fang.ttf")


@pytest.mark.parametrize("format_", [".docx", ".pdf"])
def test_export_works_when_the_home_folder_may_not_be_searched(
    monkeypatch: pytest.MonkeyPatch, unsearchable: Path, tmp_path: Path, format_: str
) -> None:
    monkeypatch.setenv("HOME", str(unsearchable))
    pdf_fonts.cache_clear()
    try:
        from export import write_report

        write_report(consistent_report(), tmp_path / f"年报{format_}", ExportOptions())
    finally:
        pdf_fonts.cache_clear()
    assert (tmp_path / f"年报{format_}").stat().st_size > 0


def test_without_a_known_home_folder_the_system_fonts_are_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    monkeypatch.setattr(sys, "platform", "linux")
    assert font_dirs() == [Path("/usr/share/fonts"), Path("/usr/local/share/fonts")]


# --- which scheme -----------------------------------------------------------------------------

OFFICIAL = {"a.ttf": "方正小标宋简体", "b.ttf": "仿宋_GB2312", "c.ttf": "楷体_GB2312"}
WINDOWS_FAMILIES = {"simsun.ttc": "宋体", "simfang.ttf": "仿宋", "simkai.ttf": "楷体", "simhei.ttf": "黑体"}


def test_the_standard_fonts_are_the_three_windows_lacks() -> None:
    assert STANDARD_FAMILIES == ("方正小标宋简体", "仿宋_GB2312", "楷体_GB2312")


@pytest.mark.parametrize(
    "fonts",
    [
        OFFICIAL,
        {"FZXBSJW.TTF": "方正小标宋简体", "fsgb2312.ttf": "仿宋_GB2312", "kaigb2312.ttf": "楷体_GB2312"},
        {"1.TTF": "FZXiaoBiaoSong-B05S", "2.ttf": "FangSong_GB2312", "3.ttf": "KaiTi_GB2312"},  # English names
        {"方正小标宋.ttf": "方正小标宋_GBK", "仿宋.ttf": "仿宋_GB2312", "楷体.ttf": "楷体_GB2312"},
    ],
    ids=["made-up-file-names", "makers-file-names", "english-names", "gbk-edition"],
)
def test_the_standard_fonts_count_as_installed_by_their_family_names(
    font_folders: list[Path], fonts: dict[str, str]
) -> None:
    _fonts(font_folders[0], fonts)
    assert standard_fonts_installed()
    assert resolve_scheme("auto") is STANDARD


@pytest.mark.parametrize(
    "fonts",
    [
        {},
        WINDOWS_FAMILIES,
        {"a.ttf": "方正小标宋简体", "b.ttf": "仿宋_GB2312"},  # no 楷体_GB2312
        {"b.ttf": "仿宋_GB2312", "c.ttf": "楷体_GB2312"},  # no 方正小标宋简体
        {"a.ttf": "方正小标宋简体", "c.ttf": "楷体_GB2312", **WINDOWS_FAMILIES},  # no 仿宋_GB2312
    ],
)
def test_auto_takes_windows_fonts_unless_all_three_standard_fonts_are_installed(
    font_folders: list[Path], fonts: dict[str, str]
) -> None:
    _fonts(font_folders[0], fonts)
    assert not standard_fonts_installed()
    assert resolve_scheme("auto") is WINDOWS


def test_file_names_alone_do_not_make_the_standard_fonts(font_folders: list[Path]) -> None:
    _font_files(font_folders[0], ("FZXBSJW.TTF", "fsgb2312.ttf", "kaigb2312.ttf"))  # not fonts at all
    assert resolve_scheme("auto") is WINDOWS


def test_the_standard_fonts_may_be_installed_for_one_user_only(font_folders: list[Path]) -> None:
    _fonts(font_folders[0], WINDOWS_FAMILIES)
    _fonts(font_folders[1], OFFICIAL)
    assert resolve_scheme("auto") is STANDARD


@pytest.mark.parametrize("installed", [{}, OFFICIAL])
@pytest.mark.parametrize(("scheme_id", "scheme"), [("standard", STANDARD), ("windows", WINDOWS)])
def test_a_scheme_asked_for_by_name_is_used_whatever_is_installed(
    font_folders: list[Path], installed: dict[str, str], scheme_id: str, scheme: FontScheme
) -> None:
    _fonts(font_folders[0], installed)
    assert resolve_scheme(scheme_id) is scheme


@pytest.mark.parametrize("unknown", ["", "公文", "Standard"])
def test_an_unknown_scheme_name_from_old_settings_is_treated_as_auto(font_folders: list[Path], unknown: str) -> None:
    assert resolve_scheme(unknown) is WINDOWS
    _fonts(font_folders[0], OFFICIAL)
    assert resolve_scheme(unknown) is STANDARD


def test_a_standard_font_is_known_as_one_whatever_its_file_is_called(font_folders: list[Path]) -> None:
    _fonts(font_folders[0], {**OFFICIAL, "simhei.ttf": "黑体"})
    assert all(is_standard_font(FontFile(font_folders[0] / name)) for name in OFFICIAL)
    assert not is_standard_font(FontFile(font_folders[0] / "simhei.ttf"))


# --- candidates per role ----------------------------------------------------------------------


def _installed(*names: str) -> dict[str, Path]:
    return {name.lower(): Path("/fonts") / name for name in names}


def _families(**faces: str) -> dict[str, FontFile]:
    """family → file name, as installed_font_families gives them."""
    return {family_key(family): FontFile(Path("/fonts") / name) for family, name in faces.items()}


NO_FAMILIES: dict[str, FontFile] = {}
OFFICIAL_FACES = _families(方正小标宋简体="公文小标宋.ttf", 仿宋_GB2312="公文仿宋.ttf", 楷体_GB2312="公文楷体.ttf")


def _names(
    scheme: FontScheme, role: FontRole, installed: dict[str, Path], families: dict[str, FontFile] = NO_FAMILIES
) -> list[str]:
    return [f.path.name for f in font_candidates(scheme, role, installed, families)]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        # Windows' 仿宋 for the body; 宋 looks closest where it is missing, then 楷, then 黑.
        (FontRole.BODY, ["simfang.ttf", "simsun.ttc", "simkai.ttf", "simhei.ttf"]),
        (FontRole.TABLE, ["simfang.ttf", "simsun.ttc", "simkai.ttf", "simhei.ttf"]),
        (FontRole.TITLE, ["simsun.ttc", "simhei.ttf"]),
        (FontRole.HEADING1, ["simhei.ttf", "simsun.ttc"]),  # 一、 headings in 黑体
        (FontRole.HEADING2, ["simkai.ttf", "simfang.ttf", "simsun.ttc", "simhei.ttf"]),  # （一） in 楷体
        (FontRole.PAGE_NUMBER, ["simsun.ttc", "simfang.ttf", "simhei.ttf"]),
    ],
)
def test_each_role_prefers_its_own_typeface_style_then_the_closest(role: FontRole, expected: list[str]) -> None:
    assert _names(WINDOWS, role, _installed(*WINDOWS_OWN)) == expected


def test_windows_fonts_are_found_by_family_too_whatever_their_file_names() -> None:
    families = _families(仿宋="FANGSONG-2.TTF", 宋体="songti-x.ttc", 黑体="hei.ttf", 楷体="kai.ttf")
    assert _names(WINDOWS, FontRole.BODY, _installed("simsun.ttc"), families) == ["FANGSONG-2.TTF", "simsun.ttc"]
    assert _names(WINDOWS, FontRole.HEADING1, {}, families) == ["hei.ttf"]
    assert _names(WINDOWS, FontRole.HEADING2, {}, families) == ["kai.ttf"]


@pytest.mark.parametrize(
    ("role", "first"),
    [
        (FontRole.TITLE, "公文小标宋.ttf"),
        (FontRole.BODY, "公文仿宋.ttf"),
        (FontRole.TABLE, "公文仿宋.ttf"),
        (FontRole.HEADING2, "公文楷体.ttf"),
        (FontRole.HEADING1, "simhei.ttf"),  # 黑体 is the standard heading font and is Windows' own
        (FontRole.PAGE_NUMBER, "simsun.ttc"),
    ],
)
def test_the_standard_scheme_puts_the_official_fonts_first_and_keeps_windows_fonts_after_them(
    role: FontRole, first: str
) -> None:
    installed = _installed(*WINDOWS_OWN)
    standard = _names(STANDARD, role, installed, OFFICIAL_FACES)
    windows = _names(WINDOWS, role, installed, OFFICIAL_FACES)
    assert standard[0] == first
    assert standard[-len(windows) :] == windows
    assert not {f.path.name for f in OFFICIAL_FACES.values()} & set(windows)  # Windows' scheme never takes a 公文 font


@pytest.mark.parametrize("role", list(FontRole))
@pytest.mark.parametrize("only", ["wqy-zenhei.ttc", "uming.ttc", "simsun.ttc", "msyh.ttc", "DroidSansFallbackFull.ttf"])
def test_any_single_cjk_font_serves_every_role(role: FontRole, only: str) -> None:
    for scheme in (STANDARD, WINDOWS):
        assert _names(scheme, role, _installed(only)) == [only]


@pytest.mark.parametrize("role", list(FontRole))
def test_without_cjk_fonts_no_role_has_a_candidate(role: FontRole) -> None:
    latin_only = _installed("DejaVuSans.ttf", "arial.ttf", "times.ttf", "NotoSerifCJK-Regular.ttc")
    assert font_candidates(STANDARD, role, latin_only, NO_FAMILIES) == []


def test_a_file_known_by_two_names_is_listed_once() -> None:
    shared = Path("/fonts/simsun.ttc")
    installed = {"simsun.ttc": shared, "stsong.ttf": shared, "simfang.ttf": Path("/fonts/simfang.ttf")}
    candidates = font_candidates(WINDOWS, FontRole.BODY, installed, {family_key("SimSun"): FontFile(shared)})
    assert candidates == [FontFile(Path("/fonts/simfang.ttf")), FontFile(shared)]
    assert all(c.index == 0 for c in candidates)  # a .ttc is read at its first, simplified-Chinese face


def test_candidates_come_from_the_fonts_found_on_disk(font_folders: list[Path]) -> None:
    _font_files(font_folders[0], ("SIMKAI.TTF", "simsun.ttc"))
    _fonts(font_folders[1], {"公文楷体.ttf": "楷体_GB2312"})
    candidates = font_candidates(STANDARD, FontRole.HEADING2, installed_font_files())
    assert candidates == [
        FontFile(font_folders[1] / "公文楷体.ttf"),
        FontFile(font_folders[0] / "SIMKAI.TTF"),
        FontFile(font_folders[0] / "simsun.ttc"),
    ]


# --- the PDF: the 公文 fonts embedded whatever their files are called, the fallback told ------------


@pytest.fixture
def official_fonts_renamed(font_folders: list[Path]) -> Iterator[Path]:
    """This machine's CJK fonts copied as the three 公文 fonts under made-up file names (and 黑体 and 宋体
    as Windows has them), the only fonts there are."""
    if not (ARPHIC / "uming.ttc").is_file() or not WQY_ZENHEI.is_file():
        pytest.skip("needs fonts-arphic-uming, fonts-arphic-ukai and fonts-wqy-zenhei")
    folder = font_folders[0]
    renamed_copy(ARPHIC / "uming.ttc", folder / "标题字体.ttc", "方正小标宋简体")
    renamed_copy(ARPHIC / "uming.ttc", folder / "正文字体.ttc", "仿宋_GB2312")
    renamed_copy(ARPHIC / "ukai.ttc", folder / "小标题字体.ttc", "楷体_GB2312")
    (folder / "wqy-zenhei.ttc").symlink_to(WQY_ZENHEI)
    (folder / "uming.ttc").symlink_to(ARPHIC / "uming.ttc")
    pdf_fonts.cache_clear()
    yield folder
    pdf_fonts.cache_clear()


def test_the_pdf_embeds_the_official_fonts_found_by_family_name(official_fonts_renamed: Path) -> None:
    fonts = pdf_fonts("standard")
    assert fonts.embedded and fonts.notice is None
    assert fonts.name(FontRole.BODY).startswith("正文字体")
    assert fonts.name(FontRole.TITLE).startswith("标题字体")
    assert fonts.name(FontRole.HEADING2).startswith("小标题字体")
    assert resolve_scheme("auto") is STANDARD


def test_a_missing_official_font_is_told_when_the_standard_scheme_is_asked_for(official_fonts_renamed: Path) -> None:
    (official_fonts_renamed / "小标题字体.ttc").unlink()
    options = ExportOptions(font_scheme="standard")
    notice = PDF.notice(options)
    assert notice is not None and "公文标准字体" in notice
    assert pdf_fonts("standard").embedded  # set in the other fonts there are
