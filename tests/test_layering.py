"""The layers point one way: model/ and export/ never import Qt or ui/; and the window and main.py
read, write and check reports through the public API (`model`, `export`), as a script does."""

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


# Reading, writing and checking are the public API's: the window and main.py reach export only
# through `export`, and neither the checks nor report files through model's internals. The
# recovery file (ui/autosave.py) and the automation hook's state file are the window's own
# formats, written with the model's serializer and the one atomic write.
BEHIND_THE_API = ("export.", "model.checks", "model.files", "model.serialize", "model.carry", "model.errors")
OWN_FILE_FORMATS = {ROOT / "ui" / "autosave.py", ROOT / "ui" / "automation.py"}


def _modules_imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    modules |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    return modules


def _behind_the_api(path: Path) -> set[str]:
    return {m for m in _modules_imported(path) if m.startswith(BEHIND_THE_API)}


@pytest.mark.parametrize("path", [*sorted((ROOT / "ui").rglob("*.py")), ROOT / "main.py"], ids=str)
def test_the_window_and_main_read_write_and_check_through_the_public_api(path: Path) -> None:
    allowed = {"model.files", "model.serialize"} if path in OWN_FILE_FORMATS else set()
    assert _behind_the_api(path) <= allowed


def test_the_api_check_finds_a_way_around_it(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from export.word import render\nimport model.checks\nfrom model import check\n", encoding="utf-8")
    assert _behind_the_api(bad) == {"export.word", "model.checks"}
