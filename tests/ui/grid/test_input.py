"""Clipboard text and paste plans of the statutory grids, without Qt."""

from __future__ import annotations

from decimal import Decimal

import pytest

from model.template import TEMPLATE_2021, CellKind
from model.values import ParseError
from ui.grid.cells import GridCells
from ui.grid.input import PasteRefused, format_clipboard, parse_clipboard, parse_input, plan_paste

APPLICATIONS = GridCells(TEMPLATE_2021.table("applications"))
ACTIVE = GridCells(TEMPLATE_2021.table("active_disclosure"))


def _at(cells: GridCells, row_id: str, column_id: str) -> tuple[int, int]:
    cell = cells.data_cell((row_id, column_id))
    return cell.row, cell.column


@pytest.mark.parametrize(
    "text",
    ["1\t2\r\n3\t4\r\n", "1\t2\n3\t4\n", "1\t2\r\n3\t4", "1\t2\r3\t4\r"],
    ids=["excel-crlf", "wps-lf", "no-trailing-newline", "old-mac-cr"],
)
def test_clipboard_text_from_excel_and_wps_reads_as_the_same_block(text: str) -> None:
    assert parse_clipboard(text) == [["1", "2"], ["3", "4"]]


def test_clipboard_keeps_blank_cells_and_pads_short_rows_with_nothing_to_change() -> None:
    assert parse_clipboard("1\t\t3\r\n4\r\n") == [["1", "", "3"], ["4", None, None]]


def test_clipboard_quoted_cell_with_a_line_break_stays_one_cell() -> None:
    assert parse_clipboard('"两行\n标签"\t5\r\n') == [["两行\n标签", "5"]]


def test_copied_range_is_tab_separated_with_crlf_like_excel() -> None:
    assert format_clipboard([["7", "2"], ["1", ""]]) == "7\t2\r\n1\t\r\n"
    assert format_clipboard([["7"]]) == "7"


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("１２", CellKind.COUNT, 12),
        ("1,234", CellKind.COUNT, 1234),
        (" 0 ", CellKind.COUNT, 0),
        ("", CellKind.COUNT, None),
        ("/", CellKind.COUNT, None),
        ("1.50", CellKind.AMOUNT, Decimal("1.50")),
    ],
)
def test_typed_text_becomes_a_value(text: str, kind: CellKind, expected: object) -> None:
    assert parse_input(text, kind) == expected


@pytest.mark.parametrize(("text", "reason"), [("-3", "负数"), ("abc", "不是数字"), ("1.5", "不是整数")])
def test_typed_text_that_is_no_count_is_refused_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(ParseError, match=reason):
        parse_input(text, CellKind.COUNT)


def test_pasting_a_full_row_with_its_total_fills_the_six_cells_and_skips_the_total() -> None:
    block = parse_clipboard("1\t2\t0\t0\t0\t0\t3\r\n")
    plan = plan_paste(APPLICATIONS, _at(APPLICATIONS, "new_received", "natural_person"), block, [])
    assert plan.changes == [
        ("new_received", "natural_person", 1),
        ("new_received", "commercial", 2),
        ("new_received", "research", 0),
        ("new_received", "social_welfare", 0),
        ("new_received", "legal_service", 0),
        ("new_received", "other_org", 0),
    ]
    assert plan.skipped == 1


def test_a_bad_cell_refuses_the_whole_paste_naming_its_place_in_the_block() -> None:
    block = parse_clipboard("1\t2\t3\r\n4\t5\tabc\r\n")
    with pytest.raises(PasteRefused) as refused:
        plan_paste(APPLICATIONS, _at(APPLICATIONS, "new_received", "natural_person"), block, [])
    assert str(refused.value) == "粘贴未执行：第2行第3列“abc”不是数字"


def test_a_block_wider_than_the_table_is_refused_rather_than_cut() -> None:
    block = parse_clipboard("1\t2\t3\r\n")
    with pytest.raises(PasteRefused, match="3列"):
        plan_paste(APPLICATIONS, _at(APPLICATIONS, "new_received", "other_org"), block, [])


def test_a_block_longer_than_the_table_is_refused() -> None:
    block = parse_clipboard("1\r\n2\r\n")
    with pytest.raises(PasteRefused, match="2行"):
        plan_paste(APPLICATIONS, _at(APPLICATIONS, "carried_forward", "natural_person"), block, [])


def test_one_value_pasted_into_a_selection_fills_its_editable_cells() -> None:
    selection = [("disclosed", "natural_person"), ("disclosed", "commercial"), ("disclosed", "total")]
    plan = plan_paste(APPLICATIONS, _at(APPLICATIONS, "disclosed", "natural_person"), [["0"]], selection)
    assert plan.changes == [("disclosed", "natural_person", 0), ("disclosed", "commercial", 0)]
    assert plan.skipped == 1


def test_a_column_pasted_into_table_2_passes_over_the_block_titles() -> None:
    block = parse_clipboard("0\r\n2\r\n12\r\n3\r\n0\r\n1.25\r\n")
    plan = plan_paste(ACTIVE, _at(ACTIVE, "regulations", "issued"), block, [])
    assert plan.changes == [
        ("regulations", "issued", 0),
        ("normative_documents", "issued", 2),
        ("administrative_license", "decisions", 12),
        ("administrative_penalty", "decisions", 3),
        ("administrative_coercion", "decisions", 0),
        ("administrative_fees", "amount", Decimal("1.25")),
    ]
