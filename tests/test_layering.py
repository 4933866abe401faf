"""The layers point one way: model/ and export/ never import Qt or ui/."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
FORBIDDEN = ("PySide6", "shiboken6", "ui")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize(
    "path", sorted((ROOT / "model").rglob("*.py")) + sorted((ROOT / "export").rglob("*.py")), ids=str
)
def test_model_and_export_import_no_qt_and_no_ui(path: Path) -> None:
    assert not _imports(path) & set(FORBIDDEN)


def test_model_does_not_import_export() -> None:
    for path in (ROOT / "model").rglob("*.py"):
        assert "export" not in _imports(path), path


def test_the_check_finds_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\nimport ui.app\n", encoding="utf-8")
    assert _imports(bad) >= {"PySide6", "ui"}
