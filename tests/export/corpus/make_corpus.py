"""Build the reading corpus: reports typed the way staff type them, each with what must be read from it.

    python -m tests.export.corpus.make_corpus          # rewrites files/ and expected.json

Every document starts from one of the five seed reports (tests/fixtures) and is laid out as real
published reports lay out their tables: merged or not, numbered in half width, table 三 transposed,
table 四 as one row or three, extra 小计 columns and 合计 rows, spacer columns, the 勾稽 note as a row
or missing, tables split in two, web pages pasted with every value spanning merged cells, numbers in
full width or with thousands separators, “—”, “/”, “无” for nothing, a single （六）其他处理 row, the 2019
format, titles year first or below web page lines, dates in Chinese numerals. A table is described
once as a grid of texts with merged ranges (`Sheet`) and written as a Word table (python-docx), a
worksheet (openpyxl) or an HTML table that LibreOffice converts to .docx, as a web paste reaches Word.

expected.json holds, per file, the meta that must be read, every cell that must be read (as text;
cells not listed must stay unfilled), and every finding located in a table or on a heading, as
[code, table, row, column]. Those findings are what the checker says about the expected cells, plus
what the variation itself must cause (TABLE_UNREADABLE, OLD_FORMAT, LABEL_MISMATCH, HEADING_MISMATCH).
The generated files are committed, so the suite never needs LibreOffice for them.
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl

from model.checks import check
from model.files import load_report
from model.layout import table_layout
from model.report import Report
from model.template import TEMPLATE_2021, TableSpec
from model.values import format_value

HERE = Path(__file__).parent
FILES = HERE / "files"
FIXTURES = HERE.parent.parent / "fixtures"
T = TEMPLATE_2021
TABLE_CODES = {"TABLE_UNREADABLE", "OLD_FORMAT", "LABEL_MISMATCH", "HEADING_MISMATCH"}

Merge = tuple[int, int, int, int]  # top, left, bottom, right (inclusive)
Values = dict[tuple[str, str, str], str]  # (table, row, column) → text typed


@dataclass
class Sheet:
    """A table as typed: texts on a grid, and the ranges merged."""

    texts: list[list[str]]
    merges: list[Merge] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.texts), default=0)


# --- tables ------------------------------------------------------------------------------------


def statutory(table: TableSpec, value: Callable[[str, str], str], label: Callable[[str], str] = lambda t: t) -> Sheet:
    """The official layout (model.layout) with values typed in and labels as `label` retypes them."""
    layout = table_layout(table)
    texts = [["" for _ in range(layout.n_columns)] for _ in range(layout.n_rows)]
    merges = []
    for cell in layout.cells:
        texts[cell.row][cell.column] = value(*cell.ref) if cell.ref else label(cell.text)
        if cell.rowspan > 1 or cell.colspan > 1:
            merges.append((cell.row, cell.column, cell.row + cell.rowspan - 1, cell.column + cell.colspan - 1))
    return Sheet(texts, merges)


def unmerged(sheet: Sheet) -> Sheet:
    return Sheet(copy.deepcopy(sheet.texts), [])


def transposed(sheet: Sheet) -> Sheet:
    width = sheet.width
    texts = [[row[c] if c < len(row) else "" for row in sheet.texts] for c in range(width)]
    return Sheet(texts, [(left, top, right, bottom) for top, left, bottom, right in sheet.merges])


def insert_column(sheet: Sheet, at: int, texts: list[str]) -> Sheet:
    """A column inserted before grid column `at`; merges across it widen."""
    rows = [[*row[:at], texts[r], *row[at:]] for r, row in enumerate(sheet.texts)]
    merges = []
    for top, left, bottom, right in sheet.merges:
        if left >= at:
            merges.append((top, left + 1, bottom, right + 1))
        elif right >= at:
            merges.append((top, left, bottom, right + 1))
        else:
            merges.append((top, left, bottom, right))
    return Sheet(rows, merges)


def append_row(sheet: Sheet, texts: list[str], merges: list[Merge] = ()) -> Sheet:  # type: ignore[assignment]
    return Sheet([*copy.deepcopy(sheet.texts), texts], [*sheet.merges, *merges])


def doubled(sheet: Sheet) -> Sheet:
    """As a web page pasted: every printed cell two grid columns wide."""
    texts = [[text for text in row for _ in (0, 1)] for row in sheet.texts]
    merges = [(t, 2 * left, b, 2 * right + 1) for t, left, b, right in sheet.merges]
    covered = {(r, c) for t, left, b, right in sheet.merges for r in range(t, b + 1) for c in range(left, right + 1)}
    merges += [
        (r, 2 * c, r, 2 * c + 1) for r in range(len(sheet.texts)) for c in range(sheet.width) if (r, c) not in covered
    ]
    for t, left, b, right in merges:
        for r in range(t, b + 1):
            for c in range(left, right + 1):
                if (r, c) != (t, left):
                    texts[r][c] = ""
    return Sheet(texts, merges)


def table_four_rows(value: Callable[[str, str], str], *, proceedings_across: bool = False) -> Sheet:
    """Table 四 as three rows of five (行政复议 / 行政诉讼: 未经复议直接起诉, 复议后起诉), as many reports print it."""
    table = T.table("review_litigation")
    columns = table.blocks[0].columns
    review, direct, after = table.rows
    litigation = direct.path[0]
    texts = [
        ["", "", *(c.label for c in columns)],
        [review.label, "", *(value(review.id, c.id) for c in columns)],
        [litigation, direct.label, *(value(direct.id, c.id) for c in columns)],
        ["", after.label, *(value(after.id, c.id) for c in columns)],
    ]
    sheet = Sheet(texts, [(0, 0, 0, 1), (1, 0, 1, 1), (2, 0, 3, 0)])
    return transposed(sheet) if proceedings_across else sheet


def single_other_row(sheet: Sheet, value: Callable[[str, str], str]) -> Sheet:
    """Table 三 with （六）其他处理 as one row, as the 2019 format printed it and some reports still do."""
    table = T.table("applications")
    layout = table_layout(table)
    group = table.row("other_other").path[-1]
    members = [r for r in table.rows if r.path and r.path[-1] == group]
    first, gone = layout.position_of(members[0].id, "total")[0], len(members) - 1
    sums = [_sum(value(m.id, c.id) for m in members) for c in table.blocks[0].columns]
    row = [""] * (layout.n_columns - len(sums)) + sums
    row[1] = group
    texts = [*copy.deepcopy(sheet.texts[:first]), row, *copy.deepcopy(sheet.texts[first + len(members) :])]
    merges: list[Merge] = [(first, 1, first, 2)]
    for top, left, bottom, right in sheet.merges:
        if first <= top < first + len(members):
            continue
        if top > first:
            merges.append((top - gone, left, bottom - gone, right))
        else:
            merges.append((top, left, bottom - gone if bottom >= first else bottom, right))
    return Sheet(texts, merges)


def _sum(texts: object) -> str:
    values = [t for t in texts]  # type: ignore[attr-defined]
    if any(not str(v).strip().isdigit() for v in values):
        return ""
    return str(sum(int(v) for v in values))


def old_table_two() -> Sheet:
    """Table 二 of the 2019 format (国办公开办函〔2019〕60号)."""
    return Sheet(
        [
            ["第二十条第（一）项", "", "", ""],
            ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
            ["规章", "0", "0", "0"],
            ["规范性文件", "2", "2", "15"],
            ["第二十条第（五）项", "", "", ""],
            ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
            ["行政许可", "12", "0", "30"],
            ["其他对外管理服务事项", "0", "0", "0"],
            ["第二十条第（六）项", "", "", ""],
            ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
            ["行政处罚", "3", "0", "4"],
            ["行政强制", "0", "0", "0"],
            ["第二十条第（八）项", "", "", ""],
            ["信息内容", "上一年项目数量", "本年增/减", ""],
            ["行政事业性收费", "1", "0", ""],
        ],
        [(0, 0, 0, 3), (4, 0, 4, 3), (8, 0, 8, 3), (12, 0, 12, 3)],
    )


# --- writers -----------------------------------------------------------------------------------


@dataclass
class Doc:
    """A report as typed: lines and tables in order."""

    items: list[str | Sheet | list[Sheet]]


def write_docx(doc: Doc, path: Path) -> None:
    document = docx.Document()
    for item in doc.items:
        if isinstance(item, str):
            document.add_paragraph(item)
            continue
        for sheet in item if isinstance(item, list) else [item]:
            _docx_table(document, sheet)
    document.save(str(path))


def _docx_table(document: docx.document.Document, sheet: Sheet) -> None:
    table = document.add_table(rows=len(sheet.texts), cols=sheet.width)
    table.style = "Table Grid"
    slots = table._cells
    for r, row in enumerate(sheet.texts):
        for c, text in enumerate(row):
            if text:
                slots[r * sheet.width + c].text = text
    for top, left, bottom, right in sheet.merges:
        slots[top * sheet.width + left].merge(slots[bottom * sheet.width + right])


def write_xlsx(doc: Doc, path: Path, *, sheet_per_table: bool = False) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    row = 1
    for item in doc.items:
        if isinstance(item, str):
            if sheet_per_table and item[:2] in {s.heading[:2] for s in T.sections if s.id != "overview"}:
                sheet = workbook.create_sheet(item[:20])
                row = 1
            sheet.cell(row, 1, item)
            row += 1
            continue
        for piece in item if isinstance(item, list) else [item]:
            for r, texts in enumerate(piece.texts):
                for c, text in enumerate(texts):
                    if text:
                        sheet.cell(row + r, c + 1, _typed(text))
            for top, left, bottom, right in piece.merges:
                sheet.merge_cells(
                    start_row=row + top, start_column=left + 1, end_row=row + bottom, end_column=right + 1
                )
            row += len(piece.texts)
        row += 1
    workbook.save(path)


def _typed(text: str) -> object:
    """A number as a spreadsheet stores what is typed; anything else as text."""
    return int(text) if text.isdigit() and len(text) < 10 else text


def write_html(doc: Doc, path: Path) -> None:
    parts = ["<html><head><meta charset='utf-8'></head><body>"]
    for item in doc.items:
        if isinstance(item, str):
            parts.append(f"<p>{item}</p>")
            continue
        for sheet in item if isinstance(item, list) else [item]:
            parts.append(_html_table(sheet))
    parts.append("</body></html>")
    path.write_text("\n".join(parts), encoding="utf-8")


def _html_table(sheet: Sheet) -> str:
    starts = {(t, left): (b - t + 1, right - left + 1) for t, left, b, right in sheet.merges}
    covered = {(r, c) for t, left, b, right in sheet.merges for r in range(t, b + 1) for c in range(left, right + 1)}
    rows = []
    for r, texts in enumerate(sheet.texts):
        cells = []
        for c, text in enumerate(texts):
            if (r, c) in covered and (r, c) not in starts:
                continue
            rowspan, colspan = starts.get((r, c), (1, 1))
            cells.append(f"<td rowspan='{rowspan}' colspan='{colspan}'>{text}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return "<table border='1'>" + "".join(rows) + "</table>"


def libreoffice_docx(doc: Doc, path: Path) -> None:
    """The HTML page converted by LibreOffice, as a web page pasted into Word reaches the center."""
    with tempfile.TemporaryDirectory() as folder:
        html = Path(folder) / f"{path.stem}.html"
        write_html(doc, html)
        profile = Path(folder) / "profile"
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "docx:MS Word 2007 XML",
             "--outdir", folder, str(html)],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        shutil.copy(Path(folder) / f"{path.stem}.docx", path)


# --- the reports -------------------------------------------------------------------------------


def seed(n: int) -> Report:
    return load_report(FIXTURES / f"seed_00{n}.nianbao.json")


def typed_values(report: Report) -> Values:
    return {(t.id, r.id, c.id): format_value(report.stored(t.id, r.id, c.id)) for t in T.tables for r, c in t.cells()}


@dataclass
class Case:
    name: str
    report: Report
    doc: Doc
    expect: Values  # cells that must be read (text); others unfilled
    extra_codes: list[tuple[str, str | None]] = field(default_factory=list)  # (code, table) the variation causes
    unreadable: tuple[str, ...] = ()  # tables none of whose numbers may be read
    fmt: str = "docx"
    expect_meta: dict[str, str] = field(default_factory=dict)


def narrative_lines(report: Report, heading: Callable[[str], str] = lambda h: h) -> dict[str, list[str]]:
    lines: dict[str, list[str]] = {}
    for spec in T.narrative_sections:
        section = report.narrative.section(spec.id)
        body = [line for line in section.intro.split("\n") if line]
        for i, sub in enumerate(section.subsections):
            body.append(f"（{'一二三四五六七八九十'[i]}）{sub.title}{sub.text.splitlines()[0] if sub.text else ''}")
            body += [line for line in sub.text.split("\n")[1:] if line]
        lines[spec.id] = [heading(spec.heading), *body]
    return lines


def build_doc(
    report: Report,
    tables: dict[str, Sheet | list[Sheet]],
    *,
    title: list[str] | None = None,
    heading: Callable[[str], str] = lambda h: h,
    ending: list[str] | None = None,
) -> Doc:
    meta = report.meta
    year = meta.year
    items: list[str | Sheet | list[Sheet]] = list(title or [meta.agency, f"{year}年政府信息公开工作年度报告"])
    items.append(report.narrative.text("preamble") or "根据《中华人民共和国政府信息公开条例》编制本报告。")
    lines = narrative_lines(report, heading)
    for spec in T.sections:
        if spec.id in lines:
            items += lines[spec.id] if len(lines[spec.id]) > 1 else [lines[spec.id][0], "无。"]
        else:
            items.append(heading(spec.heading))
            items.append(tables[spec.id])
    date = meta.issue_date
    items += ending if ending is not None else [meta.agency, f"{date.year}年{date.month}月{date.day}日" if date else ""]
    return Doc([i for i in items if i != ""])


def values_of(report: Report) -> Callable[[str], Callable[[str, str], str]]:
    typed = typed_values(report)
    return lambda table: lambda r, c: typed[(table, r, c)]


def default_tables(report: Report) -> dict[str, Sheet | list[Sheet]]:
    v = values_of(report)
    return {t.id: statutory(t, v(t.id)) for t in T.tables}


def overlay(typed: Values, table: str, base: Callable[[str, str], str]) -> Callable[[str, str], str]:
    """The texts `typed` over a table's values."""
    return lambda r, c: typed.get((table, r, c), base(r, c))


def half_width(label: str) -> str:
    return label.replace("（", "(").replace("）", ")").replace(".", "、", 1)


def cases() -> list[Case]:
    out: list[Case] = []
    seeds = [seed(n) for n in range(5)]

    def add(name: str, report: Report, tables: dict[str, Sheet | list[Sheet]], **kwargs: object) -> None:
        doc = build_doc(report, tables, **{k: v for k, v in kwargs.items() if k in ("title", "heading", "ending")})  # type: ignore[arg-type]
        rest = {k: v for k, v in kwargs.items() if k not in ("title", "heading", "ending")}
        expect = rest.pop("expect", None)
        out.append(Case(name, report, doc, expect if expect is not None else typed_values(report), **rest))  # type: ignore[arg-type]

    # The five seeds as typed in Word, merged like the official form.
    for n, report in enumerate(seeds):
        add(f"seed{n}-merged", report, default_tables(report))
    s0, s1, s2, s3, s4 = seeds
    v2 = values_of(s2)
    v0 = values_of(s0)
    v1 = values_of(s1)
    v3 = values_of(s3)
    applications = T.table("applications")

    # Merges left out; half-width numbering (no LABEL_MISMATCH for it).
    add("seed1-unmerged", s1, {t.id: unmerged(statutory(t, v1(t.id))) for t in T.tables})
    add("seed2-half-width", s2, {t.id: statutory(t, v2(t.id), half_width) for t in T.tables})

    # Table 三 transposed (applicants down, results across).
    tables = default_tables(s2)
    tables["applications"] = transposed(statutory(applications, v2("applications")))
    add("seed2-table3-transposed", s2, tables)
    tables = default_tables(s1)
    tables["applications"] = transposed(unmerged(statutory(applications, v1("applications"))))
    add("seed1-table3-transposed-unmerged", s1, tables)

    # Table 四 as three rows, and three columns.
    for n, report in ((0, s0), (3, s3)):
        tables = default_tables(report)
        tables["review_litigation"] = table_four_rows(values_of(report)("review_litigation"))
        add(f"seed{n}-table4-three-rows", report, tables)
    tables = default_tables(s2)
    tables["review_litigation"] = table_four_rows(v2("review_litigation"), proceedings_across=True)
    add("seed2-table4-three-columns", s2, tables)

    # An extra 法人或其他组织 小计 column, a 合计 row, a blank spacer column.
    subtotal_at = table_layout(applications).position_of("new_received", "total")[1]
    org = [c.id for c in applications.blocks[0].columns if len(c.path) == 2]

    def with_subtotal(report: Report) -> Sheet:
        v = values_of(report)("applications")
        sheet = statutory(applications, v)
        layout = table_layout(applications)
        column = ["" for _ in sheet.texts]
        column[2] = "小计"
        for r in applications.rows:
            column[layout.position_of(r.id, "total")[0]] = _sum(v(r.id, c) for c in org)
        return insert_column(sheet, subtotal_at, column)

    for n, report in ((1, s1), (2, s2)):
        tables = default_tables(report)
        tables["applications"] = with_subtotal(report)
        add(f"seed{n}-subtotal-column", report, tables)
    tables = default_tables(s1)
    sheet = statutory(applications, v1("applications"))
    total_row = [
        "合计",
        "",
        "",
        *(_sum(v1("applications")(r.id, c.id) for r in applications.rows[:2]) for c in applications.blocks[0].columns),
    ]
    tables["applications"] = append_row(sheet, total_row, [(len(sheet.texts), 0, len(sheet.texts), 2)])
    add("seed1-total-row", s1, tables)
    tables = default_tables(s2)
    spacer = ["" for _ in range(table_layout(applications).n_rows)]
    tables["applications"] = insert_column(unmerged(statutory(applications, v2("applications"))), 3, spacer)
    add("seed2-spacer-column", s2, tables)

    # The 勾稽 note as a row of its own above the table, or left out.
    tables = default_tables(s0)
    sheet = statutory(applications, v0("applications"))
    note = sheet.texts[0][0]
    sheet.texts[0][0] = ""
    tables["applications"] = Sheet(
        [[note] + [""] * (sheet.width - 1), *sheet.texts],
        [(0, 0, 0, sheet.width - 1), *[(t + 1, left, b + 1, r) for t, left, b, r in sheet.merges]],
    )
    add("seed0-note-row", s0, tables)
    tables = default_tables(s1)
    sheet = statutory(applications, v1("applications"))
    sheet.texts[0][0] = ""
    tables["applications"] = sheet
    add("seed1-no-note", s1, tables)

    # Table 三 split by a page break: the rest without its header, or with the header repeated.
    tables = default_tables(s2)
    sheet = unmerged(statutory(applications, v2("applications")))
    tables["applications"] = [Sheet(sheet.texts[:14]), Sheet(sheet.texts[14:])]
    add("seed2-split-no-header", s2, tables)
    tables = default_tables(s0)
    sheet = unmerged(statutory(applications, v0("applications")))
    tables["applications"] = [Sheet(sheet.texts[:16]), Sheet(sheet.texts[:3] + sheet.texts[16:])]
    add("seed0-split-header-repeated", s0, tables)

    # A web page pasted: every value spans two merged cells.
    tables = {t.id: doubled(statutory(t, v2(t.id))) for t in T.tables}
    add("seed2-web-paste-merged-values", s2, tables)

    # Numbers as people type them: full width, thousands separators; “—”, “/”, “无” for nothing.
    big = copy.deepcopy(s2)
    big.set_cell("active_disclosure", "normative_documents", "in_force", 1234)
    big.set_cell("applications", "new_received", "natural_person", 1200)
    big.set_cell("applications", "new_received", "total", 1200)
    big.set_cell("applications", "disclosed", "natural_person", 1200)
    big.set_cell("applications", "results_total", "natural_person", 1200)
    big.set_cell("applications", "results_total", "total", 1200)
    vb = values_of(big)
    typed = {
        ("active_disclosure", "normative_documents", "in_force"): "1,234",
        ("applications", "new_received", "natural_person"): "１２００",
        ("applications", "disclosed", "natural_person"): "1,200",
    }
    tables = {t.id: statutory(t, overlay(typed, t.id, vb(t.id))) for t in T.tables}
    add("seed2-typed-numbers", big, tables)
    marks = {
        ("applications", "unable_unclear", "research"): "—",
        ("applications", "unprocessed_petition", "legal_service"): "/",
        ("review_litigation", "review", "other"): "无",
    }
    tables = {t.id: statutory(t, overlay(marks, t.id, v1(t.id))) for t in T.tables}
    expect = {k: v for k, v in typed_values(s1).items() if k not in marks}
    add("seed1-blank-marks", s1, tables, expect=expect)

    # A single （六）其他处理 row: zeros say each of its rows is 0; a number cannot be split.
    tables = default_tables(s2)
    tables["applications"] = single_other_row(statutory(applications, v2("applications")), v2("applications"))
    add("seed2-single-other-row-zero", s2, tables)
    busy = copy.deepcopy(s2)
    for column in ("natural_person", "total"):
        for row in ("new_received", "other_other", "results_total"):
            busy.set_cell("applications", row, column, 1)
    vbusy = values_of(busy)
    tables = default_tables(busy)
    tables["applications"] = single_other_row(statutory(applications, vbusy("applications")), vbusy("applications"))
    members = [r.id for r in applications.rows if r.path == applications.row("other_other").path]
    expect = {
        k: v
        for k, v in typed_values(busy).items()
        if not (k[0] == "applications" and k[1] in members and k[2] in ("natural_person", "total"))
    }
    add("seed2-single-other-row-number", busy, tables, expect=expect)

    # The 2019 format: table 二 in the old layout, and a whole 2020 report.
    tables = default_tables(s3)
    tables["active_disclosure"] = old_table_two()
    expect = {k: v for k, v in typed_values(s3).items() if k[0] != "active_disclosure"}
    add(
        "seed3-old-table-two",
        s3,
        tables,
        expect=expect,
        extra_codes=[("OLD_FORMAT", "active_disclosure")],
        unreadable=("active_disclosure",),
    )
    old = copy.deepcopy(s4)
    old.meta.year = 2020
    tables = default_tables(old)
    tables["active_disclosure"] = old_table_two()
    expect = {k: v for k, v in typed_values(old).items() if k[0] != "active_disclosure"}
    add(
        "seed4-2020-report",
        old,
        tables,
        expect=expect,
        extra_codes=[("OLD_FORMAT", "active_disclosure"), ("OLD_FORMAT", None)],
        unreadable=("active_disclosure",),
    )

    # A number no label accounts for: the table is refused, not guessed.
    tables = default_tables(s0)
    sheet = statutory(applications, v0("applications"))
    tables["applications"] = insert_column(
        sheet, subtotal_at, ["" for _ in sheet.texts[:5]] + ["7"] + ["" for _ in sheet.texts[6:]]
    )
    expect = {k: v for k, v in typed_values(s0).items() if k[0] != "applications"}
    add(
        "seed0-unlabelled-number",
        s0,
        tables,
        expect=expect,
        extra_codes=[("TABLE_UNREADABLE", "applications")],
        unreadable=("applications",),
    )

    # Titles and dates as published: year first, web page lines above, Chinese numerals, 年度.
    add(
        "seed3-year-first-title",
        s3,
        default_tables(s3),
        title=[f"{s3.meta.year}年{s3.meta.agency}政府信息公开工作年度报告"],
    )
    web = copy.deepcopy(s2)
    add(
        "seed2-web-page-lines",
        web,
        default_tables(web),
        title=[
            "攀枝花市东区人民政府门户网站",
            "发布日期：2025-01-20  浏览次数：312",
            f"{web.meta.agency}{web.meta.year}年度政府信息公开工作年度报告",
            "字号：大 中 小",
        ],
        ending=[web.meta.agency, "二〇二五年一月九日", "【打印本页】【关闭窗口】"],
    )
    add("seed0-date-on-signature-line", s0, default_tables(s0), ending=[f"{s0.meta.agency}  2025年1月17日"])

    # Headings: the notice's explanatory wording is accepted; other words are not.
    explanatory = {s.heading: f"（{s.number}）{s.explanatory_title}" for s in T.sections if s.explanatory_title}
    add("seed1-explanatory-headings", s1, default_tables(s1), heading=lambda h: explanatory.get(h, h))
    add(
        "seed0-other-heading",
        s0,
        default_tables(s0),
        heading=lambda h: "二、主动公开情况" if h == T.section("active_disclosure").heading else h,
        extra_codes=[("HEADING_MISMATCH", "active_disclosure")],
    )

    # Words that differ: LABEL_MISMATCH.
    add(
        "seed3-word-variant",
        s3,
        {t.id: statutory(t, v3(t.id), lambda x: "规范性文件" if x == "行政规范性文件" else x) for t in T.tables},
        extra_codes=[("LABEL_MISMATCH", "active_disclosure")],
    )

    # A township: its kind guessed from its name.
    town = copy.deepcopy(s1)
    town.meta.agency = "平罗县姚伏镇人民政府"
    add("seed1-township", town, default_tables(town), expect_meta={"agency_kind": "township"})

    # Workbooks: one sheet holding the whole report, a sheet per table, the shapes above.
    add("seed0-workbook-one-sheet", s0, default_tables(s0), fmt="xlsx")
    add("seed2-workbook-sheet-per-table", s2, default_tables(s2), fmt="xlsx-sheets")
    tables = default_tables(s1)
    tables["applications"] = with_subtotal(s1)
    add("seed1-workbook-subtotal-column", s1, tables, fmt="xlsx")
    tables = {t.id: doubled(statutory(t, v2(t.id))) for t in T.tables}
    add(
        "seed2-workbook-web-paste",
        s2,
        tables,
        fmt="xlsx",
        title=[f"{s2.meta.year}年{s2.meta.agency}政府信息公开工作年度报告"],
    )
    tables = default_tables(s2)
    tables["applications"] = single_other_row(statutory(applications, v2("applications")), v2("applications"))
    add("seed2-workbook-single-other-row", s2, tables, fmt="xlsx")
    tables = default_tables(s3)
    tables["applications"] = transposed(statutory(applications, v3("applications")))
    tables["review_litigation"] = table_four_rows(v3("review_litigation"))
    add("seed3-workbook-transposed-three-rows", s3, tables, fmt="xlsx")
    tables = default_tables(s4)
    tables["active_disclosure"] = old_table_two()
    expect = {k: v for k, v in typed_values(s4).items() if k[0] != "active_disclosure"}
    add(
        "seed4-workbook-old-table-two",
        s4,
        tables,
        fmt="xlsx",
        expect=expect,
        extra_codes=[("OLD_FORMAT", "active_disclosure")],
        unreadable=("active_disclosure",),
    )

    # Web pages converted to .docx by LibreOffice (HTML tables with rowspan/colspan).
    add(
        "lo-seed0-web-page",
        s0,
        default_tables(s0),
        fmt="lo",
        title=["叶城县人民政府网", "发布时间：2025-01-20", f"{s0.meta.agency}{s0.meta.year}年政府信息公开工作年度报告"],
    )
    add("lo-seed2-standard", s2, default_tables(s2), fmt="lo")
    tables = default_tables(s1)
    tables["applications"] = transposed(statutory(applications, v1("applications")))
    add("lo-seed1-transposed", s1, tables, fmt="lo")
    tables = default_tables(s3)
    tables["review_litigation"] = table_four_rows(v3("review_litigation"))
    add("lo-seed3-table4-three-rows", s3, tables, fmt="lo")
    tables = default_tables(s2)
    tables["applications"] = with_subtotal(s2)
    add("lo-seed2-subtotal-column", s2, tables, fmt="lo")
    tables = {t.id: doubled(statutory(t, v0(t.id))) for t in T.tables}
    add("lo-seed0-web-paste-merged", s0, tables, fmt="lo")
    return out


# --- expectations -----------------------------------------------------------------------------


def expected_report(case: Case) -> Report:
    report = copy.deepcopy(case.report)
    for table in T.tables:
        for row, column in table.cells():
            text = case.expect.get((table.id, row.id, column.id), "")
            value: object = None
            if text:
                value = (
                    Decimal(text) if table.block_of(row.id).column(column.id).kind.value == "amount" else _number(text)
                )
            report.set_cell(table.id, row.id, column.id, value)  # type: ignore[arg-type]
    report.imported_labels = {}
    return report


def _number(text: str) -> object:
    try:
        return int(text)
    except ValueError:
        from model.values import Invalid

        return Invalid(text)


def finding_key(finding: list[str | None]) -> list[str]:
    return [part or "" for part in finding]


def table_findings(report: Report) -> list[list[str | None]]:
    return [
        [f.code, f.location.table, f.location.row, f.location.column]
        for f in check(report)
        if f.location.table is not None and f.code not in TABLE_CODES
    ]


def write(case: Case) -> str:
    suffix = "xlsx" if case.fmt.startswith("xlsx") else "docx"
    path = FILES / f"{case.name}.{suffix}"
    if case.fmt == "docx":
        write_docx(case.doc, path)
    elif case.fmt == "lo":
        libreoffice_docx(case.doc, path)
    else:
        write_xlsx(case.doc, path, sheet_per_table=case.fmt == "xlsx-sheets")
    return path.name


def main() -> None:
    FILES.mkdir(exist_ok=True)
    expected = {}
    for case in cases():
        name = write(case)
        report = expected_report(case)
        meta = {"agency": case.report.meta.agency, "year": case.report.meta.year}
        if case.report.meta.issue_date is not None:
            meta["issue_date"] = case.report.meta.issue_date.isoformat()
        meta |= case.expect_meta
        expected[name] = {
            "meta": meta,
            "cells": {f"{t}/{r}/{c}": text for (t, r, c), text in sorted(case.expect.items()) if text},
            "findings": sorted(
                table_findings(report) + [[code, table, None, None] for code, table in case.extra_codes],
                key=finding_key,
            ),
            "unreadable": list(case.unreadable),
        }
    (HERE / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
