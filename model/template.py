"""The statutory format of 国办公开办函〔2021〕30号 as data: sections, tables, rows, columns, totals.

This module is the only place in the code base that spells a statutory label. The grids, the
checker, the exporters and the importers all walk the description built here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import cached_property
from typing import Final

from model.numerals import ordinal


class CellKind(Enum):
    """What a cell may hold."""

    COUNT = "count"  # a non-negative whole number
    AMOUNT = "amount"  # an exact decimal amount in 万元


class Orientation(Enum):
    """How a block's rows are laid out when printed."""

    DOWN = "down"  # one printed row per data row (tables 2 and 3)
    ACROSS = "across"  # all data rows side by side in one printed row (table 4)


@dataclass(frozen=True)
class ColumnSpec:
    id: str
    label: str
    kind: CellKind = CellKind.COUNT
    path: tuple[str, ...] = ()  # enclosing column-header groups, outermost first
    parts: tuple[str, ...] = ()  # non-empty: this column is the total of these columns

    @property
    def is_total(self) -> bool:
        return bool(self.parts)


@dataclass(frozen=True)
class RowSpec:
    id: str
    label: str  # as printed in its own row-header cell
    path: tuple[str, ...] = ()  # enclosing row-header groups, outermost first
    parts: tuple[str, ...] = ()  # non-empty: this row is the total of these rows

    @property
    def is_total(self) -> bool:
        return bool(self.parts)


@dataclass(frozen=True)
class BlockSpec:
    """A rectangular part of a table: rows × columns, with its own header."""

    columns: tuple[ColumnSpec, ...]
    rows: tuple[RowSpec, ...]
    title: str = ""  # printed as a full-width row above the block (table 2)
    corner: str = ""  # the top-left header cell
    orientation: Orientation = Orientation.DOWN

    def column(self, column_id: str) -> ColumnSpec:
        return self._columns_by_id[column_id]

    @cached_property
    def _columns_by_id(self) -> dict[str, ColumnSpec]:
        return {c.id: c for c in self.columns}


@dataclass(frozen=True)
class BalanceSpec:
    """In every column, the sum of the `left` rows equals the sum of the `right` rows."""

    left: tuple[str, ...]
    right: tuple[str, ...]


@dataclass(frozen=True)
class TableSpec:
    id: str
    blocks: tuple[BlockSpec, ...]
    note: str = ""  # what the statutory table says about its arithmetic, if anything
    balances: tuple[BalanceSpec, ...] = ()
    dense: bool = False  # so many rows and columns that it prints a size smaller (小五)

    @property
    def rows(self) -> tuple[RowSpec, ...]:
        return tuple(r for b in self.blocks for r in b.rows)

    def block_of(self, row_id: str) -> BlockSpec:
        return self._index[row_id][0]

    def row(self, row_id: str) -> RowSpec:
        return self._index[row_id][1]

    def has_cell(self, row_id: str, column_id: str) -> bool:
        return row_id in self._index and column_id in self._index[row_id][0]._columns_by_id

    @cached_property
    def total_parts(self) -> dict[tuple[str, str], tuple[tuple[str, str], ...]]:
        """(row id, column id) of every total cell → the cells it adds up.

        A cell that is both (（七）总计 × 总计) adds up its row, whose parts are themselves totals.
        """
        parts: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}
        for row, column in self.cells():
            if column.is_total:
                parts[(row.id, column.id)] = tuple((row.id, p) for p in column.parts)
            elif row.is_total:
                parts[(row.id, column.id)] = tuple((p, column.id) for p in row.parts)
        return parts

    @cached_property
    def _index(self) -> dict[str, tuple[BlockSpec, RowSpec]]:
        return {r.id: (b, r) for b in self.blocks for r in b.rows}

    def cells(self) -> tuple[tuple[RowSpec, ColumnSpec], ...]:
        """Every (row, column) pair that holds a value, in reading order."""
        return tuple((r, c) for b in self.blocks for r in b.rows for c in b.columns)


class SectionKind(Enum):
    NARRATIVE = "narrative"
    TABLE = "table"


@dataclass(frozen=True)
class FeeFieldSpec:
    """The 信息处理费 a narrative section states as a fact (六): collected or not, the amount in 元 and
    the number of applications charged. The labels name its parts in the form and the workbook; the
    fee statement goes in the suggested subsection `subsection`."""

    label: str
    status_label: str  # whether any was collected: answered by the two labels below
    collected_label: str
    not_collected_label: str
    amount_label: str
    applications_label: str
    subsection: str


@dataclass(frozen=True)
class SectionSpec:
    id: str  # the narrative key or the table id in the report file
    number: str  # 一 … 六
    title: str
    kind: SectionKind
    suggested_subsections: tuple[str, ...] = ()
    short_title: str = ""  # a name that fits a tab (the window's own wording, not statutory)
    # A table: the narrative section and its suggested subsection whose text tells its numbers.
    stated_in: tuple[str, ...] = ()  # (section id, subsection title)
    fee: FeeFieldSpec | None = None  # a narrative section that states the 信息处理费 as a fact
    explanatory_title: str = ""  # the notice's explanatory text names the section so; accepted as well

    @property
    def heading(self) -> str:
        return f"{self.number}、{self.title}"

    @property
    def short_heading(self) -> str:
        return f"{self.number}、{self.short_title or self.title}"


@dataclass(frozen=True)
class AgencyKindSpec:
    id: str
    label: str
    deadline: tuple[int, int] | None  # (month, day) of the following year, None: no deadline
    name_endings: tuple[str, ...] = ()  # how an agency's name that is of this kind ends (乡人民政府…)
    # What this kind's 总体情况 must also report (条例第五十条第（四）项: 工作考核、社会评议和责任追究).
    must_report: tuple[str, ...] = ()
    makes_regulations: bool = True  # 乡镇、街道 make no 规章 (立法法第九十三条: 设区的市以上人民政府)

    def deadline_for(self, year: int) -> date | None:
        """The last day to publish the report for `year` (条例第四十九条), None: no deadline."""
        return None if self.deadline is None else date(year + 1, *self.deadline)


@dataclass(frozen=True)
class SupersededFormat:
    """An older statutory format a document may still be in: its basis, the report years it applied
    to, and labels only its tables print (so a table showing one is in that format)."""

    basis: str
    last_year: int  # the last report year it applied to
    labels: tuple[str, ...]


class FieldKind(Enum):
    """What a meta field holds, and so how it is edited, stored, written to a sheet and read back."""

    TEXT = "text"  # one line
    MULTILINE = "multiline"
    YEAR = "year"  # a four-digit year
    DATE = "date"
    CHOICE = "choice"  # one of the field's `choices` (stored by id, shown by label)


class Carry(Enum):
    """What a new report started from last year's takes from this field."""

    NOTHING = "nothing"
    SAME = "same"
    NEXT_YEAR = "next_year"  # last year's value plus one


@dataclass(frozen=True)
class MetaFieldSpec:
    id: str
    label: str
    kind: FieldKind = FieldKind.TEXT
    required: bool = False
    access_key: str = ""  # Alt+letter in the form (pinyin initial)
    carry: Carry = Carry.SAME
    choices: tuple[tuple[str, str], ...] = ()  # (id, label) of a CHOICE field; the first is the default
    falls_back_to: str = ""  # id of the field whose value stands in when this one is empty
    # Shown on the printed page (title, 落款, date, contact line), so a Word file read back gives it;
    # a field that is not printed survives an edit of the Word file only through its embedded copy.
    printed: bool = False

    @property
    def default(self) -> str | None:
        return self.choices[0][0] if self.choices else None


class MetaId:
    """The meta fields the program uses by name (to print a title, sign, date a report).

    Every other meta field is only walked: the form, the sheets, the file and carry-over handle it
    from its spec alone."""

    AGENCY: Final = "agency"
    AGENCY_KIND: Final = "agency_kind"
    YEAR: Final = "year"
    ISSUE_DATE: Final = "issue_date"
    SIGNATORY: Final = "signatory"
    CONTACT: Final = "contact"


class Placement(Enum):
    BEFORE = "before"
    AFTER = "after"


@dataclass(frozen=True)
class TextPartSpec:
    """A report-level text outside the numbered sections (开头语, 结束语): printed before or after
    its home section, edited on that section's tab, and its findings listed there."""

    id: str
    label: str
    home: str  # a narrative section id
    placement: Placement


@dataclass(frozen=True)
class InForceRole:
    """现行有效件数 = last year's + 本年制发 − 本年废止, row by row."""

    table: str
    rows: tuple[str, ...]
    in_force: str
    issued: str
    repealed: str


@dataclass(frozen=True)
class KeyFigure:
    """A figure the center's batch review lists for every report: the sum of some cells."""

    id: str
    label: str
    cells: tuple[tuple[str, str, str], ...]  # (table, row, column)


@dataclass(frozen=True)
class Roles:
    """Which parts of the format the rules and the carry-over rely on, named once."""

    carry_from: tuple[str, str]  # (table, row) of last year's report …
    carry_to: tuple[str, str]  # … that becomes this (table, row)
    in_force: InForceRole
    applications_received: tuple[str, str, str]  # (table, row, column) the text's "收到申请N件" states
    proceedings: str  # the table whose row groups the text's "行政复议/行政诉讼N件" state
    fee_section: str  # the narrative section that must state the 信息处理费 (its SectionSpec.fee)
    fee_notices_unpaid: tuple[str, str, str]  # (table, row, column): applications dropped for an unpaid fee notice
    stated_reasons: tuple[str, str]  # (table, row-group heading) whose rows the text gives as reasons (不予公开)
    overview: str  # the narrative section 30号 limits to 1,000 characters and whose topics it lists
    problems: str  # the narrative section that states problems and the measures taken
    regulations: str  # the row of the in-force table that counts 规章
    key_figures: tuple[KeyFigure, ...] = ()  # what the batch review lists beside each report


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    basis: str  # the document that fixes the format
    first_year: int  # the first report year the format applies to
    title_suffix: str
    sections: tuple[SectionSpec, ...]
    tables: tuple[TableSpec, ...]
    agency_kinds: tuple[AgencyKindSpec, ...]
    meta_fields: tuple[MetaFieldSpec, ...]
    meta_title: str  # the name of the meta fields' tab and sheet, and of their findings
    texts: tuple[TextPartSpec, ...]
    roles: Roles
    superseded: tuple[SupersededFormat, ...] = ()

    def table(self, table_id: str) -> TableSpec:
        return self._tables_by_id[table_id]

    @cached_property
    def _tables_by_id(self) -> dict[str, TableSpec]:
        return {t.id: t for t in self.tables}

    def section(self, section_id: str) -> SectionSpec:
        return self._by_id[section_id]

    def agency_kind(self, kind_id: str) -> AgencyKindSpec:
        return self._kinds_by_id[kind_id]

    def meta_field(self, field_id: str) -> MetaFieldSpec:
        return self._fields_by_id[field_id]

    @cached_property
    def _by_id(self) -> dict[str, SectionSpec]:
        return {s.id: s for s in self.sections}

    @cached_property
    def _kinds_by_id(self) -> dict[str, AgencyKindSpec]:
        return {k.id: k for k in self.agency_kinds}

    @cached_property
    def _fields_by_id(self) -> dict[str, MetaFieldSpec]:
        return {f.id: f for f in self.meta_fields}

    def agency_kind_of(self, agency: str) -> str:
        """The kind an agency's name says it is, by the longest ending that matches (某镇人民政府 is a
        township, not a county government); the first kind when none does."""
        matches = [(len(end), k.id) for k in self.agency_kinds for end in k.name_endings if agency.endswith(end)]
        return max(matches)[1] if matches else self.agency_kinds[0].id

    def texts_at(self, section_id: str, placement: Placement) -> tuple[TextPartSpec, ...]:
        """The report-level texts printed and edited with a section, before or after it."""
        return self._texts_by_place.get((section_id, placement), ())

    @cached_property
    def _texts_by_place(self) -> dict[tuple[str, Placement], tuple[TextPartSpec, ...]]:
        places: dict[tuple[str, Placement], tuple[TextPartSpec, ...]] = {}
        for text in self.texts:
            places[(text.home, text.placement)] = (*places.get((text.home, text.placement), ()), text)
        return places

    @cached_property
    def print_order(self) -> tuple[SectionSpec | TextPartSpec, ...]:
        """Every section and report-level text in the order the report prints them (开头语, 一 … 六, 结束语)."""
        order: list[SectionSpec | TextPartSpec] = []
        for section in self.sections:
            order += [
                *self.texts_at(section.id, Placement.BEFORE),
                section,
                *self.texts_at(section.id, Placement.AFTER),
            ]
        return tuple(order)

    @property
    def fee(self) -> FeeFieldSpec:
        """The structured 信息处理费 of the fee section."""
        spec = self.section(self.roles.fee_section).fee
        assert spec is not None, "the fee section declares its fee field"
        return spec

    def stated_parts(self, section_id: str, subsection_title: str | None = None) -> tuple[str, ...]:
        """The parts (table ids, the fee section's id) whose numbers a narrative section's text tells:
        all of them, or those of one suggested subsection."""
        parts = [
            s.id
            for s in self.sections
            if s.stated_in and s.stated_in[0] == section_id and subsection_title in (None, s.stated_in[1])
        ]
        if section_id == self.roles.fee_section and subsection_title in (None, self.fee.subsection):
            parts.append(section_id)
        return tuple(parts)

    @cached_property
    def narrative_sections(self) -> tuple[SectionSpec, ...]:
        return tuple(s for s in self.sections if s.kind is SectionKind.NARRATIVE)

    def home_section(self, part_id: str) -> str:
        """The section whose tab edits a part and lists its findings: itself, or a text's home."""
        return next((t.home for t in self.texts if t.id == part_id), part_id)

    def report_title(self, agency: str, year: int | None) -> str:
        return f"{agency}{year if year is not None else '____'}年{self.title_suffix}"


# --- The 2021 format -----------------------------------------------------------------------

_FOUR_RESULTS = ("upheld", "corrected", "other", "pending")
_WITHHELD = "（三）不予公开"  # a row group of table 3, whose rows the text gives as reasons


def _table_active_disclosure() -> TableSpec:
    row_header = "信息内容"
    issued = ColumnSpec("issued", "本年制发件数")
    repealed = ColumnSpec("repealed", "本年废止件数")
    in_force = ColumnSpec("in_force", "现行有效件数")
    decisions = ColumnSpec("decisions", "本年处理决定数量")
    amount = ColumnSpec("amount", "本年收费金额（单位：万元）", kind=CellKind.AMOUNT)
    return TableSpec(
        id="active_disclosure",
        blocks=(
            BlockSpec(
                title="第二十条第（一）项",
                corner=row_header,
                columns=(issued, repealed, in_force),
                rows=(RowSpec("regulations", "规章"), RowSpec("normative_documents", "行政规范性文件")),
            ),
            BlockSpec(
                title="第二十条第（五）项",
                corner=row_header,
                columns=(decisions,),
                rows=(RowSpec("administrative_license", "行政许可"),),
            ),
            BlockSpec(
                title="第二十条第（六）项",
                corner=row_header,
                columns=(decisions,),
                rows=(
                    RowSpec("administrative_penalty", "行政处罚"),
                    RowSpec("administrative_coercion", "行政强制"),
                ),
            ),
            BlockSpec(
                title="第二十条第（八）项",
                corner=row_header,
                columns=(amount,),
                rows=(RowSpec("administrative_fees", "行政事业性收费"),),
            ),
        ),
    )


def _table_applications() -> TableSpec:
    applicant = "申请人情况"
    organisation = "法人或其他组织"
    parts = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org")
    columns = (
        ColumnSpec("natural_person", "自然人", path=(applicant,)),
        ColumnSpec("commercial", "商业企业", path=(applicant, organisation)),
        ColumnSpec("research", "科研机构", path=(applicant, organisation)),
        ColumnSpec("social_welfare", "社会公益组织", path=(applicant, organisation)),
        ColumnSpec("legal_service", "法律服务机构", path=(applicant, organisation)),
        ColumnSpec("other_org", "其他", path=(applicant, organisation)),
        ColumnSpec("total", "总计", path=(applicant,), parts=parts),
    )
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    results = "三、本年度办理结果"
    withheld = (results, _WITHHELD)
    unable = (results, "（四）无法提供")
    unprocessed = (results, "（五）不予处理")
    other = (results, "（六）其他处理")
    result_rows = (
        RowSpec("disclosed", "（一）予以公开", (results,)),
        RowSpec("partially_disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", (results,)),
        RowSpec("withheld_state_secret", "1.属于国家秘密", withheld),
        RowSpec("withheld_prohibited_by_law", "2.其他法律行政法规禁止公开", withheld),
        RowSpec("withheld_three_security", "3.危及“三安全一稳定”", withheld),
        RowSpec("withheld_third_party", "4.保护第三方合法权益", withheld),
        RowSpec("withheld_internal_affairs", "5.属于三类内部事务信息", withheld),
        RowSpec("withheld_process_info", "6.属于四类过程性信息", withheld),
        RowSpec("withheld_enforcement_files", "7.属于行政执法案卷", withheld),
        RowSpec("withheld_query_matters", "8.属于行政查询事项", withheld),
        RowSpec("unable_not_held", "1.本机关不掌握相关政府信息", unable),
        RowSpec("unable_needs_creation", "2.没有现成信息需要另行制作", unable),
        RowSpec("unable_unclear", "3.补正后申请内容仍不明确", unable),
        RowSpec("unprocessed_petition", "1.信访举报投诉类申请", unprocessed),
        RowSpec("unprocessed_repeated", "2.重复申请", unprocessed),
        RowSpec("unprocessed_publication", "3.要求提供公开出版物", unprocessed),
        RowSpec("unprocessed_excessive", "4.无正当理由大量反复申请", unprocessed),
        RowSpec("unprocessed_confirmation", "5.要求行政机关确认或重新出具已获取信息", unprocessed),
        RowSpec(
            "other_overdue_correction",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            other,
        ),
        RowSpec(
            "other_unpaid_fee",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            other,
        ),
        RowSpec("other_other", "3.其他", other),
    )
    rows = (
        RowSpec("new_received", "一、本年新收政府信息公开申请数量"),
        RowSpec("carried_over", "二、上年结转政府信息公开申请数量"),
        *result_rows,
        RowSpec("results_total", "（七）总计", (results,), parts=tuple(r.id for r in result_rows)),
        RowSpec("carried_forward", "四、结转下年度继续办理"),
    )
    return TableSpec(
        id="applications",
        blocks=(
            BlockSpec(
                corner=note,
                columns=columns,
                rows=rows,
            ),
        ),
        note=note,
        balances=(BalanceSpec(("new_received", "carried_over"), ("results_total", "carried_forward")),),
        dense=True,
    )


def _table_review_litigation() -> TableSpec:
    columns = (
        ColumnSpec("upheld", "结果维持"),
        ColumnSpec("corrected", "结果纠正"),
        ColumnSpec("other", "其他结果"),
        ColumnSpec("pending", "尚未审结"),
        ColumnSpec("total", "总计", parts=_FOUR_RESULTS),
    )
    litigation = "行政诉讼"
    return TableSpec(
        id="review_litigation",
        blocks=(
            BlockSpec(
                columns=columns,
                rows=(
                    RowSpec("review", "行政复议"),
                    RowSpec("litigation_direct", "未经复议直接起诉", (litigation,)),
                    RowSpec("litigation_after_review", "复议后起诉", (litigation,)),
                ),
                orientation=Orientation.ACROSS,
            ),
        ),
    )


def _key_figures_2021() -> tuple[KeyFigure, ...]:
    applications, proceedings, active = "applications", "review_litigation", "active_disclosure"
    return (
        KeyFigure("received", "本年新收申请", ((applications, "new_received", "total"),)),
        KeyFigure("disclosed", "予以公开", ((applications, "disclosed", "total"),)),
        KeyFigure("carried_forward", "结转下年度", ((applications, "carried_forward", "total"),)),
        KeyFigure("reviews", "行政复议", ((proceedings, "review", "total"),)),
        KeyFigure(
            "lawsuits",
            "行政诉讼",
            ((proceedings, "litigation_direct", "total"), (proceedings, "litigation_after_review", "total")),
        ),
        KeyFigure("licenses", "行政许可", ((active, "administrative_license", "decisions"),)),
        KeyFigure("penalties", "行政处罚", ((active, "administrative_penalty", "decisions"),)),
        KeyFigure("coercions", "行政强制", ((active, "administrative_coercion", "decisions"),)),
    )


# The 2019 format (国办公开办函〔2019〕60号, report years 2019 and 2020): labels of its tables that
# the 2021 format does not print. Table 二 counted 新制作/新公开/对外公开 documents and 上一年项目数量 /
# 本年增/减 of licensing and fee items, and had a 政府集中采购 block.
_FORMAT_2019 = SupersededFormat(
    basis="国办公开办函〔2019〕60号",
    last_year=2020,
    labels=(
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "上一年项目数量",
        "本年增/减",
        "其他对外管理服务事项",
        "采购项目数量",
        "采购总金额",
        "政府集中采购",
    ),
)


def _build_2021() -> Template:
    narrative = SectionKind.NARRATIVE
    table = SectionKind.TABLE
    agency_kinds = (
        AgencyKindSpec("department", "县级以上人民政府部门", (1, 31)),  # the first: the default
        AgencyKindSpec(
            "government",
            "县级以上人民政府",
            (3, 31),
            ("人民政府", "人民政府办公室", "人民政府办公厅"),
            must_report=("工作考核", "社会评议", "责任追究"),
        ),
        AgencyKindSpec(
            "township",
            "乡镇人民政府、街道办事处",
            None,
            ("乡人民政府", "镇人民政府", "街道办事处", "乡政府", "镇政府", "乡", "镇", "街道", "街道办"),
            makes_regulations=False,
        ),
    )
    return Template(
        id="2021",
        name="政府信息公开工作年度报告格式（2021）",
        basis="国办公开办函〔2021〕30号",
        first_year=2021,
        title_suffix="政府信息公开工作年度报告",
        sections=(
            SectionSpec(
                "overview",
                "一",
                "总体情况",
                narrative,
                ("主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障"),
            ),
            SectionSpec(
                "active_disclosure",
                "二",
                "主动公开政府信息情况",
                table,
                short_title="主动公开",
                stated_in=("overview", "主动公开"),
                explanatory_title="行政机关主动公开政府信息情况",
            ),
            SectionSpec(
                "applications",
                "三",
                "收到和处理政府信息公开申请情况",
                table,
                short_title="依申请公开",
                stated_in=("overview", "依申请公开"),
                explanatory_title="行政机关收到和处理政府信息公开申请情况",
            ),
            SectionSpec(
                "review_litigation",
                "四",
                "政府信息公开行政复议、行政诉讼情况",
                table,
                short_title="复议诉讼",
                stated_in=("overview", "依申请公开"),
                explanatory_title="因政府信息公开工作被申请行政复议、提起行政诉讼情况",
            ),
            SectionSpec(
                "problems",
                "五",
                "存在的主要问题及改进情况",
                narrative,
                ("存在的主要问题", "改进情况"),
                short_title="问题及改进",
                explanatory_title="政府信息公开工作存在的主要问题及改进情况",
            ),
            SectionSpec(
                "other",
                "六",
                "其他需要报告的事项",
                narrative,
                (
                    "信息处理费收取情况",
                    "落实上级年度政务公开工作要点情况",
                    "人大代表建议和政协提案办理结果公开情况",
                    "政务公开工作创新情况",
                ),
                short_title="其他事项",
                fee=FeeFieldSpec(
                    label="信息处理费",
                    status_label="是否收取",
                    collected_label="已收取",
                    not_collected_label="未收取",
                    amount_label="收取金额（元）",
                    applications_label="收费的申请件数",
                    subsection="信息处理费收取情况",
                ),
            ),
        ),
        tables=(_table_active_disclosure(), _table_applications(), _table_review_litigation()),
        agency_kinds=agency_kinds,
        meta_fields=(
            MetaFieldSpec(MetaId.AGENCY, "机关名称", required=True, access_key="N", printed=True),
            MetaFieldSpec(
                MetaId.AGENCY_KIND,
                "机关类型",
                FieldKind.CHOICE,
                access_key="K",
                choices=tuple((k.id, k.label) for k in agency_kinds),
            ),
            MetaFieldSpec(
                MetaId.YEAR, "年度", FieldKind.YEAR, required=True, access_key="Y", carry=Carry.NEXT_YEAR, printed=True
            ),
            MetaFieldSpec(
                MetaId.ISSUE_DATE,
                "成文日期",
                FieldKind.DATE,
                required=True,
                access_key="D",
                carry=Carry.NOTHING,
                printed=True,
            ),
            MetaFieldSpec(MetaId.SIGNATORY, "落款", access_key="S", falls_back_to=MetaId.AGENCY, printed=True),
            MetaFieldSpec(MetaId.CONTACT, "联系方式", FieldKind.MULTILINE, access_key="C", printed=True),
        ),
        meta_title="基本信息",
        texts=(
            TextPartSpec("preamble", "开头语", "overview", Placement.BEFORE),
            TextPartSpec("closing", "结束语", "other", Placement.AFTER),
        ),
        roles=Roles(
            carry_from=("applications", "carried_forward"),
            carry_to=("applications", "carried_over"),
            in_force=InForceRole(
                "active_disclosure", ("regulations", "normative_documents"), "in_force", "issued", "repealed"
            ),
            applications_received=("applications", "new_received", "total"),
            proceedings="review_litigation",
            fee_section="other",
            fee_notices_unpaid=("applications", "other_unpaid_fee", "total"),
            stated_reasons=("applications", _WITHHELD),
            overview="overview",
            problems="problems",
            regulations="regulations",
            key_figures=_key_figures_2021(),
        ),
        superseded=(_FORMAT_2019,),
    )


TEMPLATE_2021 = _build_2021()
TEMPLATES = {TEMPLATE_2021.id: TEMPLATE_2021}


# --- Names derived from labels, for messages --------------------------------------------------


def row_title(row: RowSpec) -> str:
    """A row's name for messages, e.g. '三（三）1.属于国家秘密' or '行政诉讼—复议后起诉'."""
    prefixes = [ordinal(p) for p in row.path]
    if all(prefixes):
        return "".join(prefixes) + row.label
    return "—".join((*row.path, row.label))


def row_short(row: RowSpec) -> str:
    """A row's number only, e.g. '一', '三（七）'; falls back to the title for unnumbered rows."""
    prefixes = [ordinal(p) for p in (*row.path, row.label)]
    return "".join(prefixes).rstrip(".") if all(prefixes) else row_title(row)


def column_title(column: ColumnSpec) -> str:
    """A column's name for messages; a short label inside a sub-group is qualified: '法人或其他组织—其他'."""
    if len(column.label) <= 2 and len(column.path) >= 2:
        return f"{column.path[-1]}—{column.label}"
    return column.label
