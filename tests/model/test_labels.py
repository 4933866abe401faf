"""Label keys: what the exact key ignores, what the forgiving key also ignores, and what both keep."""

from __future__ import annotations

import pytest

from model.labels import collapse_spaces, exact_key, forgiving_key, without_spaces, word_key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本年新收政府信息公开申请数量", "本年新收政府信息公开申请数量"),
        ("本年新收 政府信息\n公开申请数量", "本年新收政府信息公开申请数量"),
        ("\u3000行政\t复议 ", "行政复议"),
        ("", ""),
        (" \n ", ""),
    ],
)
def test_without_spaces(text: str, expected: str) -> None:
    assert without_spaces(text) == expected


@pytest.mark.parametrize(
    ("text", "exact", "forgiving"),
    [
        ("（一）主动公开", "(一)主动公开", "(一)主动公开"),
        ("（一） 主动\n公开", "(一)主动公开", "(一)主动公开"),
        ("１．属于国家秘密", "1.属于国家秘密", "1.属于国家秘密"),
        ("1、属于国家秘密", "1、属于国家秘密", "1.属于国家秘密"),
        ("1 ，属于国家秘密", "1,属于国家秘密", "1.属于国家秘密"),
        ("一.总体情况", "一.总体情况", "一、总体情况"),
        ("一、总体情况", "一、总体情况", "一、总体情况"),
        ("“一件事”办理", "“一件事”办理", '"一件事"办理'),
        ("「一件事」办理", "「一件事」办理", '"一件事"办理'),
        ("国办公开办函〔2021〕30号", "国办公开办函〔2021〕30号", "国办公开办函(2021)30号"),
        ("成文日期：", "成文日期:", "成文日期"),
        ("总体情况。", "总体情况。", "总体情况"),
        ("总计.", "总计.", "总计"),
        ("ＡＢＣ", "ABC", "ABC"),
        ("", "", ""),
        ("\u3000 \n", "", ""),
        ("：。", ":。", ""),
    ],
)
def test_exact_and_forgiving_keys(text: str, exact: str, forgiving: str) -> None:
    assert exact_key(text) == exact
    assert forgiving_key(text) == forgiving


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("法人或其他组织", "法人或其他组织"),
        ("商业\n企业", "商业 企业"),
        ("  （三）不予公开 \t ", "（三）不予公开"),
        ("", ""),
    ],
)
def test_a_found_label_is_shown_with_its_white_space_collapsed(text: str, shown: str) -> None:
    assert collapse_spaces(text) == shown


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("(一) 予以公开：", "予以公开"),
        ("1、属于国家秘密", "属于国家秘密"),
        ('3.危及"三安全一稳定"', "危及三安全一稳定"),
        ("（二）部分公开(区分处理的,只计这一情形)", "部分公开区分处理的只计这一情形"),
        ("二、主动公开政府信息情况", "主动公开政府信息情况"),
    ],
)
def test_word_key_keeps_only_the_words(typed: str, words: str) -> None:
    assert word_key(typed) == words
