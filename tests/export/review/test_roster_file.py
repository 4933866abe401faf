"""The roster as the center keeps it: CSV in UTF-8 or GBK, a workbook with a title row above the header."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from export.review.roster_file import read_roster
from model import ReportFileError
from model.roster import Unit
from model.template import TEMPLATE_2021


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gbk"])
def test_a_csv_roster_in_any_common_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "名单.csv"
    text = "应报送单位\n序号,机关名称,机关类型,联系人\n1,叶城县教育局,县级以上人民政府部门,李四\n2,柯克亚乡人民政府,township,\n3,,,\n"
    path.write_bytes(text.encode(encoding))
    assert read_roster(path, TEMPLATE_2021).units == (
        Unit("叶城县教育局", "department", "李四"),
        Unit("柯克亚乡人民政府", "township", ""),
    )


def test_a_workbook_roster_with_a_title_row(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["2024年度应报送单位名单"])
    sheet.append(["单位名称", "联系电话"])
    sheet.append(["叶城县财政局", "0998-1"])
    sheet.append(["叶城县统计局", None])
    path = tmp_path / "名单.xlsx"
    workbook.save(path)
    assert read_roster(path, TEMPLATE_2021).units == (Unit("叶城县财政局", None, "0998-1"), Unit("叶城县统计局"))


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("名单.csv", "地址,电话\n叶城县财政局,1\n", "没有找到“机关名称”列"),
        ("名单.csv", "机关名称\n", "没有任何单位"),
        ("名单.txt", "机关名称\n叶城县财政局\n", "应为 .xlsx 或 .csv"),
        ("名单.xlsx", "not a workbook", "不是有效的单位名单"),
    ],
)
def test_a_roster_that_cannot_be_used_says_why(tmp_path: Path, name: str, content: str, reason: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ReportFileError, match=reason):
        read_roster(path, TEMPLATE_2021)
