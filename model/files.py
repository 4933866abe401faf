"""Files on disk: bounded, friendly reading of report files (.nianbao.json), and the one atomic
write that every file the app writes goes through (report files, exports, recovery copies)."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import secrets
import stat
import time
from decimal import Decimal
from pathlib import Path

from model.errors import ReportFileError
from model.locks import try_lock
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

    Every file the app writes goes through here (report files, exports, recovery copies). Through a
    symbolic link the linked file is written; the file keeps its permissions; a read-only file is
    refused, not replaced. A hard-linked file becomes a file of its own (the other names keep the
    old content): replacing by rename is what keeps every save whole (docs/reliability.md).
    Raises ReportFileError with a one-line Chinese reason when the disk says no.
    """
    target = Path(os.path.realpath(path))
    try:
        mode = _mode_to_keep(target)
        remove_abandoned_temp_files(target.parent)
        _replace_via_temp_file(target, data, mode)
    except OSError as error:
        raise ReportFileError(describe_os_error(error, path)) from None


# The temp files of a save: hidden, named after the file and marked, so that one left by a save
# that never finished (the program killed, the power cut) is found and removed at the next save or
# start. While a save writes one it holds its lock (model.locks): a free lock means abandoned.
TEMP_SUFFIX = ".nianbao-tmp"
MAX_TEMP_STEM = 80  # the temp name stays within file-name limits whatever the file's name
ABANDONED_AFTER_SECONDS = 2.0  # never touch a temp file younger than this (being created now)


def _mode_to_keep(target: Path) -> int | None:
    """The permissions of the file being replaced (None: a new file); a read-only one is refused."""
    try:
        info = target.stat()
    except FileNotFoundError:
        return None
    if not info.st_mode & stat.S_IWUSR:
        raise ReportFileError(f"“{target.name}”是只读文件，未保存；请另存为其他文件，或先取消其只读属性")
    return stat.S_IMODE(info.st_mode)


def _temp_path(target: Path) -> Path:
    return target.with_name(f".{target.name[:MAX_TEMP_STEM]}.{secrets.token_hex(6)}{TEMP_SUFFIX}")


def _replace_via_temp_file(target: Path, data: bytes, mode: int | None) -> None:
    """A temp file in the same folder, fsync, rename: readers see the old file or the new, never half."""
    temp = _temp_path(target)
    # 0o666 less the umask, like any new file; an existing file's own permissions are set below.
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        try_lock(fd)
        with os.fdopen(fd, "wb", closefd=False) as handle:
            handle.write(data)
            handle.flush()
            if mode is not None and os.name != "nt":
                os.fchmod(fd, mode)
            os.fsync(fd)
        if os.name == "nt":
            os.close(fd)  # Windows renames no open file
            fd = -1
        os.replace(temp, target)
    except BaseException:
        if fd >= 0:
            os.close(fd)
            fd = -1
        temp.unlink(missing_ok=True)
        raise
    finally:
        if fd >= 0:
            os.close(fd)  # after the rename: the lock guarded the temp file to the end
    _fsync_folder(target.parent)


def remove_abandoned_temp_files(folder: Path) -> int:
    """Remove the temp files saves left here and nobody is writing any more; how many went."""
    removed = 0
    try:
        candidates = [p for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(TEMP_SUFFIX)]
    except OSError:
        return 0
    for path in candidates:
        if _abandoned(path):
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
    return removed


def _abandoned(path: Path) -> bool:
    try:
        if time.time() - path.lstat().st_mtime < ABANDONED_AFTER_SECONDS:
            return False
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError:
        return False  # gone already, or open for writing on Windows: in use
    try:
        return try_lock(fd)
    finally:
        os.close(fd)


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
