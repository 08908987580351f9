"""A report's tables laid out for the staff page, each number with the link to the cases it
counts (table 三 and 四; table 二 comes from the registry and the yearly figures)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from xxgk.checks.cells import fmt, rows_in_use
from xxgk.report import Report
from xxgk.template import Table

Link = Callable[[str, str, str], str | None]


@dataclass(frozen=True)
class Cell:
    value: str
    url: str | None


@dataclass(frozen=True)
class RowView:
    label: str
    cells: list[Cell]


@dataclass(frozen=True)
class TableView:
    key: str
    title: str
    columns: list[str]
    rows: list[RowView]


def grid_tables(report: Report, link: Link) -> list[TableView]:
    """Tables 三 and 四 as grids (rows × the table's columns)."""
    return [_grid(report, report.spec.table3, link), _grid(report, report.spec.table4, link)]


def _grid(report: Report, table: Table, link: Link) -> TableView:
    data = report.table(table.key)
    rows = [
        RowView(
            label=row.printed_label if table.key == "table3" else row.display_name,
            cells=[
                Cell(fmt(data[row.key][col.key]), link(table.key, row.key, col.key)) for col in table.columns
            ],
        )
        for row in rows_in_use(report, table)
    ]
    columns = [col.display_name for col in table.columns]
    return TableView(table.key, table.title, columns, rows)


def listed_table2(report: Report, link: Link) -> list[tuple[str, str, Cell]]:
    """Table 二 as (row, column, cell) lines: its rows have different columns."""
    table = report.spec.table2
    return [
        (
            f"{row.caption} {row.label}",
            col.label,
            Cell(fmt(report.table2[row.key][col.key]), link(table.key, row.key, col.key)),
        )
        for row in table.rows
        for col in table.columns_of(row)
    ]
