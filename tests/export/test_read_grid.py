"""export/read_grid.py: a statutory table read from a grid by its labels, or refused with the reason."""

from __future__ import annotations

import pytest

from export import read_grid
from export.read_grid import Grid, GridCell, TableReading, read_table, recognise
from model.template import TEMPLATE_2021

T4 = TEMPLATE_2021.table("review_litigation")
T3 = TEMPLATE_2021.table("applications")
T2 = TEMPLATE_2021.table("active_disclosure")
RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def grid(rows: list[list[str]]) -> Grid:
    return [[GridCell(text, (r, c)) for c, text in enumerate(row)] for r, row in enumerate(rows)]


def read(table_rows: list[list[str]], table=T4) -> TableReading:  # type: ignore[no-untyped-def]
    return read_table(table, [grid(table_rows)], TEMPLATE_2021)


def three_rows(extra: list[str] | None = None) -> list[list[str]]:
    rows = [
        ["", "", *RESULTS],
        ["行政复议", "", "1", "0", "0", "0", "1"],
        ["行政诉讼", "未经复议直接起诉", "0", "2", "0", "0", "2"],
        ["", "复议后起诉", "0", "0", "3", "0", "3"],
    ]
    return [*rows, extra] if extra else rows


def test_table_four_as_three_rows_reads_each_proceeding() -> None:
    reading = read(three_rows())
    assert reading.notes == []
    assert reading.values[("review", "upheld")] == 1
    assert reading.values[("litigation_direct", "corrected")] == 2
    assert reading.values[("litigation_after_review", "other")] == 3
    assert recognise(grid(three_rows()), TEMPLATE_2021) == "review_litigation"


def test_the_same_table_transposed_reads_the_same() -> None:
    rows = three_rows()
    transposed = [[row[c] for row in rows] for c in range(len(rows[0]))]
    assert read(transposed).values == read(rows).values


def test_a_total_row_is_the_persons_own_and_skipped() -> None:
    reading = read(three_rows(["合计", "", "1", "2", "3", "0", "6"]))
    assert reading.notes == [] and len(reading.values) == 15


def test_a_number_no_label_names_refuses_the_whole_table() -> None:
    reading = read(three_rows(["", "", "9", "", "", "", ""]))
    assert reading.values == {}
    assert [n.kind for n in reading.notes] == ["unreadable"]
    assert "“9”" in reading.notes[0].reason


def test_two_different_numbers_for_one_cell_refuse_the_table() -> None:
    rows = [
        ["", "", "结果维持", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
        ["行政复议", "", "1", "2", "0", "0", "0", "1"],
    ]
    reading = read(rows)
    assert reading.values == {} and reading.notes[0].kind == "unreadable"


def test_a_2019_label_refuses_the_table_as_old_format() -> None:
    rows = [
        ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
        ["规章", "0", "0", "0"],
        ["规范性文件", "2", "2", "15"],
    ]
    reading = read(rows, T2)
    assert reading.values == {}
    assert [(n.kind, n.found) for n in reading.notes] == [("old_format", "本年新制作数量")]


def test_blank_marks_are_not_filled_in_and_remembered() -> None:
    rows = three_rows()
    rows[1][3], rows[1][4] = "—", "无"
    reading = read(rows)
    assert ("review", "corrected") not in reading.values and ("review", "other") not in reading.values
    assert {(n.column, n.found) for n in reading.notes if n.kind == "blank_mark"} == {
        ("corrected", "—"),
        ("other", "无"),
    }


def test_a_group_printed_as_one_row_of_zeros_fills_its_rows_with_zeros() -> None:
    columns = [c.label for c in T3.blocks[0].columns]
    rows = [
        ["", "", *columns],
        ["（五）不予处理", "4.无正当理由大量反复申请", *["0"] * 7],
        ["（六）其他处理", "", *["0"] * 7],
    ]
    reading = read(rows, T3)
    members = [r.id for r in T3.rows if r.path == T3.row("other_other").path]
    assert all(reading.values[(m, "natural_person")] == 0 for m in members)
    assert reading.values[("unprocessed_excessive", "natural_person")] == 0


def one_row_of_fifteen(mark: str) -> list[list[str]]:
    """Table 四 as one row of fifteen, 行政复议 typed once over blank slots; `mark` in the first of them."""
    return [
        ["行政复议", mark, "", "", "", "行政诉讼", *[""] * 9],
        ["", "", "", "", "", "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
        RESULTS * 3,
        ["1", "2", "3", "4", "10", "5", "6", "7", "8", "26", "9", "1", "1", "1", "12"],
    ]


def test_a_table_reads_the_same_after_another_of_almost_its_shape(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blank slot and a “—” are both values, but only the blank one stands for the heading to its left:
    what a batch remembers of one table's shape must not decide how the other reads."""
    blank, dash = one_row_of_fifteen(""), one_row_of_fifteen("—")
    alone = {}
    for rows in (blank, dash):
        monkeypatch.setattr(read_grid, "_VOCABULARIES", {})
        alone[rows[0][1]] = read(rows)
    assert alone[""].values and not alone["—"].values  # the 行政复议 heading spreads over blanks only

    for first, second in ((blank, dash), (dash, blank)):
        monkeypatch.setattr(read_grid, "_VOCABULARIES", {})
        read(first)
        assert read(second) == alone[second[0][1]]
