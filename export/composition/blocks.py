"""The printed blocks of a 公文 and their places on pages: what Word and the PDF both render.

Horizontal measures are in points from the left edge of the text block; vertical ones in twips
(1/20 point), the unit Word and LibreOffice lay pages out in, so that both sum them alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, auto

from export.fonts import FontRole


class Kind(Enum):
    TITLE = auto()
    BLANK = auto()  # an empty line: under the title, above the signature, room for the seal
    HEADING1 = auto()  # 一、
    HEADING2 = auto()  # （一）, alone on its line
    BODY = auto()  # a paragraph of text, possibly opening with a run-in （一） title
    SIGNATORY = auto()  # 落款 (发文机关署名)
    DATE = auto()  # 成文日期
    SIGNER = auto()  # the signed copy's 单位负责人（签字） line


class Align(Enum):
    JUSTIFY = "both"  # the w:jc values
    CENTER = "center"
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True)
class Span:
    """A run of text in one role's font; `underline` marks room to sign on."""

    text: str
    role: FontRole
    underline: bool = False


@dataclass(frozen=True)
class Line:
    """One printed line: its spans, left edge, natural width, and whether it is set to the full width;
    `hang` is the width of what stands past the margin (a hanging 。 or trailing spaces)."""

    spans: tuple[Span, ...]
    left: float
    width: float
    justified: bool
    hang: float = 0.0

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True)
class Paragraph:
    kind: Kind
    spans: tuple[Span, ...]
    lines: tuple[Line, ...]
    size: float  # points
    pitch: int  # twips a line
    align: Align
    first_indent: float  # points
    right_indent: float  # points
    tracking: float  # points after each character
    keep_with_next: bool = False
    keep_lines: bool = False  # never split across pages
    seal_centre: float | None = None  # the signed copy's seal hangs from the top of this line, centred here

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)

    @property
    def height(self) -> int:
        return self.pitch * len(self.lines)


@dataclass(frozen=True)
class Cell:
    """A table cell on the grid, its text already broken into lines."""

    row: int
    column: int
    rowspan: int
    colspan: int
    lines: tuple[str, ...]
    align: Align
    is_number: bool


@dataclass(frozen=True)
class Table:
    """A statutory table with its column widths (points), row heights (twips) and font size.

    `groups` are the row ranges [start, end) that never split across pages; `header_rows` rows at
    the top are printed again on every page the table continues on.
    """

    table_id: str
    size: float
    pitch: int  # twips a line of cell text
    widths: tuple[float, ...]
    heights: tuple[int, ...]
    header_rows: int
    groups: tuple[tuple[int, int], ...]
    cells: tuple[Cell, ...]

    def height_of(self, rows: range) -> int:
        return sum(self.heights[r] for r in rows)


Block = Paragraph | Table


@dataclass(frozen=True)
class Lines:
    """Lines [first, last) of a paragraph placed at `top` twips below the top of the text block."""

    paragraph: Paragraph
    first: int
    last: int
    top: int


@dataclass(frozen=True)
class TablePart:
    """Rows of a table placed at `top`: the header rows, then the body rows `rows`.

    On a continuation page (`continued`) the labels of cells merged across the break print again.
    """

    table: Table
    rows: range
    top: int
    continued: bool

    @property
    def printed_rows(self) -> tuple[int, ...]:
        header = tuple(range(self.table.header_rows)) if self.continued else ()
        return (*header, *self.rows)


Placed = Lines | TablePart


@dataclass
class Page:
    items: list[Placed] = field(default_factory=list)


@dataclass(frozen=True)
class Composition:
    """The blocks in reading order and the pages they fall on.

    `page_starts`: indices of the blocks the composer sends to the top of a new page whole (Word gets
    a page break before them); `table_breaks`: for each table block, the body rows that start a
    continuation page.
    """

    blocks: tuple[Block, ...]
    pages: tuple[Page, ...]
    page_starts: frozenset[int]
    table_breaks: dict[int, tuple[int, ...]]
