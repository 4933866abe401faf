"""Files on disk: bounded, friendly reading of report files (.nianbao.json), and the one atomic
write that every file the app writes goes through (report files, exports, recovery copies)."""

from __future__ import annotations

import errno
import json
import os
import tempfile
from decimal import Decimal
from pathlib import Path

from model.errors import ReportFileError
from model.report import Report
from model.serialize import report_from_dict, report_to_dict

REPORT_SUFFIX = ".nianbao.json"
MAX_FILE_BYTES = 10 * 1024 * 1024


def read_bytes_bounded(path: Path, limit: int, what: str) -> bytes:
    """Read a file of at most `limit` bytes, or raise ReportFileError with a Chinese reason."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise ReportFileError(
                f"{what}过大（{size / 1024 / 1024:.1f} MB，上限 {limit // 1024 // 1024} MB），不予打开"
            )
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise ReportFileError(f"找不到文件：{path}") from None
    except IsADirectoryError:
        raise ReportFileError(f"这是一个文件夹，不是文件：{path}") from None
    except PermissionError:
        raise ReportFileError(f"没有权限读取文件：{path}") from None
    except OSError as error:
        raise ReportFileError(f"无法读取文件：{error.strerror or error}") from None
    if len(data) > limit:
        raise ReportFileError(f"{what}过大（上限 {limit // 1024 // 1024} MB），不予打开")
    return data


def parse_report_json(data: bytes) -> Report:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReportFileError("文件不是 UTF-8 编码的文本，不是年报文件") from None
    try:
        document = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise ReportFileError(f"文件不是有效的 JSON（第 {error.lineno} 行第 {error.colno} 列附近有误）") from None
    except RecursionError:
        raise ReportFileError("文件嵌套层次过深，不是年报文件") from None
    return report_from_dict(document)


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
