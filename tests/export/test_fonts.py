"""export/fonts.py: finding font files on this computer (never on the network), choosing the font scheme,
and the font files that may serve each part of the page, best first.

Font folders are tmp folders holding fake font files: only their names matter here (whether a file
really is a usable font is export/pdf/embedding.py's business, tested in tests/export/pdf/test_embedding.py).
"""

from __future__ import annotations

import sys
from pathlib import Path, PurePath

import pytest

import export.fonts
from export.fonts import (
    FontFile,
    FontRole,
    font_candidates,
    font_dirs,
    installed_font_files,
    resolve_scheme,
    standard_fonts_installed,
)
from export.page_design import STANDARD, WINDOWS, FontScheme

OFFICIAL = ("FZXBSJW.TTF", "fsgb2312.ttf", "kaigb2312.ttf")  # 方正小标宋简体, 仿宋_GB2312, 楷体_GB2312
WINDOWS_OWN = ("simsun.ttc", "simfang.ttf", "simkai.ttf", "simhei.ttf")


def _font_files(folder: Path, names: tuple[str, ...]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_bytes(b"\0\1\0\0 not really a font")
    return folder


@pytest.fixture
def font_folders(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    """This computer's font folders, all empty: add files to them, or more folders."""
    folders = [tmp_path / "system", tmp_path / "user"]
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


# --- which scheme -----------------------------------------------------------------------------

_ANY_OFFICIAL = [
    OFFICIAL,
    ("FZXBSK.TTF", "SIMFANG_GB2312.TTF", "SIMKAI_GB2312.TTF"),  # the other makers' file names
    ("fzxbsjw.ttf", "FSGB2312.TTF", "KaiGB2312.ttf"),  # names in any case
    ("FZXBSK.TTF", "fsgb2312.ttf", "SIMKAI_GB2312.TTF"),
]
_NOT_ALL_OFFICIAL = [
    (),
    WINDOWS_OWN,
    OFFICIAL[:2],  # no 楷体_GB2312
    OFFICIAL[1:],  # no 方正小标宋简体
    ("FZXBSJW.TTF", "kaigb2312.ttf", *WINDOWS_OWN),  # no 仿宋_GB2312
]


@pytest.mark.parametrize("names", _ANY_OFFICIAL)
def test_the_standard_fonts_count_as_installed_by_any_of_their_file_names(
    font_folders: list[Path], names: tuple[str, ...]
) -> None:
    _font_files(font_folders[0], names)
    assert standard_fonts_installed()
    assert resolve_scheme("auto") is STANDARD


@pytest.mark.parametrize("names", _NOT_ALL_OFFICIAL)
def test_auto_takes_windows_fonts_unless_all_three_standard_fonts_are_installed(
    font_folders: list[Path], names: tuple[str, ...]
) -> None:
    _font_files(font_folders[0], names)
    assert not standard_fonts_installed()
    assert resolve_scheme("auto") is WINDOWS


def test_the_standard_fonts_may_be_installed_for_one_user_only(font_folders: list[Path]) -> None:
    _font_files(font_folders[0], WINDOWS_OWN)
    _font_files(font_folders[1], OFFICIAL)
    assert resolve_scheme("auto") is STANDARD


@pytest.mark.parametrize("installed", [(), OFFICIAL])
@pytest.mark.parametrize(("scheme_id", "scheme"), [("standard", STANDARD), ("windows", WINDOWS)])
def test_a_scheme_asked_for_by_name_is_used_whatever_is_installed(
    font_folders: list[Path], installed: tuple[str, ...], scheme_id: str, scheme: FontScheme
) -> None:
    _font_files(font_folders[0], installed)
    assert resolve_scheme(scheme_id) is scheme


@pytest.mark.parametrize("unknown", ["", "公文", "Standard"])
def test_an_unknown_scheme_name_from_old_settings_is_treated_as_auto(font_folders: list[Path], unknown: str) -> None:
    assert resolve_scheme(unknown) is WINDOWS
    _font_files(font_folders[0], OFFICIAL)
    assert resolve_scheme(unknown) is STANDARD


# --- candidates per role ----------------------------------------------------------------------


def _installed(*names: str) -> dict[str, Path]:
    return {name.lower(): Path("/fonts") / name for name in names}


def _names(scheme: FontScheme, role: FontRole, installed: dict[str, Path]) -> list[str]:
    return [f.path.name for f in font_candidates(scheme, role, installed)]


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


@pytest.mark.parametrize(
    ("role", "first"),
    [
        (FontRole.TITLE, "FZXBSJW.TTF"),
        (FontRole.BODY, "fsgb2312.ttf"),
        (FontRole.TABLE, "fsgb2312.ttf"),
        (FontRole.HEADING2, "kaigb2312.ttf"),
        (FontRole.HEADING1, "simhei.ttf"),  # 黑体 is the standard heading font and is Windows' own
        (FontRole.PAGE_NUMBER, "simsun.ttc"),
    ],
)
def test_the_standard_scheme_puts_the_official_fonts_first_and_keeps_windows_fonts_after_them(
    role: FontRole, first: str
) -> None:
    installed = _installed(*OFFICIAL, *WINDOWS_OWN)
    standard, windows = _names(STANDARD, role, installed), _names(WINDOWS, role, installed)
    assert standard[0] == first
    assert standard[-len(windows) :] == windows
    assert not set(OFFICIAL) & set(windows)  # the Windows scheme never picks a 公文 font


@pytest.mark.parametrize("role", list(FontRole))
@pytest.mark.parametrize("only", ["wqy-zenhei.ttc", "uming.ttc", "simsun.ttc", "msyh.ttc", "DroidSansFallbackFull.ttf"])
def test_any_single_cjk_font_serves_every_role(role: FontRole, only: str) -> None:
    for scheme in (STANDARD, WINDOWS):
        assert _names(scheme, role, _installed(only)) == [only]


@pytest.mark.parametrize("role", list(FontRole))
def test_without_cjk_fonts_no_role_has_a_candidate(role: FontRole) -> None:
    latin_only = _installed("DejaVuSans.ttf", "arial.ttf", "times.ttf", "NotoSerifCJK-Regular.ttc")
    assert font_candidates(STANDARD, role, latin_only) == []


def test_a_file_known_by_two_names_is_listed_once() -> None:
    shared = Path("/fonts/simsun.ttc")
    installed = {"simsun.ttc": shared, "stsong.ttf": shared, "simfang.ttf": Path("/fonts/simfang.ttf")}
    candidates = font_candidates(WINDOWS, FontRole.BODY, installed)
    assert candidates == [FontFile(Path("/fonts/simfang.ttf")), FontFile(shared)]
    assert all(c.index == 0 for c in candidates)  # a .ttc is read at its first, simplified-Chinese face


def test_candidates_come_from_the_fonts_found_on_disk(font_folders: list[Path]) -> None:
    _font_files(font_folders[0], ("SIMKAI.TTF", "simsun.ttc"))
    candidates = font_candidates(WINDOWS, FontRole.HEADING2, installed_font_files())
    assert candidates == [FontFile(font_folders[0] / "SIMKAI.TTF"), FontFile(font_folders[0] / "simsun.ttc")]
    assert all(c.path.is_file() for c in candidates)
