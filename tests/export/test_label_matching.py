"""export/label_matching.py: how a label typed by hand in Word, WPS or Excel is matched to a statutory label
(`similarity`, `best_match`) and whether the difference is worth telling the person (`differs`).

Table-driven with label variants as the seeds and typed tables print them: half-width brackets and
digits, 1、 for 1., missing numbers, curly or straight quotes, line breaks inside a cell, and wording
variants such as 其他法律法规禁止公开 for 其他法律行政法规禁止公开.
"""

from __future__ import annotations

import pytest

from export.label_matching import DROPPED_NUMBER, MIN_SIMILARITY, best_match, differs, similarity
from model.template import TEMPLATE_2021

APPLICATIONS = TEMPLATE_2021.table("applications")
ROWS = [(r.id, r.label) for r in APPLICATIONS.rows]
COLUMNS = [(c.id, c.label) for c in APPLICATIONS.blocks[0].columns]
REVIEW = TEMPLATE_2021.table("review_litigation")
REVIEW_HEADS = [(r.id, r.label) for r in REVIEW.rows] + [(c.id, c.label) for c in REVIEW.blocks[0].columns]
ACTIVE_ROWS = [(r.id, r.label) for r in TEMPLATE_2021.table("active_disclosure").rows]


# --- similarity -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("found", "statutory"),
    [
        ("(一)予以公开", "（一）予以公开"),  # half-width brackets
        ("(一) 予以公开", "（一）予以公开"),
        ("（一）　予以公开", "（一）予以公开"),  # an ideographic space
        ("1、属于国家秘密", "1.属于国家秘密"),
        ("1. 属于国家秘密", "1.属于国家秘密"),
        ("１．属于国家秘密", "1.属于国家秘密"),  # full-width digit and stop
        ("1，属于国家秘密", "1.属于国家秘密"),
        ("一.本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量"),
        ("一、本年新收政府信息公开申请数量：", "一、本年新收政府信息公开申请数量"),  # trailing colon
        ("四、结转下年度继续办理。", "四、结转下年度继续办理"),
        ('3.危及"三安全一稳定"', "3.危及“三安全一稳定”"),  # straight quotes
        ("3.危及「三安全一稳定」", "3.危及“三安全一稳定”"),
        ("社会公益\n组织", "社会公益组织"),  # a line break inside a narrow cell
        ("自 然 人", "自然人"),
        ("（二）部分公开(区分处理的,只计这一情形,不计其他情形)", APPLICATIONS.row("partially_disclosed").label),
        ("本年收费金额(单位:万元)", "本年收费金额（单位：万元）"),
    ],
)
def test_spelling_variants_of_the_same_label_match_fully(found: str, statutory: str) -> None:
    assert similarity(found, statutory) == 1.0


@pytest.mark.parametrize(
    ("found", "statutory", "low", "high"),
    [
        # The wording variant of seed 002: close, but not the same.
        ("2.其他法律法规禁止公开", "2.其他法律行政法规禁止公开", 0.85, 0.95),
        ("2、其他法律法规禁止公开", "2.其他法律行政法规禁止公开", 0.85, 0.95),
        # A dropped number costs a little: typed tables often leave numbers out.
        ("予以公开", "（一）予以公开", 0.9, 0.99),
        ("本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量", 0.9, 0.99),
        ("总计", "（七）总计", 0.9, 0.99),
        ("其他法律法规禁止公开", "2.其他法律行政法规禁止公开", 0.8, 0.9),
    ],
)
def test_close_variants_score_high_but_below_a_full_match(found: str, statutory: str, low: float, high: float) -> None:
    assert low <= similarity(found, statutory) <= high


@pytest.mark.parametrize(
    ("found", "statutory"),
    [
        ("2.属于国家秘密", "1.属于国家秘密"),  # same words, another number: another row
        ("(四)予以公开", "（一）予以公开"),
        ("五、结转下年度继续办理", "四、结转下年度继续办理"),
        ("1.自然人", "自然人"),  # a numbered row label where a column head is expected
        ("2.其他法律法规禁止公开", "其他法律行政法规禁止公开"),
        ("", "自然人"),
        ("（三）", "（三）不予公开"),  # a number and nothing else
    ],
)
def test_a_different_number_or_no_words_never_matches(found: str, statutory: str) -> None:
    assert similarity(found, statutory) == 0.0


@pytest.mark.parametrize("label", [label for _, label in ROWS + COLUMNS + REVIEW_HEADS + ACTIVE_ROWS])
def test_every_statutory_label_matches_itself_fully(label: str) -> None:
    assert similarity(label, label) == 1.0


@pytest.mark.parametrize(
    ("found", "statutory"),
    [("合计", "总计"), ("申请人", "自然人"), ("行政复议", "行政诉讼"), ("备注", "（一）予以公开")],
)
def test_unrelated_words_score_below_the_threshold(found: str, statutory: str) -> None:
    assert similarity(found, statutory) < MIN_SIMILARITY


@pytest.mark.parametrize(
    ("found", "statutory"),
    [("1.", "1.属于国家秘密"), ("备注", "（一）予以公开"), ("abc", "一、本年新收政府信息公开申请数量")],
)
def test_similarity_stays_between_0_and_1(found: str, statutory: str) -> None:
    assert 0.0 <= similarity(found, statutory) <= 1.0


@pytest.mark.parametrize(
    ("found", "statutory"),
    [
        ("不予公开", "（一）予以公开"),
        ("本机关不掌握相关政府信息", "1.本机关掌握相关政府信息"),
        ("未经复议直接起诉", "复议后起诉"),
    ],
)
def test_a_negation_on_one_side_only_never_matches(found: str, statutory: str) -> None:
    assert similarity(found, statutory) == 0.0


def test_a_group_heading_typed_without_its_number_is_not_a_row() -> None:
    rows_and_group = [*ROWS, ("group", "（三）不予公开")]
    assert best_match("不予公开", rows_and_group) == ("group", 1.0 - DROPPED_NUMBER)


# --- best_match -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("found", "row_id"),
    [
        ("(一)予以公开", "disclosed"),
        ("（一） 予以公开", "disclosed"),
        ("予以公开", "disclosed"),
        ("1、属于国家秘密", "withheld_state_secret"),
        ("2.其他法律法规禁止公开", "withheld_prohibited_by_law"),  # seed 002
        ("2. 重复申请", "unprocessed_repeated"),
        ("3.其他", "other_other"),
        ("(七)总计", "results_total"),
        ("一.本年新收政府信息公开申请数量", "new_received"),
        ("二、上年结转政府信息公开申请数量", "carried_over"),
        ("四、结转下年度继续办理", "carried_forward"),
        ("5.要求行政机关确认或重新出具已获取信息", "unprocessed_confirmation"),
        ("1.申请人无正当理由逾期不补正、行政机关不再处理其\n政府信息公开申请", "other_overdue_correction"),
    ],
)
def test_a_typed_row_label_finds_its_row(found: str, row_id: str) -> None:
    match = best_match(found, ROWS)
    assert match is not None and match[0] == row_id
    assert MIN_SIMILARITY <= match[1] <= 1.0


@pytest.mark.parametrize(
    ("found", "column_id"),
    [
        ("自然人", "natural_person"),
        ("商业\n企业", "commercial"),
        ("科研机构", "research"),
        ("社会公益组织", "social_welfare"),
        ("法律服务机构", "legal_service"),
        ("其他", "other_org"),
        ("总计", "total"),
        ("总 计", "total"),
    ],
)
def test_a_typed_column_head_finds_its_column(found: str, column_id: str) -> None:
    assert best_match(found, COLUMNS) == (column_id, 1.0)


@pytest.mark.parametrize(
    ("found", "key"),
    [("行政复议", "review"), ("未经复议直接起诉", "litigation_direct"), ("复议后起诉", "litigation_after_review"),
     ("结果维持", "upheld"), ("尚未审结", "pending")],
)  # fmt: skip
def test_table_4s_heads_find_their_proceeding_or_result(found: str, key: str) -> None:
    assert best_match(found, REVIEW_HEADS) == (key, 1.0)


@pytest.mark.parametrize(
    "found",
    [
        "",
        "   ",
        "\n",
        "：",  # only punctuation
        "合计",  # not a label of table 3's columns
        "三、本年度办理结果",  # a group label, not a row
        "9.属于国家秘密",  # no row 9
        "五、结转下年度继续办理",
        "申请人情况",
    ],
)
def test_text_that_stands_for_no_row_matches_none(found: str) -> None:
    assert best_match(found, ROWS) is None


def test_no_candidates_match_nothing() -> None:
    assert best_match("自然人", []) is None


def test_the_best_of_several_candidates_wins() -> None:
    candidates = [("a", "其他法律行政法规禁止公开"), ("b", "其他法律法规禁止公开"), ("c", "法律服务机构")]
    assert best_match("其他法律法规禁止公开", candidates) == ("b", 1.0)


def test_candidates_may_be_any_iterable_read_once() -> None:
    assert best_match("科研机构", iter(COLUMNS)) == ("research", 1.0)


# --- differs ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("found", "statutory"),
    [
        ("（一）予以公开", "（一）予以公开"),
        ("（一） 予以公开", "（一）予以公开"),  # spaces are layout
        ("（一）　予以公开", "（一）予以公开"),  # so is the ideographic space
        ("社会公益\n组织", "社会公益组织"),  # and a line break inside a narrow cell
        ("\t自然人\r\n", "自然人"),
        ("(一)予以公开", "（一）予以公开"),  # bracket width
        ("1、属于国家秘密", "1.属于国家秘密"),  # numbering style
        ("予以公开", "（一）予以公开"),  # a dropped number
        ('3.危及"三安全一稳定"', "3.危及“三安全一稳定”"),  # quotes
        ("一、本年新收政府信息公开申请数量：", "一、本年新收政府信息公开申请数量"),  # punctuation
        (
            "（二）部分公开(区分处理的,只计这一情形,不计其他情形)",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        ),
    ],
)
def test_spacing_punctuation_and_numbering_are_not_worth_telling(found: str, statutory: str) -> None:
    assert not differs(found, statutory)


@pytest.mark.parametrize(
    ("found", "statutory"),
    [
        ("2.其他法律法规禁止公开", "2.其他法律行政法规禁止公开"),  # wording: seed 002's LABEL_MISMATCH
        ("规范性文件", "行政规范性文件"),
        ("（二）部分公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ],
)
def test_different_words_are_worth_telling(found: str, statutory: str) -> None:
    assert differs(found, statutory)
