"""Finding fonts on this computer (never on the network) and choosing the font scheme.

The Word export only names fonts; the PDF export embeds them, so for each role of the page design
(title, body, headings, tables, page numbers) this module lists the font files that may serve it, in
order of preference: the 公文 fonts, then Windows' own, then the CJK TrueType fonts that Linux and
macOS ship.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from export.page_design import FONT_SCHEMES, STANDARD, WINDOWS, FontScheme

# The standard 公文 fonts, each by the file names their makers ship (any one will do).
STANDARD_FONT_FILES = (
    ("FZXBSJW.TTF", "FZXBSK.TTF"),  # 方正小标宋简体
    ("fsgb2312.ttf", "SIMFANG_GB2312.TTF"),  # 仿宋_GB2312
    ("kaigb2312.ttf", "SIMKAI_GB2312.TTF"),  # 楷体_GB2312
)
_FONT_SUFFIXES = (".ttf", ".ttc", ".otf")

# The fonts the font schemes name (export.page_design), each with the family names its files carry:
# the Chinese name Word and WPS write first, then the English ones (the makers' other editions too).
FAMILY_NAMES: dict[str, tuple[str, ...]] = {
    "方正小标宋简体": ("方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "FZXiaoBiaoSong-B05"),
    "仿宋_GB2312": ("仿宋_GB2312", "FangSong_GB2312"),
    "楷体_GB2312": ("楷体_GB2312", "KaiTi_GB2312"),
    "黑体": ("黑体", "SimHei"),
    "宋体": ("宋体", "SimSun"),
    "仿宋": ("仿宋", "FangSong"),
    "楷体": ("楷体", "KaiTi"),
}


def english_family_name(family: str) -> str | None:
    """The Latin-script name a font of the schemes also goes by (仿宋_GB2312 → FangSong_GB2312)."""
    return next((name for name in FAMILY_NAMES.get(family, ()) if name.isascii()), None)


class FontRole(Enum):
    """The parts of the page that take their own font (see export.page_design.FontScheme)."""

    TITLE = "title"
    BODY = "body"
    HEADING1 = "heading1"
    HEADING2 = "heading2"
    TABLE = "table"
    PAGE_NUMBER = "page_number"


@dataclass(frozen=True)
class FontFile:
    """One face in a font file; `index` picks the face inside a .ttc collection."""

    path: Path
    index: int = 0


# File names (lower case) by typeface style. Windows first, then Linux and macOS; a .ttc is read at
# face 0, which is the simplified-Chinese face in each collection listed here.
_SONG = ("simsun.ttc", "simsun.ttf", "uming.ttc", "songti.ttc", "stsong.ttf")
_FANGSONG = ("simfang.ttf", "stfangso.ttf", "fangsong.ttf")
_KAI = ("simkai.ttf", "ukai.ttc", "stkaiti.ttf", "kaiti.ttc")
_HEI = (
    "simhei.ttf",
    "msyh.ttc",
    "wqy-zenhei.ttc",
    "wqy-microhei.ttc",
    "droidsansfallbackfull.ttf",
    "droidsansfallback.ttf",
    "stheiti light.ttc",
    "arial unicode.ttf",
)
_STANDARD_BY_ROLE = {
    FontRole.TITLE: STANDARD_FONT_FILES[0],
    FontRole.BODY: STANDARD_FONT_FILES[1],
    FontRole.TABLE: STANDARD_FONT_FILES[1],
    FontRole.HEADING2: STANDARD_FONT_FILES[2],
}
# 仿宋 looks closest to 宋 where no 仿宋 exists; every role ends with any CJK font at all.
_WINDOWS_BY_ROLE = {
    FontRole.TITLE: _SONG + _HEI,
    FontRole.BODY: _FANGSONG + _SONG + _KAI + _HEI,
    FontRole.TABLE: _FANGSONG + _SONG + _KAI + _HEI,
    FontRole.HEADING1: _HEI + _SONG,
    FontRole.HEADING2: _KAI + _FANGSONG + _SONG + _HEI,
    FontRole.PAGE_NUMBER: _SONG + _FANGSONG + _HEI,
}


def font_dirs() -> list[Path]:
    """Folders where this platform keeps fonts, system-wide and per user."""
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [
            Path("/System/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
            Path("/Library/Fonts"),
            home / "Library" / "Fonts",
        ]
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".local/share/fonts", home / ".fonts"]


def installed_font_files() -> dict[str, Path]:
    """Lower-case file name → path of every font file found in the font folders."""
    found: dict[str, Path] = {}
    for folder in font_dirs():
        if not folder.is_dir():
            continue
        for path in folder.rglob("*"):
            if path.suffix.lower() in _FONT_SUFFIXES:
                found.setdefault(path.name.lower(), path)
    return found


def standard_fonts_installed() -> bool:
    files = installed_font_files()
    return all(any(name.lower() in files for name in names) for names in STANDARD_FONT_FILES)


def resolve_scheme(scheme_id: str) -> FontScheme:
    """'standard' / 'windows' as named; 'auto': the standard 公文 fonts when installed, else Windows' own."""
    if scheme_id in FONT_SCHEMES:
        return FONT_SCHEMES[scheme_id]
    return STANDARD if standard_fonts_installed() else WINDOWS


def font_candidates(scheme: FontScheme, role: FontRole, installed: dict[str, Path]) -> list[FontFile]:
    """The installed font files that may serve `role`, best first (the scheme's own fonts lead)."""
    names: tuple[str, ...] = _WINDOWS_BY_ROLE[role]
    if scheme is STANDARD:
        names = _STANDARD_BY_ROLE.get(role, ()) + names
    seen: set[Path] = set()
    candidates: list[FontFile] = []
    for name in names:
        path = installed.get(name.lower())
        if path is not None and path not in seen:
            seen.add(path)
            candidates.append(FontFile(path))
    return candidates
