"""Reads of remedies, already scoped to what the user may see, and table 四's one grouped query."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db.models import Count, QuerySet

from xxgk.report import TableData
from xxgk.web.applications.models import Application
from xxgk.web.orgs.actors import Actor
from xxgk.web.orgs.models import Organisation
from xxgk.web.orgs.scoping import get_visible, scope
from xxgk.web.remedies.choices import TABLE4
from xxgk.web.remedies.counting import column_condition
from xxgk.web.remedies.models import Remedy

Table4 = TableData


def remedies_for(user: Actor, *, organisation: Organisation | None = None) -> QuerySet[Remedy]:
    """Visible cases (voided included; lists show them struck through), newest first."""
    rows = scope(Remedy.objects.select_related("organisation", "application"), user)
    return rows.filter(organisation=organisation) if organisation is not None else rows


def remedy_for(user: Actor, pk: int) -> Remedy:
    return get_visible(Remedy.objects.select_related("organisation", "application"), user, pk=pk)


def application_by_number(user: Actor, organisation: Organisation, number: str) -> Application | None:
    """The visible application of `organisation` with 受理编号 `number`, to link a case to."""
    return scope(Application.objects.filter(organisation=organisation, number=number), user).first()


def counted_remedies(
    user: Actor, organisation: Organisation, year: int, row: str, column: str
) -> QuerySet[Remedy]:
    """The cases behind one cell of table 四 (drill-down); KeyError for an unknown cell."""
    TABLE4.row(row)
    return remedies_for(user, organisation=organisation).filter(column_condition(column, year), kind=row)


def table4_counts(organisation_ids: Iterable[int], year: int) -> dict[int, Table4]:
    """Table 四 of `year` for each organisation: one GROUP BY (organisation, kind) with one
    conditional COUNT per column. Rows and columns come from the template; absent ones are 0.
    Scoping is the caller's: pass the organisations the user may see."""
    ids = list(organisation_ids)
    columns = [col.key for col in TABLE4.columns]
    # Rows with the annotated counts, which the stubs' typed `values()` does not see.
    grouped: QuerySet[Remedy, Mapping[str, Any]] = (
        Remedy.objects.filter(organisation_id__in=ids)
        .values("organisation_id", "kind")
        .order_by()
        .annotate(**{f"n_{col}": Count("pk", filter=column_condition(col, year)) for col in columns})
    )
    tables: dict[int, Table4] = {
        org_id: {row.key: dict.fromkeys(columns, 0) for row in TABLE4.rows} for org_id in ids
    }
    for group in grouped:
        tables[group["organisation_id"]][group["kind"]] = {col: group[f"n_{col}"] for col in columns}
    return tables
