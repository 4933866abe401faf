"""Files on disk: bounded, friendly reading of report files (.nianbao.json), and the one atomic
write that every file the app writes goes through (report files, exports, recovery copies)."""

from __future__ import annotations

import errno
import json
import os
import stat
import tempfile
from decimal import Decimal
from pathlib import Path

from model.errors import ReportFileError
from model.report import Report
from model.serialize import report_from_dict, report_to_dict
from model.values import Invalid

REPORT_SUFFIX = ".nianbao.json"
MAX_FILE_BYTES = 10 * 1024 * 1024


def regular_file_size(path: Path, what: str) -> int:
    """The size of `path` if it is a plain file; a folder, device, pipe, socket or symlink loop is
    refused before anything opens it (opening a FIFO waits forever, /dev/zero never ends)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ReportFileError(f"找不到文件：{path}") from None
    except PermissionError:
        raise ReportFileError(f"没有权限读取文件：{path}") from None
    except OSError as error:  # ELOOP (a symlink loop), ENAMETOOLONG, …
        if error.errno == errno.ELOOP:
            raise ReportFileError(f"无法读取文件“{path.name}”：快捷方式（符号链接）指向自身，形成循环") from None
        raise ReportFileError(f"无法读取文件“{path.name}”：{error.strerror or error}") from None
    _refuse_special(info, path, what)
    return info.st_size


def _refuse_special(info: os.stat_result, path: Path, what: str) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise ReportFileError(f"这是一个文件夹，不是文件：{path}")
    if not stat.S_ISREG(info.st_mode):
        raise ReportFileError(f"“{path.name}”不是普通文件（是设备、管道等特殊文件），不能作为{what}打开")


def read_bytes_bounded(path: Path, limit: int, what: str) -> bytes:
    """Read a plain file of at most `limit` bytes, or raise ReportFileError with a Chinese reason."""
    size = regular_file_size(path, what)
    if size > limit:
        raise ReportFileError(f"{what}过大（{size / 1024 / 1024:.1f} MB，上限 {limit // 1024 // 1024} MB），不予打开")
    try:
        # Non-blocking: should the name become a FIFO between the check and the open, open() does not wait.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            _refuse_special(os.fstat(handle.fileno()), path, what)
            data = handle.read(limit + 1)
    except PermissionError:
        raise ReportFileError(f"没有权限读取文件：{path}") from None
    except OSError as error:
        raise ReportFileError(f"无法读取文件：{error.strerror or error}") from None
    if len(data) > limit:
        raise ReportFileError(f"{what}过大（上限 {limit // 1024 // 1024} MB），不予打开")
    return data


# Numbers in a report file are read without ever computing a huge one: a count of 1e99999999
# would take hours to turn into an int, and ints past 4,300 digits raise. What no cell can hold
# (longer, larger, or Infinity / NaN) becomes an Invalid holding the text as written: in a cell
# the checker reports it, anywhere else the shape check refuses it with a one-line reason.
MAX_INT_DIGITS = 20
MAX_NUMBER_CHARS = 40
MAX_EXPONENT = 30


def _json_int(text: str) -> int | Invalid:
    return int(text) if len(text) <= MAX_INT_DIGITS else Invalid(text)


def _json_float(text: str) -> Decimal | Invalid:
    if len(text) > MAX_NUMBER_CHARS:
        return Invalid(text)
    number = Decimal(text)  # keeps the exponent as written; nothing is expanded
    return number if abs(number.adjusted()) <= MAX_EXPONENT else Invalid(text)


def parse_json(text: str) -> object:
    """JSON as the report files hold it: decimals exact, absurd numbers kept as Invalid text,
    and a one-line Chinese reason for anything that is not JSON."""
    try:
        return json.loads(text, parse_float=_json_float, parse_int=_json_int, parse_constant=Invalid)
    except json.JSONDecodeError as error:
        raise ReportFileError(f"文件不是有效的 JSON（第 {error.lineno} 行第 {error.colno} 列附近有误）") from None
    except RecursionError:
        raise ReportFileError("文件嵌套层次过深，不是年报文件") from None


def parse_report_json(data: bytes) -> Report:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReportFileError("文件不是 UTF-8 编码的文本，不是年报文件") from None
    return report_from_dict(parse_json(text))


def load_report(path: str | os.PathLike[str]) -> Report:
    """Read a .nianbao.json file; raises ReportFileError with a one-line Chinese reason."""
    return parse_report_json(read_bytes_bounded(Path(path), MAX_FILE_BYTES, "文件"))


def report_json(report: Report) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` so that any failure leaves the previous file as it was.

    Every file the app writes goes through here (report files, exports, recovery copies).
    Raises ReportFileError with a one-line Chinese reason when the disk says no.
    """
    try:
        _replace_via_temp_file(Path(path), data)
    except OSError as error:
        raise ReportFileError(describe_os_error(error, path)) from None


def _replace_via_temp_file(target: Path, data: bytes) -> None:
    """A temp file in the same folder, fsync, rename: readers see the old file or the new, never half."""
    temp_name = ""
    try:
        with tempfile.NamedTemporaryFile(
            mode="wb", dir=target.parent, prefix=f".{target.name}.", suffix=".tmp", delete=False
        ) as handle:
            temp_name = handle.name
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
    except BaseException:
        if temp_name:
            Path(temp_name).unlink(missing_ok=True)
        raise
    _fsync_folder(target.parent)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (not on Windows)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def save_report(report: Report, path: str | os.PathLike[str]) -> None:
    """Save a .nianbao.json file atomically; raises ReportFileError with a Chinese reason."""
    write_atomically(path, report_json(report).encode("utf-8"))


def describe_os_error(error: OSError, path: str | os.PathLike[str]) -> str:
    """A one-line Chinese explanation of why writing `path` failed."""
    name = Path(path).name
    if error.errno == errno.ENOSPC:
        return f"磁盘空间不足，未能保存“{name}”，原文件未受影响"
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"没有权限写入“{name}”（文件可能正被其他程序打开或为只读），原文件未受影响"
    if error.errno == errno.ENOENT:
        return f"保存位置不存在：{Path(path).parent}"
    return f"未能保存“{name}”：{error.strerror or error}，原文件未受影响"
