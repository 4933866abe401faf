"""export/excel/sheet_grid.py: where a statutory table sits in its worksheet, and the formulas derived from the
template: cell addresses, runs of neighbours (B4:G4), guarded SUMs for totals, the rule that flags a typed
total disagreeing with its parts, and the 勾稽 check row (✓, the difference, or empty while incomplete).

The formulas are also evaluated here by a small reader of exactly the Excel functions they use, so the
tests say what a person sees in the cell, not only how the formula is spelled.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from openpyxl.utils.cell import coordinate_from_string, range_boundaries

from export.excel.sheet_grid import (
    CHECK_MARK,
    LAYOUT_TOP,
    Coordinate,
    SheetGrid,
    address,
    balance_check,
    balance_label,
    differs_from_sum,
    guarded_sum,
    references,
)
from model.layout import CellRole
from model.report import Report
from model.template import (
    TEMPLATE_2021,
    BalanceSpec,
    BlockSpec,
    ColumnSpec,
    Orientation,
    RowSpec,
    TableSpec,
)

TABLE_IDS = [t.id for t in TEMPLATE_2021.tables]
APPLICATIONS = TEMPLATE_2021.table("applications")

Sheet = dict[str, object]  # cell address → value, as typed into the sheet


# --- a reader of the few Excel functions the exported formulas use ----------------------------


def _expand(reference: str) -> list[str]:
    if ":" not in reference:
        return [reference]
    first_column, first_row, last_column, last_row = range_boundaries(reference)
    return [
        address((row, column))
        for row in range(first_row, last_row + 1)
        for column in range(first_column, last_column + 1)
    ]


def _evaluate(formula: str, sheet: Sheet) -> object:
    """Evaluate one of our formulas (or a conditional-format rule) over `sheet` as Excel would."""

    class Cells(list[str]):
        """A reference: a list of cells to the functions; a single cell compares by its value."""

        __hash__ = None  # type: ignore[assignment]

        def __eq__(self, other: object) -> bool:
            (single,) = self
            return sheet.get(single) == other

        def __ne__(self, other: object) -> bool:
            return not self == other

    def numbers(*groups: Cells) -> list[int | Decimal]:
        values = [sheet.get(cell) for group in groups for cell in group]
        return [v for v in values if isinstance(v, int | Decimal) and not isinstance(v, bool)]

    functions = {
        "IF": lambda test, then, otherwise: then if test else otherwise,
        "COUNT": lambda *groups: len(numbers(*groups)),
        "SUM": lambda *groups: sum(numbers(*groups)),
        "AND": lambda *tests: all(tests),
        "ISNUMBER": lambda group: len(numbers(group)) == 1,
        "R": lambda reference: Cells(_expand(reference)),
    }
    expression = re.sub(r"\b([A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?)\b", r'R("\1")', formula.removeprefix("="))
    expression = expression.replace("<>", "!=")
    expression = re.sub(r"(?<![<>!=])=(?!=)", "==", expression)
    return eval(expression, {"__builtins__": {}}, functions)


def _typed(grid: SheetGrid, report: Report) -> Sheet:
    """The sheet's input cells as the exporter fills them (totals are formulas, not values)."""
    sheet: Sheet = {}
    for cell in grid.data_cells():
        assert cell.ref is not None
        value = report.stored(grid.table.id, *cell.ref)
        if value is not None and not cell.is_total:
            sheet[address(grid.at(cell))] = value
    return sheet


def _calculated(grid: SheetGrid, report: Report) -> Sheet:
    """The sheet after Excel has calculated every total (（七）总计 × 总计 adds up totals: two passes)."""
    sheet = _typed(grid, report)
    for _ in range(2):
        for row_id, column_id in grid.table.total_parts:
            formula = guarded_sum(grid.parts_of(row_id, column_id))
            sheet[address(grid.coordinate(row_id, column_id))] = _evaluate(formula, sheet)
    return sheet


# --- addresses and references ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("coordinate", "expected"),
    [((1, 1), "A1"), ((5, 4), "D5"), ((29, 10), "J29"), ((3, 26), "Z3"), ((3, 27), "AA3"), ((100, 702), "ZZ100")],
)
def test_address_is_the_column_letter_and_the_row(coordinate: Coordinate, expected: str) -> None:
    assert address(coordinate) == expected


@pytest.mark.parametrize(
    ("coordinates", "expected"),
    [
        ([(5, 4)], "D5"),
        ([(5, 4), (5, 5), (5, 6), (5, 7), (5, 8), (5, 9)], "D5:I5"),  # along a row
        ([(7, 4), (8, 4), (9, 4)], "D7:D9"),  # down a column
        ([(5, 4), (6, 4), (28, 4), (29, 4)], "D5:D6,D28:D29"),  # two runs
        ([(5, 4), (5, 6)], "D5,F5"),  # a gap
        ([(5, 4), (6, 5)], "D5,E6"),  # diagonal neighbours are no run
        ([(5, 4), (5, 5), (6, 5)], "D5:E5,E6"),  # a run keeps its direction
        ([(5, 4), (6, 4), (6, 5)], "D5:D6,E6"),
        ([(5, 5), (5, 4)], "E5,D5"),  # order as given: a run only grows right or down
        ([], ""),
    ],
)
def test_references_group_neighbours_into_runs(coordinates: list[Coordinate], expected: str) -> None:
    assert references(coordinates) == expected


def _referenced(formula: str) -> list[Coordinate]:
    """Every cell a formula's first argument list names, in order."""
    arguments = re.search(r"COUNT\(([^)]*)\)", formula)
    assert arguments is not None
    cells = []
    for reference in arguments.group(1).split(","):
        for cell in _expand(reference):
            column, row = coordinate_from_string(cell)
            cells.append((row, range_boundaries(f"{column}1")[0]))
    return cells


@pytest.mark.parametrize("table_id", TABLE_IDS)
def test_every_total_adds_up_exactly_its_parts_from_the_template(table_id: str) -> None:
    table = TEMPLATE_2021.table(table_id)
    grid = SheetGrid(table)
    for (row_id, column_id), parts in table.total_parts.items():
        coordinates = grid.parts_of(row_id, column_id)
        assert coordinates == [grid.coordinate(*part) for part in parts]
        formula = guarded_sum(coordinates)
        assert sorted(_referenced(formula)) == sorted(coordinates), (row_id, column_id)
        assert f"={len(parts)}," in formula


def test_a_plain_cell_has_no_parts() -> None:
    assert SheetGrid(APPLICATIONS).parts_of("new_received", "natural_person") == []


# --- what the formulas show -----------------------------------------------------------------


@pytest.mark.parametrize("table_id", TABLE_IDS)
def test_every_total_shows_what_the_app_computes(report: Report, table_id: str) -> None:
    grid = SheetGrid(TEMPLATE_2021.table(table_id))
    sheet = _calculated(grid, report)
    for row_id, column_id in grid.table.total_parts:
        expected = report.value(table_id, row_id, column_id)
        assert sheet[address(grid.coordinate(row_id, column_id))] == expected, (row_id, column_id)


def test_a_total_stays_empty_while_a_part_is_not_filled_in(report: Report) -> None:
    report.set_cell("applications", "new_received", "research", None)
    report.set_cell("applications", "other_other", "commercial", None)
    grid = SheetGrid(APPLICATIONS)
    sheet = _calculated(grid, report)
    for row_id, column_id in [("new_received", "total"), ("results_total", "commercial"), ("results_total", "total")]:
        assert sheet[address(grid.coordinate(row_id, column_id))] == "", (row_id, column_id)  # as in the app
    assert sheet[address(grid.coordinate("carried_over", "total"))] == 1


def test_the_fee_total_keeps_decimals() -> None:
    formula = guarded_sum([(3, 2), (4, 2)])
    assert _evaluate(formula, {"B3": Decimal("1.25"), "B4": Decimal("0.5")}) == Decimal("1.75")


@pytest.mark.parametrize(
    ("typed_total", "parts", "flagged"),
    [
        (9, [7, 2], False),
        (10, [7, 2], True),
        (None, [7, 2], False),  # nothing typed: the formula's own total
        (9, [7, None], False),  # parts incomplete: nothing to compare with
        ("九", [7, 2], False),  # text is no typed total
        (0, [0, 0], False),
    ],
)
def test_a_typed_total_that_disagrees_with_its_parts_is_flagged(
    typed_total: object, parts: list[object], flagged: bool
) -> None:
    rule = differs_from_sum((5, 10), [(5, 4), (5, 5)])
    sheet = {"J5": typed_total, "D5": parts[0], "E5": parts[1]}
    assert _evaluate(rule, sheet) is flagged


def test_the_flag_rule_names_the_total_and_its_parts() -> None:
    assert differs_from_sum((5, 10), [(5, 4), (5, 5)]) == "AND(ISNUMBER(J5),COUNT(D5:E5)=2,J5<>SUM(D5:E5))"


# --- the 勾稽 check row -----------------------------------------------------------------------


def test_table_3_has_one_check_row_under_the_table_with_a_cell_under_every_column() -> None:
    grid = SheetGrid(APPLICATIONS)
    (row,) = grid.check_rows
    assert row.row == grid.bottom + 1
    assert row.label == "校验：一+二−（三（七）+四）"
    columns = APPLICATIONS.blocks[0].columns
    assert [c.coordinate for c in row.cells] == [(row.row, grid.coordinate("new_received", c.id)[1]) for c in columns]
    assert row.label_span == (1, grid.coordinate("new_received", columns[0].id)[1] - 1)
    for check, column in zip(row.cells, columns, strict=True):
        assert check.left == (("new_received", column.id), ("carried_over", column.id))
        assert check.right == (("results_total", column.id), ("carried_forward", column.id))


def _check_values(report: Report) -> dict[str, object]:
    grid = SheetGrid(APPLICATIONS)
    (row,) = grid.check_rows
    sheet = _calculated(grid, report)
    return {check.left[0][1]: _evaluate(check.formula, sheet) for check in row.cells}


def test_a_balanced_report_shows_a_tick_under_every_column(report: Report) -> None:
    assert set(_check_values(report).values()) == {CHECK_MARK}


def test_an_unbalanced_column_shows_the_difference(report: Report) -> None:
    report.set_cell("applications", "new_received", "research", 2)  # 一 + 二 is now 2 more than 三（七） + 四
    values = _check_values(report)
    assert values["research"] == 2
    assert values["total"] == 2
    assert values["natural_person"] == CHECK_MARK


def test_an_incomplete_column_shows_nothing_yet(report: Report) -> None:
    report.set_cell("applications", "carried_forward", "commercial", None)
    values = _check_values(report)
    assert values["commercial"] == ""
    assert values["total"] == ""
    assert values["research"] == CHECK_MARK


def test_balance_check_formula_spelling() -> None:
    formula = balance_check([(5, 4), (6, 4)], [(28, 4), (29, 4)])
    assert formula == '=IF(COUNT(D5:D6,D28:D29)<4,"",IF(SUM(D5:D6)-SUM(D28:D29)=0,"✓",SUM(D5:D6)-SUM(D28:D29)))'


@pytest.mark.parametrize(
    ("balance", "label"),
    [
        (
            BalanceSpec(("new_received", "carried_over"), ("results_total", "carried_forward")),
            "校验：一+二−（三（七）+四）",
        ),
        (BalanceSpec(("new_received",), ("disclosed", "withheld_state_secret")), "校验：一−（三（一）+三（三）1）"),
    ],
)
def test_the_check_row_is_labelled_with_the_row_numbers(balance: BalanceSpec, label: str) -> None:
    assert balance_label(APPLICATIONS, balance) == label


@pytest.mark.parametrize("table_id", ["active_disclosure", "review_litigation"])
def test_tables_without_a_balance_down_a_column_have_no_check_row(table_id: str) -> None:
    assert SheetGrid(TEMPLATE_2021.table(table_id)).check_rows == ()


def test_a_balance_across_one_printed_row_gets_no_check_row() -> None:
    across = TableSpec(
        id="across",
        blocks=(
            BlockSpec(
                columns=(ColumnSpec("count", "件数"),),
                rows=(RowSpec("received", "一、收到"), RowSpec("answered", "二、答复")),
                orientation=Orientation.ACROSS,
            ),
        ),
        balances=(BalanceSpec(("received",), ("answered",)),),
    )
    assert SheetGrid(across).check_rows == ()


# --- placement --------------------------------------------------------------------------------


@pytest.mark.parametrize("table_id", TABLE_IDS)
@pytest.mark.parametrize("top", [LAYOUT_TOP, 1, 7])
def test_the_layout_is_placed_below_the_heading_row(table_id: str, top: int) -> None:
    grid = SheetGrid(TEMPLATE_2021.table(table_id), top)
    assert LAYOUT_TOP == 2  # row 1 holds the section heading
    for cell in grid.layout.cells:
        assert grid.at(cell) == (top + cell.row, cell.column + 1)
    assert grid.bottom == top + grid.layout.n_rows - 1
    assert grid.last_column == grid.layout.n_columns
    assert max(grid.at(c)[0] + c.rowspan - 1 for c in grid.layout.cells) == grid.bottom


def test_table_3s_first_number_is_in_d5() -> None:
    assert address(SheetGrid(APPLICATIONS).coordinate("new_received", "natural_person")) == "D5"


@pytest.mark.parametrize("table_id", TABLE_IDS)
def test_header_cells_are_every_label_and_data_cells_every_number(table_id: str) -> None:
    table = TEMPLATE_2021.table(table_id)
    grid = SheetGrid(table)
    headers, data = list(grid.header_cells()), list(grid.data_cells())
    assert all(c.role is not CellRole.DATA for c in headers)
    assert {c.ref for c in data} == {(r.id, c.id) for r, c in table.cells()}
    assert len(headers) + len(data) == len(grid.layout.cells)
