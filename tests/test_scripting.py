"""The public API as an e-government center's IT person uses it: docs/scripting.md's example, run
exactly as written on a folder of exported .docx files, and the rule that keeps that API the outside."""

from __future__ import annotations

import ast
import csv
import os
import re
import subprocess
import sys
from pathlib import Path

from export import write_report
from model import load_report
from tests.factories import consistent_report

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "scripting.md"
FIXTURES = ROOT / "tests" / "fixtures"


def example_code() -> str:
    (code,) = re.findall(r"```python\n(.*?)```", GUIDE.read_text(encoding="utf-8"), flags=re.DOTALL)
    return code


def run_example(folder: Path) -> list[dict[str, str]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", example_code()], cwd=folder, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    with (folder / "检查结果.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_guide_checks_every_docx_in_a_folder_into_a_csv(tmp_path: Path) -> None:
    write_report(consistent_report(), tmp_path / "叶城县科学技术局.docx")
    write_report(load_report(FIXTURES / "seed_003.nianbao.json"), tmp_path / "灵武市科学技术局.docx")
    (tmp_path / "损坏的文件.docx").write_bytes(b"not a document")
    (tmp_path / "不是年报.txt").write_text("ignored", encoding="utf-8")

    rows = {row["文件"]: row for row in run_example(tmp_path)}

    assert list(rows) == ["叶城县科学技术局.docx", "损坏的文件.docx", "灵武市科学技术局.docx"]
    assert rows["叶城县科学技术局.docx"] == {
        "文件": "叶城县科学技术局.docx",
        "机关": "叶城县科学技术局",
        "年度": "2024",
        "错误": "0",
        "提醒": "0",
        "问题代码": "",
    }
    assert rows["损坏的文件.docx"]["问题代码"].startswith("无法读取：")
    unfinished = rows["灵武市科学技术局.docx"]  # no 成文日期; 一 too long, 六's 一是…三是…五是 (docs/checks.md)
    assert (unfinished["机关"], unfinished["年度"]) == ("灵武市科学技术局", "2024")
    assert (unfinished["错误"], unfinished["提醒"]) == ("1", "2")
    assert unfinished["问题代码"] == "CONTENT_MISSING MISSING OVERVIEW_TOO_LONG"


def _imports_a_package_root(path: Path) -> bool:
    """`from model import X` or `from export import X` where X is a name, not a submodule."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module in ("model", "export"):
            package = ROOT / node.module
            if any(
                not (package / alias.name).exists() and not (package / f"{alias.name}.py").exists()
                for alias in node.names
            ):
                return True
    return False


def test_the_packages_inside_never_import_their_own_public_api() -> None:
    """model/__init__.py and export/__init__.py import everything they offer: a module inside that
    imported from them would make a cycle."""
    public = {ROOT / "model" / "__init__.py", ROOT / "export" / "__init__.py"}
    inside = [p for package in ("model", "export") for p in (ROOT / package).rglob("*.py") if p not in public]
    assert [str(p.relative_to(ROOT)) for p in inside if _imports_a_package_root(p)] == []
