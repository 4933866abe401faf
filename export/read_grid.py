"""Reading a statutory table out of a grid of cells typed by hand, by its labels only, never by position.

Word tables and worksheet areas both arrive here as a grid: rows of cells, a merged cell repeating
its text and origin in every slot it covers. Each cell is first told apart: a row label, a column
label, a group label (三、本年度办理结果, 法人或其他组织, 行政诉讼), a block title (第二十条第（一）项), an
extra (小计, 合计, 序号, any text that names no statutory row or column) or a value. A value then
belongs to the row and column named by the nearest labels to its left and above it, whichever way
round the table is printed: table 三 with applicants across or down, table 四 as one row of fifteen
or three rows of five. A value under or beside an extra belongs to no cell and is left alone.

A table is read only when every number in it finds its cell and no cell gets two different numbers;
otherwise none of its numbers is kept and the reading says why (TABLE_UNREADABLE). A table showing a
label only the 2019 format prints is not read either (OLD_FORMAT): its columns mean other things.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property, lru_cache
from typing import NamedTuple

from export.label_matching import MIN_SIMILARITY, differs, similarity
from model.labels import collapse_spaces, forgiving_key, word_key
from model.report import ImportNote
from model.template import TableSpec, Template
from model.values import CellValue, Invalid, coerce_file_value, is_blank_text, normalize_number_text

MIN_LABELS_TO_RECOGNISE = 3
OLD_FORMAT_SIMILARITY = 0.8
MAX_VALUE_TEXT = 4  # text naming nothing and no longer than this is a value typed in words (两件, 无)
MAX_NUMBER_TEXT = 10  # nor is text this short with digits in it (12件（含转办）)
# Words of rows and columns people add to the statutory tables; whatever stands under or beside them is theirs.
EXTRA_WORDS = frozenset({"小计", "合计", "序号", "备注", "说明", "单位件", "单位"})

Position = tuple[int, int]
Target = tuple[str, str]  # (row id, column id)
Placement = tuple[tuple[Target, ...], bool]  # the cells a value belongs to, and whether an extra blocks it
MAX_SHAPES = 64  # table shapes whose placements a vocabulary remembers
Cached = Callable[[Position], object]  # what a formula cell (by origin) showed when last saved; None if nothing


@dataclass(frozen=True)
class GridCell:
    text: str
    origin: Position  # where the (merged) cell starts: one origin per printed cell
    formula: bool = False  # a spreadsheet formula nobody calculated: `text` is the formula


Grid = list[list[GridCell]]


class Kind(Enum):
    ROW = "row"
    COLUMN = "column"
    GROUP = "group"  # a heading over several rows or columns
    TITLE = "title"  # a block's title: nothing above it belongs to the block below
    EXTRA = "extra"
    VALUE = "value"

    __hash__ = object.__hash__  # each member is its one instance: hashed by identity, in C


class Label(NamedTuple):
    """What a cell is. A named tuple, hashed in C: a table's shape hashes one for every printed cell."""

    kind: Kind
    id: str = ""  # the row or column id; a group's own label


class _Vocabulary:
    """A table's labels by kind, and what each text found in a document is, remembered: the same labels
    come back in every file of a batch."""

    def __init__(self, table: TableSpec, template: Template) -> None:
        candidates: list[tuple[Label, str]] = []
        group_rows: dict[str, list[str]] = {}
        for block in table.blocks:
            if block.title:
                candidates.append((Label(Kind.TITLE, block.title), block.title))
            if block.corner:
                candidates.append((Label(Kind.GROUP, block.corner), block.corner))
            for column in block.columns:
                candidates.append((Label(Kind.COLUMN, column.id), column.label))
                candidates += [(Label(Kind.GROUP, p), p) for p in column.path]
            for row in block.rows:
                candidates.append((Label(Kind.ROW, row.id), row.label))
                candidates += [(Label(Kind.GROUP, p), p) for p in row.path]
                if len(row.path) >= 2:  # an innermost group: （三）不予公开 over its eight rows
                    group_rows.setdefault(row.path[-1], []).append(row.id)
        self.table = table
        self.candidates = tuple(dict.fromkeys(candidates))
        self.exact = {forgiving_key(text): label for label, text in self.candidates}
        self.group_rows = {g: tuple(rows) for g, rows in group_rows.items()}
        self.statutory = {label.id: text for label, text in self.candidates if label.kind in (Kind.ROW, Kind.COLUMN)}
        self.old_labels = tuple(label for old_format in template.superseded for label in old_format.labels)
        own = set(self.exact)
        others = [
            label
            for other in template.tables
            if other.id != table.id
            for label in (*(r.label for r in other.rows), *(c.label for b in other.blocks for c in b.columns))
        ]
        self.foreign = {forgiving_key(t) for t in (*others, *(s.heading for s in template.sections))} - own
        self._kinds: dict[str, Label] = {}
        self._old: dict[str, bool] = {}
        self._placements: dict[Hashable, dict[Position, Placement]] = {}

    def kind(self, text: str) -> Label:
        if text not in self._kinds:
            self._kinds[text] = self._classify(text)
        return self._kinds[text]

    def _classify(self, text: str) -> Label:
        if is_blank_text(text) or is_number_text(text):
            return Label(Kind.VALUE)
        key = forgiving_key(text)
        if not key:
            return Label(Kind.VALUE)
        if key in self.exact:
            return self.exact[key]
        words = word_key(text)
        if words in EXTRA_WORDS or key in self.foreign:
            return Label(Kind.EXTRA)
        scored = [(similarity(text, statutory), label) for label, statutory in self.candidates]
        score, label = max(scored, key=lambda pair: pair[0], default=(0.0, Label(Kind.EXTRA)))
        if score >= MIN_SIMILARITY:
            return label
        if len(words) <= MAX_VALUE_TEXT or (len(words) <= MAX_NUMBER_TEXT and any(c.isdigit() for c in words)):
            return Label(Kind.VALUE)
        return Label(Kind.EXTRA)

    def placements(self, shape: Hashable, place: Callable[[], dict[Position, Placement]]) -> dict[Position, Placement]:
        """Where the values of a table of this shape belong, placed once (`place`) and remembered: the
        reports of a batch, typed from one official form, repeat the same shape with other numbers."""
        found = self._placements.get(shape)
        if found is None:
            if len(self._placements) >= MAX_SHAPES:
                del self._placements[next(iter(self._placements))]
            found = self._placements[shape] = place()
        return found

    def is_old_format(self, text: str) -> bool:
        """Whether a text is a label only the 2019 format prints (本年新制作数量, 上一年项目数量 …)."""
        if text not in self._old:
            key = word_key(text)
            self._old[text] = bool(key) and any(
                word_key(label) == key or similarity(text, label) >= OLD_FORMAT_SIMILARITY for label in self.old_labels
            )
        return self._old[text]


_VOCABULARIES: dict[tuple[int, int], tuple[TableSpec, Template, _Vocabulary]] = {}


def _vocabulary(table: TableSpec, template: Template) -> _Vocabulary:
    """One per table of a template, kept for the process (templates are few and never change)."""
    key = (id(table), id(template))
    if key not in _VOCABULARIES:
        _VOCABULARIES[key] = (table, template, _Vocabulary(table, template))  # holds both: ids stay theirs
    return _VOCABULARIES[key][2]


@lru_cache(maxsize=4096)
def is_number_text(text: str) -> bool:
    folded = normalize_number_text(text)
    return bool(folded) and folded.lstrip("+-").replace(".", "", 1).isdigit()


def _first_slots(grid: Grid) -> dict[Position, tuple[GridCell, Position]]:
    """Each printed cell (by its origin) and the first slot it fills, in reading order."""
    first: dict[Position, tuple[GridCell, Position]] = {}
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell.origin not in first:
                first[cell.origin] = (cell, (r, c))
    return first


def _distinct(grid: Grid) -> list[GridCell]:
    return [cell for cell, _ in _first_slots(grid).values()]


def recognise(grid: Grid, template: Template) -> str | None:
    """The id of the statutory table whose labels this grid shows most of, if it shows enough."""
    texts = {cell.text for cell in _distinct(grid) if cell.text.strip() and not cell.formula}
    best: tuple[int, str] | None = None
    for table in template.tables:
        vocabulary = _vocabulary(table, template)
        labels = {vocabulary.kind(t) for t in texts}
        found = sum(1 for label in labels if label.kind not in (Kind.VALUE, Kind.EXTRA))
        if found >= MIN_LABELS_TO_RECOGNISE and (best is None or found > best[0]):
            best = (found, table.id)
    return best[1] if best else None


@dataclass
class TableReading:
    values: dict[tuple[str, str], CellValue] = field(default_factory=dict)  # (row id, column id) → value
    labels: dict[str, str] = field(default_factory=dict)  # row or column id → label as found, if its words differ
    notes: list[ImportNote] = field(default_factory=list)


@dataclass(frozen=True)
class _Scan:
    """What a walk from a value towards the table's edge (left, or up) meets first of each kind."""

    row: str | None = None
    column: str | None = None
    group: str | None = None  # a row group met before any row (a group printed as one row)
    blocked: bool = False  # an extra (小计, 合计 …) stands nearest: the value is not the table's


class _Reader:
    def __init__(
        self,
        table: TableSpec,
        template: Template,
        grid: Grid,
        cached: Cached | None = None,
        values_at: frozenset[Position] = frozenset(),
    ) -> None:
        self.cached = cached
        self.table = table
        self.template = template
        self.grid = grid
        self.vocabulary = _vocabulary(table, template)
        self.numbered = tuple(any(is_number_text(cell.text) for cell in row) for row in grid)  # rows holding a number
        self.typed_text = self._text_among_values() | values_at
        self.first = _first_slots(grid)
        self.kinds = {origin: self._kind_of(cell) for origin, (cell, _) in self.first.items()}  # asked often
        self._rows: dict[int, list[_Scan]] = {}
        self._columns: dict[int, list[_Scan]] = {}

    @cached_property
    def spread(self) -> dict[Position, GridCell]:
        """Blank slots of heading rows that a heading typed without merging stands for: the heading to
        their left, when it stands over numbers (行政复议 over its five columns in table 四's one row)."""
        numbered = [row for row, has_number in zip(self.grid, self.numbered, strict=True) if has_number]
        data_start = min((self._first_value(row) for row in numbered), default=0)
        spread: dict[Position, GridCell] = {}
        for r, row in enumerate(self.grid):
            if self.numbered[r]:
                continue
            heading: GridCell | None = None
            for c, cell in enumerate(row):
                if cell.text.strip():
                    label = self.kind(cell)
                    heading = cell if label.kind in (Kind.ROW, Kind.GROUP) and c >= data_start else None
                elif heading is not None and self._heads_below(r, c):
                    spread[(r, c)] = heading
        return spread

    def _heads_below(self, r: int, c: int) -> bool:
        """Whether the first thing below a blank heading slot is a heading (a vertical merge typed without
        merging leaves its slots blank above values instead)."""
        for row in self.grid[r + 1 :]:
            if c < len(row) and row[c].text.strip():
                return self.kind(row[c]).kind in (Kind.ROW, Kind.COLUMN)
        return False

    def _text_among_values(self) -> set[Position]:
        """Text naming nothing that stands among a row's numbers, right of its row or column label (or
        anywhere in a row of values with no label, as table 四's one row): a value typed as words (kept
        as typed, for a person to fix), not a label of the person's own."""
        typed: set[Position] = set()
        for row, has_number in zip(self.grid, self.numbered, strict=True):
            if not has_number:
                continue
            kinds = [self.vocabulary.kind(cell.text) for cell in row]
            named = [c for c, label in enumerate(kinds) if label.kind in (Kind.ROW, Kind.COLUMN)]
            if not named and any(label.kind in (Kind.GROUP, Kind.TITLE) for label in kinds):
                continue
            for c in range(named[-1] + 1 if named else 0, len(row)):  # a row of values alone: all of it
                text = row[c].text
                if kinds[c].kind is Kind.EXTRA and word_key(text) not in EXTRA_WORDS and not row[c].formula:
                    typed.add(row[c].origin)
        return typed

    def _first_value(self, row: list[GridCell]) -> int:
        """Where a row's values start: after its last label."""
        labels = [c for c, cell in enumerate(row) if self.kind(cell).kind is not Kind.VALUE]
        return labels[-1] + 1 if labels else 0

    def kind(self, cell: GridCell) -> Label:
        label = self.kinds.get(cell.origin)  # None only for the blank slots _up_scan adds below short rows
        return label if label is not None else self._kind_of(cell)

    def _kind_of(self, cell: GridCell) -> Label:
        if cell.formula or cell.origin in self.typed_text:
            return Label(Kind.VALUE)
        return self.vocabulary.kind(cell.text)

    def _step(self, label: Label, rest: _Scan) -> _Scan:
        """The walk that meets `label` first and then what `rest` met: the nearest of each kind wins, a
        block title ends the walk, an extra nearest of all blocks it."""
        if label.kind is Kind.VALUE:
            return rest
        if label.kind is Kind.TITLE:
            return _Scan()
        if label.kind is Kind.EXTRA:
            return _Scan(blocked=True)
        if label.kind is Kind.ROW:
            return _Scan(row=label.id, column=rest.column)
        if label.kind is Kind.COLUMN:
            return _Scan(rest.row, label.id, rest.group)
        group = label.id if label.id in self.vocabulary.group_rows else rest.group
        return _Scan(rest.row, rest.column, group)

    def _scans(self, cells: list[GridCell]) -> list[_Scan]:
        """For each slot of a line of cells (a row left to right, a column top to bottom), the walk from
        that slot back to the line's start: each merged cell counted once."""
        scans = [_Scan()]
        for i in range(1, len(cells) + 1):
            cell = cells[i - 1]
            same = i >= 2 and cells[i - 2].origin == cell.origin
            scans.append(scans[-1] if same else self._step(self.kind(cell), scans[-1]))
        return scans

    def _left_scan(self, r: int, c: int) -> _Scan:
        if r not in self._rows:
            self._rows[r] = self._scans(self.grid[r])
        return self._rows[r][min(c, len(self.grid[r]))]

    def _up_scan(self, r: int, c: int) -> _Scan:
        if c not in self._columns:
            line = [
                self.spread.get((i, c), row[c]) if c < len(row) else GridCell("", (i, c))
                for i, row in enumerate(self.grid)
            ]
            self._columns[c] = self._scans(line)
        return self._columns[c][r]

    def _values(self) -> Iterator[tuple[GridCell, Position]]:
        """Each value and the first slot it fills."""
        return ((cell, at) for cell, at in self.first.values() if self.kinds[cell.origin].kind is Kind.VALUE)

    def _placements(self) -> dict[Position, Placement]:
        """Where each value belongs, by its origin. It follows from the table's shape alone: where each
        cell stands, what kind it is and whether it is blank (a blank slot may take the heading to its
        left, a “—” may not), which rows hold numbers."""
        origins = tuple(tuple(cell.origin for cell in row) for row in self.grid)
        kinds = tuple((self.kinds[origin], bool(cell.text.strip())) for origin, (cell, _) in self.first.items())
        shape = (origins, kinds, self.numbered)
        return self.vocabulary.placements(shape, lambda: {cell.origin: self._place(at) for cell, at in self._values()})

    def _place(self, at: Position) -> Placement:
        """The cells the value at `at` belongs to (one, or a printed group's rows), and whether it stands by an extra."""
        left, up = self._left_scan(*at), self._up_scan(*at)
        if left.blocked or up.blocked:
            return (), True
        rows = {r for r in (left.row, up.row) if r is not None}
        columns = {c for c in (left.column, up.column) if c is not None}
        if len(columns) != 1:
            return (), False
        column = columns.pop()
        if len(rows) == 1:
            row = rows.pop()
            return (((row, column),) if self.table.has_cell(row, column) else ()), False
        group = left.group or up.group
        if not rows and group is not None:
            members = self.vocabulary.group_rows[group]
            return tuple((r, column) for r in members if self.table.has_cell(r, column)), False
        return (), False

    def _labels_found(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for cell, _ in self.first.values():
            label = self.kinds[cell.origin]
            if label.kind in (Kind.ROW, Kind.COLUMN) and label.id not in found:
                found[label.id] = cell.text
        return found

    def read(self) -> TableReading:
        reading = TableReading()
        for cell, _ in self.first.values():
            if self.vocabulary.is_old_format(cell.text):
                reading.notes.append(ImportNote("old_format", self.table.id, found=collapse_spaces(cell.text)))
                return reading
        found = self._labels_found()
        placements = self._placements()
        typed: dict[Target, list[GridCell]] = {}
        for cell, at in self._values():
            targets, blocked = placements[cell.origin]
            if not targets and not blocked and is_number_text(cell.text):
                return self._unreadable(
                    f"第{at[0] + 1}行第{at[1] + 1}列的数字“{cell.text.strip()}”对应不到法定表格的行和列"
                )
            for target in targets:
                typed.setdefault(target, []).append(cell)
        members = {r for rows in self.vocabulary.group_rows.values() for r in rows}
        for (row_id, column_id), cells in typed.items():
            texts = {c.text.strip() for c in cells if not is_blank_text(c.text)}
            if len(texts) > 1:
                shown = "、".join(sorted(texts))
                return self._unreadable(
                    f"同一格（{self._name(row_id)}—{self._name(column_id)}）有几个不同的数字：{shown}"
                )
            if row_id not in found and row_id in members and texts and not _all_zero(texts):
                continue  # a group printed as one row: only its zeros say what each of its rows holds
            self._store(reading, row_id, column_id, cells, texts)
        for key, text in found.items():
            if differs(text, self.vocabulary.statutory[key]):
                reading.labels[key] = collapse_spaces(text)
        return reading

    def _store(
        self, reading: TableReading, row_id: str, column_id: str, cells: list[GridCell], texts: set[str]
    ) -> None:
        column = self.table.block_of(row_id).column(column_id)
        if not texts:
            marks = {c.text.strip() for c in cells if c.text.strip()}
            if marks:
                reading.notes.append(
                    ImportNote("blank_mark", self.table.id, found=min(marks), row=row_id, column=column_id)
                )
            return
        cell = next(c for c in cells if c.text.strip() in texts)
        is_total = column.is_total or self.table.row(row_id).is_total
        if cell.formula and is_total:
            return  # a total left to a formula: the app computes it
        if cell.formula:
            shown = self.cached(cell.origin) if self.cached is not None else None
            value = Invalid(cell.text) if shown is None else coerce_file_value(shown, column.kind)
        else:
            value = coerce_file_value(cell.text, column.kind)
        reading.values[(row_id, column_id)] = value

    def _name(self, key: str) -> str:
        return self.vocabulary.statutory.get(key, key)

    def _unreadable(self, reason: str) -> TableReading:
        return TableReading(notes=[ImportNote("unreadable", self.table.id, reason=reason)])


def _all_zero(texts: set[str]) -> bool:
    return all(is_number_text(t) and float(normalize_number_text(t)) == 0 for t in texts)


def concatenate(pieces: list[Grid]) -> Grid:
    """One grid from a table split into several (by a page break, or typed as several tables)."""
    if len(pieces) == 1:
        return pieces[0]
    joined: Grid = []
    for grid in pieces:
        offset = len(joined)
        for row in grid:
            joined.append([GridCell(c.text, (c.origin[0] + offset, c.origin[1]), c.formula) for c in row])
    return joined


def _width(grid: Grid) -> int:
    return max((len(row) for row in grid), default=0)


def _has_columns(grid: Grid, table: TableSpec, template: Template) -> bool:
    vocabulary = _vocabulary(table, template)
    return any(vocabulary.kind(c.text).kind is Kind.COLUMN for c in _distinct(grid))


def read_table(
    table: TableSpec,
    pieces: list[Grid],
    template: Template,
    cached: Cached | None = None,
    values_at: frozenset[Position] = frozenset(),
) -> TableReading:
    """The table's values read from its pieces, or why they could not be read (in `notes`); `cached`
    gives what a formula showed (a formula in a total cell declares nothing: the app computes totals);
    `values_at` are origins known to hold values whatever they say (a table laid out as this app lays it out)."""
    for previous, piece in itertools.pairwise(pieces):
        if _width(piece) != _width(previous) and not _has_columns(piece, table, template):
            reason = "表格被分成几段，后一段没有表头且列数与前一段不同，无法确定各列"
            return TableReading(notes=[ImportNote("unreadable", table.id, reason=reason)])
    return _Reader(table, template, concatenate(pieces), cached, values_at).read()
