"""The template is data: no executable code outside model/template.py spells a statutory label,
a section id or a meta field id. Everything else walks the template (docstrings and comments may
name them; they do not run)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from model.template import TEMPLATE_2021, Template

ROOT = Path(__file__).parents[1]
TEMPLATE_MODULE = ROOT / "model" / "template.py"
SOURCES = [
    *sorted(p for folder in ("model", "export", "ui") for p in (ROOT / folder).rglob("*.py") if p != TEMPLATE_MODULE),
    ROOT / "main.py",
]


def _labels(template: Template) -> Iterator[str]:
    yield from (template.name, template.basis, template.title_suffix, template.meta_title)
    for section in template.sections:
        yield from (section.title, section.heading, section.short_title, *section.suggested_subsections)
    for table in template.tables:
        yield table.note
        for block in table.blocks:
            yield from (block.title, block.corner)
            for column in block.columns:
                yield from (column.label, *column.path)
            for row in block.rows:
                yield from (row.label, *row.path)
    yield from (kind.label for kind in template.agency_kinds)
    yield from (spec.label for spec in template.meta_fields)
    yield from (part.label for part in template.texts)


def _ids(template: Template) -> Iterator[str]:
    yield from (section.id for section in template.sections)
    yield from (spec.id for spec in template.meta_fields)
    yield from (part.id for part in template.texts)


SPELLED_ONCE = frozenset(s for s in (*_labels(TEMPLATE_2021), *_ids(TEMPLATE_2021)) if s)


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string nodes that are docstrings (they document, they do not run)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def spelled_literals(source: str, forbidden: frozenset[str]) -> list[tuple[int, str]]:
    """(line, text) of every string literal in executable code that equals a forbidden text."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and node.value in forbidden
    ]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_label_or_id_is_spelled_outside_the_template(path: Path) -> None:
    assert spelled_literals(path.read_text(encoding="utf-8"), SPELLED_ONCE) == []


def test_the_scan_finds_a_label_an_id_and_an_f_string_part_but_not_a_docstring() -> None:
    source = '''"""总计 in a docstring is fine."""
def f(x):
    """So is 行政复议 here."""
    if x == "总计":
        return f"{x}行政复议"
    return META["agency"], "overview"
'''
    found = {text for _, text in spelled_literals(source, SPELLED_ONCE)}
    assert found == {"总计", "行政复议", "agency", "overview"}
