"""The narrative texts with their field paths, for the text rules, cheaply: the check runs on every
keystroke and half a dozen rules walk the texts, so the paths are built once per shape and, while
`check` runs (`texts_walked_once`), the list once per check."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

from model.field_paths import SubsectionPart, intro_path, subsection_path, text_path
from model.labels import without_spaces as _without_spaces
from model.report import Report
from model.template import SectionKind, TextPartSpec


@lru_cache(maxsize=256)
def _subsection_paths(section_id: str, index: int) -> tuple[str, str]:
    return (
        subsection_path(section_id, index, SubsectionPart.TITLE),
        subsection_path(section_id, index, SubsectionPart.TEXT),
    )


@lru_cache(maxsize=64)
def _part_path(part_id: str, is_text: bool) -> str:
    return text_path(part_id) if is_text else intro_path(part_id)


Texts = list[tuple[str, str]]
_WALKED: ContextVar[tuple[Report, Texts] | None] = ContextVar("texts walked for the check under way", default=None)


@contextmanager
def texts_walked_once(report: Report) -> Iterator[None]:
    """While the block runs, `texts(report)` gives one list walked on entry (the rules only read it)."""
    token = _WALKED.set((report, _walk(report)))
    try:
        yield
    finally:
        _WALKED.reset(token)


def texts(report: Report) -> Texts:
    """Every narrative text with its path, in print order (as model.field_paths.text_fields), non-empty only."""
    walked = _WALKED.get()
    return walked[1] if walked is not None and walked[0] is report else _walk(report)


def _walk(report: Report) -> Texts:
    found = []
    for part in report.template.print_order:
        if isinstance(part, TextPartSpec):
            text = report.narrative.text(part.id)
            if text:
                found.append((_part_path(part.id, True), text))
        elif part.kind is SectionKind.NARRATIVE:
            section = report.narrative.section(part.id)
            if section.intro:
                found.append((_part_path(part.id, False), section.intro))
            for index, sub in enumerate(section.subsections):
                title_path, text_path_ = _subsection_paths(part.id, index)
                if sub.title:
                    found.append((title_path, sub.title))
                if sub.text:
                    found.append((text_path_, sub.text))
    return found


@lru_cache(maxsize=256)
def without_spaces(text: str) -> str:
    """The text with no whitespace (seeds print “2024 年度”), cached by value."""
    return _without_spaces(text)


def listed(items: tuple[str, ...]) -> str:
    """('工作考核', '社会评议', '责任追究') → '工作考核、社会评议和责任追究'."""
    return "和".join(("、".join(items[:-1]), items[-1])) if len(items) > 1 else "".join(items)
