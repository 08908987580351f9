"""Table 三 from the applications: which applications each cell counts, and the one grouped query.

The rule (the applications' contract): an application counts only once its receipt date
(`received_on`) is known; it is open on a day D if received on or before D and not concluded by D.
For year Y: 本年新收 = received in Y; 上年结转 = received before 1 January Y and still open on
31 December Y-1; each result row = concluded in Y with that outcome; 结转下年度 = open on
31 December Y. So new + carried_in = total + carried_out in every column, and this year's
carried_in is last year's carried_out by construction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.db.models import Count, Q, QuerySet

from xxgk.report import CellValue, TableData
from xxgk.template import GB2021, TOTAL, Row
from xxgk.web.applications.models import Application

TABLE3 = GB2021.table3
APPLICANT_COLUMNS = tuple(col.key for col in TABLE3.columns if col.key != TOTAL)
# The assembled report prints （六） as its three sub-rows; the short row stays null.
SHORT_ROWS = frozenset(row.key for row in TABLE3.rows if row.collapses)
RESULT_ROWS = tuple(row.key for row in TABLE3.rows if row.is_result and not row.collapses)
FILLED_ROWS = tuple(row.key for row in TABLE3.rows if row.key not in SHORT_ROWS)

Table3 = TableData


def _bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def relevant(year: int) -> Q:
    """Every application that appears anywhere in table 三 of `year`."""
    first, last = _bounds(year)
    return Q(received_on__isnull=False, received_on__lte=last) & (
        Q(concluded_on__isnull=True) | Q(concluded_on__gte=first)
    )


def _open_on(day: dt.date) -> Q:
    return Q(received_on__lte=day) & (Q(concluded_on__isnull=True) | Q(concluded_on__gt=day))


def row_condition(row: str, year: int) -> Q:
    """The applications counted in table 三 row `row` of `year` (any applicant column)."""
    first, last = _bounds(year)
    if row in SHORT_ROWS or row not in FILLED_ROWS:
        raise KeyError(row)
    concluded = Q(concluded_on__range=(first, last))
    if row == "new":
        condition = Q(received_on__range=(first, last))
    elif row == "carried_in":
        condition = Q(received_on__lt=first) & _open_on(first - dt.timedelta(days=1))
    elif row == "carried_out":
        condition = _open_on(last)
    elif row == TOTAL:
        condition = concluded & Q(outcome__in=RESULT_ROWS)
    else:
        condition = concluded & Q(outcome=row)
    return relevant(year) & condition


def cell_condition(row: str, column: str, year: int) -> Q:
    """The applications behind one cell (drill-down uses the same condition as the count)."""
    condition = row_condition(row, year)
    if column == TOTAL:
        return condition
    if column not in APPLICANT_COLUMNS:
        raise KeyError(column)
    return condition & Q(applicant_kind=column)


def table3_counts(organisation_ids: Iterable[int], year: int) -> dict[int, Table3]:
    """Table 三 of `year` for each organisation: one GROUP BY (organisation, applicant kind) with
    one conditional COUNT per row; the 总计 column is the sum of the applicant columns."""
    ids = list(organisation_ids)
    # Rows with the annotated counts, which the stubs' typed `values()` does not see.
    grouped: QuerySet[Application, Mapping[str, Any]] = (
        Application.objects.filter(relevant(year), organisation_id__in=ids)
        .values("organisation_id", "applicant_kind")
        .order_by()
        .annotate(**{_alias(row): Count("pk", filter=row_condition(row, year)) for row in FILLED_ROWS})
    )
    tables = {org_id: _zero_table() for org_id in ids}
    for group in grouped:
        table, column = tables[group["organisation_id"]], group["applicant_kind"]
        for row in FILLED_ROWS:
            table[row][column] = group[_alias(row)]
    for table in tables.values():
        for row in FILLED_ROWS:
            table[row][TOTAL] = sum(table[row][col] or 0 for col in APPLICANT_COLUMNS)
    return tables


def _alias(row: str) -> str:
    return "n_" + row.replace(".", "__")


def _zero_table() -> Table3:
    def cells(row: Row) -> dict[str, CellValue]:
        value = None if row.key in SHORT_ROWS else 0
        return {col.key: value for col in TABLE3.columns}

    return {row.key: cells(row) for row in TABLE3.rows}
