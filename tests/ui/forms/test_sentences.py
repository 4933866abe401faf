"""ui/forms/sentences.py and ui/forms/fee_form.py: 插入表格数字说明 in 一 and 六, sentences that follow
the tables in the same undo step as the cell, and the fee field of 六."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from model.files import load_report, save_report
from model.template import TEMPLATE_2021
from tests.ui.forms.editing import narrative_form, type_text
from ui.document import ReportDocument
from ui.forms.fee_form import FeeEditor
from ui.forms.sentences import SentencesButton
from ui.grid.view import GridView
from ui.main_window import MainWindow

APPLY = "narrative.overview.subsections[1].text"  # 依申请公开
RECEIVED_9 = "本年度共收到政府信息公开申请9件，其中自然人申请7件、商业企业申请2件；上年结转的申请1件。"


def _button(window: MainWindow, section_id: str, path: str) -> SentencesButton:
    form = narrative_form(window, section_id)
    return next(b for b in form.findChildren(SentencesButton) if b.path == path)


def _grid(window: MainWindow, table_id: str) -> GridView:
    index = next(i for i, s in enumerate(TEMPLATE_2021.sections) if s.id == table_id) + 1
    view = window.page(index)
    assert isinstance(view, GridView)
    return view


def _editor_text(window: MainWindow, path: str) -> str:
    return narrative_form(window, "overview").editors[path].toPlainText()


def test_inserted_sentences_follow_a_changed_cell_and_undo_restores_both(window: MainWindow) -> None:
    _button(window, "overview", APPLY).click()
    text = _editor_text(window, APPLY)
    assert text.startswith("2024年，本局共收到政府信息公开申请9件，均按期答复。" + RECEIVED_9)
    assert "未发生因政府信息公开引起的行政诉讼" in text  # 复议诉讼 is told in 依申请公开 too
    grid = _grid(window, "applications").grid
    assert grid.setData(grid.index_of("new_received", "natural_person"), "8")
    changed = _editor_text(window, APPLY)
    assert "收到政府信息公开申请10件，其中自然人申请8件" in changed and RECEIVED_9 not in changed
    assert window.document.undo_stack.undoText() == "编辑单元格"  # one step: the cell and its sentence
    window.undo_action.trigger()
    assert window.document.report.value("applications", "new_received", "natural_person") == 7
    assert _editor_text(window, APPLY) == text
    window.redo_action.trigger()
    assert _editor_text(window, APPLY) == changed
    window.undo_action.trigger()
    window.undo_action.trigger()  # the insertion itself
    assert _editor_text(window, APPLY) == "2024年，本局共收到政府信息公开申请9件，均按期答复。"
    assert APPLY not in window.document.report.sentence_links


def test_a_sentence_the_person_rewrote_stays_as_written(window: MainWindow) -> None:
    _button(window, "overview", APPLY).click()
    editor = narrative_form(window, "overview").editors[APPLY]
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index("上年结转"))
    editor.setTextCursor(cursor)
    type_text(editor, "另")
    written = editor.toPlainText()
    grid = _grid(window, "applications").grid
    assert grid.setData(grid.index_of("new_received", "natural_person"), "8")
    assert editor.toPlainText() == written


def test_a_subsection_that_tells_no_table_offers_the_menu(window: MainWindow, qtbot: QtBot) -> None:
    button = _button(window, "overview", "narrative.overview.subsections[4].text")  # 监督保障
    menu = button.menu()
    menu.aboutToShow.emit()
    names = [a.text() for a in menu.actions()]
    assert names == ["二、主动公开", "三、依申请公开", "四、复议诉讼"]
    menu.actions()[0].trigger()
    assert "本年度作出行政许可决定12件" in _editor_text(window, "narrative.overview.subsections[4].text")


def test_only_the_narratives_that_tell_tables_have_the_button(window: MainWindow) -> None:
    assert not narrative_form(window, "problems").findChildren(SentencesButton)
    paths = {b.path for b in narrative_form(window, "overview").findChildren(SentencesButton)}
    assert "narrative.preamble" not in paths and "narrative.overview.intro" in paths


def test_the_fee_field_writes_the_fee_statement_of_six(window: MainWindow, tmp_path: Path) -> None:
    form = narrative_form(window, "other")
    fee = form.findChild(FeeEditor)
    assert fee is not None
    fee.collected.setCurrentIndex(2)  # 已收取
    fee.amount.setText("120.50")
    fee.amount.editingFinished.emit()
    fee.applications.setText("2")
    fee.applications.editingFinished.emit()
    report = window.document.report
    assert (report.fee.collected, str(report.fee.amount), report.fee.applications) == (True, "120.50", 2)
    _button(window, "other", "narrative.other.intro").click()
    intro = form.editors["narrative.other.intro"]
    assert intro.toPlainText() == "本年度未收取信息处理费。本年度对2件政府信息公开申请收取信息处理费，共计120.5元。"
    fee.applications.setText("3")
    fee.applications.editingFinished.emit()
    assert intro.toPlainText().endswith("本年度对3件政府信息公开申请收取信息处理费，共计120.5元。")
    window.undo_action.trigger()
    assert fee.applications.text() == "2" and intro.toPlainText().endswith(
        "对2件政府信息公开申请收取信息处理费，共计120.5元。"
    )
    path = tmp_path / "r.nianbao.json"
    save_report(report, path)
    again = load_report(path)
    assert again.fee == report.fee and again.sentence_links == report.sentence_links


def test_not_collected_disables_amount_and_count(window: MainWindow) -> None:
    fee = narrative_form(window, "other").findChild(FeeEditor)
    assert fee is not None
    fee.collected.setCurrentIndex(1)  # 未收取
    assert window.document.report.fee.collected is False
    assert not fee.amount.isEnabled() and not fee.applications.isEnabled()
    assert not {f.code for f in window.document.findings} & {"FEE_NOT_STATED", "FEE_NOTICE_NOT_STATED"}


def test_a_fee_not_stated_is_offered_disabled_and_says_why(window: MainWindow) -> None:
    button = _button(window, "other", "narrative.other.intro")
    menu = button.menu()
    menu.aboutToShow.emit()
    (action,) = menu.actions()
    assert not action.isEnabled() and "尚未填写" in action.text()
    button.click()  # nothing to insert: the menu is offered instead, the text stays
    assert menu.isVisible()
    menu.hide()
    assert window.document.report.narrative.section("other").intro == "本年度未收取信息处理费。"


def test_the_link_survives_save_and_load(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    _button(window, "overview", APPLY).click()
    path = tmp_path / "r.nianbao.json"
    save_report(window.document.report, path)
    window.set_document(ReportDocument(load_report(path), path))
    grid = _grid(window, "applications").grid
    assert grid.setData(grid.index_of("new_received", "commercial"), "3")
    assert "收到政府信息公开申请10件，其中自然人申请7件、商业企业申请3件" in _editor_text(window, APPLY)
