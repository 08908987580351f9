"""The printed layout of the report's tables as a render-neutral grid (one definition of every merge).

`layout_table(table, report)` lays a template table out exactly as the national format prints
it: table 二 as captioned sub-tables, table 三 with its note cell, 申请人情况 header and
row-group headings merged down, table 四 with its blocks across the page and one row of numbers.
HTML, DOCX, XLSX and PDF all draw this grid; none of them knows a label or a span.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from xxgk.report import CellValue, Report
from xxgk.template import Column, Row, Table

Scope = Literal["row", "col", "rowgroup", "colgroup"]
Role = Literal["note", "caption", "heading", "column", "group", "stub", "value"]


@dataclass(frozen=True)
class GridCell:
    """One printed cell; spans as printed. Value cells carry their keys and raw value."""

    text: str
    role: Role
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    scope: Scope | None = None
    # Nesting level of a row heading (0 = outermost stub column), for styling.
    level: int = 0
    row_key: str | None = None
    column_key: str | None = None
    kind: Literal["count", "amount"] | None = None
    value: CellValue = None


@dataclass(frozen=True)
class GridBlock:
    """Consecutive rows drawn together: the table head, or one captioned sub-table of table 二."""

    rows: tuple[tuple[GridCell, ...], ...]
    head: bool = False


@dataclass(frozen=True)
class PlacedCell:
    """A cell with its absolute top-left position in the expanded grid (0-based)."""

    row: int
    col: int
    cell: GridCell


@dataclass(frozen=True)
class Grid:
    table_key: str
    title: str
    width: int
    # Leading columns that hold row headings (not numbers).
    stub_columns: int
    blocks: tuple[GridBlock, ...]

    @property
    def rows(self) -> tuple[tuple[GridCell, ...], ...]:
        return tuple(row for block in self.blocks for row in block.rows)

    @property
    def height(self) -> int:
        return len(self.rows)

    def placed(self) -> Iterator[PlacedCell]:
        """Every cell with its absolute position, resolving row spans from rows above."""
        taken: set[tuple[int, int]] = set()
        for r, row in enumerate(self.rows):
            c = 0
            for cell in row:
                while (r, c) in taken:
                    c += 1
                yield PlacedCell(r, c, cell)
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        taken.add((r + dr, c + dc))
                c += cell.colspan

    def value_cells(self) -> list[PlacedCell]:
        return [p for p in self.placed() if p.cell.role == "value"]


def format_value(value: CellValue) -> str:
    """How a number prints: counts as integers, amounts as plain decimals; None as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text
    return str(value)


def visible_rows(table: Table, report: Report) -> tuple[Row, ...]:
    """The rows the report prints: （六） short or split as `report.other_row` says."""
    rows = table.rows
    if report.short_other_row:
        hidden = {key for row in rows for key in row.collapses}
        return tuple(row for row in rows if row.key not in hidden)
    return tuple(row for row in rows if not row.collapses)


def layout_table(table: Table, report: Report) -> Grid:
    """The national layout of `table` filled with the report's values."""
    if table.key == "table2":
        return _layout_captioned(table, report)
    if table.key == "table4":
        return _layout_transposed(table, report)
    return _layout_matrix(table, report)


def layout_report(report: Report) -> dict[str, Grid]:
    """The grids of the report's three tables, keyed `table2`, `table3`, `table4`."""
    return {table.key: layout_table(table, report) for table in report.spec.tables}


# --- helpers -----------------------------------------------------------------------------


def _value(report: Report, table: Table, row: Row, col: Column, colspan: int = 1) -> GridCell:
    value = report.table(table.key).get(row.key, {}).get(col.key)
    return GridCell(
        text=format_value(value),
        role="value",
        colspan=colspan,
        row_key=row.key,
        column_key=col.key,
        kind=col.kind,
        value=value,
    )


def _spread(count: int, width: int) -> list[int]:
    """Column spans that lay `count` columns over `width` grid columns (the last takes the rest)."""
    base = width // count
    spans = [base] * count
    spans[-1] += width - base * count
    return spans


def _runs(items: Sequence[Row], key: str) -> list[tuple[str | None, list[Row]]]:
    """Consecutive rows sharing the attribute `key` (caption or group)."""
    runs: list[tuple[str | None, list[Row]]] = []
    for item in items:
        value = getattr(item, key)
        if runs and runs[-1][0] == value:
            runs[-1][1].append(item)
        else:
            runs.append((value, [item]))
    return runs


# --- table 二: captioned sub-tables ------------------------------------------------------


def _layout_captioned(table: Table, report: Report) -> Grid:
    rows = visible_rows(table, report)
    data_width = max(len(table.columns_of(row)) for row in rows)
    width = 1 + data_width
    stub_heading = table.stub_heading or ""
    blocks: list[GridBlock] = []
    for caption, members in _runs(rows, "caption"):
        # Rows under one caption share their columns in the national format; a change of columns
        # inside a caption starts a new header row.
        lines: list[tuple[GridCell, ...]] = [
            (GridCell(caption or "", "caption", colspan=width, header=True, scope="colgroup", level=0),)
        ]
        current: tuple[Column, ...] | None = None
        for row in members:
            cols = table.columns_of(row)
            spans = _spread(len(cols), data_width)
            if cols != current:
                lines.append(
                    (
                        GridCell(stub_heading, "heading", header=True, scope="col"),
                        *(
                            GridCell(col.label, "column", colspan=span, header=True, scope="col")
                            for col, span in zip(cols, spans, strict=True)
                        ),
                    )
                )
                current = cols
            lines.append(
                (
                    GridCell(row.label, "stub", header=True, scope="row"),
                    *(_value(report, table, row, col, span) for col, span in zip(cols, spans, strict=True)),
                )
            )
        blocks.append(GridBlock(tuple(lines)))
    return Grid(table.key, table.title, width, 1, tuple(blocks))


# --- table 三: rows × columns with a nested stub -----------------------------------------


def _row_paths(rows: Sequence[Row]) -> list[tuple[str | None, str | None]]:
    """(outer heading, inner heading) of each row.

    The result block is the run of rows that are results or stand under the first result's
    heading (三、本年度办理结果); inside it, rows under another heading ((三)不予公开…) nest
    one level deeper.
    """
    outer = next((row.group for row in rows if row.is_result), None)
    paths: list[tuple[str | None, str | None]] = []
    for row in rows:
        in_block = outer is not None and (row.is_result or row.group == outer)
        if not in_block:
            paths.append((row.group, None) if row.group else (None, None))
        elif row.group == outer:
            paths.append((outer, None))
        else:
            paths.append((outer, row.group))
    return paths


def _layout_matrix(table: Table, report: Report) -> Grid:
    rows = visible_rows(table, report)
    cols = table.columns
    paths = _row_paths(rows)
    stub = 1 + max((int(o is not None) + int(i is not None) for o, i in paths), default=0)
    width = stub + len(cols)

    # Head: [note | columns heading] / [ungrouped columns ↓ | column groups] / [grouped columns].
    has_heading = table.columns_heading is not None
    has_groups = any(col.group for col in cols)
    head_rows = int(has_heading) + 1 + int(has_groups)
    head: list[list[GridCell]] = [[] for _ in range(head_rows)]
    head[0].append(GridCell(table.note or "", "note", rowspan=head_rows, colspan=stub))
    level = 0
    if has_heading:
        head[0].append(
            GridCell(table.columns_heading or "", "group", colspan=len(cols), header=True, scope="colgroup")
        )
        level = 1
    for group, members in _column_runs(cols):
        if group is None:
            for col in members:
                head[level].append(
                    GridCell(col.label, "column", rowspan=head_rows - level, header=True, scope="col")
                )
        else:
            head[level].append(GridCell(group, "group", colspan=len(members), header=True, scope="colgroup"))
            for col in members:
                head[level + 1].append(GridCell(col.label, "column", header=True, scope="col"))

    body: list[list[GridCell]] = []
    for index, (row, (outer, inner)) in enumerate(zip(rows, paths, strict=True)):
        line: list[GridCell] = []
        depth = 0
        for heading, position in ((outer, 0), (inner, 1)):
            if heading is None:
                continue
            key = paths[index][: position + 1]
            starts = index == 0 or paths[index - 1][: position + 1] != key
            if starts:
                span = _run_length(paths, index, position + 1)
                line.append(
                    GridCell(heading, "group", rowspan=span, header=True, scope="rowgroup", level=depth)
                )
            depth += 1
        line.append(GridCell(row.label, "stub", colspan=stub - depth, header=True, scope="row", level=depth))
        line.extend(_value(report, table, row, col) for col in cols)
        body.append(line)

    return Grid(
        table.key,
        table.title,
        width,
        stub,
        (
            GridBlock(tuple(tuple(r) for r in head), head=True),
            GridBlock(tuple(tuple(r) for r in body)),
        ),
    )


def _run_length(paths: Sequence[tuple[str | None, str | None]], start: int, depth: int) -> int:
    key = paths[start][:depth]
    length = 0
    for path in paths[start:]:
        if path[:depth] != key:
            break
        length += 1
    return length


def _column_runs(cols: Sequence[Column]) -> list[tuple[str | None, list[Column]]]:
    runs: list[tuple[str | None, list[Column]]] = []
    for col in cols:
        if runs and runs[-1][0] == col.group and col.group is not None:
            runs[-1][1].append(col)
        else:
            runs.append((col.group, [col]))
    return runs


# --- table 四: row blocks laid across the page ------------------------------------------------


def _layout_transposed(table: Table, report: Report) -> Grid:
    """Each template row becomes a block of columns; its group (行政诉讼) heads its blocks."""
    rows = visible_rows(table, report)
    grouped = any(row.group for row in rows)
    head_rows = 2 + int(grouped)
    head: list[list[GridCell]] = [[] for _ in range(head_rows)]
    values: list[GridCell] = []
    for group, members in _runs(rows, "group"):
        span = sum(len(table.columns_of(row)) for row in members)
        level = 0
        if group is not None:
            head[0].append(GridCell(group, "group", colspan=span, header=True, scope="colgroup"))
            level = 1
        for row in members:
            cols = table.columns_of(row)
            head[level].append(GridCell(row.label, "group", colspan=len(cols), header=True, scope="colgroup"))
            for col in cols:
                head[level + 1].append(
                    GridCell(col.label, "column", rowspan=head_rows - level - 1, header=True, scope="col")
                )
                values.append(_value(report, table, row, col))
    width = len(values)
    return Grid(
        table.key,
        table.title,
        width,
        0,
        (
            GridBlock(tuple(tuple(r) for r in head if r), head=True),
            GridBlock((tuple(values),)),
        ),
    )
