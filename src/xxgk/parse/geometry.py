"""Positioned text and ruling lines of a page → its tables (grids of cells) and its text lines.

Shared by the readers that see a page as geometry: the PDF reader (characters and path objects of
a text layer) and the OCR reader (recognised fragments and the lines found in the image).

Contract
- Coordinates: one unit per page (PDF points, image pixels), origin at the top left, y growing
  downwards; `x0 < x1`, `y0 < y1`. `tolerance` (same unit) is how far apart two rules, or a rule
  and a cell edge, may be and still count as the same line: about 2 pt for PDFs, a few pixels for
  scans.
- `Word` is any positioned fragment: one character (PDF) or a recognised run (OCR), with the OCR
  `confidence` in 0–1 (None: exact text layer; carried, never used here: accepting a digit is the
  OCR reader's decision). Whitespace-only fragments are ignored.
- `Rule("h", y, x_start, x_end)` or `Rule("v", x, y_start, y_end)`: a ruling segment along its
  middle (`Rule.from_box` for a thin box); a stroked rectangle is four rules, a thin filled bar one.
  Collinear pieces (borders drawn cell by cell) are merged here.
- `tables_from_geometry(words, rules, page)` → `PageLayout`: rules that cross each other form a
  table frame; its cells are the regions between rules (a region with no rule between two grid
  positions spans both: `Cell.rowspan`/`colspan`); a cell's text is its fragments in reading order
  (top to bottom, left to right), lines of one cell joined without a break, so a label wrapped
  inside its cell stays one label; two digit runs meeting at a wrap are kept apart by a space, never
  glued into one number. A frame's grid rows reach as far as its vertical rules (a page break may
  leave a row without its bottom rule); a region that is no rectangle (a cell left open at a page
  break joined to the band below the last row) holds only its own grid cells' fragments and spans
  as its first grid cell. Every `Cell` and `TextLine` carries `page` and `line` (the
  page's visual line, 1-based, of its first fragment; a cell's first line and a text line at the
  same height share a number). Fragments outside every frame become `PlacedLine`s (a `TextLine`
  and its box), ordered top to bottom, with the tables in between (`PageLayout.blocks`). Tables
  printed without any rule are not rebuilt here: their rows come out as text lines.
- `cell_boxes(rules)` → the box of every cell of every table frame, as `tables_from_geometry` cuts
  them (the OCR reader looks at a cell's pixels again).
- `plain_lines(layouts)` → the text of pages without tables as a text file would print it: a wrapped
  line rejoined with the next, an indented line starting with a tab, a blank line for a wide gap.
- `join_pages(layouts)` → `Document`: the pages in order; a table that ends a page and one that
  starts the next page with the same outer edges (most column edges shared) are one table: its
  repeated header rows are dropped and a row cut by the page break (each part standing under the
  cells of the part above, no number under text) is rejoined cell by cell.
- `read_layouts(layouts)` → `Document`: `join_pages`, or where no page holds a table, the text of
  `plain_lines` read by the text reader (the PDF and the scan reader both).
- Pure: no I/O, no PDF or image library.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Literal

from xxgk.parse.grid import Cell, Document, GridTable, TextLine
from xxgk.parse.text import read_text

DEFAULT_TOLERANCE = 2.0
_DIGIT = re.compile(r"\d")
# A cell holding a number only.
_VALUE = re.compile(r"^\s*[+\-]?\d[\d,]*(?:\.\d+)?\s*$")
# A section heading's numbering (一、): a line starting with it starts a paragraph.
_HEADING = re.compile(r"^\s*[一二三四五六七八九十]+、")
# A row label's own numbering: （二）, (2), 3., 3、, 一、, 二是.
_NUMBERING = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|\d+\s*[.．、]|[一二三四五六七八九十]+[、是])"
)


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    page: int
    confidence: float | None = None
    # A space is printed before it (in the text layer), however narrow: `10 0` is two numbers.
    spaced: bool = False

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(frozen=True, slots=True)
class Rule:
    """A ruling segment: horizontal at `at` (y) from `start` to `end` (x), or vertical at `at` (x)."""

    orientation: Literal["h", "v"]
    at: float
    start: float
    end: float

    @classmethod
    def from_box(cls, x0: float, y0: float, x1: float, y1: float) -> Rule:
        """A thin box (a stroked line or a filled bar) → the rule along its long side."""
        if x1 - x0 >= y1 - y0:
            return cls("h", (y0 + y1) / 2, x0, x1)
        return cls("v", (x0 + x1) / 2, y0, y1)


@dataclass
class PlacedTable:
    """A table with where it stands on its page (for ordering and for joining across pages)."""

    grid: GridTable
    top: float
    bottom: float
    # The x of every vertical grid line, left to right.
    columns: tuple[float, ...]
    page: int
    # Each cell's left and right edge, by id(cell).
    spans: dict[int, tuple[float, float]] = field(default_factory=dict)


@dataclass
class PlacedLine:
    """A text line outside the tables, with its box."""

    line: TextLine
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def top(self) -> float:
        return self.y0

    @property
    def bottom(self) -> float:
        return self.y1


@dataclass
class PageLayout:
    page: int
    height: float
    blocks: list[PlacedLine | PlacedTable] = field(default_factory=list)

    @property
    def tables(self) -> list[GridTable]:
        return [b.grid for b in self.blocks if isinstance(b, PlacedTable)]

    @property
    def lines(self) -> list[TextLine]:
        return [b.line for b in self.blocks if isinstance(b, PlacedLine)]


# --- rules → table frames ------------------------------------------------------------------------


def _merge_rules(rules: list[Rule], tol: float) -> list[Rule]:
    """Collinear rules that touch or overlap → one rule (cell borders are drawn cell by cell)."""
    merged: list[Rule] = []
    for orientation in ("h", "v"):
        group = sorted((r for r in rules if r.orientation == orientation), key=lambda r: (r.at, r.start))
        lines: list[list[Rule]] = []
        for rule in group:
            if lines and rule.at - lines[-1][0].at <= tol:
                lines[-1].append(rule)
            else:
                lines.append([rule])
        for line in lines:
            at = sum(r.at for r in line) / len(line)
            spans = sorted((min(r.start, r.end), max(r.start, r.end)) for r in line)
            start, end = spans[0]
            for s, e in spans[1:]:
                if s <= end + tol:
                    end = max(end, e)
                else:
                    merged.append(Rule(orientation, at, start, end))
                    start, end = s, e
            merged.append(Rule(orientation, at, start, end))
    return merged


def crosses(h: Rule, v: Rule, tol: float) -> bool:
    """A horizontal and a vertical rule meet (within `tol`)."""
    return h.start - tol <= v.at <= h.end + tol and v.start - tol <= h.at <= v.end + tol


def _frames(rules: list[Rule], tol: float) -> list[tuple[list[Rule], list[Rule]]]:
    """Groups of rules connected by crossings, with at least two rules each way (a table)."""
    hs = [r for r in rules if r.orientation == "h"]
    vs = [r for r in rules if r.orientation == "v"]
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if crosses(h, v, tol):
                parent[find(i)] = find(len(hs) + j)
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    return [(h, v) for h, v in groups.values() if len(h) >= 2 and len(v) >= 2]


def _positions(values: list[float], tol: float) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if out and value - out[-1] <= tol:
            continue
        out.append(value)
    return out


def _extended(positions: list[float], low: float, high: float, tol: float) -> list[float]:
    if low < positions[0] - tol:
        positions = [low, *positions]
    if high > positions[-1] + tol:
        positions = [*positions, high]
    return positions


def _covered(rules: list[Rule], at: float, start: float, end: float, tol: float) -> bool:
    """Some rule at `at` runs along most of [start, end] (a border between two grid cells)."""
    need = (end - start) / 2
    for rule in rules:
        if abs(rule.at - at) <= tol and min(rule.end, end) - max(rule.start, start) >= need:
            return True
    return False


@dataclass
class _Region:
    row: int
    col: int
    rowspan: int
    colspan: int
    x0: float
    y0: float
    x1: float
    y1: float
    # The grid cells it is made of: its box may hold others' when it is no rectangle (a column's
    # cell left open at a page break joins the band below the last row's rule).
    members: list[tuple[int, int]] = field(default_factory=list)
    words: list[Word] = field(default_factory=list)


def _regions(hs: list[Rule], vs: list[Rule], tol: float) -> tuple[list[_Region], list[float], list[float]]:
    ys = _positions([r.at for r in hs], tol)
    xs = _positions([r.at for r in vs], tol)
    # A table cut by a page break may have no rule along its cut edge: its columns' rules end there.
    # (Rows only: rules running past the outer columns are common and bound no cell.)
    ys = _extended(ys, min(r.start for r in vs), max(r.end for r in vs), tol)
    rows, cols = len(ys) - 1, len(xs) - 1
    parent = list(range(rows * cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(rows):
        for j in range(cols):
            if j + 1 < cols and not _covered(vs, xs[j + 1], ys[i], ys[i + 1], tol):
                parent[find(i * cols + j + 1)] = find(i * cols + j)
            if i + 1 < rows and not _covered(hs, ys[i + 1], xs[j], xs[j + 1], tol):
                parent[find((i + 1) * cols + j)] = find(i * cols + j)
    members: dict[int, list[tuple[int, int]]] = {}
    for i in range(rows):
        for j in range(cols):
            members.setdefault(find(i * cols + j), []).append((i, j))
    regions = []
    for cells in members.values():
        # Spans from its first grid cell on (a rectangle's are its extents; a region that is none,
        # a column's cell left open at a page break joined to the band below, spans as that cell).
        (r0, c0), held = cells[0], set(cells)
        r1, c1 = r0, c0
        while (r1 + 1, c0) in held:
            r1 += 1
        while (r0, c1 + 1) in held:
            c1 += 1
        regions.append(
            _Region(r0, c0, r1 - r0 + 1, c1 - c0 + 1, xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1], cells)
        )
    regions.sort(key=lambda r: (r.row, r.col))
    return regions, ys, xs


def cell_boxes(
    rules: list[Rule], tolerance: float = DEFAULT_TOLERANCE
) -> list[tuple[float, float, float, float]]:
    """Every cell of every table frame the rules draw, as (x0, y0, x1, y1)."""
    return [
        (r.x0, r.y0, r.x1, r.y1)
        for hs, vs in _frames(_merge_rules(rules, tolerance), tolerance)
        for r in _regions(hs, vs, tolerance)[0]
    ]


# --- words → lines and cell text -----------------------------------------------------------------


def _left(word: Word) -> float:
    return word.x0


def _reading_order(word: Word) -> tuple[float, float]:
    return (word.y0 + word.y1, word.x0)


def _visual_lines(words: list[Word]) -> list[list[Word]]:
    """Fragments → lines, top to bottom, each left to right (a fragment joins a line when they
    overlap vertically by more than half the lower of the two: a font may give a flat glyph such
    as 一 a box one point high)."""
    if not words:
        return []
    lowest_top, highest_bottom, thinnest = words[0].y0, words[0].y1, words[0].y1 - words[0].y0
    for w in words:
        lowest_top = w.y0 if w.y0 > lowest_top else lowest_top
        highest_bottom = w.y1 if w.y1 < highest_bottom else highest_bottom
        thinnest = w.y1 - w.y0 if w.y1 - w.y0 < thinnest else thinnest
    if highest_bottom - lowest_top > thinnest / 2:
        return [sorted(words, key=_left)]  # all on one line (most cells): no clustering
    lines: list[list[Word]] = []
    bounds: list[tuple[float, float]] = []
    for word in sorted(words, key=_reading_order):
        if bounds:
            top, bottom = bounds[-1]
            overlap = min(bottom, word.y1) - max(top, word.y0)
            if overlap > min(word.y1 - word.y0, bottom - top) / 2 or (
                word.y1 == word.y0 and top <= word.cy <= bottom
            ):
                lines[-1].append(word)
                bounds[-1] = (min(top, word.y0), max(bottom, word.y1))
                continue
        lines.append([word])
        bounds.append((word.y0, word.y1))
    for line in lines:
        line.sort(key=_left)
    return lines


def _line_text(line: list[Word]) -> str:
    """A line's fragments, a space where the gap between two is wider than a third of their height."""
    parts: list[str] = []
    previous: Word | None = None
    for word in line:
        if previous is not None:
            height = max(word.y1 - word.y0, previous.y1 - previous.y0, 1e-6)
            digits = word.spaced and previous.text[-1:].isdigit() and word.text[:1].isdigit()
            if digits or word.x0 - previous.x1 > height / 3:
                parts.append(" ")
        parts.append(word.text)
        previous = word
    return "".join(parts)


def _cell_text(words: list[Word]) -> str:
    text = ""
    for line in _visual_lines(words):
        part = _line_text(line).strip()
        if text and part and _DIGIT.match(part[0]) and _DIGIT.match(text[-1]):
            text += " "  # two numbers one above the other stay two numbers
        text += part
    return text


# --- the page -----------------------------------------------------------------------------------


def tables_from_geometry(
    words: list[Word],
    rules: list[Rule],
    page: int,
    *,
    height: float = 0.0,
    tolerance: float = DEFAULT_TOLERANCE,
) -> PageLayout:
    """One page's fragments and rules → its tables and the text lines around them (see module doc)."""
    free = [w for w in words if w.text.strip()]
    placed: list[PlacedTable] = []
    anchors: list[tuple[float, float, Cell | TextLine]] = []
    for hs, vs in _frames(_merge_rules(rules, tolerance), tolerance):
        regions, ys, xs = _regions(hs, vs, tolerance)
        left, right, top, bottom = xs[0] * 2, xs[-1] * 2, ys[0] * 2, ys[-1] * 2
        inside: list[Word] = []
        rest: list[Word] = []
        for word in free:
            x, y = word.x0 + word.x1, word.y0 + word.y1  # twice the centre
            (inside if left <= x <= right and top <= y <= bottom else rest).append(word)
        if not inside:
            continue  # a frame with no text (a decorative box): not a table
        free = rest
        at = {member: region for region in regions for member in region.members}
        for word in inside:
            row = min(max(bisect_left(ys, word.cy) - 1, 0), len(ys) - 2)
            col = min(max(bisect_left(xs, word.cx) - 1, 0), len(xs) - 2)
            at[row, col].words.append(word)
        grid, spans = _grid(regions, page, anchors)
        placed.append(PlacedTable(grid, ys[0], ys[-1], tuple(xs), page, spans))
    blocks: list[tuple[float, PlacedLine | PlacedTable]] = [(t.top, t) for t in placed]
    for line in _visual_lines(free):
        text = TextLine(_line_text(line).strip(), page=page)
        box = PlacedLine(text, line[0].x0, min(w.y0 for w in line), line[-1].x1, max(w.y1 for w in line))
        anchors.append(((box.y0 + box.y1) / 2, box.y1 - box.y0, text))
        blocks.append((box.y0, box))
    blocks.sort(key=lambda b: b[0])
    _number_lines(anchors)
    return PageLayout(page=page, height=height, blocks=[b for _, b in blocks])


def _grid(
    regions: list[_Region], page: int, anchors: list[tuple[float, float, Cell | TextLine]]
) -> tuple[GridTable, dict[int, tuple[float, float]]]:
    """The regions as rows of cells; each cell's first character goes to `anchors` (its line)."""
    rows: dict[int, list[Cell]] = {}
    spans: dict[int, tuple[float, float]] = {}
    for region in regions:
        cell = Cell(
            _cell_text(region.words),
            rowspan=region.rowspan,
            colspan=region.colspan,
            page=page,
            delimited=True,
        )
        first = min(region.words, key=_reading_order, default=None)
        if first is not None:
            anchors.append((first.cy, first.y1 - first.y0, cell))
        rows.setdefault(region.row, []).append(cell)
        spans[id(cell)] = (region.x0, region.x1)
    # Rows with no text at all (a spacer between two rules) are left out.
    return GridTable(rows=[cells for _, cells in sorted(rows.items()) if any(c.text for c in cells)]), spans


def _number_lines(anchors: list[tuple[float, float, Cell | TextLine]]) -> None:
    """Numbers the page's visual lines (1-based, top to bottom): text lines and the first line of
    each cell, those standing at the same height sharing a number."""
    number, previous = 0, float("-inf")
    for centre, size, item in sorted(anchors, key=lambda a: a[0]):
        if centre - previous > size / 2:
            number += 1
            previous = centre
        item.line = number


# --- pages → document ---------------------------------------------------------------------------


def read_layouts(layouts: list[PageLayout], *, source: str | None, source_format: str) -> Document:
    """The pages' tables and lines; pages with no table anywhere (typeset text, a table printed
    without rules) are read as the text they show, every line and cell then pointing back to its
    page and visual line there."""
    doc = join_pages(layouts, source=source, source_format=source_format)
    if doc.tables:
        return doc
    lines = plain_lines(layouts)
    doc = read_text("\n".join(line.text for line in lines).encode(), source=source)
    doc.source_format = source_format

    def place(item: TextLine | Cell) -> None:
        origin = lines[item.line - 1] if item.line and item.line <= len(lines) else None
        item.line, item.page = (origin.line, origin.page) if origin else (None, None)

    for line in doc.lines:
        place(line)
    for table in doc.tables:
        for row in table.rows:
            for cell in row:
                place(cell)
    return doc


def join_pages(layouts: list[PageLayout], *, source: str | None, source_format: str) -> Document:
    """The pages' blocks in order, a table running over a page break joined into one."""
    doc = Document(source=source, source_format=source_format)
    last: PlacedTable | None = None  # the table that ended the previous page, if it ended it
    for layout in layouts:
        for index, block in enumerate(layout.blocks):
            if isinstance(block, PlacedLine):
                doc.lines.append(block.line)
                last = None
                continue
            if index == 0 and last is not None and _same_frame(last, block):
                _continue_table(last, block)
            else:
                block.grid.after_line = len(doc.lines)
                doc.tables.append(block.grid)
                last = block
        if layout.blocks and not isinstance(layout.blocks[-1], PlacedTable):
            last = None
    return doc


def _same_frame(a: PlacedTable, b: PlacedTable, tol: float = 3 * DEFAULT_TOLERANCE) -> bool:
    """The same outer edges, and most inner column edges shared (a part may split a column); or the
    same right edge and every column edge of one part in the other, which goes further left: the
    cell of a group heading spanning the rows at the left (三、本年度办理结果) is printed on one page
    only, with its rules."""
    if abs(a.columns[-1] - b.columns[-1]) > tol:
        return False
    if abs(a.columns[0] - b.columns[0]) > tol:
        narrow, wide = sorted((a.columns, b.columns), key=lambda columns: columns[0], reverse=True)
        return all(any(abs(x - y) <= tol for y in wide) for x in narrow)
    shared = sum(1 for x in a.columns if any(abs(x - y) <= tol for y in b.columns))
    return shared * 2 >= min(len(a.columns), len(b.columns))


def _continue_table(head: PlacedTable, tail: PlacedTable) -> None:
    rows = list(tail.grid.rows)
    above = head.grid.rows
    # The header (its first rows) printed again at the top of the next page.
    for depth in range(min(3, len(above), len(rows)), 0, -1):
        if [_texts(r) for r in rows[:depth]] == [_texts(r) for r in above[:depth]]:
            rows = rows[depth:]
            break
    head.spans.update(tail.spans)
    if rows and above and _cut_row(above[-1], rows[0], head.spans):
        for cell in rows[0]:
            over = _over(above[-1], head.spans[id(cell)], head.spans)
            if cell.text and over is not None:
                over.text += cell.text
        rows = rows[1:]
    above.extend(rows)
    head.columns, head.page = tail.columns, tail.page


def _texts(row: list[Cell]) -> list[str]:
    return [c.text for c in row]


def _over(row: list[Cell], span: tuple[float, float], spans: dict[int, tuple[float, float]]) -> Cell | None:
    """The cell of `row` standing over the middle of `span`, if any."""
    middle = (span[0] + span[1]) / 2
    return next((c for c in row if spans[id(c)][0] <= middle <= spans[id(c)][1]), None)


def _cut_row(above: list[Cell], below: list[Cell], spans: dict[int, tuple[float, float]]) -> bool:
    """A row cut by the page break: each text below stands under a cell of the row above (not under
    a cell spanning down from an earlier row), no number stands under or over text (a header row
    and the row of values under it are two rows), and the part on the next page does not start a
    row of its own (no numbering such as `（二）`, `3.`, `一、`)."""
    for cell in below:
        if not cell.text:
            continue
        over = _over(above, spans[id(cell)], spans)
        if over is None or (over.text and (_VALUE.match(cell.text) or _VALUE.match(over.text))):
            return False
    label = next((c.text for c in below if c.text), "")
    return not _NUMBERING.match(label)


def plain_lines(layouts: list[PageLayout]) -> list[TextLine]:
    """Pages of typeset text (no tables) → the lines a text file of it would hold (see module doc).
    Each line keeps the page and visual line where it starts."""
    out: list[TextLine] = []
    placed = [b for layout in layouts for b in layout.blocks if isinstance(b, PlacedLine)]
    if not placed:
        return out
    # The text area over all pages (a page of short lines has the same margins as the others).
    margin = min(b.x0 for b in placed)
    right = max(b.x1 for b in placed)
    bottom = max(b.y1 for b in placed)
    previous: PlacedLine | None = None
    for block in placed:
        size = block.y1 - block.y0
        indented = block.x0 - margin > size
        if previous is not None:
            # A page whose text ends above the text area's bottom had a blank line there.
            same_page = previous.line.page == block.line.page
            if (block.y0 - previous.y1 if same_page else bottom - previous.y1) > size:
                out.append(TextLine("", line=block.line.line, page=block.line.page))
            # A line ran to the margin when the next line's first word (a digit or Latin run cannot
            # be broken) and a character more (no bracket ends a line) would not fit on it.
            elif (
                same_page  # a line continued on the next page stays apart: cells name their page
                and right - previous.x1 < _first_word_width(block.line.text, size) + 2 * size
                and not (indented or _HEADING.match(block.line.text))
            ):
                # A digit run is never broken at a wrap: digits meeting there are two numbers.
                apart = out[-1].text[-1:].isdigit() and block.line.text[:1].isdigit()
                out[-1].text += (" " if apart else "") + block.line.text
                previous = block
                continue
        out.append(TextLine(("\t" if indented else "") + block.line.text, block.line.line, block.line.page))
        previous = block
    return out


_WORD = re.compile(r"[0-9A-Za-z.,:/_%\-]+")


def _first_word_width(text: str, size: float) -> float:
    """Roughly how wide the first unbreakable run of `text` prints (Latin at about half a CJK width)."""
    run = _WORD.match(text)
    return len(run.group()) * size * 0.6 if run else size
