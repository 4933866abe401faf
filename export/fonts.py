"""Finding fonts on this computer (never on the network) and choosing the font scheme."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from export.style import FONT_SCHEMES, STANDARD, WINDOWS, FontScheme

# The standard 公文 fonts, each by the file names their makers ship (any one will do).
STANDARD_FONT_FILES = (
    ("FZXBSJW.TTF", "FZXBSK.TTF"),  # 方正小标宋简体
    ("fsgb2312.ttf", "SIMFANG_GB2312.TTF"),  # 仿宋_GB2312
    ("kaigb2312.ttf", "SIMKAI_GB2312.TTF"),  # 楷体_GB2312
)
_FONT_SUFFIXES = (".ttf", ".ttc", ".otf")


def font_dirs() -> list[Path]:
    """Folders where this platform keeps fonts, system-wide and per user."""
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
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
