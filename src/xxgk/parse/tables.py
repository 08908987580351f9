"""Grid rows → template cells: row order and cell placement, shared by every reader.

Each grid row is read as label cells followed by value cells. Rows without values lend their
text to the next value row (labels wrapped over lines, group headings merged into rows). Value
rows are matched to the template's rows in printed order (which row a label names:
`row_labels.py`); a value row whose label matches no row is reported, never assigned by guess.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import TypedDict

from xxgk.findings import Finding, Place
from xxgk.parse.grid import Cell, Document
from xxgk.parse.limits import MAX_NUMBER_DIGITS, check_table, too_long_number
from xxgk.parse.row_labels import Slot, earlier_label_before, group_after_label, matcher_for
from xxgk.parse.values import CellReading, blocks_sum, read_cell, split_run_together
from xxgk.report import Provenance, TableData
from xxgk.template import TOTAL, CellKey, Column, Table, Template
from xxgk.template.labels import key_form, strip_enumeration

# A header cell's rowspan/colspan beyond this is not a real table's (fuzzed input).
_MAX_SPAN = 64


@dataclass(frozen=True)
class PrintedColumns:
    """The value columns of a table as its printed header names them, left to right.

    `keys` is the template's column keys in printed order when the header names every column
    once; `problem` says what was seen when it cannot be matched (a label twice, one missing).
    """

    table: str
    keys: tuple[str, ...] = ()
    problem: str | None = None


@dataclass
class ValueRow:
    label: str  # the row's own label cells, joined
    context: str  # text of the value-less rows before it (wrapped labels, headings)
    values: list[tuple[CellReading, Cell]]
    # The column header printed above the row's table, where it departs from the template's order.
    header: PrintedColumns | None = None
    # Printed over two lines (`_rejoined`): its numbers are placed only when its identity holds.
    rejoined: bool = False

    @cached_property
    def numbers(self) -> int:
        """Numbers printed in the row; a cell printing several (`217 1`) counts each (asked often;
        `values` is never changed in place)."""
        return sum(
            1
            if reading.kind == "number" or _digits_run_on(reading, cell)
            else len(cell.text.split())
            if reading.kind == "several"
            else 0
            for reading, cell in self.values
        )


@dataclass
class TableReading:
    data: dict[str, dict[str, dict[str, int | Decimal | None]]]
    provenance: dict[str, Provenance] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    other_row: str = "split"
    matched_rows: int = 0
    # Keys of the template rows a printed row was assigned to (read or not).
    printed_rows: set[str] = field(default_factory=set)
    # One (frozen) provenance per printed place and text: a row's cells often share one.
    _places: dict[tuple[int | None, int | None, str], Provenance] = field(default_factory=dict)

    def provenance_of(self, cell: Cell) -> Provenance:
        key = (cell.line, cell.page, cell.text)
        found = self._places.get(key)
        if found is None:
            found = self._places[key] = Provenance(line=cell.line, page=cell.page, text=cell.text)
        return found


def value_rows(doc: Document, headed: Table | None = None) -> list[ValueRow]:
    """Every row of every table of `doc` that carries values, with its label context.

    The label-only rows above a value row that name the columns of `headed` (table 三) decide
    which printed column holds which template column for the rows after them.
    """
    rows: list[ValueRow] = []
    for table in doc.tables:
        spans = doc.source_format in ("html", "docx") and not table.spans_unknown
        context: list[str] = []
        label_rows: list[list[Cell]] = []
        header: PrintedColumns | None = None
        for cells in table.rows:
            readings = [(read_cell(c.text), c) for c in cells]
            split = len(readings)
            while split > 0 and readings[split - 1][0].kind != "label":
                split -= 1
            labels = [r.text for r, _ in readings[:split] if r.text]
            values = readings[split:]
            row = ValueRow("".join(labels), "".join(context), values)
            if row.numbers or (labels and values):
                if headed is not None and label_rows:
                    header = _printed_columns(label_rows, headed, spans) or header
                row.header = header
                rows.append(row)
                context = []
                label_rows = []
            elif labels:
                text = "".join(labels)
                if not spans and context and not strip_enumeration(text):
                    # A numbering alone on a line, below the first line of its two-line label
                    # (`pdftotext -layout` centres it): it goes in front of that line.
                    context.insert(len(context) - 1, text)
                else:
                    context.append(text)
                label_rows.append(cells)
    return rows


@lru_cache(maxsize=8)
def _column_labels(table: Table) -> dict[str, str]:
    """A column label in key form → its column's key."""
    return {key_form(label): column.key for column in table.columns for label in column.labels}


def _printed_columns(block: list[list[Cell]], table: Table, spans: bool) -> PrintedColumns | None:
    """The columns of `table` as the header rows in `block` print them; None when the block is
    no header of `table` or prints the template's order (or too little to tell).

    With spans known (HTML, DOCX) the header cells are placed on the grid, so a reordered header
    is read in its order; without them only a header naming a column twice is acted upon.
    """
    labels = _column_labels(table)
    occupied: set[tuple[int, int]] = set()
    found: list[tuple[int, int, str]] = []  # x, reading order, column key
    for y, cells in enumerate(block):
        x = 0
        for cell in cells:
            while (y, x) in occupied:
                x += 1
            rowspan, colspan = (
                (min(cell.rowspan, _MAX_SPAN), min(cell.colspan, _MAX_SPAN)) if spans else (1, 1)
            )
            occupied.update(
                (y + dy, x + dx) for dy in range(max(rowspan, 1)) for dx in range(max(colspan, 1))
            )
            key = labels.get(key_form(cell.text))
            if key is not None:
                found.append((x, len(found), key))
            x += max(colspan, 1)
    keys = tuple(key for _, _, key in sorted(found))
    template_keys = tuple(column.key for column in table.columns)
    if len(set(keys)) < 3:
        return None  # not this table's header
    names = {column.key: column.label for column in table.columns}
    twice = [key for key in template_keys if keys.count(key) > 1]
    if twice:
        missing = [names[key] for key in template_keys if key not in keys]
        seen = "、".join(f"「{names[key]}」" for key in twice)
        lacking = f"、未见{'、'.join(f'「{name}」' for name in missing)}" if missing else ""
        return PrintedColumns(table.key, problem=f"{seen}出现两次{lacking}")
    if (
        spans
        and len(keys) == len(template_keys)
        and set(keys) == set(template_keys)
        and keys != template_keys
    ):
        return PrintedColumns(table.key, keys=keys)
    return None


def read_tables(doc: Document, template: Template) -> TableReading:
    data: dict[str, TableData] = {
        t.key: {r.key: {c.key: None for c in t.columns_of(r)} for r in t.rows} for t in template.tables
    }
    reading = TableReading(data)
    # Every reader's tables under the same bound (HTML and DOCX check theirs while reading).
    check_table(sum(len(t.rows) for t in doc.tables), sum(len(r) for t in doc.tables for r in t.rows))
    matcher = matcher_for(template)
    slots = matcher.slots
    position = 0
    table4_values: list[tuple[CellReading, Cell]] = []
    table4_broken = False  # gathered from rows of one or two numbers (one cell per line)
    headers_reported: set[str] = set()
    unplaced_bare: ValueRow | None = None  # the previous value row, when it had no label and no slot
    unlabelled: list[ValueRow] = []  # rows of values without label or context, told in one finding
    # Cells rebuilt from text (not HTML or DOCX cells): a cell printing several numbers means the
    # text ran neighbouring cells together, so the row's other cells are out of place too.
    rebuilt = doc.source_format not in ("html", "docx")
    after_tables = _after_tables_keys(template)
    rows = value_rows(doc, template.table3)
    # Rows cut out of running text have no lines to be printed over.
    rejoin = rebuilt and not any(table.running_text for table in doc.tables)
    rows = _rejoined(rows, len(template.table3.columns)) if rejoin else rows
    for i, row in enumerate(rows):
        if _starts_after_tables(row, after_tables):
            break  # section 五 begins: its years and counts in prose are no cell of any table
        bare_before, unplaced_bare = unplaced_bare, None
        if table4_values or _is_table4_row(row, slots, position, template):
            table4_broken = table4_broken or (bool(table4_values) and row.numbers < 3)
            table4_values.extend(row.values)
            if sum(1 for r, _ in table4_values if r.kind != "label") >= _table4_width(template):
                if table4_broken:
                    _table4_unmatched(reading, table4_values)
                else:
                    _store_table4_rebuilt(reading, template, table4_values, rebuilt)
                table4_values = []
                table4_broken = False
            continue
        # No template label ends in a number: one glued to the label is matched without it and
        # then keeps the row from being placed (`_store_row`).
        index, strength = matcher.best(position, _GLUED_NUMBER.sub("", row.label), row.context)
        if index is None or strength == 0.0:
            if not row.label and row.numbers:
                unplaced_bare = row
            if (row.context + row.label).strip():
                reading.findings.append(
                    Finding(
                        "P-ROW-UNKNOWN",
                        "warning",
                        f"表格中有一行无法对应到年报格式的任何一行，已忽略：「{(row.context + row.label)[:60]}」",
                        _place_of(row),
                    )
                )
            elif row.values:
                unlabelled.append(row)
            continue
        slot = slots[index]
        if any(f"{slot.table.key}.{key}" in reading.printed_rows for key in slot.row.collapses):
            # The short （六）其他处理 row after its sub-rows were printed: the text interleaves the
            # sub-rows' labels (the group heading is printed beside them); which sub-row is unknown.
            _short_row_among_split(reading, slot, row)
            continue  # position kept: the sub-rows still to come stand before the short row
        if bare_before is not None and not row.label:
            _between_two_numbers(reading, slot, bare_before, row)
            position = index + 1
            continue
        following = rows[i + 1] if i + 1 < len(rows) else None
        if rebuilt and not row.label and following is not None and _bare(following):
            _numbers_run_on(reading, slot, row, rows[i + 1 : i + 1 + _UNLABELLED_NAMED])
            position = index + 1
            continue
        earlier = earlier_label_before(slots, position, index, row.label, row.context)
        if earlier is not None or group_after_label(slot, row.label, row.context):
            _labels_out_of_order(reading, slot, None if earlier is None else slots[earlier], row)
            position = index + 1
            continue
        header = row.header if row.header and row.header.table == slot.table.key else None
        if header and header.problem:
            _columns_unmatched(reading, slot, row, header, headers_reported)
            position = index + 1
            continue
        if header and header.keys and slot.table.key not in headers_reported:
            headers_reported.add(slot.table.key)
            names = {c.key: c.label for c in slot.table.columns}
            reading.findings.append(
                Finding(
                    "P-COLUMNS-REORDERED",
                    "warning",
                    f"{slot.table.title}的列顺序与年报格式不同（印为{'、'.join(names[k] for k in header.keys)}），"
                    "已按印出的列标题读取",
                    Place(table=slot.table.key),
                )
            )
        if row.rejoined and not _identity_holds(slot, row):
            _split_row_unmatched(reading, slot, row)
            position = index + 1
            continue
        if rebuilt:
            columns = slot.table.columns_of(slot.row)
            # Only beside its own label: a converter that merges cells also moves lines, and a row
            # named by the lines above it may be the next label's (seen in markitdown's output).
            apart = row.label and _merged_cells_apart(row.values, len(columns), _sums_check(columns))
            if apart:
                row = replace(row, values=apart)
            elif _run_together_cells(reading, slot.table.key, slot.row.key, row.values):
                position = index + 1
                continue
        _store_row(reading, slot, row, header)
        position = index + 1
    if table4_values:
        if table4_broken:
            _table4_unmatched(reading, table4_values)
        else:
            _store_table4_rebuilt(reading, template, table4_values, rebuilt)
    if unlabelled:
        reading.findings.append(_unlabelled_rows(unlabelled))
    reading.other_row = _other_form(reading, template, doc)
    return reading


# How many unlabelled rows a finding names: enough to find them, few enough to read.
_UNLABELLED_NAMED = 5


def _unlabelled_rows(rows: list[ValueRow]) -> Finding:
    """One finding for the rows that print values and no label: text pulled from a PDF without its
    layout prints each cell on a line of its own, the labels of whole blocks of rows elsewhere, and
    a finding per such line (`「」`) told the reader nothing but their number."""
    more = "等" if len(rows) > _UNLABELLED_NAMED else ""
    named = rows[:_UNLABELLED_NAMED]
    lines = [_lines_of(row) for row in named if row.values[0][1].line is not None]
    at = f"第 {'、'.join(lines)} {more}行，" if lines else ""
    printed = "、".join(f"「{' '.join(cell.text for _, cell in row.values)}」" for row in named)
    return Finding(
        "P-ROWS-UNLABELLED",
        "warning",
        f"表格中有 {len(rows)} 行没有行名（{at}印有{printed}{more}），"
        "无法对应到年报格式的任何一行，已忽略；行名与数字分开的文本（如不保留版式从 PDF 提取的文字）请以原件核对",
        Place(**_line_page(rows[0].values[0][1])),
    )


def _lines_of(row: ValueRow) -> str:
    """`12`, or `12-14` for a row whose values were printed over several lines."""
    numbers = [cell.line for _, cell in row.values if cell.line is not None]
    return f"{min(numbers)}-{max(numbers)}" if max(numbers) > min(numbers) else str(numbers[0])


# Text between the two lines of a row printed over two lines: a wrapped label's few characters.
_BETWEEN_PARTS_CHARS = 12
_BETWEEN_PARTS_LINES = 3


def _rejoined(rows: list[ValueRow], width: int) -> list[ValueRow]:
    """Rows printed over two lines joined: the first numbers beside the beginning of the label, the
    rest on a line below (`…确认或重新出 0` / `5.` / `具已获取信息 0 0 0 0 0 0`: a browser prints
    cells aligned differently). Two lines are one row when both print numbers only, fewer than
    `width`, together exactly `width`, with at most a few label characters between them; a
    numbering printed alone between them goes in front of the label."""
    out: list[ValueRow] = []
    i = 0
    while i < len(rows):
        first, second = rows[i], rows[i + 1] if i + 1 < len(rows) else None
        if second is not None and _two_parts(first, second, width):
            between = second.context
            numbering = between if between.strip() and not strip_enumeration(between) else ""
            label = numbering + first.label + ("" if numbering else between) + second.label
            out.append(
                ValueRow(label, first.context, first.values + second.values, second.header, rejoined=True)
            )
            i += 2
        else:
            out.append(first)
            i += 1
    return out


def _two_parts(first: ValueRow, second: ValueRow, width: int) -> bool:
    values = (*first.values, *second.values)
    first_line, second_line = first.values[0][1].line, second.values[0][1].line
    return (
        0 < first.numbers < width
        and 0 < second.numbers < width
        and first.numbers + second.numbers == width
        # Lines next to each other: never two rows cut out of one line of cells run together,
        # whose `00` (two cells) makes a row look a number short.
        and first_line is not None
        and second_line is not None
        and 0 < second_line - first_line <= _BETWEEN_PARTS_LINES
        and all(r.kind == "number" and not (len(r.text) > 1 and r.text[0] == "0") for r, _ in values)
        and len(key_form(second.context)) <= _BETWEEN_PARTS_CHARS
    )


def _identity_holds(slot: Slot, row: ValueRow) -> bool:
    columns = slot.table.columns_of(slot.row)
    valid = _sums_check(columns)
    return valid is not None and len(row.values) == len(columns) and _sums_hold(row.values, valid)


def _sums_hold(values: list[tuple[CellReading, Cell]], valid: Callable[[list[int]], bool]) -> bool:
    """Every value a whole count and the row's identity (`_sums_check`) holding on them."""
    numbers = [r.number for r, _ in values]
    counts = [int(n) for n in numbers if n is not None and n == n.to_integral_value()]
    return len(counts) == len(numbers) and valid(counts)


def _split_row_unmatched(reading: TableReading, slot: Slot, row: ValueRow) -> None:
    reading.printed_rows.add(f"{slot.table.key}.{slot.row.key}")
    reading.matched_rows += 1
    shown = "、".join(f"「{r.text}」" for r, _ in row.values)
    reading.findings.append(
        Finding(
            "P-ROW-SPLIT",
            "error",
            f"该行数字分两行印出（{shown}），合起来不符合该行的合计关系，各列无法逐格对应，该行数字记为空",
            Place(table=slot.table.key, row=slot.row.key, **_line_page(row.values[0][1])),
        )
    )


def _store_table4_rebuilt(
    reading: TableReading, template: Template, values: list[tuple[CellReading, Cell]], rebuilt: bool
) -> None:
    """Table 四's fifteen values stored, from cells rebuilt from text when they print one number each
    or their numbers can be told apart (`_merged_cells_apart`)."""
    if rebuilt:
        width = _table4_width(template)
        cells = [v for v in values if v[0].kind != "label"]
        apart = _merged_cells_apart(cells, width, _sums_check(template.table4.columns))
        if apart is not None:
            values = apart
        elif _run_together_cells(reading, template.table4.key, None, values):
            return
    _store_table4(reading, template, values)


def _merged_cells_apart(
    values: list[tuple[CellReading, Cell]], width: int, valid: Callable[[list[int]], bool] | None
) -> list[tuple[CellReading, Cell]] | None:
    """A row whose cells print several numbers (`217 1 | 0 0 | 218`: a converter merged
    neighbouring columns) as one value per column, or None.

    Merging keeps the columns' order and a printed column holds one number, so when the row prints
    exactly one number per column in all (no other text; a blank cell is then an empty column of
    the converter's, as no printed column can be blank), the k-th number is the k-th column's.
    The row's identity (total = sum of the parts) must hold as well.
    """
    if not any(r.kind == "several" for r, _ in values):
        return None
    pieces: list[tuple[CellReading, Cell]] = []
    for reading, cell in values:
        if reading.kind == "number":
            pieces.append((reading, cell))
        elif reading.kind == "several":
            parts = [read_cell(part) for part in cell.text.split()]
            if any(part.kind != "number" for part in parts):
                return None
            pieces += [(part, Cell(part.text, line=cell.line, page=cell.page)) for part in parts]
        elif reading.kind != "blank":
            return None
    if len(pieces) != width:
        return None
    if valid is not None and not _sums_hold(pieces, valid):
        return None
    return pieces


def _run_together_cells(
    reading: TableReading, table: str, row: str | None, values: list[tuple[CellReading, Cell]]
) -> bool:
    """True (and reported) when a cell of the row prints several numbers (`217 1`): the row's
    columns were not kept, so none of its numbers is placed."""
    several = [r.text for r, _ in values if r.kind == "several"]
    if not several:
        return False
    if row is not None:
        reading.printed_rows.add(f"{table}.{row}")
    reading.matched_rows += 1
    shown = "、".join(f"「{c.text.strip()}」" for r, c in values if r.kind == "several")
    reading.findings.append(
        Finding(
            "P-ROW-CELLS-RUN-TOGETHER",
            "error",
            f"该行有单元格印有多个数字（{shown}），各列无法逐格对应，该行数字记为空",
            Place(table=table, row=row, **_line_page(values[0][1])),
        )
    )
    return True


def _short_row_among_split(reading: TableReading, slot: Slot, row: ValueRow) -> None:
    reading.matched_rows += 1
    reading.findings.append(
        Finding(
            "P-ROW-AMBIGUOUS",
            "error",
            f"「{(row.context + row.label)[-30:]}」夹在{slot.row.label}的分项之间，无法确定属于哪一分项，该行数字记为空",
            Place(
                table=slot.table.key, row=slot.row.key, **_line_page(row.values[0][1] if row.values else None)
            ),
        )
    )


def _between_two_numbers(reading: TableReading, slot: Slot, before: ValueRow, row: ValueRow) -> None:
    """A label printed on its own line between two lines of bare numbers (`1100` / 行政处罚 / `65`):
    whether the label's number is printed before or after it is unknown, so its cells stay empty."""
    reading.printed_rows.add(f"{slot.table.key}.{slot.row.key}")
    reading.matched_rows += 1
    shown = "、".join(f"「{r.text}」" for r, _ in (*before.values, *row.values) if r.kind == "number")
    reading.findings.append(
        Finding(
            "P-ROW-AMBIGUOUS",
            "error",
            f"「{row.context[-20:]}」前后各印有数字（{shown}），无法确定哪一个属于该行，该行数字记为空",
            Place(
                table=slot.table.key, row=slot.row.key, **_line_page(row.values[0][1] if row.values else None)
            ),
        )
    )


def _bare(row: ValueRow) -> bool:
    """Numbers printed with no label of their own and none above them since the last numbers."""
    return not row.label and not row.context.strip() and row.numbers > 0


def _numbers_run_on(reading: TableReading, slot: Slot, row: ValueRow, following: list[ValueRow]) -> None:
    """A label on its own line followed by more lines of bare numbers than its own (`行政许可` / `0`
    / `440` / `4529`: text pulled from a PDF without its layout prints cells out of their order):
    which of them are the row's is unknown, so its cells stay empty."""
    reading.printed_rows.add(f"{slot.table.key}.{slot.row.key}")
    reading.matched_rows += 1
    run = [row, *itertools.takewhile(_bare, following)]
    shown = "、".join(f"「{r.text}」" for line in run for r, _ in line.values if r.kind == "number")
    reading.findings.append(
        Finding(
            "P-ROW-AMBIGUOUS",
            "error",
            f"「{row.context[-20:]}」之后接连印有几行数字（{shown}），无法确定哪些属于该行，该行数字记为空",
            Place(table=slot.table.key, row=slot.row.key, **_line_page(row.values[0][1])),
        )
    )


def _labels_out_of_order(reading: TableReading, slot: Slot, earlier: Slot | None, row: ValueRow) -> None:
    """Numbers printed after two rows' labels (`earlier_label_before`), or after a row's label and
    its group heading (`group_after_label`): whose they are is unknown, so both rows stay empty."""
    shown = "、".join(f"「{r.text}」" for r, _ in row.values if r.kind == "number")
    seen = (
        f"「{earlier.row.label}」「{slot.row.label}」两行行名"
        if earlier
        else f"「{slot.row.label}」及其分组「{slot.row.group}」"
    )
    message = f"{seen}先后印出，其后才印有数字（{shown}），无法确定数字属于哪一行，该行数字记为空"
    line_page = _line_page(row.values[0][1] if row.values else None)
    for named in (earlier, slot) if earlier else (slot,):
        reading.printed_rows.add(f"{named.table.key}.{named.row.key}")
        reading.findings.append(
            Finding(
                "P-ROW-AMBIGUOUS",
                "error",
                message,
                Place(table=named.table.key, row=named.row.key, **line_page),
            )
        )
    reading.matched_rows += 1


# How much of a heading's key form identifies it inside a line that wrapped it (`五、存在的主要问题及`).
_HEADING_KEY_CHARS = 6


def _after_tables_keys(template: Template) -> tuple[str, ...]:
    """Key forms of the beginning of every heading of the section after table 四's (its title is
    its section's heading)."""
    numbers = [s.number for s in template.sections if template.table4.title in s.headings]
    after = next(s for s in template.sections if s.number > numbers[0])
    return tuple(key_form(h)[:_HEADING_KEY_CHARS] for h in after.headings)


def _starts_after_tables(row: ValueRow, keys: tuple[str, ...]) -> bool:
    text = key_form(row.context + row.label)
    return any(key in text for key in keys)


def _table4_unmatched(reading: TableReading, values: list[tuple[CellReading, Cell]]) -> None:
    """Table 四 printed one number or two per line (columns not kept): its cells stay empty."""
    reading.matched_rows += 1
    reading.findings.append(
        Finding(
            "P-TABLE4-BROKEN",
            "error",
            "表四的数字分散在多行印出，该行数字无法逐格对应，记为空",
            Place(table="table4", **_line_page(values[0][1] if values else None)),
        )
    )


def _is_table4_row(row: ValueRow, slots: tuple[Slot, ...], position: int, template: Template) -> bool:
    """Table 四 prints one unlabelled row of fifteen numbers after table 三."""
    if row.numbers >= _table4_width(template):
        return True
    return position >= len(slots) and row.numbers > 0


def _table4_width(template: Template) -> int:
    return len(template.table4.rows) * len(template.table4.columns)


def _columns_unmatched(
    reading: TableReading, slot: Slot, row: ValueRow, header: PrintedColumns, reported: set[str]
) -> None:
    """A row under a header whose columns cannot be matched: printed, but its cells stay empty."""
    reading.printed_rows.add(f"{slot.table.key}.{slot.row.key}")
    reading.matched_rows += 1
    if slot.table.key in reported:
        return
    reported.add(slot.table.key)
    reading.findings.append(
        Finding(
            "P-COLUMNS-ORDER",
            "error",
            f"{slot.table.title}的列标题与年报格式的列不一致（{header.problem}），"
            "无法确定各列对应关系，该表数值记为空",
            Place(table=slot.table.key, **_line_page(row.values[0][1] if row.values else None)),
        )
    )


# A number printed at the end of a row's label (its cell merged into the label's by a converter).
_GLUED_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?$")


def _store_row(
    reading: TableReading, slot: Slot, row: ValueRow, header: PrintedColumns | None = None
) -> None:
    columns = slot.table.columns_of(slot.row)
    if header and header.keys and {c.key for c in columns} == set(header.keys):
        by_key = {c.key: c for c in columns}
        columns = tuple(by_key[key] for key in header.keys)
    reading.printed_rows.add(f"{slot.table.key}.{slot.row.key}")
    where = Place(table=slot.table.key, row=slot.row.key)
    glued = _GLUED_NUMBER.search(row.label)
    if glued and (row.numbers < len(columns) or any(r.kind == "blank" for r, _ in row.values)):
        # markitdown's `| 行政规范性文件62 |  | 33 | 440 |`: the first number glued to the label and
        # its cell blank, or the other numbers moved a cell to the left; which, is unknown.
        reading.matched_rows += 1
        reading.findings.append(
            Finding(
                "P-ROW-AMBIGUOUS",
                "error",
                f"行名「{row.label[-20:]}」末尾连着数字「{glued[0]}」，该行又少一个数字或有空白单元格，"
                "无法确定该数字属于哪一列，该行数字记为空",
                replace(where, **_line_page(row.values[0][1] if row.values else None)),
            )
        )
        return
    values = _unrun(row.values, len(columns), columns, reading, where)
    if values is None:
        return
    if len(values) > len(columns):
        extra = values[: len(values) - len(columns)]
        if any(r.kind == "number" for r, _ in extra):
            # A number more than the columns: which one is not the row's is unknown (a serial
            # number, a neighbour's cell), so none is placed.
            reading.findings.append(
                Finding(
                    "P-ROW-EXTRA-VALUES",
                    "error",
                    f"该行印有 {len(values)} 个数值，格式只有 {len(columns)} 列，该行数字无法逐格对应，记为空",
                    Place(table=slot.table.key, row=slot.row.key, **_line_page(values[0][1])),
                    expected=len(columns),
                    actual=len(values),
                )
            )
            reading.matched_rows += 1
            return
        values = values[len(values) - len(columns) :]  # blank cells before the row's own
    elif len(values) < len(columns):
        # Which printed number stands in which column is unknown (a row broken over lines, a
        # column left empty): the whole row stays empty rather than filled from the left.
        reading.findings.append(
            Finding(
                "P-ROW-SHORT",
                "error",
                f"该行只读到 {len(values)} 个数值，格式有 {len(columns)} 列，该行数字无法逐格对应，记为空",
                Place(table=slot.table.key, row=slot.row.key, **_line_page(values[0][1] if values else None)),
                expected=len(columns),
                actual=len(values),
            )
        )
        reading.matched_rows += 1
        return
    reading.matched_rows += 1
    for column, (cell_reading, cell) in zip(columns, values, strict=False):
        _store_cell(reading, slot.table.key, slot.row.key, column.key, column.kind, cell_reading, cell)


def _store_table4(reading: TableReading, template: Template, values: list[tuple[CellReading, Cell]]) -> None:
    table = template.table4
    width = _table4_width(template)
    cells = [v for v in values if v[0].kind != "label"]
    where = Place(table=table.key)
    unrun = _unrun(cells, width, table.columns, reading, where)
    reading.matched_rows += 1
    if unrun is None:
        return
    unrun = _without_padding(unrun, width)
    if len(unrun) != width:
        # As for a row of table 三 (`_store_row`): which printed number stands in which of the
        # fifteen cells is unknown, so none is placed rather than filling them from the left.
        reading.findings.append(
            Finding(
                "P-ROW-SHORT" if len(unrun) < width else "P-ROW-EXTRA-VALUES",
                "error",
                f"表四读到 {len(unrun)} 个数值，格式有 {width} 格，各格数字无法逐格对应，记为空",
                replace(where, **_line_page(unrun[0][1] if unrun else None)),
                expected=width,
                actual=len(unrun),
            )
        )
        return
    cells = unrun
    keys = [(r.key, c.key, c.kind) for r in table.rows for c in table.columns]
    for (row_key, col_key, kind), (cell_reading, cell) in zip(keys, cells, strict=False):
        _store_cell(reading, table.key, row_key, col_key, kind, cell_reading, cell)


def _without_padding(values: list[tuple[CellReading, Cell]], width: int) -> list[tuple[CellReading, Cell]]:
    """Blank cells beyond `width` dropped, trailing ones first (a Markdown row padded to the widest
    row of its table), then leading ones; numbers are never dropped."""
    values = list(values)
    while len(values) > width and values[-1][0].kind == "blank":
        values.pop()
    while len(values) > width and values[0][0].kind == "blank":
        values.pop(0)
    return values


def _total_block(columns: tuple[Column, ...]) -> int | None:
    """The size of a row's block whose last column is the `total` of those before it, if it has one."""
    return len(columns) if columns and columns[-1].key == TOTAL else None


def _sums_check(columns: tuple[Column, ...]) -> Callable[[list[int]], bool] | None:
    """The row identity (a `total` column is the sum of the columns before it), per block of
    `len(columns)` values; on a beginning of a row it checks the blocks complete so far."""
    size = _total_block(columns)
    if size is None:
        return None
    return lambda values: blocks_sum(values, size)


def _unrun(
    values: list[tuple[CellReading, Cell]],
    width: int,
    columns: tuple[Column, ...],
    reading: TableReading,
    where: Place,
) -> list[tuple[CellReading, Cell]] | None:
    """Values printed run together (`1000001` for seven cells) cut into the row's cells.

    None when they cannot be cut in exactly one way (reported; the cells stay empty), and when
    one of them has too many digits to be a count (reported; the row stays empty).
    """
    # Digits run on past one count are cut with the row's other numbers, in a row of numbers only,
    # unless more than the row's cells could print.
    numbers_only = all(r.kind in ("number", "overlong") for r, _ in values)
    overlong = next(
        (
            (r, c)
            for r, c in values
            if r.kind == "overlong"
            and not (numbers_only and _digits_run_on(r, c) and len(r.text) <= width * MAX_NUMBER_DIGITS)
        ),
        None,
    )
    if overlong is not None:
        text, cell = overlong[0].text, overlong[1]
        reading.findings.append(
            Finding("P-NUMBER-TOO-LONG", "error", too_long_number(text), replace(where, **_line_page(cell)))
        )
        return None
    runs = any(r.kind == "overlong" for r, _ in values)
    if not runs and (len(values) >= width or not values or any(r.kind != "number" for r, _ in values)):
        return values
    whole = {i for i, (_, cell) in enumerate(values) if cell.delimited}
    if len(whole) == len(values):
        return values  # cells printed apart, each one count: a short row (`_store_row` says so)
    split = split_run_together([r.text for r, _ in values], width, _total_block(columns), whole)
    cell = values[0][1]
    if split is None:
        if any(len(r.text) > 1 for r, _ in values):
            reading.findings.append(
                Finding(
                    "P-RUN-TOGETHER",
                    "error",
                    f"数字连写「{' '.join(r.text for r, _ in values)}」无法唯一拆分为 {width} 个单元格，记为空",
                    replace(where, **_line_page(cell)),
                )
            )
            # The row was printed: its cells are explained here, not missing.
            table, row = where.table, where.row
            if table and row:
                for column in reading.data[table][row]:
                    reading.provenance[_cell_key(table, row, column)] = Provenance(
                        line=cell.line, page=cell.page, text=" ".join(r.text for r, _ in values)
                    )
            return None
        return values
    return _pieces_with_cells(split, values)


def _digits_run_on(reading: CellReading, cell: Cell) -> bool:
    """Digits past one count's length in text, where cells run together (`21317000001324019`: table
    四's fifteen cells with two-digit counts): several cells' counts, never one."""
    return reading.kind == "overlong" and not cell.delimited and reading.text.isdigit()


def _pieces_with_cells(
    pieces: list[int], values: list[tuple[CellReading, Cell]]
) -> list[tuple[CellReading, Cell]]:
    """Each piece of a cut run with the printed cell it was cut from (its provenance).

    Pieces have no leading zeros, so a token is exactly its pieces' digits, in order.
    """
    out: list[tuple[CellReading, Cell]] = []
    remaining = iter(pieces)
    for token, cell in values:
        used = 0
        while used < len(token.text):
            piece = next(remaining)
            used += len(str(piece))
            out.append((CellReading("number", str(piece), Decimal(piece)), cell))
    return out


@lru_cache(maxsize=4096)
def _cell_key(table: str, row: str, column: str) -> str:
    """`str(CellKey(...))`, built once per cell of the template rather than per report."""
    return str(CellKey(table, row, column))


def _store_cell(
    reading: TableReading,
    table: str,
    row: str,
    column: str,
    kind: str,
    cell_reading: CellReading,
    cell: Cell,
) -> None:
    reading.provenance[_cell_key(table, row, column)] = reading.provenance_of(cell)
    number = cell_reading.number
    if cell.stray:
        stray = "、".join(f"「{t}」" for t in cell.stray)
        reading.findings.append(
            Finding(
                "P-CELL-STRAY-NUMBER",
                "error",
                f"单元格「{cell.text.strip()[:20]}」之后另起一行印有{stray}，不在任何单元格内，"
                "无法确定该格的数字，记为空",
                Place(table=table, row=row, column=column, **_line_page(cell)),
            )
        )
        return
    if cell_reading.kind != "number" or number is None:
        place = Place(table=table, row=row, column=column, **_line_page(cell))
        if cell_reading.kind == "several":
            reading.findings.append(
                Finding(
                    "P-CELL-SEVERAL-NUMBERS",
                    "error",
                    f"单元格内有空格隔开的多个数字「{cell.text.strip()[:20]}」，无法确定该格的数字，记为空",
                    place,
                )
            )
        elif cell_reading.kind == "label":
            reading.findings.append(
                Finding(
                    "P-CELL-UNREADABLE",
                    "error",
                    f"单元格内容「{cell.text.strip()[:20]}」不是数字，记为空",
                    place,
                )
            )
        return
    if kind == "amount":
        reading.data[table][row][column] = number
    elif number != number.to_integral_value():
        place = Place(table=table, row=row, column=column, **_line_page(cell))
        reading.findings.append(
            Finding(
                "P-CELL-NOT-INTEGER", "error", f"件数应为整数，印为「{cell_reading.text}」，记为空", place
            )
        )
    else:
        reading.data[table][row][column] = int(number)


def _other_form(reading: TableReading, template: Template, doc: Document) -> str:
    short = template.table3.row("other")
    table3 = reading.data["table3"]
    if any(v is not None for v in table3[short.key].values()):
        return "short"
    sub_rows = [key for key in short.collapses if key in table3]
    if not sub_rows:
        return "short"
    # A sub-row printed decides, even where its digits could not be read; the short row's label
    # does not: it is also the sub-rows' group heading, which a row whose numbers could not be
    # placed may have been named by (`（五）不予处理` / `（六）其他处理` between two lines of numbers).
    if any(f"table3.{key}" in reading.printed_rows for key in sub_rows):
        return "split"
    # The labels printed anywhere decide. The split form prints its sub-rows' long labels; both
    # forms print the heading （六）其他处理.
    printed = key_form("".join(all_text(doc)))
    long_labels = [
        core for key in sub_rows if len(core := strip_enumeration(template.table3.row(key).label)) > 4
    ]
    if any(core in printed for core in long_labels):
        return "split"
    return "short" if strip_enumeration(short.label) in printed else "split"


def _place_of(row: ValueRow) -> Place:
    return Place(
        **_line_page(row.values[0][1] if row.values else None), excerpt=(row.context + row.label)[:60]
    )


class _LinePage(TypedDict):
    line: int | None
    page: int | None


def _line_page(cell: Cell | None) -> _LinePage:
    return {"line": cell.line if cell else None, "page": cell.page if cell else None}


def all_text(doc: Document) -> Iterable[str]:
    yield from (line.text for line in doc.lines)
    for table in doc.tables:
        for cells in table.rows:
            yield from (c.text for c in cells)
