"""Messages in a clerk's words: the technical part of a file error (a format's name, an operating
system's English error text, an internal id) said in plain Chinese, and what to do about a file the
program cannot open (an old Word .doc: 另存为 .docx in Word or WPS)."""

from __future__ import annotations

import re
from pathlib import Path

# The common operating-system errors as Python reports them (in English, whatever the system's language).
OS_ERRORS = {
    "No such file or directory": "找不到这个文件或文件夹",
    "Permission denied": "没有权限（文件可能正被其他程序打开，或为只读）",
    "Operation not permitted": "没有权限（文件可能正被其他程序打开，或为只读）",
    "No space left on device": "磁盘空间不足",
    "Read-only file system": "这个磁盘只能读、不能写（例如光盘或写保护的U盘）",
    "File name too long": "文件名或路径太长",
    "Is a directory": "这是一个文件夹，不是文件",
    "Not a directory": "路径中有一部分不是文件夹",
    "Invalid argument": "文件名中有不允许使用的字符",
    "Input/output error": "读写磁盘时出错（U盘或网络盘可能已断开）",
    "Device or resource busy": "文件正被其他程序使用",
    "Resource temporarily unavailable": "文件正被其他程序使用",
    "The process cannot access the file because it is being used by another process": "文件正被其他程序使用",
    "The system cannot find the path specified": "找不到这个文件夹",
    "The system cannot find the file specified": "找不到这个文件",
    "Access is denied": "没有权限（文件可能正被其他程序打开，或为只读）",
    "There is not enough space on the disk": "磁盘空间不足",
}
_TECHNICAL = (
    (re.compile(r"文件不是有效的 JSON（.*?）"), "文件内容不完整或已损坏，不是本程序保存的年报文件"),
    (re.compile(r"文件不是 UTF-8 编码的文本，不是年报文件"), "文件内容无法识别，不是本程序保存的年报文件"),
    (re.compile(r"文件内容不符合年报格式：.*"), "文件内容不符合年报格式（可能已损坏，或被其他程序改动过）"),
)
# Files people have that the program cannot read, and what to do with them.
OLD_FORMATS = {
    ".doc": "这是旧版 Word 文档（.doc），本程序不能直接打开。\n请在 Word 或 WPS 中打开它，选择“另存为”，"
    "保存类型选“Word 文档（*.docx）”，再用本程序打开保存后的 .docx 文件。",
    ".wps": "这是 WPS 文字文档（.wps），本程序不能直接打开。\n请在 WPS 中打开它，选择“另存为”，"
    "保存类型选“Word 文档（*.docx）”，再用本程序打开保存后的 .docx 文件。",
    ".xls": "这是旧版 Excel 工作簿（.xls），本程序不能直接打开。\n请在 Excel 或 WPS 表格中打开它，选择“另存为”，"
    "保存类型选“Excel 工作簿（*.xlsx）”，再用本程序打开保存后的 .xlsx 文件。",
    ".et": "这是 WPS 表格文件（.et），本程序不能直接打开。\n请在 WPS 表格中打开它，选择“另存为”，"
    "保存类型选“Excel 工作簿（*.xlsx）”，再用本程序打开保存后的 .xlsx 文件。",
}


def for_clerk(message: str) -> str:
    """The message with its technical words replaced by plain Chinese."""
    for english, chinese in OS_ERRORS.items():
        message = re.sub(rf"\[Errno \d+\] {re.escape(english)}(: '[^']*')?", chinese, message)
        message = message.replace(english, chinese)
    for pattern, plain in _TECHNICAL:
        message = pattern.sub(plain, message)
    return message


def old_format_advice(path: Path) -> str | None:
    """What to do with a file in a format the program does not read (an old .doc), or None."""
    return OLD_FORMATS.get(path.suffix.lower())
