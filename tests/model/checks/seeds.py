"""The five seed reports (tests/fixtures), for rule tests that take their real wording."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from model.files import load_report
from model.report import NarrativeSection, Report

FIXTURES = Path(__file__).parents[2] / "fixtures"


@cache
def _seed(number: int) -> Report:
    return load_report(FIXTURES / f"seed_{number:03d}.nianbao.json")


def seed(number: int) -> Report:
    """A fresh copy of a seed report (the cached one is never changed)."""
    return load_report(FIXTURES / f"seed_{number:03d}.nianbao.json")


def seed_section(number: int, section_id: str) -> NarrativeSection:
    """A seed's narrative section as published (a copy)."""
    section = _seed(number).narrative.section(section_id)
    return NarrativeSection(section.intro, [type(s)(s.title, s.text) for s in section.subsections])
