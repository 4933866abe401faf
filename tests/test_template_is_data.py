"""The template is data: no executable code outside model/template.py spells a statutory label,
a section id, a meta field id, a narrative text id, an agency kind id or a row or column id; it
walks the template instead. Docstrings and comments may name them: they do not run.

What is scanned, and for what:
- the program (model/, export/, ui/, main.py): every string literal, f-string parts included, for
  an exact label or id; and for a label of four characters or more inside a longer text (a message
  or tooltip that quotes a row label must take it from the template). The template's own name,
  the report title's suffix and the basis document read as prose and are exempt from the second
  rule: "政府信息公开工作年度报告" is what the program is about.
- the harnesses (bench/, tools/, packaging/): exact labels. Like tests/, they build the reports
  they measure or show field by field and cell by cell, so ids are their data.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from model.template import TEMPLATE_2021, Template

ROOT = Path(__file__).parents[1]
TEMPLATE_MODULE = ROOT / "model" / "template.py"
PROGRAM = [
    *sorted(p for folder in ("model", "export", "ui") for p in (ROOT / folder).rglob("*.py") if p != TEMPLATE_MODULE),
    ROOT / "main.py",
]
HARNESSES = sorted(p for folder in ("bench", "tools", "packaging") for p in (ROOT / folder).rglob("*.py"))
MIN_QUOTED_LABEL = 4  # shorter labels (其他, 总计, 规章) are ordinary words in a sentence
# The keys of the report file's `previous` object (docs/file-format.md) and the command line's verbs
# (`main.py review`): the contract spells them so, whatever the meta fields and table rows are called.
CONTRACT_KEYS = {
    ROOT / "model" / "serialize.py": frozenset({"year", "carried_forward", "in_force"}),
    ROOT / "main.py": frozenset({"review"}),
}


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
    fee = template.fee  # its name (信息处理费) is also the word prose and the fee rules use
    yield from (
        fee.status_label,
        fee.collected_label,
        fee.not_collected_label,
        fee.amount_label,
        fee.applications_label,
    )


def _part_ids(template: Template) -> Iterator[str]:
    yield from (section.id for section in template.sections)
    yield from (spec.id for spec in template.meta_fields)
    yield from (part.id for part in template.texts)


def _cell_and_kind_ids(template: Template) -> Iterator[str]:
    yield from (kind.id for kind in template.agency_kinds)
    for table in template.tables:
        for block in table.blocks:
            yield from (column.id for column in block.columns)
            yield from (row.id for row in block.rows)


LABELS = frozenset(filter(None, _labels(TEMPLATE_2021)))
PART_IDS = frozenset(_part_ids(TEMPLATE_2021))
ALL_IDS = PART_IDS | frozenset(_cell_and_kind_ids(TEMPLATE_2021))
PROSE = frozenset({TEMPLATE_2021.name, TEMPLATE_2021.title_suffix, TEMPLATE_2021.basis})
QUOTABLE = frozenset(label for label in LABELS - PROSE if len(label) >= MIN_QUOTED_LABEL)


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string nodes that are docstrings (they document, they do not run)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _literals(source: str) -> Iterator[tuple[int, str]]:
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def spelled_literals(
    source: str, exact: frozenset[str], quoted: frozenset[str] = frozenset(), allowed: frozenset[str] = frozenset()
) -> list[tuple[int, str]]:
    """(line, text) of every string literal in executable code that equals a text of `exact`, or
    holds a text of `quoted` inside it; texts in `allowed` pass."""
    return [
        (line, text)
        for line, text in _literals(source)
        if text not in allowed and (text in exact or any(label in text for label in quoted))
    ]


@pytest.mark.parametrize("path", PROGRAM, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_program_spells_no_label_or_id_outside_the_template(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    allowed = CONTRACT_KEYS.get(path, frozenset())
    assert spelled_literals(source, LABELS | ALL_IDS, QUOTABLE, allowed) == []


@pytest.mark.parametrize("path", HARNESSES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_harnesses_spell_no_label(path: Path) -> None:
    assert spelled_literals(path.read_text(encoding="utf-8"), LABELS) == []


def test_the_scan_finds_labels_ids_and_quoted_labels_but_not_docstrings() -> None:
    source = '''"""总计 in a docstring is fine."""
def f(x):
    """So is 行政复议 here."""
    if x == "总计" or x.kind == "township" or x.column == "natural_person":
        return f"{x}行政复议"
    tip = f"自动填入“现行有效件数”，共{x}件"
    return META["agency"], "overview", tip, "本年度政府信息公开工作年度报告"
'''
    found = {text for _, text in spelled_literals(source, LABELS | ALL_IDS, QUOTABLE)}
    assert found == {
        "总计",
        "township",
        "natural_person",
        "行政复议",
        "自动填入“现行有效件数”，共",
        "agency",
        "overview",
    }


def test_a_contract_key_passes_only_where_it_is_allowed() -> None:
    source = 'data = {"year": 2024, "in_force": {}}\n'
    assert spelled_literals(source, ALL_IDS) == [(1, "year"), (1, "in_force")]
    assert spelled_literals(source, ALL_IDS, allowed=CONTRACT_KEYS[ROOT / "model" / "serialize.py"]) == []
