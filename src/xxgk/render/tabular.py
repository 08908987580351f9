"""The long format: one row per template cell of each report — the ONE definition used by
`xxgk render --to csv|xlsx` and `xxgk extract --format csv|xlsx` on whole corpora.

Every report on a template yields the same cells in the same order (cells the report does not
print, such as the unused form of （六）, have an empty value), so corpora pivot cleanly.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TextIO

from xxgk.render.spreadsheet_text import safe_row
from xxgk.report import CellValue, Report
from xxgk.template import Column, Row, Table, Template

# Field names (stable machine keys, like the JSON keys of the report model).
LONG_FIELDS: tuple[str, ...] = (
    "report",
    "organization",
    "year",
    "template",
    "table",
    "row",
    "column",
    "label",
    "value",
)

LongRow = tuple[str | int | Decimal | None, ...]


def report_id(report: Report) -> str:
    """How a report is named in the long format: its source, else 单位 + 年份."""
    if report.source:
        return report.source
    return f"{report.organization or ''}{report.year or ''}"


def cell_label(table: Table, row: Row, column: Column) -> str:
    """The printed headings of one cell, outermost first: 第二十条第（一）项·规章·本年制发件数."""
    parts = (row.caption, row.group, row.label, column.group, column.label)
    return "·".join(part for part in parts if part)


def long_values(reports: Iterable[Report]) -> Iterator[LongRow]:
    """One row per template cell per report, values in the order of `LONG_FIELDS` as in the model
    (None = blank)."""
    for report in reports:
        head = (report_id(report), report.organization, report.year, report.template)
        tables = {table.key: report.table(table.key) for table in report.spec.tables}
        for table, row, column, label in _template_cells(report.spec):
            value: CellValue = tables[table].get(row, {}).get(column)
            yield (*head, table, row, column, label, value)


@cache
def _template_cells(template: Template) -> tuple[tuple[str, str, str, str], ...]:
    """(table, row, column, label) of every cell of `template`, in printed order: the same for every
    report on it, so built once."""
    return tuple(
        (table.key, row.key, column.key, cell_label(table, row, column))
        for table in template.tables
        for row in table.rows
        for column in table.columns_of(row)
    )


def count_cells(report: Report) -> int:
    """How many long-format rows one report yields."""
    return sum(len(table.cell_keys()) for table in report.spec.tables)


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def write_csv(reports: Iterable[Report], out: TextIO | Path) -> int:
    """Write the long format as CSV (header row first); a Path is written UTF-8 with BOM for Excel.

    Returns the number of data rows written.
    """
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8-sig", newline="") as stream:
            return write_csv(reports, stream)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(LONG_FIELDS)
    count = 0
    for values in long_values(reports):
        writer.writerow(safe_row(map(_csv_value, values)))
        count += 1
    return count
