"""Opening .docx/.xlsx packages safely: size limits, zip-bomb and entity-expansion guards."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from model.errors import ReportFileError

MAX_PACKAGE_BYTES = 20 * 1024 * 1024  # the file on disk
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # all members, uncompressed
MAX_RATIO = 200  # a member may not expand more than this
MAX_MEMBERS = 2000
_DOCTYPE_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")
MAX_PROLOG_BYTES = 1024 * 1024  # comments and declarations before the root element
_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
_ROOT_START = re.compile(rb"<[A-Za-z_]")


def check_package(path: Path, what: str) -> None:
    """Raise ReportFileError with a Chinese reason unless `path` is a sane, bounded zip package."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ReportFileError(f"无法读取文件：{error.strerror or error}") from None
    if size > MAX_PACKAGE_BYTES:
        raise ReportFileError(
            f"{what}过大（{size / 1024 / 1024:.0f} MB，上限 {MAX_PACKAGE_BYTES // 1024 // 1024} MB），不予打开"
        )
    if not zipfile.is_zipfile(path):
        raise ReportFileError(f"这不是有效的{what}（文件已损坏，或并非此格式）")
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
            if len(members) > MAX_MEMBERS:
                raise ReportFileError(f"{what}内部文件过多，疑似异常文件，不予打开")
            total = 0
            for member in members:
                total += member.file_size
                ratio = member.file_size / max(member.compress_size, 1)
                if total > MAX_UNPACKED_BYTES or (member.file_size > 1024 * 1024 and ratio > MAX_RATIO):
                    raise ReportFileError(f"{what}解压后异常庞大（疑似“压缩炸弹”），不予打开")
            _refuse_entities(package)
            bad = package.testzip()
            if bad is not None:
                raise ReportFileError(f"{what}已损坏（{bad} 无法读取）")
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError) as error:
        raise ReportFileError(f"这不是有效的{what}（{type(error).__name__}），文件可能已损坏") from None


def _refuse_entities(package: zipfile.ZipFile) -> None:
    """Office XML never declares a DTD; one that does is hostile (billion laughs, external entities)."""
    for member in package.infolist():
        if member.filename.endswith((".xml", ".rels")) and _declares_dtd(package, member):
            raise ReportFileError("文件中含有 XML 实体声明（可能是恶意文件），不予打开")


def _declares_dtd(package: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """Whether the prolog (everything before the root element, comments removed) holds a DTD."""
    prolog = b""
    with package.open(member) as handle:
        while len(prolog) <= MAX_PROLOG_BYTES:
            chunk = handle.read(64 * 1024)
            prolog += chunk
            visible = _COMMENT.sub(b"", prolog)
            root = _ROOT_START.search(visible)
            if root is not None or not chunk:
                head = visible[: root.start()] if root else visible
                return any(marker in head for marker in _DOCTYPE_MARKERS)
    return True  # a megabyte of prolog is no Office document
