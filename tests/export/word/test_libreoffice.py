"""The export opened in a real word processor: LibreOffice prints it to PDF, poppler reads the pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from export import ExportOptions, write_report
from model.files import load_report
from model.report import Report
from model.template import TEMPLATE_2021
from tests.factories import consistent_report

OFFICE = shutil.which("libreoffice") or shutil.which("soffice")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(OFFICE is None, reason="LibreOffice (libreoffice/soffice) is not installed"),
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"),
]
# Labels short enough to stay on one line of their cell, so the PDF text holds them whole.
ONE_LINE_LABEL = 15


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two exports printed to PDF in one LibreOffice run (each start costs seconds)."""
    folder = tmp_path_factory.mktemp("word-pdf")
    report: Report = consistent_report()
    documents = {
        "standard": (folder / "standard.docx", ExportOptions(font_scheme="standard")),
        "signed": (folder / "signed.docx", ExportOptions(font_scheme="windows", signed_copy=True)),
    }
    for path, options in documents.values():
        write_report(report, path, options)
    profile = (folder / "profile").as_uri()
    command = [
        str(OFFICE),
        f"-env:UserInstallation={profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder),
    ]
    subprocess.run([*command, *(str(p) for p, _ in documents.values())], check=True, capture_output=True, timeout=180)
    return {name: path.with_suffix(".pdf") for name, (path, _) in documents.items()}


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))  # type: ignore[union-attr]


def _text(pdf: Path) -> str:
    """The pages' text, a printed table row on one line, spaces dropped."""
    layout = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return re.sub(r"[ \t\u3000]+", "", layout)


def _in_order(text: str, labels: list[str]) -> list[str]:
    """The labels not found after the previous one (empty when all appear in order)."""
    missing, position = [], 0
    for label in labels:
        found = text.find(label, position)
        if found < 0:
            missing.append(label)
        else:
            position = found + len(label)
    return missing


@pytest.mark.parametrize("name", ["standard", "signed"])
def test_the_report_prints_on_four_pages(printed: dict[str, Path], name: str) -> None:
    assert _pages(printed[name]) == 4


def test_headings_and_table_labels_print_in_statutory_order(printed: dict[str, Path]) -> None:
    text = _text(printed["standard"])
    assert _in_order(text, [s.heading for s in TEMPLATE_2021.sections]) == []
    rows = [r.label for t in TEMPLATE_2021.tables for r in t.rows if len(r.label) <= ONE_LINE_LABEL]
    assert _in_order(text, rows) == []
    assert text.count("第二十条第（") == 4


def test_title_signature_date_and_page_numbers_print(printed: dict[str, Path]) -> None:
    text = _text(printed["signed"])
    assert (
        _in_order(
            text,
            [
                "叶城县科学技术局",
                "2024年政府信息公开工作年度报告",
                "叶城县科学技术局",
                "2025年1月17日",
                "单位负责人（签字）：",
            ],
        )
        == []
    )
    assert [n for n in range(1, 5) if f"—{n}—" in text] == [1, 2, 3, 4]


FIXTURES = Path(__file__).parents[2] / "fixtures"
# Pages LibreOffice prints for each seed report's export (with the CJK fonts CI installs).
SEED_PAGES = {"seed_000": 5, "seed_001": 5, "seed_002": 6, "seed_003": 7, "seed_004": 6}


@pytest.fixture(scope="module")
def printed_seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The five seed reports exported to .docx and printed to PDF in one LibreOffice run."""
    folder = tmp_path_factory.mktemp("seed-pdf")
    documents = []
    for name in SEED_PAGES:
        path = folder / f"{name}.docx"
        write_report(load_report(FIXTURES / f"{name}.nianbao.json"), path)
        documents.append(path)
    command = [str(OFFICE), f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless"]
    command += ["--convert-to", "pdf", "--outdir", str(folder), *map(str, documents)]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    return {name: folder / f"{name}.pdf" for name in SEED_PAGES}


@pytest.mark.parametrize("name", sorted(SEED_PAGES))
def test_each_seed_report_prints_in_the_statutory_order(printed_seeds: dict[str, Path], name: str) -> None:
    assert _pages(printed_seeds[name]) == SEED_PAGES[name]
    text = _text(printed_seeds[name])
    assert _in_order(text, [s.heading for s in TEMPLATE_2021.sections]) == []
    rows = [r.label for t in TEMPLATE_2021.tables for r in t.rows if len(r.label) <= ONE_LINE_LABEL]
    assert _in_order(text, rows) == []
