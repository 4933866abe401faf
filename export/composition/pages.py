"""Blocks placed on pages, as a word processor flows them, with the keep rules of GB/T 9704 print.

A page holds what fits in the text block's height (twips). A paragraph splits between lines with at
least two lines on each side (Word's widow/orphan control); headings, blank lines and the 落款/
date lines never split and keep with what follows (a heading with two lines of the next paragraph,
or with a table's header and first row group). A table splits only between its row groups, its
header rows printed again on the next page below a 1 pt separator (Word needs a paragraph between the
two parts of a table to break it there).
"""

from __future__ import annotations

from export.composition.blocks import Block, Lines, Page, Paragraph, Table, TablePart
from export.page_design import TEXT_HEIGHT_TWIPS

SEPARATOR_TWIPS = 20  # the 1 pt paragraph above a table's continuation
MIN_SPLIT_LINES = 2  # lines of a paragraph kept together at the foot and the head of a page


def can_split(paragraph: Paragraph) -> bool:
    return not paragraph.keep_lines and len(paragraph.lines) >= 2 * MIN_SPLIT_LINES


def head_height(block: Block) -> int:
    """What of a block must share a page with a heading kept with it."""
    if isinstance(block, Table):
        start, end = block.groups[0]
        return block.height_of(range(block.header_rows)) + block.height_of(range(start, end))
    if can_split(block):
        return MIN_SPLIT_LINES * block.pitch
    return block.height


def lead_heights(blocks: list[Block]) -> list[int]:
    """lead[i]: the height that must follow block i on its page (what it keeps with)."""
    lead = [0] * (len(blocks) + 1)
    need = [0] * (len(blocks) + 1)  # need[i]: how much of block i (and what it keeps with) must come first
    for i in range(len(blocks) - 1, -1, -1):
        block = blocks[i]
        keeps = isinstance(block, Paragraph) and block.keep_with_next and i + 1 < len(blocks)
        lead[i] = need[i + 1] if keeps else 0
        if isinstance(block, Paragraph) and block.keep_with_next and not can_split(block):
            need[i] = block.height + lead[i]
        elif isinstance(block, Paragraph) and block.keep_with_next:
            need[i] = MIN_SPLIT_LINES * block.pitch + lead[i]
        else:
            need[i] = head_height(block)
    return lead[: len(blocks)]


class _Flow:
    def __init__(self) -> None:
        self.pages = [Page()]
        self.y = 0
        self.starts: set[int] = set()
        self.breaks: dict[int, tuple[int, ...]] = {}

    @property
    def room(self) -> int:
        return TEXT_HEIGHT_TWIPS - self.y

    def new_page(self) -> None:
        self.pages.append(Page())
        self.y = 0

    def paragraph(self, index: int, paragraph: Paragraph, lead: int) -> None:
        n, pitch = len(paragraph.lines), paragraph.pitch
        first = 0
        while first < n:
            remaining = n - first
            if remaining * pitch + lead <= self.room:
                self._lines(paragraph, first, n)
                return
            if not can_split(paragraph) or remaining < 2 * MIN_SPLIT_LINES:
                if self.y > 0 and (first == 0 or can_split(paragraph)):
                    self.new_page()
                    self.starts.update({index} if first == 0 else set())
                    if remaining * pitch + lead <= self.room or not paragraph.keep_with_next:
                        continue
                self._lines(paragraph, first, n)  # taller than a page with what it keeps with
                return
            fits = min(self.room // pitch, remaining - MIN_SPLIT_LINES)
            if fits < MIN_SPLIT_LINES:
                if self.y == 0:  # a page cannot hold two lines and the rule: set what fits
                    fits = max(1, min(self.room // pitch, remaining - 1))
                else:
                    self.new_page()
                    self.starts.update({index} if first == 0 else set())
                    continue
            self._lines(paragraph, first, first + fits)
            first += fits
            self.new_page()

    def _lines(self, paragraph: Paragraph, first: int, last: int) -> None:
        self.pages[-1].items.append(Lines(paragraph, first, last, self.y))
        self.y += (last - first) * paragraph.pitch

    def table(self, index: int, table: Table) -> None:
        header = table.height_of(range(table.header_rows))
        start, end = table.groups[0]
        if header + table.height_of(range(start, end)) > self.room and self.y > 0:
            self.new_page()
            self.starts.add(index)
            self.y = SEPARATOR_TWIPS
        part_start, part_top, continued = 0, self.y, False
        self.y += header
        breaks: list[int] = []
        for start, end in table.groups:
            height = table.height_of(range(start, end))
            if height > self.room and start > part_start + (0 if continued else table.header_rows):
                self.pages[-1].items.append(TablePart(table, range(part_start, start), part_top, continued))
                self.new_page()
                self.y = SEPARATOR_TWIPS
                part_start, part_top, continued = start, self.y, True
                self.y += header
                breaks.append(start)
            self.y += height
        self.pages[-1].items.append(TablePart(table, range(part_start, table.groups[-1][1]), part_top, continued))
        if breaks:
            self.breaks[index] = tuple(breaks)


def paginate(blocks: list[Block]) -> tuple[list[Page], set[int], dict[int, tuple[int, ...]]]:
    """The pages, the blocks sent whole to a new page, and each split table's continuation rows."""
    flow = _Flow()
    lead = lead_heights(blocks)
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            flow.table(index, block)
        else:
            flow.paragraph(index, block, lead[index])
    return flow.pages, flow.starts, flow.breaks
