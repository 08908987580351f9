"""Assertions on a report read from a real input: every printed cell against the hand-read
figures, the findings a clean input must not raise, the 2021 template's headings."""

from __future__ import annotations

from xxgk.report import Report
from xxgk.template import get_template

CLEAN_INPUT_FORBIDDEN = {
    "P-ROW-UNKNOWN",
    "P-ROWS-UNLABELLED",
    "P-CELL-UNREADABLE",
    "P-ROW-SHORT",
    "P-ROW-EXTRA-VALUES",
}
HEADINGS_2021 = [s.heading for s in get_template("2021").sections]


def codes(report: Report) -> set[str]:
    return {f.code for f in report.findings}


def assert_tables(
    report: Report, non_zero: dict[str, dict[str, dict[str, object]]], empty: set[str] = frozenset()
):
    """Every cell the report prints: `non_zero` lists the printed non-zero cells; every other
    printed cell must read 0; cells in `empty` ("table.row.column") must be None."""
    for table in report.spec.tables:
        for row in table.rows:
            for col in table.columns_of(row):
                where = f"{table.key}.{row.key}.{col.key}"
                value = report.cell(table.key, row.key, col.key)
                if where in empty or _unused(report, table.key, row.key):
                    assert value is None, where
                else:
                    expected = non_zero.get(table.key, {}).get(row.key, {}).get(col.key, 0)
                    assert value == expected, f"{where}: expected {expected!r}, read {value!r}"
                    assert type(value) is type(expected) or expected == 0, where


def _unused(report: Report, table: str, row: str) -> bool:
    """Rows the report's （六） form leaves out (never invented)."""
    if table != "table3":
        return False
    short = report.spec.table3.row("other")
    return row in short.collapses if report.other_row == "short" else row == "other"


def all_cells(report: Report) -> dict[str, object]:
    """Every cell of tables 二, 三 and 四 by its key (`table3.new.total`), to compare two readings."""
    return {
        f"{t}.{r}.{c}": v
        for t in ("table2", "table3", "table4")
        for r, columns in report.table(t).items()
        for c, v in columns.items()
    }
