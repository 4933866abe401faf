"""A report file's text written for the reading tests (test_files.py, test_serialize.py)."""

from __future__ import annotations

import json
from pathlib import Path


def _write(tmp_path: Path, content: object, name: str = "r.nianbao.json") -> Path:
    path = tmp_path / name
    text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path
