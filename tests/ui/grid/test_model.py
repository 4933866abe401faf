"""The generic grid model: the official layout with verbatim labels, values, colours and edits."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush

from model.report import Previous, Report
from model.reviews import mark_reviewed
from model.template import TEMPLATE_2021
from model.values import Invalid
from ui.document import ReportDocument
from ui.grid import style
from ui.grid.model import HINT_ROLE, GridModel

TABLE_IDS = [t.id for t in TEMPLATE_2021.tables]
DISPLAY = Qt.ItemDataRole.DisplayRole


def _model(report: Report, table_id: str = "applications") -> GridModel:
    return GridModel(ReportDocument(report), table_id)


def _text(model: GridModel, row_id: str, column_id: str, role: int = DISPLAY) -> object:
    # model.data, not index.data(): see ui.grid.delegate._role about PySide6 6.12 and None.
    return model.data(model.index_of(row_id, column_id), role)


def _colour(model: GridModel, row_id: str, column_id: str) -> str | None:
    brush = _text(model, row_id, column_id, Qt.ItemDataRole.BackgroundRole)
    return brush.color().name() if isinstance(brush, QBrush) else None


def _header(model: GridModel, text: str) -> QModelIndex:
    found = [
        model.index(r, c)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if model.ref(model.index(r, c)) is None and model.data(model.index(r, c)) == text
    ]
    assert found, text
    return found[0]


def _span(model: GridModel, index: QModelIndex) -> tuple[int, int]:
    merges = {(r, c): (rs, cs) for r, c, rs, cs in model.merges()}
    return merges.get((index.row(), index.column()), (1, 1))


@pytest.mark.parametrize("table_id", TABLE_IDS)
def test_every_grid_model_passes_the_qt_model_tester(qtmodeltester, report: Report, table_id: str) -> None:
    qtmodeltester.check(_model(report, table_id), force_py=True)


@pytest.mark.parametrize("table_id", TABLE_IDS)
def test_every_statutory_label_is_printed_verbatim_in_a_header_cell(report: Report, table_id: str) -> None:
    model = _model(report, table_id)
    spec = TEMPLATE_2021.table(table_id)
    headers = {
        model.data(model.index(r, c))
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if model.ref(model.index(r, c)) is None
    }
    labels = {text for block in spec.blocks for text in (block.title, block.corner) if text}
    labels |= {text for row in spec.rows for text in (*row.path, row.label)}
    labels |= {text for block in spec.blocks for column in block.columns for text in (*column.path, column.label)}
    assert labels <= headers


@pytest.mark.parametrize(
    ("table_id", "label", "span"),
    [
        ("applications", "申请人情况", (1, 7)),
        ("applications", "法人或其他组织", (1, 5)),
        ("applications", "自然人", (2, 1)),
        ("applications", "三、本年度办理结果", (22, 1)),
        ("applications", "（三）不予公开", (8, 1)),
        ("applications", "（五）不予处理", (5, 1)),
        ("applications", TEMPLATE_2021.table("applications").note, (3, 3)),
        ("review_litigation", "行政诉讼", (1, 10)),
        ("review_litigation", "未经复议直接起诉", (1, 5)),
        ("active_disclosure", "第二十条第（八）项", (1, 4)),
    ],
)
def test_merged_headers_span_as_in_the_official_table(report: Report, table_id: str, label: str, span: tuple) -> None:
    model = _model(report, table_id)
    assert _span(model, _header(model, label)) == span


def test_headers_are_not_editable_and_totals_are_read_only(report: Report) -> None:
    model = _model(report)
    assert model.flags(_header(model, "申请人情况")) == Qt.ItemFlag.NoItemFlags
    total = model.index_of("new_received", "total")
    assert not model.flags(total) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index_of("new_received", "natural_person")) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(total, "3")


def test_zero_not_filled_in_and_a_bad_value_from_a_file_look_different(report: Report) -> None:
    report.set_cell("applications", "new_received", "research", None)
    report.set_cell("applications", "new_received", "legal_service", Invalid("十二"))
    model = _model(report)
    assert _text(model, "new_received", "social_welfare") == "0"
    assert _text(model, "new_received", "social_welfare", HINT_ROLE) == ""
    assert _text(model, "new_received", "research") == ""
    assert _text(model, "new_received", "research", HINT_ROLE) == style.NOT_FILLED_HINT
    assert _text(model, "new_received", "legal_service") == "十二"
    foreground = _text(model, "new_received", "legal_service", Qt.ItemDataRole.ForegroundRole)
    assert isinstance(foreground, QBrush) and foreground.color() == style.INVALID_TEXT


def test_typing_a_number_updates_the_total_and_colours_the_unbalanced_cells(report: Report) -> None:
    model = _model(report)
    assert _text(model, "new_received", "total") == "9"
    assert _colour(model, "new_received", "natural_person") is None
    assert model.setData(model.index_of("new_received", "natural_person"), "8")
    assert _text(model, "new_received", "total") == "10"
    # 一 + 二 now exceeds 三（七） + 四 in the 自然人 column: the BALANCE cells turn red.
    assert _colour(model, "new_received", "natural_person") == style.ERROR_BACKGROUND.name()
    assert _colour(model, "carried_forward", "natural_person") == style.ERROR_BACKGROUND.name()
    assert "相差1" in str(_text(model, "carried_forward", "natural_person", Qt.ItemDataRole.ToolTipRole))


def test_totals_are_shaded_and_say_they_are_computed(report: Report) -> None:
    model = _model(report)
    assert _colour(model, "new_received", "total") == style.TOTAL_BACKGROUND.name()
    assert _colour(model, "results_total", "research") == style.TOTAL_BACKGROUND.name()
    assert _text(model, "results_total", "total", Qt.ItemDataRole.ToolTipRole) == style.TOTAL_TOOLTIP


def test_model_signals_the_changed_cells_so_views_repaint(qtbot, report: Report) -> None:
    model = _model(report)
    with qtbot.waitSignal(model.dataChanged):
        model.setData(model.index_of("disclosed", "research"), "1")


def test_text_that_is_no_number_is_refused_and_said_why(qtbot, report: Report) -> None:
    model = _model(report)
    with qtbot.waitSignal(model.message) as said:
        assert not model.setData(model.index_of("new_received", "research"), "abc")
    assert "“abc”不是数字" in said.args[0] and "科研机构" in said.args[0]
    assert report.stored("applications", "new_received", "research") == 0


def test_negative_numbers_are_refused_at_input(qtbot, report: Report) -> None:
    model = _model(report)
    with qtbot.waitSignal(model.message) as said:
        assert not model.setData(model.index_of("new_received", "research"), "-2")
    assert "负数" in said.args[0]
    assert report.stored("applications", "new_received", "research") == 0


def test_the_fee_keeps_its_decimals_exactly(report: Report) -> None:
    model = _model(report, "active_disclosure")
    assert model.setData(model.index_of("administrative_fees", "amount"), "０.１")
    assert report.stored("active_disclosure", "administrative_fees", "amount") == Decimal("0.1")
    assert _text(model, "administrative_fees", "amount") == "0.1"


def test_clearing_a_cell_makes_it_not_filled_in_rather_than_zero(report: Report) -> None:
    model = _model(report)
    assert model.setData(model.index_of("disclosed", "research"), "")
    assert report.stored("applications", "disclosed", "research") is None
    assert _text(model, "disclosed", "research", HINT_ROLE) == style.NOT_FILLED_HINT
    assert _text(model, "disclosed", "total") == ""  # no total of a row with a gap


def test_edits_are_undone_and_redone_through_the_documents_undo_stack(report: Report) -> None:
    model = _model(report)
    model.setData(model.index_of("new_received", "natural_person"), "8")
    stack = model.document.undo_stack
    stack.undo()
    assert _text(model, "new_received", "natural_person") == "7"
    assert _text(model, "new_received", "total") == "9"
    assert _colour(model, "new_received", "natural_person") is None
    stack.redo()
    assert _text(model, "new_received", "total") == "10"


def _drifting_report(report: Report) -> Report:
    # Last year 4 in force, this year +2 −1 would make 5; 6 is stated: IN_FORCE_DRIFT (a warning).
    report.previous = Previous(year=2023, in_force={"normative_documents": 4, "regulations": 0})
    report.set_cell("active_disclosure", "normative_documents", "in_force", 6)
    return report


def test_a_warning_colours_the_cell_amber_until_a_person_marks_it_reviewed(report: Report) -> None:
    model = _model(_drifting_report(report), "active_disclosure")
    assert _colour(model, "normative_documents", "in_force") == style.WARNING_BACKGROUND.name()
    finding = next(f for f in model.document.findings if f.code == "IN_FORCE_DRIFT")
    mark_reviewed(model.document.report, finding, "本年有2件规范性文件到期失效")
    model.document.notify_changed()
    assert _colour(model, "normative_documents", "in_force") is None
    tooltip = str(_text(model, "normative_documents", "in_force", Qt.ItemDataRole.ToolTipRole))
    assert "已核实：本年有2件规范性文件到期失效" in tooltip


def test_an_unfilled_cell_shows_its_hint_and_tooltip_instead_of_turning_red(report: Report) -> None:
    report.set_cell("review_litigation", "review", "pending", None)
    model = _model(report, "review_litigation")
    assert _colour(model, "review", "pending") is None
    assert _text(model, "review", "pending", HINT_ROLE) == style.NOT_FILLED_HINT
    assert "未填写" in str(_text(model, "review", "pending", Qt.ItemDataRole.ToolTipRole))
