"""ui/grid/cells.py: which printed cell covers a grid position, what a data cell is called and whether it is
typed in, and which grid cells a checker finding colours (its own cell, related cells, row and column labels)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from model.checks import check
from model.files import load_report
from model.findings import Location
from model.layout import CellRole, table_layout
from model.template import TEMPLATE_2021, CellKind
from tests.factories import consistent_report
from ui.grid.cells import GridCells, findings_by_position

FIXTURES = Path(__file__).parents[2] / "fixtures"
TABLE_IDS = [t.id for t in TEMPLATE_2021.tables]
APPLICATIONS = GridCells(TEMPLATE_2021.table("applications"))
ACTIVE = GridCells(TEMPLATE_2021.table("active_disclosure"))
REVIEW = GridCells(TEMPLATE_2021.table("review_litigation"))


def _at(cells: GridCells, row_id: str, column_id: str) -> tuple[int, int]:
    cell = cells.data_cell((row_id, column_id))
    return cell.row, cell.column


def _header(cells: GridCells, text: str) -> tuple[int, int]:
    (cell,) = [c for c in cells.layout.cells if c.ref is None and c.text == text]
    return cell.row, cell.column


@pytest.mark.parametrize("table_id", TABLE_IDS)
def test_every_grid_position_is_covered_by_exactly_one_printed_cell(table_id: str) -> None:
    cells = GridCells(TEMPLATE_2021.table(table_id))
    for row in range(cells.n_rows):
        for column in range(cells.n_columns):
            cell = cells.covering(row, column)
            assert cell is not None, (row, column)
            assert cell.row <= row < cell.row + cell.rowspan
            assert cell.column <= column < cell.column + cell.colspan
            # The origin answers only at its top-left corner; inside a merge there is none.
            assert (cells.origin_at(row, column) is cell) == ((row, column) == (cell.row, cell.column))


@pytest.mark.parametrize(
    ("cells", "position", "text"),
    [
        (APPLICATIONS, (10, 0), "三、本年度办理结果"),  # 22 rows tall: the middle of it
        (APPLICATIONS, (12, 1), "（三）不予公开"),
        (APPLICATIONS, (2, 2), TEMPLATE_2021.table("applications").note),  # the 3 × 3 corner note
        (APPLICATIONS, (0, 9), "申请人情况"),
        (REVIEW, (0, 12), "行政诉讼"),
        (REVIEW, (2, 4), "总计"),  # 行政复议's 总计, two rows tall
        (ACTIVE, (0, 3), "第二十条第（一）项"),
    ],
)
def test_a_position_inside_a_merge_answers_with_the_merged_label(
    cells: GridCells, position: tuple[int, int], text: str
) -> None:
    covering = cells.covering(*position)
    assert covering is not None and covering.text == text
    assert cells.origin_at(*position) is None


def test_a_merged_number_cell_of_table_2_is_one_data_cell() -> None:
    origin = _at(ACTIVE, "administrative_license", "decisions")
    for column in range(origin[1], ACTIVE.n_columns):
        covering = ACTIVE.covering(origin[0], column)
        assert covering is not None and covering.ref == ("administrative_license", "decisions")


def test_positions_off_the_grid_are_no_cell() -> None:
    for row, column in [(-1, 0), (0, -1), (APPLICATIONS.n_rows, 0), (0, APPLICATIONS.n_columns)]:
        assert APPLICATIONS.covering(row, column) is None
        assert APPLICATIONS.origin_at(row, column) is None


@pytest.mark.parametrize("table_id", TABLE_IDS)
def test_data_cells_come_in_reading_order_one_per_template_cell(table_id: str) -> None:
    table = TEMPLATE_2021.table(table_id)
    cells = GridCells(table)
    data = cells.data_cells()
    positions = [(c.row, c.column) for c in data]
    assert positions == sorted(positions)
    assert {c.ref for c in data} == {(r.id, c.id) for r, c in table.cells()}
    assert set(cells.data_rows) == {c.row for c in data}
    assert list(cells.data_rows) == sorted(cells.data_rows)


@pytest.mark.parametrize(
    ("cells", "ref", "editable"),
    [
        (APPLICATIONS, ("new_received", "natural_person"), True),
        (APPLICATIONS, ("new_received", "total"), False),  # 总计 column
        (APPLICATIONS, ("results_total", "research"), False),  # （七）总计 row
        (APPLICATIONS, ("results_total", "total"), False),
        (REVIEW, ("review", "pending"), True),
        (REVIEW, ("litigation_after_review", "total"), False),
        (ACTIVE, ("administrative_fees", "amount"), True),
    ],
)
def test_people_fill_in_numbers_but_never_totals(cells: GridCells, ref: tuple[str, str], editable: bool) -> None:
    assert GridCells.is_editable(cells.data_cell(ref)) is editable


@pytest.mark.parametrize("table_id", TABLE_IDS)
def test_no_label_is_editable(table_id: str) -> None:
    for cell in table_layout(TEMPLATE_2021.table(table_id)).cells:
        if cell.role is not CellRole.DATA:
            assert not GridCells.is_editable(cell), cell.text
    assert not GridCells.is_editable(None)


@pytest.mark.parametrize(
    ("cells", "ref", "kind"),
    [
        (ACTIVE, ("administrative_fees", "amount"), CellKind.AMOUNT),  # 万元, with decimals
        (ACTIVE, ("normative_documents", "in_force"), CellKind.COUNT),
        (APPLICATIONS, ("disclosed", "other_org"), CellKind.COUNT),
    ],
)
def test_the_fee_takes_an_amount_and_everything_else_a_count(
    cells: GridCells, ref: tuple[str, str], kind: CellKind
) -> None:
    assert cells.kind_of(ref) is kind


@pytest.mark.parametrize(
    ("cells", "ref", "name"),
    [
        (APPLICATIONS, ("withheld_state_secret", "research"), "三（三）1.属于国家秘密 科研机构"),
        (APPLICATIONS, ("withheld_state_secret", "other_org"), "三（三）1.属于国家秘密 法人或其他组织—其他"),
        (APPLICATIONS, ("new_received", "total"), "一、本年新收政府信息公开申请数量 总计"),
        (REVIEW, ("litigation_after_review", "total"), "行政诉讼—复议后起诉 总计"),
        (ACTIVE, ("administrative_fees", "amount"), "行政事业性收费 本年收费金额（单位：万元）"),
    ],
)
def test_a_data_cell_is_named_in_messages_by_its_printed_labels(
    cells: GridCells, ref: tuple[str, str], name: str
) -> None:
    assert cells.name_of(ref) == name


@pytest.mark.parametrize("table_id", TABLE_IDS)
def test_spans_are_exactly_the_merged_cells(table_id: str) -> None:
    cells = GridCells(TEMPLATE_2021.table(table_id))
    merged = {c for c in cells.layout.cells if c.rowspan > 1 or c.colspan > 1}
    assert set(cells.spans()) == merged


# --- where a finding shows -------------------------------------------------------------------


def test_a_cell_finding_shows_on_its_cell_and_on_every_related_cell() -> None:
    report = consistent_report()
    report.set_cell("applications", "new_received", "research", 1)  # 一 + 二 ≠ 三（七） + 四 for 科研机构
    findings = check(report)
    (balance,) = [f for f in findings if f.code == "BALANCE" and f.location.column == "research"]
    index = findings_by_position(APPLICATIONS, findings)
    for row in ("carried_forward", "new_received", "carried_over", "results_total"):
        assert balance in index[_at(APPLICATIONS, row, "research")], row
    assert _at(APPLICATIONS, "disclosed", "research") not in index


def test_a_text_finding_shows_on_the_table_cell_it_relates_to() -> None:
    report = consistent_report()
    report.set_cell("applications", "new_received", "research", 1)  # the text still says 9 applications
    findings = check(report)
    index = findings_by_position(APPLICATIONS, findings)
    codes = [f.code for f in index[_at(APPLICATIONS, "new_received", "total")]]
    assert sorted(codes) == ["BALANCE", "TEXT_TABLE_MISMATCH"]


def test_a_finding_is_listed_once_per_cell_even_when_two_of_its_locations_land_there() -> None:
    report = consistent_report()
    report.set_cell("applications", "new_received", "research", 1)
    findings = check(report)
    # A rule may name a cell both as the location and among the related cells.
    doubled = [replace(f, related=(f.location, *f.related)) for f in findings if f.code == "BALANCE"]
    index = findings_by_position(APPLICATIONS, doubled)
    for listed in index.values():
        assert len(listed) == len(set(listed))


def test_an_imported_row_label_that_differs_marks_the_printed_row_label_of_seed_002() -> None:
    seed = load_report(FIXTURES / "seed_002.nianbao.json")
    mismatches = [f for f in check(seed) if f.code == "LABEL_MISMATCH"]
    assert mismatches
    index = findings_by_position(APPLICATIONS, mismatches)
    assert list(index) == [_header(APPLICATIONS, "2.其他法律行政法规禁止公开")]


@pytest.mark.parametrize(
    ("cells", "location", "labels"),
    [
        (APPLICATIONS, Location("applications", row="results_total"), ["（七）总计"]),
        (APPLICATIONS, Location("applications", row="carried_forward"), ["四、结转下年度继续办理"]),
        (APPLICATIONS, Location("applications", column="research"), ["科研机构"]),
        (APPLICATIONS, Location("applications", column="natural_person"), ["自然人"]),
        (ACTIVE, Location("active_disclosure", row="normative_documents"), ["行政规范性文件"]),
        # Table 4 prints its rows across: a row's label is the group above its five columns ...
        (REVIEW, Location("review_litigation", row="litigation_direct"), ["未经复议直接起诉"]),
        (REVIEW, Location("review_litigation", row="review"), ["行政复议"]),
        # ... and each result column is printed three times, once under each proceeding.
        (REVIEW, Location("review_litigation", column="total"), ["总计", "总计", "总计"]),
    ],
)
def test_a_row_or_column_finding_marks_the_printed_label(
    cells: GridCells, location: Location, labels: list[str]
) -> None:
    positions = cells.positions_of(location)
    assert [cells.covering(*p).text for p in positions] == labels  # type: ignore[union-attr]
    assert all(cells.origin_at(*p) is not None for p in positions)


@pytest.mark.parametrize(
    "location",
    [
        Location("active_disclosure", row="new_received", column="natural_person"),  # another table
        Location(field="meta.issue_date"),
        Location("applications"),
        Location("applications", row="no_such_row"),
        Location("applications", row="no_such_row", column="research"),
        Location("applications", column="no_such_column"),
    ],
)
def test_locations_outside_this_grid_mark_nothing(location: Location) -> None:
    assert APPLICATIONS.positions_of(location) == []


def test_a_consistent_report_colours_nothing() -> None:
    assert findings_by_position(APPLICATIONS, check(consistent_report())) == {}
