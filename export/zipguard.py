"""Opening .docx/.xlsx packages safely: size limits, zip-bomb and entity-expansion guards.

The budgets bound what reading may cost, whatever the package claims about itself:
- the file on disk (MAX_PACKAGE_BYTES) and every member inflated (MAX_UNPACKED_BYTES), which the
  readers hold in memory at once;
- the XML among them (`max_xml_bytes`, set by each format), which the parsers turn into trees of
  about ten times that size and walk in Python. A member is XML by its content, not by its name or
  encoding: a main part called `document.bin`, or one in UTF-16, is parsed all the same;
- the ratio of a member: a small zip that inflates far (a "zip bomb") is refused before anything
  reads it, but only when it is also big, so that a long report of repetitive text still opens.

`check_package` guards every member, for readers that open them all (python-docx, openpyxl);
`open_package` checks the directory and then guards only the parts a reader asks for, inflating
nothing else: reading a typed .docx needs its main part alone.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from model.errors import ReportFileError
from model.files import regular_file_size

MAX_PACKAGE_BYTES = 20 * 1024 * 1024  # the file on disk
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # all members, inflated (pictures included)
# All XML members, inflated. Our own .docx holds ~1 MB of XML (styles included), a long report
# saved by Word 2–3 MB; 8 MB is read in about 4 s and under 150 MB of memory on a slow machine.
MAX_XML_BYTES = 8 * 1024 * 1024
MAX_RATIO = 200  # a member this big may not expand more than this …
RATIO_ABOVE_BYTES = 8 * 1024 * 1024  # … so repetitive text (which compresses well) under it is fine
MAX_MEMBERS = 2000
_DOCTYPE_MARKERS = ("<!DOCTYPE", "<!ENTITY")
ENTITY_REASON = "文件中含有 XML 实体声明（可能是恶意文件），不予打开"
MAX_PROLOG_BYTES = 1024 * 1024  # comments and declarations before the root element
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_ROOT_START = re.compile(r"<[^\W\d]", re.UNICODE)
# Byte-order marks and the first character '<' in each encoding an XML parser detects by itself
# (XML 1.0, appendix F); the longer marks first.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HEAD = 64 * 1024  # what is decoded of a part at first, looking for its root element
_UNMARKED = ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be", "latin-1")


class GuardedPackage:
    """An open package whose directory passed the guard; its XML parts are read through `read_xml`,
    which guards each one as it reads it."""

    def __init__(self, package: zipfile.ZipFile, what: str, max_xml_bytes: int) -> None:
        self.zip = package
        self.names = frozenset(package.namelist())
        self.what = what
        self.max_xml_bytes = max_xml_bytes

    def read_xml(self, name: str) -> bytes:
        """One XML part's bytes: within the XML budget, without a DTD, its checksum verified."""
        if self.zip.getinfo(name).file_size > self.max_xml_bytes:
            raise _too_much_xml(self.what, self.max_xml_bytes)
        data = self.zip.read(name)  # zipfile stops at the declared size and checks the CRC
        encoding = xml_encoding(data[:64])
        if encoding is not None and _declares_dtd(data[:_HEAD], io.BytesIO(data[_HEAD:]), encoding):
            raise ReportFileError(ENTITY_REASON)
        return data


@contextmanager
def open_package(path: Path, what: str, max_xml_bytes: int = MAX_XML_BYTES) -> Iterator[GuardedPackage]:
    """The package opened after the checks that need only its directory (file size, member count,
    inflated sizes and ratios); a damaged package, found then or while the caller reads, becomes a
    one-line Chinese reason. What a reader needs of a few parts, without paying for all of them."""
    size = regular_file_size(path, what)
    if size > MAX_PACKAGE_BYTES:
        raise ReportFileError(
            f"{what}过大（{size / 1024 / 1024:.0f} MB，上限 {MAX_PACKAGE_BYTES // 1024 // 1024} MB），不予打开"
        )
    try:
        if not zipfile.is_zipfile(path):
            raise ReportFileError(f"这不是有效的{what}（文件已损坏，或并非此格式）")
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
            if len(members) > MAX_MEMBERS:
                raise ReportFileError(f"{what}内部文件过多，疑似异常文件，不予打开")
            _check_sizes(members, what)
            yield GuardedPackage(package, what, max_xml_bytes)
    except zlib.error:
        raise ReportFileError(f"{what}已损坏（其中的压缩数据无法解开）") from None
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError, ValueError) as error:
        raise ReportFileError(f"这不是有效的{what}（{type(error).__name__}），文件可能已损坏") from None


def check_package(path: Path, what: str, max_xml_bytes: int = MAX_XML_BYTES) -> None:
    """Raise ReportFileError with a Chinese reason unless `path` is a sane, bounded zip package, every
    member of it: for readers that open every part themselves (python-docx, openpyxl)."""
    with open_package(path, what, max_xml_bytes) as package:
        _check_xml(package.zip, what, max_xml_bytes)
        bad = package.zip.testzip()
        if bad is not None:
            raise ReportFileError(f"{what}已损坏（{bad} 无法读取）")


def _check_sizes(members: list[zipfile.ZipInfo], what: str) -> None:
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_ABOVE_BYTES and ratio > MAX_RATIO:
            raise ReportFileError(f"{what}解压后异常庞大（疑似“压缩炸弹”），不予打开")
        if total > MAX_UNPACKED_BYTES:
            raise ReportFileError(
                f"{what}解压后过大（超过 {MAX_UNPACKED_BYTES // 1024 // 1024} MB，疑似“压缩炸弹”），不予打开"
            )


def _check_xml(package: zipfile.ZipFile, what: str, budget: int) -> None:
    """Every member that is XML by its content: within the budget, and without a DTD.

    Office XML never declares a DTD; one that does is hostile (billion laughs, external entities)."""
    xml_bytes = 0
    for member in package.infolist():
        if member.is_dir():
            continue
        with package.open(member) as handle:
            head = handle.read(_HEAD)
            encoding = xml_encoding(head)
            if encoding is None:
                continue
            xml_bytes += member.file_size
            if xml_bytes > budget:
                raise _too_much_xml(what, budget)
            if _declares_dtd(head, handle, encoding):
                raise ReportFileError(ENTITY_REASON)


def _too_much_xml(what: str, budget: int) -> ReportFileError:
    return ReportFileError(f"{what}内容过多（XML 超过 {budget // 1024 // 1024} MB），不是本程序能读取的年报文件")


def xml_encoding(head: bytes) -> str | None:
    """The encoding an XML parser would read a member in, or None when its content is not XML."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    for encoding in _UNMARKED:
        start = codecs.decode(head[:64], encoding, "ignore").lstrip(" \t\r\n")
        if start.startswith("<") and "\0" not in start[:4]:
            return encoding
    return None


def _declares_dtd(head: bytes, handle: IO[bytes], encoding: str) -> bool:
    """Whether the prolog (everything before the root element, comments removed) holds a DTD."""
    decoder = codecs.getincrementaldecoder(encoding)("replace")
    prolog = ""
    read, chunk = 0, head
    while read <= MAX_PROLOG_BYTES:
        read += len(chunk)
        prolog += decoder.decode(chunk, final=not chunk)
        visible = _COMMENT.sub("", prolog)
        root = _ROOT_START.search(visible)
        if root is not None or not chunk:
            before_root = visible[: root.start()] if root else visible
            return any(marker in before_root for marker in _DOCTYPE_MARKERS)
        chunk = handle.read(_HEAD)
    return True  # a megabyte of prolog is no Office document
