"""Adding a meta field is editing the template, nothing else: a field declared only there is
stored, checked, carried over, written to and read from every format that keeps meta fields, and
edited in the form. (The same walk serves the six fields the 2021 format has.)"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import docx
import openpyxl
import pytest
from pytestqt.qtbot import QtBot

from export import read_report, write_report
from export.excel.read_tables import read_workbook
from model import check, load_report, save_report, start_next_year
from model.report import Report
from model.template import TEMPLATE_2021, TEMPLATES, Carry, FieldKind, MetaFieldSpec, Template
from tests.factories import consistent_report
from ui.document import ReportDocument
from ui.forms.editors import FieldLineEdit
from ui.forms.meta_form import MetaForm

WEBSITE = MetaFieldSpec("website", "政府信息公开专栏网址", FieldKind.TEXT, required=True, access_key="W")
URL = "http://www.yecheng.gov.cn/zwgk/"


@pytest.fixture
def extended(monkeypatch: pytest.MonkeyPatch) -> Template:
    """The 2021 format with one more meta field, registered as files name it."""
    template = dataclasses.replace(TEMPLATE_2021, id="2021-website", meta_fields=(*TEMPLATE_2021.meta_fields, WEBSITE))
    monkeypatch.setitem(TEMPLATES, template.id, template)
    return template


def _report(template: Template) -> Report:
    base = consistent_report()
    report = Report(meta=base.meta, narrative=base.narrative, tables=base.tables, template=template)
    report.meta.set(WEBSITE.id, URL)
    return report


def test_the_report_file_keeps_it(extended: Template, tmp_path: Path) -> None:
    path = tmp_path / "r.nianbao.json"
    save_report(_report(extended), path)
    assert load_report(path).meta.get(WEBSITE.id) == URL


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_word_and_excel_keep_it(extended: Template, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"r{suffix}"
    write_report(_report(extended), path)
    back = _read_workbook(path, extended) if suffix == ".xlsx" else read_report(path)
    assert back.meta.get(WEBSITE.id) == URL


def test_a_word_file_edited_by_hand_keeps_it(extended: Template, tmp_path: Path) -> None:
    """Edited in Word, the file is read from what it shows; a field the page does not print comes
    from the copy embedded in the file, and the report stays in its template."""
    path = tmp_path / "r.docx"
    write_report(_report(extended), path)
    document = docx.Document(str(path))
    paragraph = next(p for p in document.paragraphs if "本局认真贯彻落实" in p.text)
    run = next(r for r in paragraph.runs if "认真" in r.text)  # Latin text has runs of its own
    run.text = run.text.replace("认真", "切实")
    document.save(str(path))
    back = read_report(path)
    assert "切实贯彻落实" in back.narrative.section("overview").intro  # read from the page
    assert back.template is extended
    assert back.meta.get(WEBSITE.id) == URL


def _read_workbook(path: Path, template: Template) -> Report:
    """A workbook carries no template id: read it against the extended template, after checking
    that the field really is on the meta sheet, labelled from the template."""
    sheet = openpyxl.load_workbook(path)[template.meta_title]
    assert [WEBSITE.label, URL] in [[c.value for c in row] for row in sheet.iter_rows(max_col=2)]
    return read_workbook(path, template)


def test_a_required_field_left_empty_is_missing(extended: Template) -> None:
    report = _report(extended)
    report.meta.set(WEBSITE.id, "")
    missing = [f for f in check(report) if f.code == "MISSING" and f.location.field == "meta.website"]
    assert len(missing) == 1
    assert WEBSITE.label in missing[0].message


@pytest.mark.parametrize(("carry", "expected"), [(Carry.SAME, URL), (Carry.NOTHING, None)])
def test_next_year_takes_it_as_the_template_says(
    monkeypatch: pytest.MonkeyPatch, carry: Carry, expected: str | None
) -> None:
    spec = dataclasses.replace(WEBSITE, carry=carry)
    template = dataclasses.replace(TEMPLATE_2021, id="2021-carry", meta_fields=(*TEMPLATE_2021.meta_fields, spec))
    monkeypatch.setitem(TEMPLATES, template.id, template)
    assert start_next_year(_report(template)).meta.get(WEBSITE.id) == expected


def test_the_form_edits_it(extended: Template, qtbot: QtBot) -> None:
    document = ReportDocument(_report(extended))
    form = MetaForm(document)
    qtbot.addWidget(form)
    editor = form.editors[WEBSITE.id]
    assert isinstance(editor, FieldLineEdit)
    assert editor.text() == URL
    editor.selectAll()
    qtbot.keyClicks(editor, "http://example.gov.cn/")  # typed over the selection, as a person does
    assert document.report.meta.get(WEBSITE.id) == "http://example.gov.cn/"
