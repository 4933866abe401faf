"""Finding fonts on this computer (never on the network) and choosing the font scheme.

The Word export only names fonts; the PDF export embeds them, so for each role of the page design
(title, body, headings, tables, page numbers) this module lists the font files that may serve it, in
order of preference: the scheme's own font, then Windows' own, then the CJK TrueType fonts that
Linux and macOS ship.

A scheme's fonts are found by the family names inside the font files (their 'name' table), whatever
the files are called: each maker and each Windows edition names the file of 仿宋_GB2312 differently,
but the font calls itself 仿宋_GB2312 or FangSong_GB2312. Only the name table of each file is read,
once per process while the file is unchanged. Font folders this user may not read are passed over.
"""

from __future__ import annotations

import os
import re
import struct
import sys
from collections.abc import Iterator, Mapping
from dataclasses import astuple, dataclass
from enum import Enum
from pathlib import Path
from typing import BinaryIO

from export.page_design import FONT_SCHEMES, STANDARD, WINDOWS, FontScheme

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
# The 公文 fonts proper: the standard scheme's fonts that Windows does not ship.
STANDARD_FAMILIES = tuple(dict.fromkeys(f for f in astuple(STANDARD)[2:] if f not in astuple(WINDOWS)))
# Name ids read: family, full name, PostScript name, typographic family.
_NAME_IDS = frozenset((1, 4, 6, 16))
_MAX_FACES, _MAX_TABLES, _MAX_NAME_TABLE = 64, 512, 1 << 20  # bounds for damaged or hostile files


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
    try:
        home: Path | None = Path.home()
    except (RuntimeError, KeyError, OSError):  # no home folder known: the system's fonts only
        home = None
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = os.environ.get("LOCALAPPDATA") or (home and home / "AppData" / "Local")
        return [windir / "Fonts", *([Path(local) / "Microsoft" / "Windows" / "Fonts"] if local else [])]
    if sys.platform == "darwin":
        system = [Path("/System/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"), Path("/Library/Fonts")]
        return system + ([home / "Library" / "Fonts"] if home else [])
    system = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts")]
    return system + ([home / ".local/share/fonts", home / ".fonts"] if home else [])


def _font_entries() -> Iterator[os.DirEntry[str]]:
    """Every font file in the font folders, system folders first. Folders that are missing or that
    this user may not search are passed over."""
    for folder in font_dirs():
        yield from _font_entries_in(str(folder))


def _font_entries_in(folder: str) -> Iterator[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:  # missing, not a folder, no permission
        return
    for entry in entries:
        try:
            is_folder = entry.is_dir(follow_symlinks=False)
            # Regular files only: a pipe or device named like a font would block or never end.
            is_font = not is_folder and entry.name.lower().endswith(_FONT_SUFFIXES) and entry.is_file()
        except OSError:
            continue
        if is_folder:
            yield from _font_entries_in(entry.path)
        elif is_font:
            yield entry


def installed_font_files() -> dict[str, Path]:
    """Lower-case file name → path of every font file found in the font folders."""
    found: dict[str, Path] = {}
    for entry in _font_entries():
        found.setdefault(entry.name.lower(), Path(entry.path))
    return found


# --- family names -----------------------------------------------------------------------------


def family_key(name: str) -> str:
    """A family name as compared: case, spaces, hyphens and underscores do not matter."""
    return re.sub(r"[\s_\-]", "", name).casefold()


# Per font file, while its size and time are unchanged: (family_key, face) for each name it has.
_FACES_BY_FILE: dict[tuple[str, int, int], tuple[tuple[str, FontFile], ...]] = {}


def _named_faces(entry: os.DirEntry[str]) -> tuple[tuple[str, FontFile], ...]:
    try:
        stat = entry.stat()  # follows a link to the font; on Windows it comes with the listing
    except OSError:
        return ()
    key = (entry.path, stat.st_size, stat.st_mtime_ns)
    faces = _FACES_BY_FILE.get(key)
    if faces is None:
        path = Path(entry.path)
        faces = tuple(
            (family_key(name), FontFile(path, index))
            for index, names in enumerate(font_family_names(path))
            for name in sorted(names)
        )
        _FACES_BY_FILE[key] = faces
    return faces


def font_family_names(path: Path) -> tuple[frozenset[str], ...]:
    """The names each face of a font file calls itself (its 'name' table), face by face; () for a
    file that is not a font this module can read. Only the table directory and that table are read."""
    try:
        with open(path, "rb") as file:
            return tuple(_face_names(file, offset) for offset in _face_offsets(file))
    except (OSError, ValueError, struct.error):
        return ()


def _read(file: BinaryIO, offset: int, size: int) -> bytes:
    file.seek(offset)
    data = file.read(size)
    if len(data) != size:
        raise ValueError("truncated font file")
    return data


def _face_offsets(file: BinaryIO) -> tuple[int, ...]:
    header = _read(file, 0, 12)
    if header[:4] == b"ttcf":  # a collection: several faces, each with its own table directory
        count = min(struct.unpack_from(">I", header, 8)[0], _MAX_FACES)
        return struct.unpack(f">{count}I", _read(file, 12, 4 * count))
    if header[:4] in (b"\0\1\0\0", b"OTTO", b"true"):
        return (0,)
    raise ValueError("not a TrueType or OpenType font")


def _face_names(file: BinaryIO, offset: int) -> frozenset[str]:
    (tables,) = struct.unpack(">H", _read(file, offset + 4, 2))
    directory = _read(file, offset + 12, 16 * min(tables, _MAX_TABLES))
    for entry in range(0, len(directory), 16):
        tag, _, table_offset, length = struct.unpack_from(">4sIII", directory, entry)
        if tag == b"name":
            return _names(_read(file, table_offset, min(length, _MAX_NAME_TABLE)))
    return frozenset()


def _names(table: bytes) -> frozenset[str]:
    _, count, strings = struct.unpack_from(">3H", table)
    names: set[str] = set()
    for record in range(count):
        platform, encoding, _, name_id, length, offset = struct.unpack_from(">6H", table, 6 + 12 * record)
        if name_id in _NAME_IDS:
            text = _decoded(platform, encoding, table[strings + offset : strings + offset + length])
            if text and text.strip():
                names.add(text.strip())
    return frozenset(names)


def _decoded(platform: int, encoding: int, raw: bytes) -> str | None:
    if platform == 0 or (platform == 3 and encoding in (0, 1, 10)):  # Unicode
        return raw.decode("utf-16-be", "ignore")
    if platform == 3 and encoding == 3:  # Windows PRC: GB2312 bytes in 16-bit units, as older fonts have
        return raw.replace(b"\0", b"").decode("gbk", "ignore")
    if platform == 1 and encoding in (0, 25):  # Macintosh Roman, Macintosh Simplified Chinese
        return raw.decode("mac_roman" if encoding == 0 else "gbk", "ignore")
    return None


def installed_font_families() -> dict[str, FontFile]:
    """family_key(name) → the face of that name, for every name a font in the font folders calls
    itself (the first found wins: system folders before the user's)."""
    found: dict[str, FontFile] = {}
    for entry in _font_entries():
        for key, face in _named_faces(entry):
            found.setdefault(key, face)
    return found


def find_family(family: str, families: Mapping[str, FontFile] | None = None) -> FontFile | None:
    """The installed face of `family` (by any name in FAMILY_NAMES), or None."""
    if families is None:
        families = installed_font_families()
    for name in FAMILY_NAMES.get(family, (family,)):
        face = families.get(family_key(name))
        if face is not None:
            return face
    return None


# --- schemes and candidates -------------------------------------------------------------------


def standard_fonts_installed(families: Mapping[str, FontFile] | None = None) -> bool:
    """Whether every 公文 font (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312) is installed, by family name."""
    if families is None:
        families = installed_font_families()
    return all(find_family(family, families) is not None for family in STANDARD_FAMILIES)


def is_standard_font(file: FontFile, families: Mapping[str, FontFile] | None = None) -> bool:
    """Whether `file` is one of the 公文 fonts as installed here."""
    if families is None:
        families = installed_font_families()
    return file in {find_family(family, families) for family in STANDARD_FAMILIES}


def resolve_scheme(scheme_id: str) -> FontScheme:
    """'standard' / 'windows' as named; 'auto': the standard 公文 fonts when installed, else Windows' own."""
    if scheme_id in FONT_SCHEMES:
        return FONT_SCHEMES[scheme_id]
    return STANDARD if standard_fonts_installed() else WINDOWS


def font_candidates(
    scheme: FontScheme,
    role: FontRole,
    installed: dict[str, Path],
    families: Mapping[str, FontFile] | None = None,
) -> list[FontFile]:
    """The installed faces that may serve `role`, best first: the scheme's own font for it (by family
    name; for the standard scheme then Windows' own), then fonts of a like style by file name
    (`installed`, from installed_font_files). `families` defaults to this computer's."""
    if families is None:
        families = installed_font_families()
    wanted = [getattr(scheme, role.value)]
    if scheme is STANDARD:
        wanted.append(getattr(WINDOWS, role.value))
    faces = [find_family(family, families) for family in wanted]
    faces += [FontFile(installed[name]) for name in _WINDOWS_BY_ROLE[role] if name in installed]
    return list(dict.fromkeys(face for face in faces if face is not None))
