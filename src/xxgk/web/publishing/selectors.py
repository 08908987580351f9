"""Reads of the publishing context."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db.models import Count, Q

from xxgk.template import GB2021
from xxgk.web.publishing.models import RegulatoryDocument, Validity
from xxgk.web.publishing.models.registry import REGISTRY_ROWS, validity_q

_COLUMNS = tuple(column.key for column in GB2021.table2.row("regulations").columns)


def registry_table2(organisation_ids: Iterable[int], year: int) -> dict[str, dict[str, int]]:
    """Table 二, 第二十条第（一）项, of the given organisations for `year`, from the registry.

    Counting rule (one grouped query over the registry):
    - `issued` 本年制发件数: documents whose 印发日期 (`issued_on`) lies in the year;
    - `repealed` 本年废止件数: documents whose 废止日期 (`repealed_on`) lies in the year —
      only 废止; a document that lapses (失效, 已修改, or reaching its 有效期) is not 废止;
    - `in_force` 现行有效件数: documents in force on 31 December of the year: issued on or before
      that day, not repealed and not lapsed on or before it, and with no 有效期 or one reaching
      at least that day. Whether a document has yet taken effect (施行日期) does not matter.

    So this year's in_force = last year's in_force + issued − repealed − those that lapsed in the
    year, which is why the cross-year check of the report is only a warning for lapses.
    Scoping is the caller's: pass the organisations the user may see.
    """
    first, last = date(year, 1, 1), date(year, 12, 31)
    in_force = Q(issued_on__lte=last) & validity_q(Validity.EFFECTIVE, last)
    rows = (
        RegulatoryDocument.objects.filter(organisation_id__in=list(organisation_ids))
        .values("kind")
        .order_by("kind")
        .annotate(
            issued=Count("pk", filter=Q(issued_on__range=(first, last))),
            repealed=Count("pk", filter=Q(repealed_on__range=(first, last))),
            in_force=Count("pk", filter=in_force),
        )
    )
    table = {key: dict.fromkeys(_COLUMNS, 0) for key in REGISTRY_ROWS}
    for row in rows:
        table[row["kind"]] = {column: row[column] for column in _COLUMNS}
    return table
