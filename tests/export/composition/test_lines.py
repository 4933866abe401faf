"""export/composition/lines.py: lines of the 公文 grid and Chinese line-breaking rules."""

from __future__ import annotations

import pytest

from export.composition.lines import CANNOT_END, CANNOT_START, HANGING, Measure, atoms, balanced_lines, break_lines
from export.page_design import BODY_TRACKING_PT, SIZE_3, TEXT_WIDTH_PT

BODY = Measure(SIZE_3, BODY_TRACKING_PT)


def test_a_full_line_holds_28_characters_and_the_first_26_after_the_indent() -> None:
    lines = break_lines("政" * 100, BODY, TEXT_WIDTH_PT, 2 * SIZE_3)
    assert [len(line) for line in lines] == [26, 28, 28, 18]


@pytest.mark.parametrize("mark", sorted(CANNOT_START & set("；：？！）》」")))
def test_no_line_starts_with_a_closing_mark_the_last_character_goes_down_with_it(mark: str) -> None:
    lines = break_lines("政" * 28 + mark + "府" * 10, BODY, TEXT_WIDTH_PT)
    assert lines[0] == "政" * 27 and lines[1].startswith("政" + mark)


@pytest.mark.parametrize("mark", sorted(HANGING))
def test_a_pause_or_full_stop_hangs_past_the_margin(mark: str) -> None:
    lines = break_lines("政" * 28 + mark + "府" * 10, BODY, TEXT_WIDTH_PT)
    assert lines[0] == "政" * 28 + mark and lines[1] == "府" * 10


def test_spaces_at_the_end_of_a_line_take_no_room() -> None:
    assert break_lines("政" * 28 + "  " + "府", BODY, TEXT_WIDTH_PT) == ["政" * 28 + "  ", "府"]


@pytest.mark.parametrize("mark", sorted(CANNOT_END & set("（《「")))
def test_no_line_ends_with_an_opening_mark(mark: str) -> None:
    lines = break_lines("政" * 27 + mark + "府" * 10, BODY, TEXT_WIDTH_PT)
    assert lines[0] == "政" * 27 and lines[1].startswith(mark + "府")


def test_numbers_and_latin_words_stay_whole() -> None:
    assert list(atoms("收到申请12件，办结率100%。")) == [
        "收",
        "到",
        "申",
        "请",
        "12",
        "件，",
        "办",
        "结",
        "率",
        "100%。",
    ]
    lines = break_lines("政" * 27 + "2024年", BODY, TEXT_WIDTH_PT)
    assert lines == ["政" * 27, "2024年"]


def test_words_are_set_in_balanced_lines() -> None:
    title = Measure(22.0)
    words = ["叶城县科学技术局", "2024年", "政府信息公开工作年度报告"]
    assert balanced_lines(words, title, TEXT_WIDTH_PT) == ["叶城县科学技术局2024年", "政府信息公开工作年度报告"]
    long_agency = ["某某省某某市某某区人民政府办公室", "2024年", "政府信息公开工作年度报告"]
    assert balanced_lines(long_agency, title, TEXT_WIDTH_PT) == [long_agency[0], long_agency[1] + long_agency[2]]


def test_a_very_long_paragraph_loses_no_character() -> None:
    text = ("政府信息公开工作2024年，" * 2000)[:20_000]  # its speed: bench/bench_pdf.py
    lines = break_lines(text, BODY, TEXT_WIDTH_PT, 2 * SIZE_3)
    assert "".join(lines) == text
    assert all(BODY.width(line) <= TEXT_WIDTH_PT for line in lines)
