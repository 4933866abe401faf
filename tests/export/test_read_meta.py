"""export/read_meta.py: title, year and 成文日期 in the forms published reports have them."""

from __future__ import annotations

from datetime import date

import pytest

from export.read_meta import date_line, find_title
from model.template import TEMPLATE_2021


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["叶城县科学技术局2024年度政府信息公开工作年度报告"], ("叶城县科学技术局", 2024, 1)),
        (["2024年上海市科学技术委员会政府信息公开工作年度报告"], ("上海市科学技术委员会", 2024, 1)),
        (["攀枝花市东区科学技术局", "2024 年政府信息公开工作年度报告"], ("攀枝花市东区科学技术局", 2024, 2)),
        (
            ["某市人民政府网", "发布日期：2025-01-20 浏览次数：312", "某市科学技术局2024年政府信息公开工作年度报告"],
            ("某市科学技术局", 2024, 3),
        ),
        (["关于某县教育局二〇二四年度政府信息公开工作年度报告"], ("某县教育局", 2024, 1)),
        (["政府信息公开工作年度报告"], ("", None, 0)),
    ],
)
def test_titles_in_their_real_forms(lines: list[str], expected: tuple[str, int | None, int]) -> None:
    assert find_title(lines, TEMPLATE_2021) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("二〇二五年一月十七日", ("", date(2025, 1, 17))),
        ("2025年1月9日", ("", date(2025, 1, 9))),
        ("（2025年1月9日）", ("", date(2025, 1, 9))),
        ("叶城县科学技术局  2025年1月17日", ("叶城县科学技术局", date(2025, 1, 17))),
        ("本年度共收到申请5件。", None),
    ],
)
def test_a_date_line_or_a_signature_line_ending_with_a_date(line: str, expected: object) -> None:
    assert date_line(line) == expected
