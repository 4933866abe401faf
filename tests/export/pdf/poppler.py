"""Reading our PDFs back with poppler (pdftotext, pdfinfo, pdffonts), as a reader or screen reader would."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


def _poppler(tool: str, pdf: Path) -> str:
    # -raw: text in the order it is drawn, i.e. cell by cell, row by row, as a screen reader reads it.
    args = ["-raw", str(pdf), "-"] if tool == "pdftotext" else [str(pdf)]
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True).stdout


def _flat(text: str) -> str:
    return "".join(text.split())


def _assert_in_order(text: str, labels: list[str]) -> None:
    flat = _flat(text)
    position = 0
    for label in labels:
        found = flat.find(_flat(label), position)
        assert found >= 0, f"{label!r} missing or out of order"
        position = found + len(_flat(label))
