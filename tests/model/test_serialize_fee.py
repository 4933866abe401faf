"""model/serialize.py, the extensions of issue 16: the structured 信息处理费 of 六 and the sentences
that follow the tables, in the report file and through Word and Excel."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from export import ExportOptions, read_report, write_report
from model.errors import ReportFileError
from model.files import load_report, save_report
from model.report import Fee, Report, SentenceLink
from model.serialize import report_from_dict, report_to_dict
from tests.model.test_serialize import CONTRACT_EXAMPLE

LINKED = "本年度共收到政府信息公开申请9件。"
PATH = "narrative.overview.subsections[1].text"


def _with_fee_and_link(report: Report) -> Report:
    report.fee = Fee(collected=True, amount=Decimal("120.50"), applications=2)
    report.narrative.section("overview").subsections[1].text = f"前言。{LINKED}后记。"
    report.sentence_links[PATH] = [SentenceLink("applications.received", LINKED)]
    return report


def test_a_file_written_before_the_fee_field_loads_with_the_fee_not_stated() -> None:
    report = report_from_dict(json.loads(json.dumps(CONTRACT_EXAMPLE)))
    assert report.fee == Fee() and not report.fee.is_stated()
    assert report.sentence_links == {}
    assert "fee" not in report_to_dict(report) and "sentence_links" not in report_to_dict(report)


def test_fee_and_links_are_written_and_read_back_exactly(tmp_path: Path, report: Report) -> None:
    _with_fee_and_link(report)
    path = tmp_path / "r.nianbao.json"
    save_report(report, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["fee"] == {"collected": True, "amount_yuan": "120.5", "applications_charged": 2}
    assert data["sentence_links"] == {PATH: [{"key": "applications.received", "text": LINKED}]}
    again = load_report(path)
    assert again.fee == Fee(True, Decimal("120.5"), 2)
    assert again.sentence_links == {PATH: [SentenceLink("applications.received", LINKED)]}


def test_a_sentence_a_person_rewrote_is_no_longer_linked_in_the_file(report: Report) -> None:
    _with_fee_and_link(report)
    report.narrative.section("overview").subsections[1].text = "本年度共收到政府信息公开申请10件。"
    assert "sentence_links" not in report_to_dict(report)


@pytest.mark.parametrize(
    ("fee", "where"),
    [
        ({"collected": "是"}, "fee.collected"),
        ({"amount_yuan": "一百"}, "fee.amount_yuan"),
        ({"amount_yuan": -3}, "fee.amount_yuan"),
        ({"applications_charged": 1.5}, "fee.applications_charged"),
        ([], "fee"),
    ],
)
def test_a_fee_of_the_wrong_shape_is_refused_naming_the_field(fee: object, where: str) -> None:
    data = {**json.loads(json.dumps(CONTRACT_EXAMPLE)), "fee": fee}
    with pytest.raises(ReportFileError, match=where.replace(".", r"\.")):
        report_from_dict(data)


@pytest.mark.parametrize("links", [[], {"narrative.other.intro": "x"}, {"narrative.other.intro": [{"key": 1}]}])
def test_links_of_the_wrong_shape_are_refused(links: object) -> None:
    with pytest.raises(ReportFileError, match="sentence_links"):
        report_from_dict({**json.loads(json.dumps(CONTRACT_EXAMPLE)), "sentence_links": links})


def test_an_amount_given_as_a_json_number_is_read_exactly() -> None:
    data = {**json.loads(json.dumps(CONTRACT_EXAMPLE)), "fee": {"collected": True, "amount_yuan": 0.1}}
    assert report_from_dict(data).fee.amount == Decimal("0.1")


@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_fee_and_links_survive_word_and_excel(tmp_path: Path, report: Report, suffix: str) -> None:
    _with_fee_and_link(report)
    path = tmp_path / f"r{suffix}"
    write_report(report, path, ExportOptions())
    assert report_to_dict(read_report(path)) == report_to_dict(report)
