"""A county's batch of reports for the review tests and bench: built from the five seeds and the
consistent report, under other agencies' names, in all three formats, hand-typed .docx included
(no embedded copy: the reader reads what the page shows, as for a document typed in Word).

`write_batch` writes the test batch described in `Batch` (a roster with a unit that sent nothing,
a late report, an unreadable file, a unit that sent twice, names written as 简称, a report from
another county, subfolders, last year's reports); `write_many` writes n reports for the bench, quickly.
"""

from __future__ import annotations

import copy
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from export import ExportOptions, write_report
from export.fonts import resolve_scheme
from export.word.document import build_document
from model import Report, load_report, save_report
from tests.factories import consistent_report

FIXTURES = Path(__file__).parents[2] / "fixtures"
SEEDS = tuple(load_report(FIXTURES / f"seed_00{i}.nianbao.json") for i in range(5))
COUNTY = "叶城县"
DEPARTMENTS = (
    "科学技术局",
    "教育局",
    "财政局",
    "民政局",
    "司法局",
    "审计局",
    "统计局",
    "林业和草原局",
    "人力资源和社会保障局",
    "发展和改革委员会",
    "住房和城乡建设局",
    "市场监督管理局",
    "自然资源局",
    "交通运输局",
    "水利局",
    "农业农村局",
    "商务局",
    "文化体育广播电视和旅游局",
    "卫生健康委员会",
    "应急管理局",
    "退役军人事务局",
    "医疗保障局",
    "生态环境局",
    "公安局",
)
TOWNSHIPS = ("柯克亚乡人民政府", "乌夏巴什镇人民政府", "洛克乡人民政府", "喀格勒克街道办事处")
GOVERNMENT = "叶城县人民政府"
YEAR = 2024
FORMATS = (".nianbao.json", ".docx", ".xlsx")


def base_report(index: int, text_agrees: bool = True) -> Report:
    """One of six bases in turn: the consistent report (numbers varied, its text saying them unless
    `text_agrees` is False) and the five seeds."""
    if index % 6 == 0:
        report = consistent_report()
        extra = index // 6
        for row in ("new_received", "disclosed"):
            value = report.value("applications", row, "natural_person") or 0
            report.set_cell("applications", row, "natural_person", value + extra)
        if text_agrees:
            said = report.narrative.section("overview").subsections[1]
            said.text = said.text.replace("9件", f"{report.value('applications', 'new_received', 'total')}件")
        return report
    return copy.deepcopy(SEEDS[index % 6 - 1])


def as_unit(report: Report, agency: str, kind: str, issued: date | None, year: int = YEAR) -> Report:
    report.meta.agency = agency
    report.meta.agency_kind = kind
    report.meta.year = year
    report.meta.issue_date = issued
    report.meta.signatory = agency
    return report


def write(report: Report, path: Path, hand_typed: bool = False) -> Path:
    """As a report file, an exported workbook, an exported .docx or a hand-typed one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.name.endswith(".nianbao.json"):
        save_report(report, path)
    elif path.suffix == ".docx" and hand_typed:
        build_document(report, resolve_scheme("windows"), signed_copy=False).save(str(path))
    else:
        write_report(report, path, ExportOptions(font_scheme="windows"))
    return path


def kind_of(name: str) -> str:
    if name == GOVERNMENT:
        return "government"
    return "township" if name in TOWNSHIPS else "department"


@dataclass
class Batch:
    """What the test batch holds, for the tests to compare the review with."""

    folder: Path
    roster: Path
    previous: Path
    reports: dict[str, Report] = field(default_factory=dict)  # file (resolved) → the report written
    units: list[str] = field(default_factory=list)  # the roster's names
    missing: str = f"{COUNTY}档案馆"  # on the roster, sends nothing
    late: str = ""  # file of the late report
    unreadable: str = ""
    duplicate_unit: str = f"{COUNTY}统计局"
    foreign: str = ""  # file of the report from another county
    carry_over_mismatch: str = ""  # file whose 上年结转 differs from last year's 结转下年度


def write_batch(root: Path) -> Batch:
    """33 readable reports of 32 units (one sent twice) + 1 unreadable file, a roster of 33 units
    (one never reports) and last year's reports of three units."""
    batch = Batch(root / "收到的报告", root / "名单.csv", root / "上年报告")
    names = [f"{COUNTY}{d}" for d in DEPARTMENTS] + list(TOWNSHIPS) + [GOVERNMENT]
    written_as = dict.fromkeys(names, "")
    written_as[f"{COUNTY}科学技术局"] = "县科技局"  # 简称 on the report
    written_as[f"{COUNTY}人力资源和社会保障局"] = "叶城县人社局"
    for index, name in enumerate(names):
        kind = kind_of(name)
        issued = date(YEAR + 1, 1, 10 + index % 15) if kind != "government" else date(YEAR + 1, 3, 15)
        if name == f"{COUNTY}审计局":
            issued = date(YEAR + 1, 2, 20)  # 20 days after the departments' deadline
        # The 统计局 sends its report twice, both times with a finding (its text behind its table).
        base = base_report(index, text_agrees=name != batch.duplicate_unit)
        report = as_unit(base, written_as[name] or name, kind, issued)
        subfolder = "乡镇" if kind == "township" else ""
        path = write(report, batch.folder / subfolder / f"{index:02d}{FORMATS[index % 3]}", hand_typed=index % 2 == 1)
        batch.reports[str(path.resolve())] = report
        if name == f"{COUNTY}审计局":
            batch.late = str(path.resolve())
    second = as_unit(base_report(6, text_agrees=False), batch.duplicate_unit, "department", date(YEAR + 1, 1, 28))
    path = write(second, batch.folder / "补报" / "统计局（修改稿）.xlsx")
    batch.reports[str(path.resolve())] = second
    foreign = as_unit(base_report(12), "泽普县交通运输局", "department", date(YEAR + 1, 1, 12))
    path = write(foreign, batch.folder / "泽普县交通运输局.nianbao.json")
    batch.reports[str(path.resolve())] = foreign
    batch.foreign = str(path.resolve())
    broken = batch.folder / "损坏的报告.docx"
    broken.write_bytes(b"PK\x03\x04 this is not a zip package")
    batch.unreadable = str(broken.resolve())
    (batch.folder / "~$00.docx").write_bytes(b"Word's lock file")  # never read
    (batch.folder / "说明.txt").write_text("not a report", encoding="utf-8")
    batch.units = [*names, batch.missing]
    lines = ["叶城县政府信息公开年报应报送单位", "机关名称,机关类型,联系人"]
    lines += [f"{n},{'乡镇人民政府、街道办事处' if kind_of(n) == 'township' else ''},张三" for n in batch.units]
    batch.roster.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    _write_last_year(batch)
    return batch


def _write_last_year(batch: Batch) -> None:
    """Last year's reports of three units: two whose 结转下年度 this year's 上年结转 repeats, one not."""
    for file, report in list(batch.reports.items())[:3]:
        last = as_unit(consistent_report(), report.meta.agency, report.meta.agency_kind, date(YEAR, 1, 20), YEAR - 1)
        last.narrative = copy.deepcopy(SEEDS[1].narrative)  # last year's words, not this year's (COPIED_FROM_LAST_YEAR)
        for column in ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"):
            last.set_cell(
                "applications", "carried_forward", column, report.value("applications", "carried_over", column)
            )
        if file == next(iter(batch.reports)):
            last.set_cell("applications", "carried_forward", "natural_person", 9)
            batch.carry_over_mismatch = file
        write(last, batch.previous / f"{report.meta.agency}{YEAR - 1}.nianbao.json")


def _as_utf8(text: str) -> bytes:
    return text.encode("utf-8")


def _as_references(text: str) -> bytes:
    return "".join(f"&#{ord(ch)};" for ch in text).encode("ascii")


def renamed(package: bytes, old: str, new: str) -> bytes:
    """A .docx or .xlsx with every occurrence of one agency name replaced by another: the same
    document another unit would have typed, made in milliseconds instead of an export's 0.1–0.5 s."""
    source = zipfile.ZipFile(io.BytesIO(package))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.endswith((".xml", ".rels")):
                for form in (_as_utf8, _as_references):  # text as written, or as character references
                    data = data.replace(form(old), form(new))
            target.writestr(item, data)
    return buffer.getvalue()


def write_many(folder: Path, count: int) -> None:
    """`count` reports of distinct units (departments of many counties), the formats in turn, the
    .docx hand-typed: each base document is exported once and renamed for every other unit."""
    folder.mkdir(parents=True, exist_ok=True)
    placeholder = "某某县某某局"
    templates: dict[tuple[int, str], bytes] = {}
    for index in range(count):
        suffix = FORMATS[index % len(FORMATS)]
        name = f"第{index // len(DEPARTMENTS)}县{DEPARTMENTS[index % len(DEPARTMENTS)]}"
        report = as_unit(base_report(index % 6), placeholder, "department", date(YEAR + 1, 1, 15))
        path = folder / f"{index:04d}{suffix}"
        if suffix == ".nianbao.json":
            save_report(as_unit(report, name, "department", date(YEAR + 1, 1, 15)), path)
            continue
        key = (index % 6, suffix)
        if key not in templates:
            write(report, folder / f"base{suffix}", hand_typed=True)
            templates[key] = (folder / f"base{suffix}").read_bytes()
            (folder / f"base{suffix}").unlink()
        path.write_bytes(renamed(templates[key], placeholder, name))
