"""Writers of a report as plain text in each layout the text reader supports.

Every label comes from the template (`xxgk.template`); the writers only decide where cells and
line breaks go. Layouts: the seed's tab layout (one cell per line), rows on one line separated by
spaces, by tabs, Markdown tables, and a web capture with the body on one line and the cells run
together.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import Decimal

from xxgk.report import Report
from xxgk.template import Table, Template

Grid = list[list[str]]
LAYOUTS = ("tab_cells", "spaces", "tabs", "markdown", "web_capture")


def printed(value: int | Decimal | None) -> str:
    return "" if value is None else str(value)


def printed_rows(report: Report, table: Table) -> list:
    """The rows the report prints: rows its （六） form leaves out are all None and not printed."""
    data = report.table(table.key)
    return [row for row in table.rows if any(v is not None for v in data[row.key].values())]


def table2_grid(report: Report, tpl: Template) -> Grid:
    """Caption row, header row (信息内容 + column labels) and value rows, per 第二十条 caption."""
    table = tpl.table2
    grid: Grid = []
    caption = None
    for row in printed_rows(report, table):
        columns = table.columns_of(row)
        if row.caption != caption:
            caption = row.caption
            grid.append([row.caption or ""])
            grid.append(["信息内容", *(c.label for c in columns)])
        grid.append([row.label, *(printed(report.table2[row.key][c.key]) for c in columns)])
    return grid


def table3_header(tpl: Template) -> Grid:
    table = tpl.table3
    first, *orgs, last = table.columns
    group = orgs[0].group or ""
    return [
        [table.note or "", "申请人情况"],
        ["", first.label, group, last.label],
        ["", "", *(c.label for c in orgs), ""],
    ]


def table3_grid(report: Report, tpl: Template) -> Grid:
    """Header rows, then each row with its group headings in front, as a spreadsheet prints them:
    a heading in the row where its group starts, an empty (merged) cell below it.

    The result rows stand under 三、本年度办理结果; a sub-group (（三）不予公开) is a second column.
    """
    table = tpl.table3
    results = table.row("granted").group
    grid = table3_header(tpl)
    seen: set[str] = set()

    def head(name: str) -> str:
        if name in seen:
            return ""
        seen.add(name)
        return name

    for row in printed_rows(report, table):
        heads: list[str] = []
        if row.group and results and (row.is_result or row.group == results):
            heads.append(head(results))
            if row.group != results:
                heads.append(head(row.group))
        grid.append([*heads, row.label, *(printed(report.table3[row.key][c.key]) for c in table.columns)])
    return grid


def table4_grid(report: Report, tpl: Template) -> Grid:
    table = tpl.table4
    heads: list[str] = []
    for row in table.rows:
        name = row.group or row.label
        if name not in heads:
            heads.append(name)
    subheads = [row.label for row in table.rows if row.group]
    columns = [c.label for _ in table.rows for c in table.columns]
    values = [printed(report.table4[row.key][c.key]) for row in table.rows for c in table.columns]
    return [heads, subheads, columns, values]


def table_grids(report: Report) -> dict[int, Grid]:
    """Section number → the grid printed under its heading."""
    tpl = report.spec
    return {2: table2_grid(report, tpl), 3: table3_grid(report, tpl), 4: table4_grid(report, tpl)}


def date_text(report: Report) -> str:
    d = report.signed_on
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


def _text_lines(
    report: Report, write_grid: Callable[[Grid], list[str]], *, title_lines: list[str]
) -> list[str]:
    grids = table_grids(report)
    lines = [*title_lines, "", report.preamble]
    for section in report.sections:
        lines.append(section.heading)
        if section.text:
            lines += section.text.split("\n")
        if section.number in grids:
            lines += write_grid(grids[section.number])
    lines += ["", report.organization or "", date_text(report), ""]
    return lines


def write_tab_cells(report: Report, rng: random.Random) -> str:
    """The seed's layout: one cell per line prefixed by a tab, a blank line after each row.

    The 自然人 header is broken over two lines as in the seed, and so is one row label of table
    三 chosen at random; the continuation line has no tab.
    """
    broken_row = rng.randrange(3, len(table_grids(report)[3]))

    def grid_lines(grid: Grid) -> list[str]:
        lines: list[str] = []
        is_table3 = bool(grid) and grid[0][0] == report.spec.table3.note
        for index, row in enumerate(grid):
            for cell in row:
                if is_table3 and cell == report.spec.table3.columns[0].label and len(cell) > 1:
                    lines += ["\t" + cell[:1], cell[1:]]
                elif is_table3 and index == broken_row and len(cell) > 2 and not _is_value(cell):
                    cut = rng.randrange(1, len(cell))
                    lines += ["\t" + cell[:cut], cell[cut:]]
                else:
                    lines.append("\t" + cell)
            lines.append("")
        return lines

    org = report.organization or ""
    title = report.title or ""
    # The seed prints the organisation on the first line and the rest of the title on the next.
    head = [org, title[len(org) :]] if org and title.startswith(org) else [title]
    return "\n".join(_text_lines(report, grid_lines, title_lines=head))


def _is_value(cell: str) -> bool:
    return cell.lstrip("+-").replace(".", "", 1).isdigit()


def _joined_rows(separator: Callable[[], str]) -> Callable[[Grid], list[str]]:
    def grid_lines(grid: Grid) -> list[str]:
        return [separator().join(cell for cell in row if cell) for row in grid]

    return grid_lines


def write_spaces(report: Report, rng: random.Random) -> str:
    """Each row on one line, cells separated by one to three spaces (empty cells left out)."""
    lines = _joined_rows(lambda: " " * rng.randint(1, 3))
    return "\n".join(_text_lines(report, lines, title_lines=[report.title or ""]))


def write_tabs(report: Report, rng: random.Random) -> str:
    """Each row on one line, cells separated by tabs; empty cells kept (leading tabs)."""

    def grid_lines(grid: Grid) -> list[str]:
        return ["\t".join(row) for row in grid]

    return "\n".join(_text_lines(report, grid_lines, title_lines=[report.title or ""]))


def write_markdown(report: Report, rng: random.Random) -> str:
    """Markdown tables: `| a | b |` rows padded to the table's width, a `|---|` row after the first."""

    def grid_lines(grid: Grid) -> list[str]:
        width = max(len(row) for row in grid)
        lines = [""]
        for index, row in enumerate(grid):
            cells = [*row, *[""] * (width - len(row))]
            lines.append("| " + " | ".join(cells) + " |")
            if index == 0:
                lines.append("|" + "---|" * width)
        return [*lines, ""]

    return "\n".join(_text_lines(report, grid_lines, title_lines=[f"# {report.title or ''}"]))


def write_web_capture(report: Report, rng: random.Random) -> str:
    """A page capture: a metadata header, then the whole body on one line with the table cells
    run together (values separated by nothing or, at random, by one space)."""

    def grid_text(grid: Grid) -> str:
        out = []
        for row in grid:
            text = ""
            for i, cell in enumerate(row):
                gap = " " if i and _is_value(cell) and _is_value(row[i - 1]) and rng.random() < 0.3 else ""
                text += gap + cell
            out.append(text)
        return "".join(out)

    grids = table_grids(report)
    body = [report.title + " " if report.title and rng.random() < 0.5 else "", report.preamble]
    for section in report.sections:
        heading = section.heading
        if rng.random() < 0.2:  # some captures drop the 、 after the numeral (一总体情况)
            heading = heading.replace("、", "", 1)
        body.append(heading + section.text.replace("\n", ""))
        if section.number in grids:
            body.append(grid_text(grids[section.number]))
    body.append(f" {report.organization or ''}{date_text(report)}")
    header = [
        f"标题: {report.title or ''}",
        "发布时间: 2024-01-20 09:00",
        "栏目: 政府信息公开年报",
        "==================== 正文 ====================",
    ]
    return "\n".join([*header, "".join(body), ""])


WRITERS: dict[str, Callable[[Report, random.Random], str]] = {
    "tab_cells": write_tab_cells,
    "spaces": write_spaces,
    "tabs": write_tabs,
    "markdown": write_markdown,
    "web_capture": write_web_capture,
}


def write(report: Report, layout: str, rng: random.Random) -> str:
    return WRITERS[layout](report, rng)
