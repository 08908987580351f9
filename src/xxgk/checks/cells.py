"""Reading table cells for the rules: numbers (blank counts as 0), which rows a report uses, cell names."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import partial
from itertools import chain
from operator import attrgetter, is_
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


def row_values(report: Report, table: Table, row: Row) -> list[Any]:
    """The row's values in the order of its columns, None where blank."""
    return list(_values_of(report, table, row))


def _values_of(report: Report, table: Table, row: Row) -> Iterator[Any]:
    values = report.table(table.key).get(row.key, {})
    return map(values.get, map(_KEY, table.columns_of(row)))


_KEY = attrgetter("key")


def row_cells(report: Report, table: Table, row: Row) -> list[tuple[Column, Any]]:
    return list(zip(table.columns_of(row), row_values(report, table, row), strict=True))


def row_is_blank(report: Report, table: Table, row: Row) -> bool:
    return all(map(_is_none, _values_of(report, table, row)))  # stops at the first value


_is_none = partial(is_, None)


def table_values(report: Report, table: Table) -> list[Any]:
    """Every value the report holds for `table`, in no particular order: enough to tell that no
    cell of it has anything to say, before reading it cell by cell."""
    return list(chain.from_iterable(map(dict.values, report.table(table.key).values())))


def counts_only(values: Iterable[Any]) -> bool:
    """Whether every value is blank or a whole number, the common case (tested at C speed, so the
    rules go cell by cell only where there may be something to say)."""
    return _COUNT_TYPES.issuperset(map(type, values))


def counts_not_negative(values: list[Any]) -> bool:
    """Whether every value is blank or a whole number ≥ 0 (`filter` drops the blanks, and zeros)."""
    return counts_only(values) and min(filter(None, values), default=0) >= 0


# `num` maps these to themselves and None to 0; a bool is not a number here.
_COUNT_TYPES = frozenset({int, type(None)})


def missing_rows(report: Report) -> dict[str, set[str]]:
    """Per table key, the keys of the rows in use that the report does not show: every cell blank,
    and the source does not print the row (`printed_rows`)."""
    blank = {
        table.key: {row.key for row in rows_in_use(report, table) if row_is_blank(report, table, row)}
        for table in report.spec.tables
    }
    if not any(blank.values()):
        return blank
    printed = printed_rows(report)
    return {table: {row for row in rows if (table, row) not in printed} for table, rows in blank.items()}


def cells_left_unread(report: Report, table: Table) -> set[tuple[str, str]]:
    """(row key, column key) of the blank cells of `table` that the reading left null rather than
    the report printing them blank: under a reader's error (`Finding.left_unread`: a row it could
    not place cell by cell), or in a row the source does not show at all (`missing_rows`). What
    they hold is unknown, so no rule may count them as 0 against the report."""
    errors = [f for f in report.findings if f.left_unread and f.place.table == table.key]
    missing = missing_rows(report)[table.key]
    return {
        (row.key, col.key)
        for row in rows_in_use(report, table)
        if row.key in missing or errors
        for col, value in zip(table.columns_of(row), _values_of(report, table, row), strict=True)
        if value is None
        and (row.key in missing or any(f.covers(table.key, row.key, col.key) for f in errors))
    }


def printed_rows(report: Report) -> set[tuple[str | None, str | None]]:
    """(table key, row key) of the rows the source shows: the parser recorded where one of the
    row's cells was read, or placed one of its own findings (e.g. an unreadable number) on the row.

    A recorded cell `table3.other.no_fee.total` shows each row whose key, with a dot, begins its
    row part: other.no_fee, and the short row other too."""
    rows = {(f.place.table, f.place.row) for f in report.findings}
    for key in report.provenance:
        table, _, rest = key.partition(".")
        dot = rest.find(".")
        while dot != -1:
            rows.add((table, rest[:dot]))
            dot = rest.find(".", dot + 1)
    return rows


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
