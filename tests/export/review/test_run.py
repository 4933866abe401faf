"""The batch review end to end: which files are read, what each report is matched to, what is
summed, which letters are written, the exit code, and cancelling."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from export import Progress, ReviewCancelled, ReviewOutcome, ReviewRequest, read_report, review_reports
from export.review.json_file import review_json
from export.review.run import EXIT_ERRORS, EXIT_OK, EXIT_UNREADABLE, LETTERS_FOLDER, find_inputs
from model import ReportFileError, check, count_by_severity, save_report
from model.review import Exclusion, Timeliness
from tests.export.review.corpus import Batch
from tests.factories import consistent_report


def test_every_report_file_in_the_folders_is_read_and_nothing_else(batch: Batch) -> None:
    files, problems = find_inputs([batch.folder])
    assert {str(f) for f in files} == {*batch.reports, batch.unreadable}
    assert len(files) >= 30 and problems == []


def test_the_output_folder_is_not_read_again(tmp_path: Path) -> None:
    out = tmp_path / "审核结果"
    save_report(consistent_report(), tmp_path / "a.nianbao.json")
    first = review_reports(_request(tmp_path, out))
    second = review_reports(_request(tmp_path, out))  # out is inside the folder reviewed
    assert len(first.review.entries) == len(second.review.entries) == 1
    files, _ = find_inputs([tmp_path, out], exclude=out)
    assert files == [tmp_path / "a.nianbao.json"]


def test_a_missing_input_or_a_file_of_another_kind_is_listed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    files, problems = find_inputs([tmp_path / "a.txt", tmp_path / "gone"])
    assert files == [] and [p.reason for p in problems] == [
        "不是年报文件（支持 .nianbao.json、.docx、.xlsx）",
        "找不到该文件或文件夹",
    ]


def test_each_report_is_summarised_as_reading_and_checking_it_alone_would(
    batch: Batch, reviewed: ReviewOutcome
) -> None:
    entries = {e.summary.file: e for e in reviewed.review.entries}
    assert set(entries) == set(batch.reports)
    for file, entry in entries.items():
        report = read_report(file)
        last_year = read_report(entry.summary.previous_file) if entry.summary.previous_file else None
        assert entry.summary.agency == report.meta.agency
        assert entry.summary.counts == count_by_severity(check(report, last_year)), file
        for table in report.template.tables:
            for row, column in table.cells():
                cell = (table.id, row.id, column.id)
                assert entry.summary.value(cell) == report.value(*cell), (file, cell)


def test_the_report_files_figures_are_their_own(batch: Batch, reviewed: ReviewOutcome) -> None:
    for entry in reviewed.review.entries:
        if entry.summary.file.endswith(".nianbao.json"):
            source = batch.reports[entry.summary.file]
            assert entry.summary.key_figures()["received"] == source.value("applications", "new_received", "total")


def test_names_written_short_are_matched_to_the_roster(reviewed: ReviewOutcome) -> None:
    by_agency = {e.summary.agency: e for e in reviewed.review.entries}
    assert by_agency["县科技局"].unit is not None and by_agency["县科技局"].unit.name == "叶城县科学技术局"
    assert by_agency["叶城县人社局"].unit is not None
    assert by_agency["叶城县人社局"].unit.name == "叶城县人力资源和社会保障局"


def test_the_unit_that_sent_nothing_and_the_other_countys_report_are_listed(
    batch: Batch, reviewed: ReviewOutcome
) -> None:
    assert [u.name for u in reviewed.review.missing] == [batch.missing]
    assert [e.summary.file for e in reviewed.review.unmatched] == [batch.foreign]


def test_the_late_report_is_late_by_its_days_and_townships_have_no_deadline(
    batch: Batch, reviewed: ReviewOutcome
) -> None:
    entries = {e.summary.file: e for e in reviewed.review.entries}
    late = entries[batch.late]
    assert (late.timeliness, late.days_late) == (Timeliness.LATE, 20)
    assert [e for e in entries.values() if e.timeliness is Timeliness.LATE] == [late]
    townships = [e for e in entries.values() if e.kind == "township"]
    assert len(townships) == 4 and all(e.timeliness is Timeliness.NO_DEADLINE for e in townships)


def test_a_unit_that_sent_twice_is_summed_once_with_its_later_report(batch: Batch, reviewed: ReviewOutcome) -> None:
    twice = reviewed.review.duplicates[batch.duplicate_unit]
    assert len(twice) == 2
    kept = [e for e in twice if e.included]
    assert len(kept) == 1 and kept[0].summary.file.endswith("统计局（修改稿）.xlsx")
    assert next(e for e in twice if not e.included).excluded is Exclusion.DUPLICATE
    assert len(reviewed.review.included) == len(batch.reports) - 1


def test_the_unreadable_file_is_listed_with_its_reason_and_the_exit_code_is_2(
    batch: Batch, reviewed: ReviewOutcome
) -> None:
    assert [(u.file, "Word" in u.reason) for u in reviewed.review.unreadable] == [(batch.unreadable, True)]
    assert reviewed.exit_code == EXIT_UNREADABLE


def test_cross_year_checks_run_against_last_years_report_of_the_same_unit(
    batch: Batch, reviewed: ReviewOutcome
) -> None:
    with_last_year = [e for e in reviewed.review.entries if e.summary.previous_file]
    assert len(with_last_year) == 3
    mismatch = next(e for e in with_last_year if e.summary.file == batch.carry_over_mismatch)
    assert "CARRY_OVER" in mismatch.summary.codes
    assert all("CARRY_OVER" not in e.summary.codes for e in with_last_year if e is not mismatch)


def test_the_entries_are_sorted_worst_first(reviewed: ReviewOutcome) -> None:
    counts = [e.summary.counts for e in reviewed.review.entries]
    assert counts == sorted(counts, key=lambda c: (-c[0], -c[1]))


def test_a_letter_for_each_report_with_an_open_finding_and_none_for_a_clean_one(reviewed: ReviewOutcome) -> None:
    with_findings = {e.summary.file for e in reviewed.review.entries if e.summary.open_findings}
    assert set(reviewed.letters) == with_findings
    assert len(with_findings) < len(reviewed.review.entries)  # the batch has clean reports
    letters = sorted(p.name for p in (reviewed.workbook.parent / LETTERS_FOLDER).iterdir())
    assert letters == sorted(p.name for p in reviewed.letters.values())
    assert "叶城县统计局.docx" in letters and "叶城县统计局（2）.docx" in letters


def _request(folder: Path, out: Path, workers: int = 1) -> ReviewRequest:
    return ReviewRequest(inputs=(folder,), out=out, workers=workers)


def test_exit_codes_as_check(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    save_report(consistent_report(), folder / "ok.nianbao.json")
    assert review_reports(_request(folder, tmp_path / "out1")).exit_code == EXIT_OK
    broken = consistent_report()
    broken.set_cell("applications", "new_received", "total", 99)
    save_report(broken, folder / "bad.nianbao.json")
    assert review_reports(_request(folder, tmp_path / "out2")).exit_code == EXIT_ERRORS


def test_a_second_review_into_the_same_folder_removes_the_letters_of_the_first(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    broken = consistent_report()
    broken.set_cell("applications", "new_received", "total", 99)
    save_report(broken, folder / "a.nianbao.json")
    first = review_reports(_request(folder, out))
    assert len(first.letters) == 1
    save_report(consistent_report(), folder / "a.nianbao.json")  # corrected
    second = review_reports(_request(folder, out))
    assert second.letters == {} and list((out / LETTERS_FOLDER).iterdir()) == []


def test_progress_is_reported_and_cancelling_stops_the_review(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(20):
        save_report(consistent_report(), folder / f"{i}.nianbao.json")
    seen: list[Progress] = []

    def cancel_after_first_chunk() -> bool:
        return any(p.done > 0 for p in seen)

    with pytest.raises(ReviewCancelled):
        review_reports(_request(folder, tmp_path / "out"), seen.append, cancel_after_first_chunk)
    assert seen[0] == Progress(0, 20, "审核报告") and 0 < seen[-1].done < 20
    assert not (tmp_path / "out" / "审核汇总.xlsx").exists()


def test_a_local_rules_file_is_applied_to_every_report(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    late = consistent_report()
    late.meta.issue_date = late.meta.issue_date.replace(month=2, day=20) if late.meta.issue_date else None
    save_report(late, folder / "late.nianbao.json")
    national = review_reports(_request(folder, tmp_path / "out1")).review.entries[0].summary
    assert national.counts == (0, 1) and national.codes == ("DATE_LATE",)
    rules = tmp_path / "规则.toml"
    rules.write_text('name = "某市审核规则"\n[severity]\nDATE_LATE = "error"\n', encoding="utf-8")
    request = ReviewRequest(inputs=(folder,), out=tmp_path / "out2", workers=1, rules=rules)
    local = review_reports(request)
    assert local.review.entries[0].summary.counts == (1, 0) and local.exit_code == EXIT_ERRORS


def test_a_rules_file_that_cannot_be_read_stops_the_review_with_its_reason(tmp_path: Path) -> None:
    rules = tmp_path / "规则.toml"
    rules.write_text("[severity]\nNO_SUCH_CODE = 1\n", encoding="utf-8")
    with pytest.raises(ReportFileError):
        review_reports(ReviewRequest(inputs=(tmp_path,), out=tmp_path / "out", rules=rules))


def test_a_text_copied_from_last_years_report_is_found(tmp_path: Path) -> None:
    folder, previous = tmp_path / "in", tmp_path / "last"
    folder.mkdir()
    previous.mkdir()
    save_report(consistent_report(), folder / "科技局.nianbao.json")
    last = consistent_report()  # the same words, a year earlier
    last.meta.year, last.meta.issue_date = 2023, date(2024, 1, 20)
    save_report(last, previous / "科技局2023.nianbao.json")
    request = ReviewRequest(inputs=(folder,), out=tmp_path / "out", previous=previous, workers=1)
    summary = review_reports(request).review.entries[0].summary
    assert summary.previous_file == str(previous.resolve() / "科技局2023.nianbao.json")
    assert "COPIED_FROM_LAST_YEAR" in summary.codes


def test_review_json_holds_every_report_and_the_sums(reviewed: ReviewOutcome, batch: Batch) -> None:
    data = json.loads(reviewed.json_file.read_text(encoding="utf-8"))
    assert data == json.loads(json.dumps(review_json(reviewed)))  # written piece by piece, the same object
    assert [r["file"] for r in data["reports"]] == [e.summary.file for e in reviewed.review.entries]
    assert data["exit_code"] == EXIT_UNREADABLE and data["unreadable"][0]["file"] == batch.unreadable
    late = next(r for r in data["reports"] if r["file"] == batch.late)
    assert (late["timeliness"], late["days_late"], late["deadline"]) == ("late", 20, "2025-01-31")
    sums = reviewed.review.totals()
    assert data["totals"]["reports"] == len(reviewed.review.included)
    assert (
        data["totals"]["tables"]["applications"]["new_received"]["total"]
        == sums[("applications", "new_received", "total")]
    )
