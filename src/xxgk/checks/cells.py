"""Reading table cells for the rules: numbers (blank counts as 0), which rows a report uses, cell names."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from xxgk.report import Report
from xxgk.template import Column, Row, Table

Number = int | Decimal


def is_number(value: Any) -> bool:
    return isinstance(value, int | Decimal | float) and not isinstance(value, bool)


def num(value: Any) -> Number:
    """A cell as a number for the identities: blank (None) and anything unreadable count as 0."""
    kind = type(value)
    if kind is int or kind is Decimal:  # the common case, first: the rules call this per cell
        return value
    if not is_number(value):
        return 0
    if isinstance(value, float):
        return Decimal(str(value))
    return value


def fmt(value: Any) -> str:
    """A number as it would be printed; a blank cell as 空."""
    return "空" if value is None else str(value)


def unused_rows(report: Report, table: Table) -> set[str]:
    """Rows of `table` that this report's form leaves out: the （六） sub-rows under the short form,
    the short row under the split form. Derived from `Row.collapses`."""
    return collapsed_rows(table, report.short_other_row)


def collapsed_rows(table: Table, short_other_row: bool) -> set[str]:
    """`unused_rows` for a form of （六）: its sub-rows when printed as one row, else the one row."""
    unused: set[str] = set()
    for row in table.rows:
        if row.collapses:
            unused |= set(row.collapses) if short_other_row else {row.key}
    return unused


def rows_in_use(report: Report, table: Table) -> tuple[Row, ...]:
    skip = unused_rows(report, table)
    return tuple(row for row in table.rows if row.key not in skip)


def row_cells(report: Report, table: Table, row: Row) -> list[tuple[Column, Any]]:
    values = report.table(table.key).get(row.key, {})
    return [(col, values.get(col.key)) for col in table.columns_of(row)]


def row_is_blank(report: Report, table: Table, row: Row) -> bool:
    return all(value is None for _, value in row_cells(report, table, row))


def row_printed(report: Report, table: Table, row: Row) -> bool:
    """Whether the source shows the row: the parser recorded where one of its cells was read, or
    one of the parser's own findings (e.g. an unreadable number) is placed on the row."""
    prefix = f"{table.key}.{row.key}."
    if any(key.startswith(prefix) for key in report.provenance):
        return True
    return any(f.place.table == table.key and f.place.row == row.key for f in report.findings)


def column_name(column: Column) -> str:
    """法人或其他组织·其他 for a grouped column, else its label."""
    return column.display_name


def row_name(table: Table, row: Row) -> str:
    """A row as a reader finds it: table 四 names its block (行政诉讼·复议后起诉); table 三 prints the
    group heading only for sub-rows numbered 1., 2., … (（三）不予公开·1.属于国家秘密)."""
    if table.key == "table4" or (row.group and row.label[:1].isdigit()):
        return row.display_name
    return row.label


def cell_name(table: Table, row: Row, column: Column) -> str:
    """A short human name of a cell inside one table: 「（一）予以公开」「自然人」."""
    return f"「{row_name(table, row)}」「{column_name(column)}」"
